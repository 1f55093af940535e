using Portal.Web.Features.Lists;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Web.Tests.ListsWorkItems;

/// <summary>The "lists/{community}" live topic through the real hub: who may join, and that events carry ids and statuses only.</summary>
public sealed class ListsTopicTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<int> CommunityAsync(int index) => TestAccounts.DbAsync(Host, db =>
        db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private async Task<HubConnection> ConnectAsAsync(string userName)
    {
        var (client, cookies) = PortalClient.Create(Host.BaseAddress);
        using (client)
        {
            using var response = await PortalClient.SignInAsync(client, userName);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        return await HubConnections.ConnectAsync(Host.BaseAddress, LiveHub.Path, cookies, ct: Ct);
    }

    private static async Task<bool> CanJoinAsync(HubConnection hub, string topic)
    {
        try
        {
            await hub.InvokeAsync<JsonElement>("Join", topic, null, Ct);
            return true;
        }
        catch (HubException e) when (e.Message.Contains("forbidden"))
        {
            return false;
        }
    }

    [Fact]
    public async Task Members_of_the_community_join_its_lists_topic_and_others_are_refused()
    {
        var qingnianhu = ListsChannels.For(await CommunityAsync(0));
        await using var resident = await ConnectAsAsync("resident");
        await using var liaison = await ConnectAsAsync("liaison");
        await using var resident2 = await ConnectAsAsync("resident2");

        Assert.True(await CanJoinAsync(resident, qingnianhu));
        Assert.True(await CanJoinAsync(liaison, qingnianhu));
        Assert.False(await CanJoinAsync(resident2, qingnianhu));
        Assert.False(await CanJoinAsync(resident, "lists/0" + (await CommunityAsync(0))));
        Assert.False(await CanJoinAsync(resident, "lists/"));
    }

    [Fact]
    public async Task A_raised_need_reaches_the_topic_with_its_id_status_and_kind_only()
    {
        var community = await CommunityAsync(0);
        await using var secretary = await ConnectAsAsync("secretary");
        var events = secretary.Receive(LiveHub.EventMethod);
        await secretary.InvokeAsync<JsonElement>("Join", ListsChannels.For(community), null, Ct);

        var raised = await TestAccounts.AsAsync(Host, "resident", s => s.GetRequiredService<WorkItemService>().RaiseAsync(new RaiseNeedForm
        {
            Title = "私人信息不应外泄", Description = "电话 13800000000", Category = WorkItemCategories.Health, CommunityId = community,
        }, Ct));
        Assert.True(raised.Succeeded, Host.TextOf(raised));

        JsonElement payload;
        do
        {
            var message = await events.NextAsync(TimeSpan.FromSeconds(5));
            payload = message.GetProperty("payload");
        } while (payload.GetProperty("id").GetInt32() != raised.Id);

        Assert.Equal(["id", "status", "kind"], payload.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("13800000000", payload.GetRawText());
        Assert.DoesNotContain("私人信息", payload.GetRawText());
    }
}

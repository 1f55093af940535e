using Portal.Web.Features.Announcements;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;

namespace Portal.Web.Tests.Live;

/// <summary>The live hub through the .NET SignalR client over the WebSocket transport, as a browser talks to it, on real Kestrel.</summary>
public sealed class LiveHubTests(LiveHubTests.Server server) : IClassFixture<LiveHubTests.Server>
{
    public sealed class Server : IDisposable
    {
        public PortalHost Portal { get; } = new(useKestrel: true);
        public void Dispose() => Portal.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalHost Portal => server.Portal;

    private async Task<int> CommunityIdAsync(string name)
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    private Task<int> QingnianhuAsync() => CommunityIdAsync(DemoDataSeeder.CommunityNames[0]);
    private Task<int> AndeliAsync() => CommunityIdAsync(DemoDataSeeder.CommunityNames[1]);

    private async Task<HubConnection> ConnectAsAsync(string userName, Action<ClientWebSocket>? socketCreated = null)
    {
        var (client, cookies) = PortalClient.Create(Portal.BaseAddress);
        using (client)
        {
            using var response = await PortalClient.SignInAsync(client, userName);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        return await HubConnections.ConnectAsync(Portal.BaseAddress, LiveHub.Path, cookies, socketCreated: socketCreated, ct: Ct);
    }

    private LiveEventBus Bus => Portal.Services.GetRequiredService<LiveEventBus>();

    [Fact]
    public async Task An_anonymous_connection_is_refused_before_the_handshake()
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => HubConnections.ConnectAsync(Portal.BaseAddress, LiveHub.Path, cookies: null, ct: Ct));

        Assert.Contains("401", refused.Message);
    }

    [Fact]
    public async Task A_resident_cannot_join_another_communitys_topic_and_receives_none_of_its_events()
    {
        var qingnianhu = CommunityChannels.For(await QingnianhuAsync());
        var andeli = CommunityChannels.For(await AndeliAsync());
        await using var resident2 = await ConnectAsAsync("resident2");
        var events = resident2.Receive(LiveHub.EventMethod);

        var refused = await Assert.ThrowsAsync<HubException>(() => resident2.InvokeAsync<JsonElement>("Join", qingnianhu, null, Ct));
        Assert.Contains("forbidden", refused.Message);
        var refusedCatchUp = await Assert.ThrowsAsync<HubException>(() => resident2.InvokeAsync<JsonElement>("CatchUp", qingnianhu, 0, Ct));
        Assert.Contains("forbidden", refusedCatchUp.Message);

        // Their own community's topic is fine.
        var joined = await resident2.InvokeAsync<JsonElement>("Join", andeli, null, Ct);
        Assert.Equal(andeli, joined.GetProperty("channel").GetString());

        // An event of the other community does not arrive; the next one to arrive is their own community's.
        await Bus.PublishAsync(qingnianhu, "test.secret", new { text = "青年湖社区内部" }, Ct);
        var own = await Bus.PublishAsync(andeli, "test.own", new { text = "安德里社区" }, Ct);
        var received = await events.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(andeli, received.GetProperty("channel").GetString());
        Assert.Equal(own.Sequence, received.GetProperty("sequence").GetInt64());
    }

    /// <summary>
    /// Issue 10, item 6: every refused join logged a full stack trace at error level, so any signed-in client could fill
    /// the log. A refusal is a warning without a stack trace, at most one per connection and minute.
    /// </summary>
    [Fact]
    public async Task Refused_joins_are_one_warning_per_connection_and_minute_without_a_stack_trace()
    {
        var qingnianhu = CommunityChannels.For(await QingnianhuAsync());
        await using var first = await ConnectAsAsync("resident2");
        await using var second = await ConnectAsAsync("resident2");
        var before = Portal.Logs.Entries.Count;

        for (var i = 0; i < 30; i++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => first.InvokeAsync<JsonElement>(i % 2 == 0 ? "Join" : "CatchUp", qingnianhu, i % 2 == 0 ? null : 0, Ct));
            Assert.Contains("forbidden", refused.Message);
        }
        await Assert.ThrowsAsync<HubException>(() => second.InvokeAsync<JsonElement>("Join", qingnianhu, null, Ct));
        // The connection still works after its refusals.
        var own = CommunityChannels.For(await AndeliAsync());
        Assert.Equal(own, (await first.InvokeAsync<JsonElement>("Join", own, null, Ct)).GetProperty("channel").GetString());

        var logged = Portal.Logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.DoesNotContain(logged, e => e.Exception is not null && e.Message.Contains("Join", StringComparison.Ordinal));
        var warnings = logged.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains(qingnianhu, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Null(w.Exception));
        Assert.All(warnings, w => Assert.Contains("resident2", w.Message));
    }

    [Fact]
    public async Task Calls_a_client_can_repeat_at_will_never_log_errors()
    {
        await using var client = await ConnectAsAsync("resident2");
        var before = Portal.Logs.Entries.Count;

        for (var i = 0; i < 20; i++)
        {
            await client.InvokeAsync("Leave", (string?)null, Ct);
            await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<JsonElement>("Join", 123, "not a sequence", Ct));
            await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync<JsonElement>("NoSuchMethod", Ct));
        }

        var logged = Portal.Logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.True(logged.Count(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning) <= 1, string.Join("\n", logged.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("community/abc")]
    [InlineData("community/")]
    [InlineData("community/-1")]
    [InlineData("community/ 1")]
    [InlineData("community/1/extra")]
    [InlineData("communityx/1")]
    [InlineData("unknown/1")]
    [InlineData("")]
    public async Task Malformed_and_unclaimed_topics_are_refused(string topic)
    {
        await using var admin = await ConnectAsAsync("admin");

        var refused = await Assert.ThrowsAsync<HubException>(() => admin.InvokeAsync<JsonElement>("Join", topic, null, Ct));

        Assert.Contains("forbidden", refused.Message);
    }

    [Fact]
    public async Task A_topic_written_with_a_leading_zero_is_refused_so_each_community_has_one_group()
    {
        var id = await QingnianhuAsync();
        await using var resident = await ConnectAsAsync("resident");

        await Assert.ThrowsAsync<HubException>(() => resident.InvokeAsync<JsonElement>("Join", $"community/0{id}", null, Ct));
    }

    [Theory]
    [InlineData("admin", true, true)]
    [InlineData("secretary", true, false)]
    [InlineData("member", true, false)]
    [InlineData("gridworker", true, false)]
    [InlineData("resident", true, false)]
    [InlineData("resident2", false, true)]
    public async Task Each_role_joins_exactly_the_topics_of_the_communities_it_belongs_to(string userName, bool qingnianhuAllowed, bool andeliAllowed)
    {
        await using var hub = await ConnectAsAsync(userName);

        Assert.Equal(qingnianhuAllowed, await CanJoinAsync(hub, CommunityChannels.For(await QingnianhuAsync())));
        Assert.Equal(andeliAllowed, await CanJoinAsync(hub, CommunityChannels.For(await AndeliAsync())));
    }

    [Fact]
    public async Task A_unit_liaison_joins_the_topic_of_the_community_their_unit_is_in()
    {
        int unitCommunity;
        await using (var db = await Portal.NewDbContextAsync(Ct))
        {
            var liaison = await db.Users.SingleAsync(u => u.UserName == "liaison", Ct);
            var unitId = await db.RoleAssignments.Where(r => r.UserId == liaison.Id).Select(r => r.ScopeId).SingleAsync(Ct);
            unitCommunity = await db.Units.Where(u => u.Id == unitId).Select(u => u.CommunityId!.Value).SingleAsync(Ct);
        }
        var other = unitCommunity == await QingnianhuAsync() ? await AndeliAsync() : await QingnianhuAsync();
        await using var hub = await ConnectAsAsync("liaison");

        Assert.True(await CanJoinAsync(hub, CommunityChannels.For(unitCommunity)));
        Assert.False(await CanJoinAsync(hub, CommunityChannels.For(other)));
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
    public async Task After_a_dropped_connection_a_client_gets_exactly_the_events_it_missed_in_order()
    {
        var topic = CommunityChannels.For(await QingnianhuAsync());
        long lastSeen;
        ClientWebSocket? firstSocket = null;
        await using (var first = await ConnectAsAsync("resident", socket => firstSocket = socket))
        {
            var firstEvents = first.Receive(LiveHub.EventMethod);
            var joined = await first.InvokeAsync<JsonElement>("Join", topic, null, Ct);
            var startSequence = joined.GetProperty("lastSequence").GetInt64();
            Assert.Empty(joined.GetProperty("missed").EnumerateArray());

            // Received live while connected.
            for (var i = 1; i <= 2; i++)
            {
                var sent = await Bus.PublishAsync(topic, "test.live", new { n = i }, Ct);
                var received = await firstEvents.NextAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(startSequence + i, received.GetProperty("sequence").GetInt64());
                Assert.Equal(sent.Sequence, received.GetProperty("sequence").GetInt64());
            }
            lastSeen = startSequence + 2;
            // Cut as a network would: no close handshake.
            firstSocket!.Abort();
        }

        // Published while the client is away.
        var missed = new List<LiveEvent>();
        for (var i = 1; i <= 3; i++)
            missed.Add(await Bus.PublishAsync(topic, "test.missed", new { n = i, text = $"错过的第{i}条" }, Ct));

        await using var second = await ConnectAsAsync("resident");
        var secondEvents = second.Receive(LiveHub.EventMethod);
        var rejoined = await second.InvokeAsync<JsonElement>("Join", topic, lastSeen, Ct);

        var caughtUp = rejoined.GetProperty("missed").EnumerateArray().ToList();
        Assert.Equal(missed.Count, caughtUp.Count);
        for (var i = 0; i < missed.Count; i++)
        {
            var expected = missed[i];
            var actual = caughtUp[i];
            Assert.Equal(topic, actual.GetProperty("channel").GetString());
            Assert.Equal(lastSeen + i + 1, actual.GetProperty("sequence").GetInt64());
            Assert.Equal(expected.Sequence, actual.GetProperty("sequence").GetInt64());
            Assert.Equal("test.missed", actual.GetProperty("type").GetString());
            Assert.Equal(i + 1, actual.GetProperty("payload").GetProperty("n").GetInt32());
            Assert.Equal($"错过的第{i + 1}条", actual.GetProperty("payload").GetProperty("text").GetString());
            var serverTime = actual.GetProperty("serverTimeUtc").GetDateTime();
            Assert.Equal(DateTimeKind.Utc, serverTime.Kind);
            Assert.Equal(expected.ServerTimeUtc, serverTime, TimeSpan.FromMilliseconds(1));
        }
        Assert.Equal(missed[^1].Sequence, rejoined.GetProperty("lastSequence").GetInt64());

        // The explicit catch-up call agrees, and live delivery resumes on the new connection.
        var again = await second.InvokeAsync<JsonElement>("CatchUp", topic, lastSeen, Ct);
        Assert.Equal(missed.Select(m => m.Sequence), again.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
        var next = await Bus.PublishAsync(topic, "test.live", new { n = 4 }, Ct);
        var live = await secondEvents.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(next.Sequence, live.GetProperty("sequence").GetInt64());
        Assert.Equal(missed[^1].Sequence + 1, next.Sequence);
    }

    [Fact]
    public async Task Catching_up_from_the_latest_sequence_returns_nothing()
    {
        var topic = CommunityChannels.For(await AndeliAsync());
        await Bus.PublishAsync(topic, "test.any", new { }, Ct);
        var last = await Bus.LastSequenceAsync(topic, Ct);
        await using var hub = await ConnectAsAsync("resident2");

        var joined = await hub.InvokeAsync<JsonElement>("Join", topic, last, Ct);

        Assert.Empty(joined.GetProperty("missed").EnumerateArray());
        Assert.Equal(last, joined.GetProperty("lastSequence").GetInt64());
    }
}

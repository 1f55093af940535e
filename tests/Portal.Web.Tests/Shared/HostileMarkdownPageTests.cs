using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Announcements;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Shared;

/// <summary>
/// Issue 10, item 1: 33 or more "[" in a row made Markdig throw while rendering, so the page of such a need,
/// announcement or meeting answered 500 for every viewer (and the need could never be triaged). Every page that shows
/// Markdown is requested over HTTP here (the server renders it before the circuit starts), and the Word minutes too.
/// </summary>
public sealed class HostileMarkdownPageTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private static readonly string Brackets = new('[', 40);
    private static readonly string Hostile = Brackets + "楼道灯坏了" + Brackets;

    private Task<HttpClient> SignedInAsync(string user) => PortalClient.SignedInAsync(Host.BaseAddress, user);

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return html;
    }

    [Fact]
    public async Task A_need_with_a_hostile_description_opens_for_every_viewer_and_can_be_triaged()
    {
        await using var db = await Host.NewDbContextAsync(Ct);
        var community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var raised = await Host.AsAsync<WorkItemService, Result>("resident", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = "括号很多的需求", Description = Hostile, Category = WorkItemCategories.Safety, CommunityId = community, Urgency = Urgency.General,
        }, Ct));
        Assert.True(raised.Succeeded, Host.TextOf(raised));

        foreach (var user in new[] { "resident", "secretary" })
        {
            using var client = await SignedInAsync(user);
            Assert.Contains(Brackets + "楼道灯坏了", await PageAsync(client, $"/lists/items/{raised.Id}"));
        }
        var detail = await Host.AsAsync<WorkItemService, WorkItemDetail?>("secretary", s => s.GetAsync(raised.Id, Ct));
        var triaged = await Host.AsAsync<WorkItemService, Result>("secretary", s => s.TriageAsync(raised.Id, detail!.Version, isShared: true, isPublic: true, note: Hostile, ct: Ct));
        Assert.True(triaged.Succeeded, Host.TextOf(triaged));
        using var secretary = await SignedInAsync("secretary");
        Assert.Contains(Brackets + "楼道灯坏了", await PageAsync(secretary, $"/lists/items/{raised.Id}"));
    }

    [Fact]
    public async Task An_announcement_with_a_hostile_body_opens()
    {
        await using var db = await Host.NewDbContextAsync(Ct);
        var community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var saved = await Host.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary", s => s.SaveAsync(
            new AnnouncementForm { CommunityId = community, Title = "括号很多的通知", Body = Hostile }, publish: true, Ct));
        Assert.Equal(Outcome.Succeeded, saved.Outcome);

        using var client = await SignedInAsync("resident");
        Assert.Contains(Brackets + "楼道灯坏了", await PageAsync(client, $"/announcements/{saved.Id}"));
        using var author = await SignedInAsync("secretary");
        await PageAsync(author, $"/announcements/{saved.Id}/edit");
    }

    [Fact]
    public async Task Minutes_of_a_meeting_with_hostile_notes_and_outcomes_open_print_and_download()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "括号很多的会议", ("议题一", 10), ("议题二", 10));
        await using (var db = await Host.NewDbContextAsync(Ct))
        {
            foreach (var item in await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(Ct))
            {
                item.Notes = Hostile;
                item.Outcome = "结论" + Hostile;
            }
            await db.SaveChangesAsync(Ct);
        }
        using var recorder = await SignedInAsync("gridworker");
        await PageAsync(recorder, $"/councils/meetings/{meetingId}/minutes");

        var view = (await TestAccounts.AsAsync(Host, "gridworker", s => s.GetRequiredService<MinutesService>().GetAsync(meetingId, Ct)))!;
        var draft = (await TestAccounts.AsAsync(Host, "gridworker", s => s.GetRequiredService<MinutesService>().GenerateDraftAsync(meetingId, Ct)))!;
        Assert.Contains(Brackets, draft);
        var approved = await TestAccounts.AsAsync(Host, "gridworker", s => s.GetRequiredService<MinutesService>().ApproveAsync(meetingId, view.Version, draft, Ct));
        Assert.True(approved.Succeeded, string.Join(", ", approved.Problems));

        Assert.Contains(Brackets + "楼道灯坏了", await PageAsync(recorder, $"/councils/meetings/{meetingId}/minutes/print"));
        Assert.Contains(Brackets, await PageAsync(recorder, $"/councils/meetings/{meetingId}/minutes"));
        using var response = await recorder.GetAsync($"/api/councils/meetings/{meetingId}/minutes.docx", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Contains(Brackets + "楼道灯坏了", document.MainDocumentPart!.Document.Body!.InnerText);
    }
}

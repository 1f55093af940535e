using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Localization;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.CouncilMinutes;

/// <summary>
/// The formal Word 会议纪要 and the print view over HTTP: a valid document that reads back with the agenda items in order
/// and the resolutions; who gets it (participants; everyone who may view the council once approved) and who gets 404.
/// </summary>
public sealed class MinutesFileTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private static readonly (string Title, int Minutes)[] Items = [("垃圾分类桶站改造", 15), ("双职工家庭课后托管", 20), ("消防通道占用集中整治", 10)];

    private Task<HttpClient> SignedInAsync(string user) => PortalClient.SignedInAsync(Host.BaseAddress, user);

    private Task<T> As<T>(string user, Func<MinutesService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<MinutesService>()));

    /// <summary>A held meeting with two resolutions, approved by the recorder with the generated draft.</summary>
    private async Task<(int MeetingId, string[] Decisions)> ApprovedMeetingAsync(bool approve = true)
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "纪要文件测试会议", Items);
        var view = (await As("gridworker", s => s.GetAsync(meetingId, Ct)))!;
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        string[] decisions = ["桶站改造：年底前完成十处", "课后托管：寒假前开班"];
        var version = view.Version;
        for (var i = 0; i < decisions.Length; i++)
        {
            var saved = await As("gridworker", s => s.SaveResolutionAsync(meetingId, version, new ResolutionForm
            {
                Decision = decisions[i], AgendaItemNumber = view.AgendaItems[i].Number, OwnerUnitId = view.Units[i].Id,
                CoOwnerUnitIds = [view.Units[i + 1].Id], DueDate = today.AddDays(30 + i).ToDateTime(TimeOnly.MinValue), ChaserPersonId = view.Chasers[0].Id,
            }, Ct));
            Assert.True(saved.Succeeded, string.Join(", ", saved.Problems));
            version = saved.Version!.Value;
        }
        if (approve)
        {
            var draft = (await As("gridworker", s => s.GenerateDraftAsync(meetingId, Ct)))!;
            var approved = await As("gridworker", s => s.ApproveAsync(meetingId, version, draft, Ct));
            Assert.True(approved.Succeeded, string.Join(", ", approved.Problems));
        }
        return (meetingId, decisions);
    }

    [Fact]
    public async Task The_word_minutes_are_valid_and_read_back_with_the_agenda_items_in_order_and_the_resolutions()
    {
        var (meetingId, decisions) = await ApprovedMeetingAsync();
        using var client = await SignedInAsync("gridworker");

        using var response = await client.GetAsync($"/api/councils/meetings/{meetingId}/minutes.docx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct));
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        Assert.Equal(council.Name + "会议纪要", paragraphs[0]);
        Assert.Contains(paragraphs, p => p.Contains("请假人员", StringComparison.Ordinal) && p.Contains(CouncilMinutesTestData.LeaveReason, StringComparison.Ordinal));
        // The agenda items are headings in their agenda order: 一、 二、 三、.
        var positions = Items.Select((item, i) => paragraphs.FindIndex(p => p == $"{"一二三"[i]}、{item.Title}")).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        // The resolutions: in the text as decided, and in the 督办 table with owner, co-owner, deadline and chaser.
        Assert.Contains(paragraphs, p => p.Contains(decisions[0], StringComparison.Ordinal));
        var rows = body.Elements<Table>().Single().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["序号", "决定事项", "责任单位", "协办单位", "完成时限", "督办人"], rows[0]);
        Assert.Equal(decisions, rows.Skip(1).Select(r => r[1]));
        Assert.Contains(paragraphs, p => p.StartsWith("本纪要已经审定。审定人：孙志强", StringComparison.Ordinal));
        // A4 portrait with page numbers in the footer.
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Contains(document.MainDocumentPart.FooterParts.Single().Footer!.Descendants<FieldCode>(), f => f.Text.Contains("PAGE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_word_minutes_are_for_readers_of_approved_minutes_only()
    {
        var (draftOnly, _) = await ApprovedMeetingAsync(approve: false);
        var (approved, _) = await ApprovedMeetingAsync();
        using var recorder = await SignedInAsync("gridworker");
        using var resident = await SignedInAsync("resident");
        using var other = await SignedInAsync("resident2");
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);

        // A draft is not a formal document; another community's resident learns nothing, not even that it exists.
        Assert.Equal(HttpStatusCode.Conflict, (await recorder.GetAsync($"/api/councils/meetings/{draftOnly}/minutes.docx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/councils/meetings/{draftOnly}/minutes.docx", Ct)).StatusCode);
        // Approved minutes are the council's record: a resident of the community may read them, another community's may not.
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/councils/meetings/{approved}/minutes.docx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/councils/meetings/{approved}/minutes.docx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recorder.GetAsync($"/api/councils/meetings/{int.MaxValue}/minutes.docx", Ct)).StatusCode);
        var signedOut = await anonymous.GetAsync($"/api/councils/meetings/{approved}/minutes.docx", Ct);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        anonymous.Dispose();
    }

    /// <summary>The names of the people <see cref="CouncilMinutesTestData.HeldMeetingAsync"/> left absent: one on leave, one absent.</summary>
    private Task<List<string>> AbsenteesAsync(int meetingId) => TestAccounts.DbAsync(Host, db => db.Attendances
        .Where(a => a.MeetingId == meetingId && a.IsExpected && a.CheckedInAtUtc == null)
        .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => p.Name).ToListAsync(Ct));

    private static string WordText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task A_resident_reads_approved_minutes_without_absentees_or_leave_reasons_and_a_member_reads_them_in_full()
    {
        var (meetingId, decisions) = await ApprovedMeetingAsync();
        var absentees = await AbsenteesAsync(meetingId);
        Assert.Equal(2, absentees.Count);
        using var resident = await SignedInAsync("resident");
        using var liaison = await SignedInAsync("liaison");

        // Word, print view and the minutes page's own data: the resident gets the public version.
        var residentWord = WordText(await resident.GetByteArrayAsync($"/api/councils/meetings/{meetingId}/minutes.docx", Ct));
        var residentPrint = await resident.GetStringAsync($"/councils/meetings/{meetingId}/minutes/print", Ct);
        var residentPage = (await As("resident", s => s.GetAsync(meetingId, Ct)))!.MinutesMarkdown!;
        foreach (var text in new[] { residentWord, residentPrint, residentPage })
        {
            Assert.DoesNotContain(CouncilMinutesTestData.LeaveReason, text);
            Assert.All(absentees, name => Assert.DoesNotContain(name, text));
            // The decisions and the attendance figures are the council's public record.
            Assert.Contains(decisions[0], text);
            Assert.Contains("应到", text);
        }

        // A member unit's liaison takes part in the council's meetings: the full minutes, with who was away and why.
        var liaisonWord = WordText(await liaison.GetByteArrayAsync($"/api/councils/meetings/{meetingId}/minutes.docx", Ct));
        var liaisonPrint = await liaison.GetStringAsync($"/councils/meetings/{meetingId}/minutes/print", Ct);
        foreach (var text in new[] { liaisonWord, liaisonPrint })
        {
            Assert.Contains(CouncilMinutesTestData.LeaveReason, text);
            Assert.All(absentees, name => Assert.Contains(name, text));
        }

        // A participant may ask for what residents read (the noticeboard's copy); a resident asking for more gets the same.
        foreach (var text in new[]
                 {
                     WordText(await liaison.GetByteArrayAsync($"/api/councils/meetings/{meetingId}/minutes.docx?edition=public", Ct)),
                     await liaison.GetStringAsync($"/councils/meetings/{meetingId}/minutes/print?edition=public", Ct),
                     WordText(await resident.GetByteArrayAsync($"/api/councils/meetings/{meetingId}/minutes.docx?edition=full", Ct)),
                     await resident.GetStringAsync($"/councils/meetings/{meetingId}/minutes/print?edition=full", Ct),
                 })
        {
            Assert.Contains(MinutesWriter.PublicNotice, text);
            Assert.DoesNotContain(CouncilMinutesTestData.LeaveReason, text);
            Assert.All(absentees, name => Assert.DoesNotContain(name, text));
        }
    }

    [Fact]
    public async Task The_print_view_is_served_to_participants_and_is_404_for_another_community()
    {
        var (meetingId, decisions) = await ApprovedMeetingAsync(approve: false);
        using var recorder = await SignedInAsync("gridworker");
        using var liaison = await SignedInAsync("liaison");
        using var resident = await SignedInAsync("resident");
        using var other = await SignedInAsync("resident2");

        var page = await recorder.GetAsync($"/councils/meetings/{meetingId}/minutes/print", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"minutes-print\"", html);
        Assert.Contains("data-testid=\"minutes-print-draft\"", html);
        Assert.Contains(Items[0].Title, html);
        Assert.Contains(decisions[1], html);
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync($"/councils/meetings/{meetingId}/minutes/print", Ct)).StatusCode);
        // Not a participant, and the minutes are not approved yet: as if the meeting did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/councils/meetings/{meetingId}/minutes/print", Ct)).StatusCode);
        var refused = await other.GetAsync($"/councils/meetings/{meetingId}/minutes/print", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(Items[0].Title, await refused.Content.ReadAsStringAsync(Ct));
    }
}

using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Sessions.Export;
using Portal.Web.Features.Deliberation.VoteLinks;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Features.Voting.Votes.Export;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.ListsDeadlines;
using Portal.Web.Tests.Voting;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// The session archive (议事档案) over HTTP, on a session run through the real services: a vote step (a residents'
/// meeting with a sign-in, closed and linked), a notice step (an objection filed and answered, the notice closed and its
/// implementation task created). The document carries the matter, the template version, the timeline with who/when/
/// evidence, then the slices' sections in order — the vote with exactly the announcement's content and the sign-ins, the
/// notice with the objection and its answer, the task — in Chinese for an English reader; the community's managers only.
/// </summary>
public sealed class SessionArchiveTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<HttpClient> SignedInAsync(string user, string? culture = null) => PortalClient.SignedInAsync(Host.BaseAddress, user, culture);

    private Task<Guid> SessionVersionAsync(int sessionId) =>
        TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));

    private Task<Guid> NoticeVersionAsync(int noticeId) =>
        TestAccounts.DbAsync(Host, db => db.PublicNotices.Where(n => n.Id == noticeId).Select(n => n.Version).SingleAsync(Ct));

    /// <summary>A session through its vote and notice steps; its id, the vote's and the notice's.</summary>
    private async Task<(int SessionId, int VoteId, int NoticeId)> RunSessionAsync(string title)
    {
        var sessionId = await DeliberationTestData.SessionAsync(Host, title,
            ProcedureStep.Of("民主定事", PortalRole.CommunitySecretary, null, EvidenceKind.Vote),
            ProcedureStep.Of("公示", PortalRole.CommunitySecretary, null, EvidenceKind.PublicNotice));
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var voteId = await VotingTestData.OpenVoteAsync(Host, VotingTestData.Form(home, new MatterScope(MatterScopeKind.Community, home),
            ShippedRuleSets.ResidentsMeeting, title: title + "表决"));
        Assert.True((await VotingTestData.As(Host, "resident", s => s.MarkPresentAsync(voteId, null, Ct))).Succeeded);
        var cast = await VotingTestData.As(Host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        Assert.True(cast.Succeeded, Host.TextOf(cast));
        var linked = await Host.AsAsync<VoteLinkService, Result<SessionVotes>>("secretary", s => s.LinkAsync(sessionId, 0, voteId, Ct));
        Assert.True(linked.Succeeded, Host.TextOf(linked));
        var closed = await VotingTestData.As(Host, "secretary", async s => await s.CloseAsync(voteId, await VotingTestData.VersionAsync(Host, voteId), Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        var voted = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", async s =>
            await s.CompleteStepAsync(sessionId, await SessionVersionAsync(sessionId), 0, [new EvidenceRef(EvidenceKind.Vote, voteId)], Ct));
        Assert.True(voted.Succeeded, Host.TextOf(voted));

        var published = await Host.AsAsync<NoticeService, Result<NoticeView>>("secretary", s => s.PublishAsync(sessionId, 7, "同意" + title, Ct));
        Assert.True(published.Succeeded, Host.TextOf(published));
        var noticeId = published.Id;
        Assert.True((await Host.AsAsync<NoticeService, Result<NoticeView>>("resident", s => s.FileObjectionAsync(noticeId, "施工时间应避开午休。", Ct))).Succeeded);
        var answered = await Host.AsAsync<NoticeService, Result<NoticeView>>("secretary", async s =>
            await s.AnswerAsync(noticeId, await NoticeVersionAsync(noticeId), 1, "施工安排在9:00-12:00。", Ct));
        Assert.True(answered.Succeeded, Host.TextOf(answered));
        var noticeClosed = await Host.AsAsync<IServiceProvider, Result<NoticeView>>("secretary", async services =>
            await ActivatorUtilities.CreateInstance<NoticeService>(services, (TimeProvider)new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(8)))
                .CloseAsync(noticeId, await NoticeVersionAsync(noticeId), Ct));
        Assert.True(noticeClosed.Succeeded, Host.TextOf(noticeClosed));
        var noticed = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", async s =>
            await s.CompleteStepAsync(sessionId, await SessionVersionAsync(sessionId), 1, [new EvidenceRef(EvidenceKind.PublicNotice, noticeId)], Ct));
        Assert.True(noticed.Succeeded, Host.TextOf(noticed));
        return (sessionId, voteId, noticeId);
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    private static List<string> Rows(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText)))];
    }

    [Fact]
    public async Task The_archive_holds_the_whole_record_in_order_with_the_votes_announcement_the_notice_and_the_task()
    {
        var title = "档案测试" + Guid.NewGuid().ToString("N")[..6];
        var (sessionId, voteId, noticeId) = await RunSessionAsync(title);
        using var secretary = await SignedInAsync("secretary", culture: "en");

        using var response = await secretary.GetAsync(SessionArchiveEndpoints.ArchivePath(sessionId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(title + "-议事档案-", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var docx = await response.Content.ReadAsByteArrayAsync(Ct);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct));
        var paragraphs = Paragraphs(docx);
        var rows = Rows(docx);
        Assert.Equal("议事档案", paragraphs[0]);
        Assert.Contains($"事项：{title}", paragraphs);
        Assert.Contains("议事规程：测试规程（第 1 版）", paragraphs);
        // The evidence in words, as the session page's timeline names it.
        Assert.Contains(rows, r => r.StartsWith("1|民主定事|已完成|社区书记|", StringComparison.Ordinal)
            && r.Contains($"|表决：{title}表决（第 {voteId} 号表决）· ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("2|公示|已完成|", StringComparison.Ordinal) && r.Contains($"|公示：第 {noticeId} 号公示 · ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("全部步骤已于", StringComparison.Ordinal));

        // The vote: exactly the announcement's content (title and seal lines aside), then who signed in.
        var announcement = Paragraphs(await secretary.GetByteArrayAsync(VotePapersEndpoints.AnnouncementPath(voteId), Ct));
        var content = announcement.Skip(1).Take(announcement.Count - 2).ToList();
        var voteHeading = paragraphs.IndexOf("表决：民主定事");
        Assert.True(voteHeading > 0, string.Join("\n", paragraphs));
        var start = paragraphs.IndexOf(content[0], voteHeading);
        Assert.True(start > voteHeading);
        // The announcement's table sits between its paragraphs in both documents: compare the paragraphs in order.
        Assert.Equal(content, paragraphs.Skip(start).Take(content.Count));
        Assert.Contains("到会签到（1 人）", paragraphs);
        var residentName = await TestAccounts.DbAsync(Host, db => db.Users.Where(u => u.UserName == "resident")
            .Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).Single()).SingleAsync(Ct));
        Assert.Contains(rows, r => r.StartsWith(residentName + "|", StringComparison.Ordinal));

        // The notice with its objection and answer, then the implementation task its closing created.
        var noticeHeading = paragraphs.IndexOf($"公示（第 {noticeId} 号）");
        Assert.True(noticeHeading > start, "the notice follows the vote");
        Assert.Contains(rows, r => r.StartsWith("1|施工时间应避开午休。|", StringComparison.Ordinal) && r.Contains("|施工安排在9:00-12:00。|", StringComparison.Ordinal));
        var task = await TestAccounts.DbAsync(Host, db => db.PublicNotices.Where(n => n.Id == noticeId)
            .Join(db.WorkItems, n => n.TaskWorkItemId, w => w.Id, (n, w) => new { w.Id, w.Title }).SingleAsync(Ct));
        Assert.True(paragraphs.IndexOf("实施任务") > noticeHeading, "the tasks follow the notice");
        Assert.Contains(rows, r => r.StartsWith($"{task.Id}|{task.Title}|", StringComparison.Ordinal));
        Assert.StartsWith(await TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Id == db.DeliberationSessions.Single(s => s.Id == sessionId).CommunityId)
            .Select(c => c.Name).SingleAsync(Ct)) + "居民委员会（盖章）", paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_communitys_managers_get_the_archive_and_a_running_session_says_how_far_it_has_come()
    {
        var sessionId = await DeliberationTestData.SessionAsync(Host, "档案权限测试",
            ProcedureStep.Of("民主定事", PortalRole.CommunitySecretary, null, EvidenceKind.Vote));
        var path = SessionArchiveEndpoints.ArchivePath(sessionId);

        using var secretary = await SignedInAsync("secretary");
        var paragraphs = Paragraphs(await secretary.GetByteArrayAsync(path, Ct));
        Assert.Contains("议事尚在进行中。", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("表决：", StringComparison.Ordinal) || p == "实施任务");
        foreach (var user in new[] { "resident", "resident2", "gridworker" })
        {
            using var client = await SignedInAsync(user);
            Assert.True((await client.GetAsync(path, Ct)).StatusCode == HttpStatusCode.NotFound, user);
        }
        using var anonymous = PortalClient.Create(Host.BaseAddress).Client;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync(SessionArchiveEndpoints.ArchivePath(int.MaxValue), Ct)).StatusCode);
    }
}

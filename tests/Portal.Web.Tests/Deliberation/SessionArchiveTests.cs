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
using Portal.Web.Features.Deliberation.Meetings;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Ratings;
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
/// A second session through a meeting, the plan, a comment window and a rating round: the meetings' sign-in sheets, the
/// opinions (a hidden one by its reason, never its text), the plan's versions with the final text and the ratings; the
/// timeline names every record in words. A session with none of these has no such parts.
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

    private async Task CompleteAsync(int sessionId, int step, params EvidenceRef[] evidence)
    {
        var done = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", async s =>
            await s.CompleteStepAsync(sessionId, await SessionVersionAsync(sessionId), step, evidence, Ct));
        Assert.True(done.Succeeded, Host.TextOf(done));
    }

    private async Task<MeetingView> ChairAsync(Func<MeetingService, Task<Result<MeetingView>>> action, string user = "secretary")
    {
        var result = await Host.AsAsync(user, action);
        Assert.True(result.Succeeded, Host.TextOf(result));
        return result.Value!;
    }

    /// <summary>
    /// A session through a meeting (two sign-ins, a motion, a speech), two plan versions, a comment window (two opinions,
    /// one supported, one hidden) and a closed rating round with a comment; its id and the hidden opinion's.
    /// </summary>
    private async Task<(int SessionId, int HiddenOpinion)> RunDeliberationAsync(string title)
    {
        var sessionId = await DeliberationTestData.SessionAsync(Host, title,
            ProcedureStep.Of("公开议事", PortalRole.CommunitySecretary, null, EvidenceKind.SignInSheet),
            ProcedureStep.Of("拟方案", PortalRole.CommunitySecretary, null, EvidenceKind.PlanDocument),
            ProcedureStep.Of("开言路", PortalRole.CommunitySecretary, null, EvidenceKind.Opinions),
            ProcedureStep.Of("群众评事", PortalRole.CommunitySecretary, null, EvidenceKind.Ratings));

        var meeting = (await ChairAsync(s => s.ScheduleAsync(sessionId, new MeetingDraft("加装电梯议事会", "居委会二楼", DateTime.UtcNow.AddMinutes(30), 20), Ct))).Id;
        await ChairAsync(s => s.OpenAsync(meeting, Ct));
        await ChairAsync(s => s.AddMotionAsync(meeting, "费用按面积分摊", Ct));
        await ChairAsync(s => s.OpenMotionAsync(meeting, 1, Ct));
        await ChairAsync(s => s.SignInAsync(meeting, Ct), "resident");
        await ChairAsync(s => s.RecordSignInAsync(meeting, "张大爷", Ct));
        var request = Assert.Single((await ChairAsync(s => s.RequestToSpeakAsync(meeting, Ct), "resident")).Waiting);
        var speech = (await ChairAsync(s => s.GiveFloorAsync(meeting, request.Number, Ct))).CurrentSpeech!;
        await ChairAsync(s => s.EndSpeechAsync(meeting, speech.Number, Ct));
        await ChairAsync(s => s.CloseMotionAsync(meeting, 1, Ct));
        await ChairAsync(s => s.CloseAsync(meeting, Ct));
        await CompleteAsync(sessionId, 0, new EvidenceRef(EvidenceKind.SignInSheet, meeting));

        var v1 = await Host.AsAsync<PlanService, Result<PlanVersionText>>("secretary", s => s.WriteAsync(sessionId, null, "# 方案\n施工时间：9:00-18:00", null, Ct));
        Assert.True(v1.Succeeded, Host.TextOf(v1));
        var v2 = await Host.AsAsync<PlanService, Result<PlanVersionText>>("secretary",
            s => s.WriteAsync(sessionId, 1, "# 方案\n施工时间：**9:00-12:00**\n\n费用按面积分摊。", "调整施工时间", Ct));
        Assert.True(v2.Succeeded, Host.TextOf(v2));
        await CompleteAsync(sessionId, 1, new EvidenceRef(EvidenceKind.PlanDocument, v2.Id));

        var kept = await Host.AsAsync<OpinionService, Result<OpinionRow>>("resident", s => s.PostAsync(sessionId, "建议**避开午休**施工。\n\n电梯井不要占用消防通道。", Ct));
        Assert.True(kept.Succeeded, Host.TextOf(kept));
        var other = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Home);
        var hidden = await Host.AsAsync<OpinionService, Result<OpinionRow>>(other, s => s.PostAsync(sessionId, "有事打我电话13800000000", Ct));
        Assert.True(hidden.Succeeded, Host.TextOf(hidden));
        Assert.True((await Host.AsAsync<OpinionService, Result>(other, s => s.SupportAsync(kept.Id, Ct))).Succeeded);
        var hid = await Host.AsAsync<OpinionService, Result<OpinionRow>>("secretary", async s => await s.HideAsync(hidden.Id,
            await TestAccounts.DbAsync(Host, db => db.Opinions.Where(o => o.Id == hidden.Id).Select(o => o.Version).SingleAsync(Ct)), "含有个人电话号码", Ct));
        Assert.True(hid.Succeeded, Host.TextOf(hid));
        await CompleteAsync(sessionId, 2, new EvidenceRef(EvidenceKind.Opinions, kept.Id));

        var round = (await Host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 7, Ct))).Id;
        var rated = await Host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(round, RatingLevel.Satisfied, "电梯运行平稳", Ct));
        Assert.True(rated.Succeeded, Host.TextOf(rated));
        var roundVersion = await TestAccounts.DbAsync(Host, db => db.RatingRounds.Where(r => r.Id == round).Select(r => r.Version).SingleAsync(Ct));
        var closed = await Host.AsAsync<IServiceProvider, Result>("secretary", services =>
            ActivatorUtilities.CreateInstance<RatingService>(services, (TimeProvider)new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(8)))
                .CloseAsync(round, roundVersion, Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        await CompleteAsync(sessionId, 3, new EvidenceRef(EvidenceKind.Ratings, round));
        return (sessionId, hidden.Id);
    }

    [Fact]
    public async Task The_archive_holds_the_meetings_sign_ins_the_opinions_the_plan_versions_and_the_ratings()
    {
        var title = "档案记录" + Guid.NewGuid().ToString("N")[..6];
        var (sessionId, hiddenId) = await RunDeliberationAsync(title);
        using var secretary = await SignedInAsync("secretary", culture: "en");

        var docx = await secretary.GetByteArrayAsync(SessionArchiveEndpoints.ArchivePath(sessionId), Ct);

        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, Ct));
        var paragraphs = Paragraphs(docx);
        var rows = Rows(docx);
        var text = string.Join("\n", paragraphs);
        var names = await TestAccounts.DbAsync(Host, async db => (
            SignedIn: await db.MeetingSignIns.Where(s => s.PersonId != null && db.DeliberationMeetings.Any(m => m.Id == s.MeetingId && m.SessionId == sessionId))
                .Select(s => s.Name).SingleAsync(Ct),
            Author: await db.Opinions.Where(o => o.SessionId == sessionId && o.HiddenAtUtc == null).Select(o => o.AuthorName).SingleAsync(Ct),
            Planner: await db.PlanVersions.Where(p => p.SessionId == sessionId && p.Number == 2).Select(p => p.AuthorName).SingleAsync(Ct)));

        // The timeline names each step's evidence in words.
        Assert.Contains(rows, r => r.StartsWith("1|公开议事|已完成|", StringComparison.Ordinal) && r.Contains("|签到表：加装电梯议事会 · ", StringComparison.Ordinal)
            && r.EndsWith(" · 签到 2 人", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("2|拟方案|已完成|", StringComparison.Ordinal) && r.Contains($"|方案文本：第2版 · {names.Planner} · ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("3|开言路|已完成|", StringComparison.Ordinal) && r.EndsWith("|意见 1 条", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("4|群众评事|已完成|", StringComparison.Ordinal) && r.EndsWith(" · 满意 1、基本满意 0、不满意 0", StringComparison.Ordinal));

        // The meeting: its figures, the sign-in sheet (self and paper), the motion and the speech on it.
        var meeting = paragraphs.IndexOf("议事会议：加装电梯议事会");
        Assert.True(meeting > paragraphs.IndexOf("议事规程与步骤"), text);
        Assert.Contains("应到 20 人，实到 2 人，出席率 10%。", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("会议于", StringComparison.Ordinal) && p.EndsWith("结束，签到表已定稿。", StringComparison.Ordinal));
        Assert.Contains("签到表（2 人）", paragraphs);
        Assert.Contains(rows, r => r.StartsWith($"1|{names.SignedIn}|扫码签到|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("2|张大爷|纸质登记|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("1|费用按面积分摊|已结束|", StringComparison.Ordinal));
        Assert.Contains("发言记录（1 次）", paragraphs);
        Assert.Contains(rows, r => r.StartsWith($"1|{names.SignedIn}|", StringComparison.Ordinal) && r.Contains("（时限 2:00）", StringComparison.Ordinal));

        // The opinions of the window, in plain words; the hidden one in its place with the reason, its text left out.
        var opinions = paragraphs.IndexOf("居民意见");
        Assert.True(opinions > meeting, "the opinions follow the meetings");
        Assert.Contains("开言路（意见 2 条）", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("1." + names.Author + " · ", StringComparison.Ordinal) && p.Contains(" · 支持 1 · 针对方案第2版", StringComparison.Ordinal));
        Assert.Contains("建议避开午休施工。", paragraphs);
        Assert.Contains("电梯井不要占用消防通道。", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("原因：含有个人电话号码。", StringComparison.Ordinal) && p.Contains($"记录号 {hiddenId}", StringComparison.Ordinal));
        Assert.DoesNotContain("13800000000", text, StringComparison.Ordinal);

        // The plan: both versions with their change, the final text in plain paragraphs.
        var plan = paragraphs.IndexOf("方案及修订");
        Assert.True(plan > opinions, "the plan follows the opinions");
        Assert.Contains(rows, r => r.StartsWith($"第1版|{names.Planner}|", StringComparison.Ordinal) && r.EndsWith("|初稿", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"第2版|{names.Planner}|", StringComparison.Ordinal) && r.EndsWith("|调整施工时间", StringComparison.Ordinal));
        var finalText = paragraphs.IndexOf("方案全文（第2版，最终版本）");
        Assert.True(finalText > plan, text);
        Assert.Equal(["方案", "施工时间：9:00-12:00", "费用按面积分摊。"], paragraphs.Skip(finalText + 1).Take(3));

        // The rating round: distribution, count, the rate with its arithmetic, the comment without its author.
        var ratings = paragraphs.IndexOf("群众评议：群众评事");
        Assert.True(ratings > plan, "the ratings come last");
        Assert.Contains(paragraphs, p => p.StartsWith("评议已于", StringComparison.Ordinal));
        Assert.Contains(rows, r => r == "满意|1|100.0%");
        Assert.Contains(rows, r => r == "不满意|0|0.0%");
        Assert.Contains("参评 1 人。", paragraphs);
        Assert.Contains("满意率 =（满意 1 + 基本满意 0）÷ 参评 1 = 100.0%", paragraphs);
        Assert.Contains("评价意见（1 条）", paragraphs);
        Assert.Contains(rows, r => r.StartsWith("1|满意|电梯运行平稳|", StringComparison.Ordinal));
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
        // Nothing recorded, no section: no meetings, opinions, plan or ratings heading.
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("议事会议：", StringComparison.Ordinal) || p == "居民意见" || p == "方案及修订"
            || p.StartsWith("群众评议：", StringComparison.Ordinal));
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

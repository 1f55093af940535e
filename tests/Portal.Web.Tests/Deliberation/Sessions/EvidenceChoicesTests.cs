using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using ShippedRuleSets = Portal.Domain.Voting.ShippedRuleSets;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Meetings;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.VoteLinks;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Voting;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Web.Tests.Deliberation.Sessions;

/// <summary>
/// What the complete-step dialog offers (<see cref="SessionService.EvidenceChoicesAsync"/>): the session's own records
/// per kind the step needs, in words, the ones not final yet with why — and what it offers as final is what completing
/// the step accepts. Another community's people get nothing.
/// </summary>
public sealed class EvidenceChoicesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<IReadOnlyList<EvidenceChoices>?> ChoicesAsync(string user, int sessionId, int step) =>
        Host.AsAsync<SessionService, IReadOnlyList<EvidenceChoices>?>(user, s => s.EvidenceChoicesAsync(sessionId, step, Ct));

    private Task<Result<SessionTimeline>> CompleteAsync(int sessionId, int step, IReadOnlyList<EvidenceRef> evidence) =>
        Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", async s =>
        {
            var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(x => x.Id == sessionId).Select(x => x.Version).SingleAsync(Ct));
            return await s.CompleteStepAsync(sessionId, version, step, evidence, Ct);
        });

    private async Task<int> OpinionAsync(int sessionId, string body)
    {
        var posted = await Host.AsAsync<OpinionService, Result<OpinionRow>>("resident", s => s.PostAsync(sessionId, body, Ct));
        Assert.True(posted.Succeeded, Host.TextOf(posted));
        return posted.Id;
    }

    private async Task<int> MeetingAsync(int sessionId, string title)
    {
        var scheduled = await Host.AsAsync<MeetingService, Result<MeetingView>>("secretary", s => s.ScheduleAsync(sessionId,
            new MeetingDraft(title, "居委会二楼", DateTime.UtcNow.AddMinutes(30), 20), Ct));
        Assert.True(scheduled.Succeeded, Host.TextOf(scheduled));
        return scheduled.Id;
    }

    private static EvidenceChoices Of(IReadOnlyList<EvidenceChoices> choices, EvidenceKind kind) => Assert.Single(choices, c => c.Kind == kind);

    [Fact]
    public async Task The_step_is_offered_this_sessions_records_in_words_the_unfinished_with_why_and_the_final_ones_complete_it()
    {
        // 出主意 collects opinions; 议事 needs its own opinions, a sign-in sheet, the plan and the vote.
        var sessionId = await DeliberationTestData.SessionAsync(Host, "加装电梯选择",
            ProcedureStep.Of("出主意", PortalRole.CommunitySecretary, null, Opinions),
            ProcedureStep.Of("议事", PortalRole.CommunitySecretary, null, Opinions, SignInSheet, PlanDocument, Vote));
        var first = await OpinionAsync(sessionId, "建议**加装电梯**");
        Assert.True((await CompleteAsync(sessionId, 0, [new EvidenceRef(Opinions, first)])).Succeeded);
        const string Long = "一楼住户的采光要考虑，施工期间保留楼梯通道，费用按楼层分摊比较公平，另外希望选用噪音小的设备。";
        var second = await OpinionAsync(sessionId, Long);

        var open = await MeetingAsync(sessionId, "临时议事会");
        var held = await MeetingAsync(sessionId, "第一次议事会");
        Assert.True((await Host.AsAsync<MeetingService, Result<MeetingView>>("secretary", s => s.RecordSignInAsync(held, "张大爷", Ct))).Succeeded);
        Assert.True((await Host.AsAsync<MeetingService, Result<MeetingView>>("secretary", s => s.CloseAsync(held, Ct))).Succeeded);

        var v1 = await Host.AsAsync<PlanService, Result<PlanVersionText>>("secretary", s => s.WriteAsync(sessionId, null, "# 方案\n费用按面积分摊", null, Ct));
        var v2 = await Host.AsAsync<PlanService, Result<PlanVersionText>>("secretary", s => s.WriteAsync(sessionId, 1, "# 方案\n费用按楼层分摊", "改为按楼层", Ct));
        Assert.True(v2.Succeeded, Host.TextOf(v2));

        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var voteId = await VotingTestData.OpenVoteAsync(Host, VotingTestData.Form(home, new MatterScope(MatterScopeKind.Community, home), ShippedRuleSets.ResidentsMeeting));
        Assert.True((await Host.AsAsync<VoteLinkService, Result<SessionVotes>>("secretary", s => s.LinkAsync(sessionId, 1, voteId, Ct))).Succeeded);
        var whileOpen = await ChoicesAsync("secretary", sessionId, 1);
        var openVote = Assert.Single(Of(whileOpen!, Vote).Records);
        Assert.Equal((voteId, "表决尚未结束"), (openVote.RecordId, Host.TextOf(openVote.NotFinal!)));
        var closed = await VotingTestData.As(Host, "secretary", async s => await s.CloseAsync(voteId, await VotingTestData.VersionAsync(Host, voteId), Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));

        var choices = await ChoicesAsync("secretary", sessionId, 1);

        Assert.NotNull(choices);
        Assert.Equal([Opinions, SignInSheet, PlanDocument, Vote], choices.Select(c => c.Kind));
        // Only this step's opinions, named by author, time and the start of the text as plain words.
        var opinion = Assert.Single(Of(choices, Opinions).Records);
        Assert.Equal((second, true), (opinion.RecordId, opinion.IsFinal));
        Assert.EndsWith("：" + Long[..39] + "…", Host.TextOf(opinion.Label));
        Assert.Equal("建议加装电梯", Host.TextOf((await ChoicesAsync("secretary", sessionId, 0))!.Single().Records.Single().Label).Split('：')[^1]);
        Assert.Equal([first], (await ChoicesAsync("secretary", sessionId, 0))!.Single().Records.Select(r => r.RecordId));
        // Both meetings, newest first: the open one with why it cannot be used, the closed one with its sign-ins.
        var meetings = Of(choices, SignInSheet).Records;
        Assert.Equal([(held, true), (open, false)], meetings.Select(m => (m.RecordId, m.IsFinal)));
        Assert.Matches(@"^第一次议事会 · \S+ \d{1,2}:\d{2} · 签到 1 人$", Host.TextOf(meetings[0].Label));
        Assert.Equal("会议尚未结束", Host.TextOf(meetings[1].NotFinal!));
        Assert.Equal("the meeting is not closed yet", Host.TextOf(meetings[1].NotFinal!, "en"));
        // The plan's versions: only the latest is final.
        var plans = Of(choices, PlanDocument).Records;
        Assert.Equal([(v2.Id, true), (v1.Id, false)], plans.Select(p => (p.RecordId, p.IsFinal)));
        Assert.StartsWith("第2版 · 刘红梅", Host.TextOf(plans[0].Label));
        Assert.Equal("已有更新的版本", Host.TextOf(plans[1].NotFinal!));
        // The linked vote, closed, with its verdict in words (nobody voted: no quorum).
        var vote = Assert.Single(Of(choices, Vote).Records);
        Assert.True(vote.IsFinal);
        Assert.EndsWith($"（第 {voteId} 号表决）· 未达参与人数", Host.TextOf(vote.Label));

        // What is offered as final is what completing the step accepts.
        var final = choices.SelectMany(c => c.Records.Where(r => r.IsFinal).Select(r => new EvidenceRef(c.Kind, r.RecordId))).ToList();
        var done = await CompleteAsync(sessionId, 1, final);
        Assert.True(done.Succeeded, Host.TextOf(done));
    }

    [Fact]
    public async Task Another_communitys_people_get_nothing_and_a_step_that_does_not_exist_neither()
    {
        var sessionId = await DeliberationTestData.SessionAsync(Host, "公示与落实", ProcedureStep.Of("公示", PortalRole.CommunitySecretary, null, EvidenceKind.PublicNotice, ImplementationRecord));
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Other);

        Assert.Null(await ChoicesAsync(outsider, sessionId, 0));
        Assert.Null(await ChoicesAsync("secretary", sessionId, 1));
        Assert.Null(await ChoicesAsync("secretary", 987_654, 0));
        // Nothing made yet: each kind is there with no record, and the dialog says what to do first.
        var empty = await ChoicesAsync("resident", sessionId, 0);
        Assert.Equal([(EvidenceKind.PublicNotice, 0), (ImplementationRecord, 0)], empty!.Select(c => (c.Kind, c.Records.Count)));
    }
}

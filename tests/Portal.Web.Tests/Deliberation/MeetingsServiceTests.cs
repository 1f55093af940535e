using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Meetings;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Voting;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// Deliberation meetings through the real <see cref="MeetingService"/>: the chair (the community's secretary) schedules,
/// opens, puts a motion to the floor and gives the floor in order; residents of the session's scope sign in and ask to
/// speak; everyone else is refused; a closed meeting's sign-in sheet completes a step that needs one.
/// </summary>
public sealed class MeetingsServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<Result<MeetingView>> As(string user, Func<MeetingService, Task<Result<MeetingView>>> action) => Host.AsAsync(user, action);

    private static ProcedureStep MeetingStep => ProcedureStep.Of("公开议事", PortalRole.CommunitySecretary, null, EvidenceKind.SignInSheet);

    /// <summary>A session of 青年湖社区 (community scope) whose first step needs a sign-in sheet.</summary>
    private Task<int> SessionAsync(string title) => DeliberationTestData.SessionAsync(Host, title, MeetingStep);

    private async Task<int> ScheduledAsync(int sessionId, int expected = 20, int speeches = 2)
    {
        var scheduled = await As("secretary", s => s.ScheduleAsync(sessionId,
            new MeetingDraft("加装电梯议事会", "居委会二楼", DateTime.UtcNow.AddMinutes(30), expected, 120, speeches), Ct));
        Assert.True(scheduled.Succeeded, Host.TextOf(scheduled));
        return scheduled.Id;
    }

    /// <summary>A meeting opened by the chair with motion 1 under discussion.</summary>
    private async Task<int> RunningAsync(string title, int speeches = 2)
    {
        var meeting = await ScheduledAsync(await SessionAsync(title), speeches: speeches);
        Assert.True((await As("secretary", s => s.OpenAsync(meeting, Ct))).Succeeded);
        var added = await As("secretary", s => s.AddMotionAsync(meeting, "费用按面积分摊", Ct));
        Assert.True(added.Succeeded, Host.TextOf(added));
        Assert.True((await As("secretary", s => s.OpenMotionAsync(meeting, 1, Ct))).Succeeded);
        return meeting;
    }

    [Fact]
    public async Task The_chair_runs_the_floor_in_order_and_the_third_request_is_refused()
    {
        var meeting = await RunningAsync("议事会发言");

        Assert.Equal("请先签到，再申请发言。", Host.TextOf(await As("resident", s => s.RequestToSpeakAsync(meeting, Ct))));
        var signedIn = await As("resident", s => s.SignInAsync(meeting, Ct));
        Assert.True(signedIn.Succeeded, Host.TextOf(signedIn));
        Assert.Equal((20, 1), (signedIn.Value!.Figures.Expected, signedIn.Value.Figures.Present));
        Assert.Equal("你已经签到过了。", Host.TextOf(await As("resident", s => s.SignInAsync(meeting, Ct))));

        for (var speech = 1; speech <= 2; speech++)
        {
            var asked = await As("resident", s => s.RequestToSpeakAsync(meeting, Ct));
            Assert.True(asked.Succeeded, Host.TextOf(asked));
            Assert.Equal((1, 2 - speech), (asked.Value!.Me!.Place, asked.Value.Me.RequestsLeft));
            var request = Assert.Single(asked.Value.Waiting);
            var floor = await As("secretary", s => s.GiveFloorAsync(meeting, request.Number, Ct));
            Assert.True(floor.Succeeded, Host.TextOf(floor));
            Assert.Equal((request.PersonId, 120), (floor.Value!.CurrentSpeech!.PersonId, floor.Value.CurrentSpeech.LimitSeconds));
            // The chair's double click on the same request: the floor is taken, nothing changes.
            Assert.Equal("有人正在发言，请先结束这次发言。", Host.TextOf(await As("secretary", s => s.GiveFloorAsync(meeting, request.Number, Ct))));
            var ended = await As("secretary", s => s.EndSpeechAsync(meeting, floor.Value.CurrentSpeech.Number, Ct));
            Assert.True(ended.Succeeded, Host.TextOf(ended));
        }

        var third = await As("resident", s => s.RequestToSpeakAsync(meeting, Ct));
        Assert.Equal(Outcome.Invalid, third.Outcome);
        Assert.Equal("每人对每项动议最多发言的次数已用完，不能再申请。", Host.TextOf(third));
        var view = await Host.AsAsync<MeetingService, MeetingView?>("resident", s => s.GetAsync(meeting, Ct));
        Assert.Equal((2, 0, 0), (view!.Speeches.Count, view.Waiting.Count, view.Me!.RequestsLeft));
        Assert.Empty(view.SignIns);
    }

    [Fact]
    public async Task The_speaker_may_finish_their_own_speech_and_withdraw_a_request()
    {
        var meeting = await RunningAsync("议事会自行结束");
        await As("resident", s => s.SignInAsync(meeting, Ct));
        var asked = await As("resident", s => s.RequestToSpeakAsync(meeting, Ct));
        Assert.True((await As("resident", s => s.WithdrawAsync(meeting, Ct))).Succeeded);
        // The request the chair saw is gone: giving it the floor is refused, the queue is empty.
        var stale = await As("secretary", s => s.GiveFloorAsync(meeting, asked.Value!.Waiting[0].Number, Ct));
        Assert.Equal("队列已经变化，请按最新的顺序请下一位发言。", Host.TextOf(stale));

        var again = await As("resident", s => s.RequestToSpeakAsync(meeting, Ct));
        Assert.True((await As("secretary", s => s.GiveFloorAsync(meeting, again.Value!.Waiting[0].Number, Ct))).Succeeded);
        Assert.Equal(1, again.Value!.Me!.Place);
        var finished = await As("resident", s => s.FinishMySpeechAsync(meeting, Ct));
        Assert.True(finished.Succeeded, Host.TextOf(finished));
        Assert.Equal(SpeechEnd.Speaker, Assert.Single(finished.Value!.Speeches).EndedBy);
    }

    [Fact]
    public async Task Residents_and_other_communities_cannot_chair_and_outsiders_see_nothing()
    {
        var sessionId = await SessionAsync("议事会权限");
        var draft = new MeetingDraft("议事会", null, DateTime.UtcNow, 5);

        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.ScheduleAsync(sessionId, draft, Ct))).Outcome);
        var meeting = await ScheduledAsync(sessionId);
        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.OpenAsync(meeting, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.RecordSignInAsync(meeting, "张大爷", Ct))).Outcome);

        var (_, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, other);
        Assert.Null(await Host.AsAsync<MeetingService, MeetingView?>(outsider, s => s.GetAsync(meeting, Ct)));
        Assert.Null(await Host.AsAsync<MeetingService, SessionMeetings?>(outsider, s => s.ForSessionAsync(sessionId, Ct)));
        Assert.Equal(Outcome.NotFound, (await As(outsider, s => s.SignInAsync(meeting, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(outsider, s => s.RequestToSpeakAsync(meeting, Ct))).Outcome);

        // A resident of the community whose account is linked to no directory person cannot sign in: nobody to count.
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var unlinked = await DeliberationTestData.ResidentOfAsync(Host, home);
        var refused = await As(unlinked, s => s.SignInAsync(meeting, Ct));
        Assert.Equal((Outcome.NotAllowed, "你的账号还没有关联居民信息，请到社区登记后再签到。"), (refused.Outcome, Host.TextOf(refused)));
    }

    [Fact]
    public async Task A_resident_outside_the_sessions_building_may_follow_but_not_sign_in()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var own = await VotingTestData.BuildingOfAsync(Host, "resident");
        var otherBuilding = await TestAccounts.DbAsync(Host, db => db.Buildings
            .Where(b => b.Id != own && db.Grids.Any(g => g.Id == b.GridId && g.CommunityId == home)).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(Ct));
        var elsewhere = await ScheduledAsync(await BuildingSessionAsync("别的楼议事", otherBuilding));
        var mine = await ScheduledAsync(await BuildingSessionAsync("本楼议事", own));

        var seen = await Host.AsAsync<MeetingService, MeetingView?>("resident", s => s.GetAsync(elsewhere, Ct));
        Assert.Equal((false, MeetingService.ErrorNotInScope), (seen!.Me!.CanTakePart, seen.Me.Refusal));
        var refused = await As("resident", s => s.SignInAsync(elsewhere, Ct));
        Assert.Equal((Outcome.NotAllowed, "只有本议题范围内的居民可以签到和申请发言。"), (refused.Outcome, Host.TextOf(refused)));
        Assert.True((await As("resident", s => s.SignInAsync(mine, Ct))).Succeeded);
    }

    [Fact]
    public async Task The_chair_sees_the_sheet_with_paper_lines_and_every_change_goes_out_on_the_meetings_channel()
    {
        var sessionId = await SessionAsync("议事会签到表");
        var meeting = await ScheduledAsync(sessionId, expected: 4);
        var channel = DeliberationMeetingChannels.For(meeting);
        var before = await TestAccounts.DbAsync(Host, db => db.LiveEvents.CountAsync(e => e.Channel == channel, Ct));

        var recorded = await As("secretary", s => s.RecordSignInAsync(meeting, "张大爷", Ct));
        Assert.True(recorded.Succeeded, Host.TextOf(recorded));
        Assert.Equal("签到姓名须为 1 到 50 个字。", Host.TextOf(await As("secretary", s => s.RecordSignInAsync(meeting, " ", Ct)), "Name"));
        await As("resident", s => s.SignInAsync(meeting, Ct));

        var view = await Host.AsAsync<MeetingService, MeetingView?>("secretary", s => s.GetAsync(meeting, Ct));
        Assert.Equal([("张大爷", SignInWay.RecordedByChair), (view!.SignIns[1].Name, SignInWay.QrCode)], view.SignIns.Select(l => (l.Name, l.Way)));
        Assert.Equal((4, 2, 50.0), (view.Figures.Expected, view.Figures.Present, view.Figures.RatePercent!.Value));
        Assert.Null(view.Me);
        var row = Assert.Single((await Host.AsAsync<MeetingService, SessionMeetings?>("resident", s => s.ForSessionAsync(sessionId, Ct)))!.Meetings);
        Assert.Equal((meeting, 2), (row.Id, row.Figures.Present));
        Assert.Equal(before + 2, await TestAccounts.DbAsync(Host, db => db.LiveEvents.CountAsync(e => e.Channel == channel, Ct)));
    }

    [Fact]
    public async Task A_closed_meetings_sheet_completes_the_step_and_an_open_one_or_another_sessions_does_not()
    {
        var sessionId = await SessionAsync("议事会佐证");
        var meeting = await ScheduledAsync(sessionId);
        var otherMeeting = await ScheduledAsync(await SessionAsync("别的议事"));

        Assert.Equal("佐证材料尚未完成（如任务未销号），不能作为佐证。", Host.TextOf(await CompleteAsync(sessionId, meeting)));
        Assert.Equal(Outcome.Invalid, (await CompleteAsync(sessionId, otherMeeting)).Outcome);
        var closed = await As("secretary", s => s.CloseAsync(meeting, Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        Assert.Equal("会议已结束。", Host.TextOf(await As("secretary", s => s.OpenAsync(meeting, Ct))));

        var completed = await CompleteAsync(sessionId, meeting);
        Assert.True(completed.Succeeded, Host.TextOf(completed));
    }

    private async Task<Result<SessionTimeline>> CompleteAsync(int sessionId, int meetingId)
    {
        var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));
        return await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.SignInSheet, meetingId)], Ct));
    }

    /// <summary>A session of 青年湖社区 scoped to one building: raised by the resident for it, accepted, started.</summary>
    private async Task<int> BuildingSessionAsync(string title, int buildingId)
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var template = await Host.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "会议规程", Steps = [MeetingStep],
        }, Ct));
        Assert.True(template.Succeeded, Host.TextOf(template));
        var raised = await Host.AsAsync<MatterService, Result<MatterRow>>("resident", s => s.RaiseAsync(new MatterForm
        {
            CommunityId = home, ScopeKind = MatterScopeKind.Building, ScopeId = buildingId, Title = title,
        }, Ct));
        Assert.True(raised.Succeeded, Host.TextOf(raised));
        var version = (await DeliberationTestData.MatterAsync(Host, raised.Id)).Version;
        Assert.True((await Host.AsAsync<MatterService, Result<MatterRow>>("secretary", s => s.AcceptAsync(raised.Id, version, Ct))).Succeeded);
        var started = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.StartAsync(raised.Id, template.Id, Ct));
        Assert.True(started.Succeeded, Host.TextOf(started));
        return started.Id;
    }
}

using System.Collections.Immutable;
using Portal.Domain.Deliberation;
using Portal.Web.Features.Deliberation.Meetings;
using Portal.Web.Features.Deliberation.Meetings.Pages;

namespace Portal.Components.Tests.DeliberationMeetings;

/// <summary>
/// The meeting screens' pieces as the desk, the phone page and the projector show them: the floor with its timer (an
/// overrun shown, never cut), the queue in order with the chair's buttons on the first only, the resident's own part, the
/// motions, and the sign-in figures. The live updates across screens are the browser tests' to prove.
/// </summary>
public sealed class MeetingComponentsTests : PortalComponentTest
{
    private static readonly DateTime Now = new(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc);

    private static SpeakRequest Request(int number, string name) => new(number, 1, 100 + number, name, Now, SpeakRequestState.Waiting);

    private static MeetingView View(Speech? speech = null, IReadOnlyList<SpeakRequest>? waiting = null, MyMeetingPart? me = null,
        DeliberationMeetingStatus status = DeliberationMeetingStatus.InProgress, bool motionOpen = true)
    {
        var motion = new Motion(1, "费用按面积分摊", motionOpen ? MotionState.Open : MotionState.Pending, Now, null);
        return new MeetingView(5, Guid.NewGuid(), 8, "加装电梯", 3, "加装电梯议事会", "居委会二楼", Now, status, SpeakingRules.Default,
            MeetingSignIn.Figures(30, 21), [motion], motionOpen ? motion : null, speech, waiting ?? [], speech is null ? [] : [speech],
            me is null, me, [], Now);
    }

    private static Speech Speaking(int secondsAgo) => new(1, 1, 1, 101, "李阿姨", Now.AddSeconds(-secondsAgo), 120, null, null);

    [Fact]
    public void The_floor_shows_the_motion_the_speaker_and_the_time_left_for_the_browser_to_tick()
    {
        var floor = RenderIn<CurrentSpeaker>("zh-CN", p => p.Add(c => c.View, View(Speaking(30))));

        Assert.Equal("费用按面积分摊", floor.Find("[data-testid=current-motion]").TextContent);
        Assert.Equal("李阿姨", floor.Find("[data-testid=current-speaker-name]").TextContent);
        var countdown = floor.Find("[data-testid=speech-countdown]");
        Assert.Equal("1:30", countdown.QuerySelector("[data-countdown-text]")!.TextContent);
        Assert.Equal(("true", "90000", "false"), (countdown.GetAttribute("data-running"), countdown.GetAttribute("data-remaining-ms"), countdown.GetAttribute("data-overrun")));
        Assert.Equal("本次发言剩余时间", countdown.GetAttribute("aria-label"));
        Assert.Empty(floor.FindAll("[data-testid=speech-over]"));
    }

    [Fact]
    public void An_overrun_is_shown_in_words_and_the_speech_goes_on()
    {
        var floor = RenderIn<CurrentSpeaker>("zh-CN", p => p.Add(c => c.View, View(Speaking(135))));

        Assert.Equal("+0:15", floor.Find("[data-countdown-text]").TextContent);
        Assert.Equal("true", floor.Find("[data-testid=speech-countdown]").GetAttribute("data-overrun"));
        Assert.Equal("已超时 0:15", floor.Find("[data-testid=speech-over]").TextContent);
        Assert.Equal("李阿姨", floor.Find("[data-testid=current-speaker-name]").TextContent);
    }

    [Fact]
    public void Nobody_speaking_and_no_motion_are_said_in_words()
    {
        var floor = RenderIn<CurrentSpeaker>("en", p => p.Add(c => c.View, View(motionOpen: false)));

        Assert.Equal("No motion under discussion", floor.Find("[data-testid=current-motion]").TextContent);
        Assert.Equal("Nobody is speaking", floor.Find("[data-testid=current-speaker-none]").TextContent);
    }

    [Fact]
    public void The_chair_gives_the_floor_to_the_first_only_and_may_skip_anyone()
    {
        SpeakRequest? given = null;
        SpeakRequest? skipped = null;
        var queue = RenderIn<SpeakingQueueList>("zh-CN", p => p
            .Add(c => c.Waiting, [Request(3, "王"), Request(4, "赵"), Request(6, "钱")])
            .Add(c => c.OnGiveFloor, r => given = r)
            .Add(c => c.OnSkip, r => skipped = r));

        Assert.Equal(["王", "赵", "钱"], queue.FindAll("[data-testid=queue-name]").Select(n => n.TextContent));
        var give = Assert.Single(queue.FindAll("[data-testid=queue-give-floor]"));
        give.Click();
        queue.FindAll("[data-testid=queue-skip]")[2].Click();

        Assert.Equal((3, 6), (given!.Number, skipped!.Number));
    }

    [Fact]
    public void The_floor_button_waits_while_someone_speaks_and_others_see_no_buttons()
    {
        var chair = RenderIn<SpeakingQueueList>("zh-CN", p => p.Add(c => c.Waiting, [Request(3, "王")]).Add(c => c.SomeoneSpeaking, true)
            .Add(c => c.OnGiveFloor, _ => { }));
        Assert.True(chair.Find("[data-testid=queue-give-floor]").HasAttribute("disabled"));

        var resident = RenderIn<SpeakingQueueList>("zh-CN", p => p.Add(c => c.Waiting, [Request(3, "王"), Request(4, "赵")]).Add(c => c.MyPlace, 2));
        Assert.Empty(resident.FindAll("button"));
        Assert.Contains("sq-mine", resident.FindAll("[data-testid=queue-entry]")[1].ClassName);
    }

    [Fact]
    public void The_projector_shows_the_next_five_and_counts_the_rest()
    {
        var queue = RenderIn<SpeakingQueueList>("zh-CN", p => p.Add(c => c.Waiting, Enumerable.Range(1, 7).Select(i => Request(i, $"居民{i}")).ToList()).Add(c => c.Max, 5));

        Assert.Equal(5, queue.FindAll("[data-testid=queue-entry]").Count);
        Assert.Equal("另有 2 人排队", queue.Find("[data-testid=speaking-queue-more]").TextContent);
    }

    [Fact]
    public void An_empty_queue_says_so()
    {
        var queue = RenderIn<SpeakingQueueList>("zh-CN", p => p.Add(c => c.Waiting, []));

        Assert.Equal("暂无人排队。", queue.Find("[data-testid=speaking-queue-empty]").TextContent);
    }

    private IRenderedComponent<MyTurnPanel> Turn(MyMeetingPart me, DeliberationMeetingStatus status = DeliberationMeetingStatus.InProgress,
        bool motion = true, string? error = null, Action? onRequest = null) =>
        RenderIn<MyTurnPanel>("zh-CN", p => p.Add(c => c.Me, me).Add(c => c.Status, status).Add(c => c.HasOpenMotion, motion)
            .Add(c => c.MaxSpeeches, 2).Add(c => c.Error, error).Add(c => c.OnRequest, () => onRequest?.Invoke()));

    [Fact]
    public void A_resident_signs_in_first_with_a_full_width_button()
    {
        var panel = Turn(new MyMeetingPart(true, null, null, null, null, 2));

        var button = panel.Find("[data-testid=my-sign-in]");
        Assert.Contains("mud-width-full", button.ClassName);
        Assert.Equal("签到", button.TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=my-request]"));
    }

    [Fact]
    public void A_signed_in_resident_asks_to_speak_and_sees_how_many_requests_are_left()
    {
        var asked = false;
        var panel = Turn(new MyMeetingPart(true, null, Now, null, null, 1), onRequest: () => asked = true);

        Assert.Equal("本动议你还可以申请发言 1 次。", panel.Find("[data-testid=my-requests-left]").TextContent);
        panel.Find("[data-testid=my-request]").Click();
        Assert.True(asked);
    }

    [Fact]
    public void The_place_in_the_queue_and_the_turn_to_speak_are_shown()
    {
        Assert.Equal("你排第 3 位", Turn(new MyMeetingPart(true, null, Now, 3, null, 1)).Find("[data-testid=my-place]").TextContent);
        var speaking = Turn(new MyMeetingPart(true, null, Now, null, 4, 1));
        Assert.Equal("轮到你发言了。", speaking.Find("[data-testid=my-turn-speaking]").TextContent);
        Assert.NotNull(speaking.Find("[data-testid=my-finish]"));
    }

    [Fact]
    public void No_requests_left_no_motion_and_not_in_scope_are_said_in_words()
    {
        Assert.Equal("本动议每人最多发言 2 次，你的次数已用完。", Turn(new MyMeetingPart(true, null, Now, null, null, 0)).Find("[data-testid=my-turn-none-left]").TextContent);
        Assert.Equal("现在没有正在讨论的动议。", Turn(new MyMeetingPart(true, null, Now, null, null, 2), motion: false).Find("[data-testid=my-turn-no-motion]").TextContent);
        Assert.Equal("会议尚未开始，开始后可申请发言。",
            Turn(new MyMeetingPart(true, null, Now, null, null, 2), DeliberationMeetingStatus.Scheduled).Find("[data-testid=my-turn-not-running]").TextContent);
        var outside = Turn(new MyMeetingPart(false, MeetingService.ErrorNotInScope, null, null, null, 0));
        Assert.Equal("只有本议题范围内的居民可以签到和申请发言。", outside.Find("[data-testid=my-turn-refused]").TextContent);
        Assert.Empty(outside.FindAll("button"));
    }

    [Fact]
    public void A_refusal_is_shown_as_an_alert()
    {
        var panel = Turn(new MyMeetingPart(true, null, Now, null, null, 2), error: "有人正在发言，请先结束这次发言。");

        Assert.Equal("alert", panel.Find("[data-testid=my-turn-error]").GetAttribute("role"));
    }

    [Fact]
    public void Motions_open_one_at_a_time()
    {
        Motion? opened = null;
        var motions = RenderIn<MotionsPanel>("zh-CN", p => p
            .Add(c => c.Motions, [new Motion(1, "费用分摊", MotionState.Closed, Now, Now), new Motion(2, "施工时间", MotionState.Open, Now, null), new Motion(3, "维护", MotionState.Pending, null, null)])
            .Add(c => c.CanAct, true).Add(c => c.CanAdd, true).Add(c => c.OnOpen, m => opened = m));

        Assert.Equal(["已结束", "讨论中", "待讨论"], motions.FindAll("[data-testid=motion-state]").Select(c => c.TextContent.Trim()));
        Assert.True(motions.Find("[data-testid=motion-open]").HasAttribute("disabled"));
        Assert.Single(motions.FindAll("[data-testid=motion-close]"));
        Assert.Null(opened);
    }

    [Fact]
    public void The_figures_show_expected_present_and_the_rate()
    {
        var figures = RenderIn<MeetingFigures>("zh-CN", p => p.Add(c => c.Figures, MeetingSignIn.Figures(30, 21)));

        Assert.Equal(("30", "21", "70%"), (figures.Find("[data-testid=figures-expected]").TextContent, figures.Find("[data-testid=figures-present]").TextContent,
            figures.Find("[data-testid=figures-rate]").TextContent));
        Assert.Equal("—", RenderIn<MeetingFigures>("zh-CN", p => p.Add(c => c.Figures, MeetingSignIn.Figures(0, 3))).Find("[data-testid=figures-rate]").TextContent);
    }

    [Fact]
    public void The_chairs_sheet_draws_the_sign_in_qr_and_lists_who_came()
    {
        var view = View() with { SignIns = [new SignInLine("张大爷", SignInWay.RecordedByChair, Now)], CanChair = true };

        var panel = RenderIn<SignInPanel>("zh-CN", p => p.Add(c => c.View, view).Add(c => c.SignInUrl, "https://portal.example/deliberation/meetings/5"));

        Assert.NotNull(panel.Find("[data-testid=sign-in-qr] svg"));
        Assert.Equal("https://portal.example/deliberation/meetings/5", panel.Find("[data-testid=sign-in-url]").TextContent);
        var line = Assert.Single(panel.FindAll("[data-testid=sign-in-line]"));
        Assert.Contains("纸质登记", line.TextContent);
    }
}

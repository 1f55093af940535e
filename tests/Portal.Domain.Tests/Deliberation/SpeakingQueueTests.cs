using Portal.Domain.Deliberation;

namespace Portal.Domain.Tests.Deliberation;

public sealed class SpeakingQueueTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc);
    private const int Li = 11;
    private const int Wang = 12;
    private const int Zhao = 13;

    /// <summary>A queue with motion 1 open.</summary>
    private static SpeakingQueue Open(SpeakingRules? rules = null)
    {
        var queue = SpeakingQueue.Empty(rules ?? SpeakingRules.Default).AddMotion("加装电梯的费用分摊").Queue;
        return queue.OpenMotionNumber(1, T0).Queue;
    }

    private static SpeakingQueue Ask(SpeakingQueue queue, int person, DateTime? at = null)
    {
        var (next, _, error) = queue.Request(person, $"居民{person}", at ?? T0);
        Assert.Null(error);
        return next;
    }

    /// <summary>Gives the floor to the first waiting and ends the speech <paramref name="seconds"/> later.</summary>
    private static SpeakingQueue Speak(SpeakingQueue queue, int seconds = 60)
    {
        var next = queue.Waiting[0];
        var (speaking, error) = queue.GiveFloor(next.Number, T0);
        Assert.Null(error);
        var (ended, endError) = speaking.EndSpeech(speaking.CurrentSpeech!.Number, SpeechEnd.Chair, T0.AddSeconds(seconds));
        Assert.Null(endError);
        return ended;
    }

    [Fact]
    public void The_default_rules_are_two_minutes_and_two_speeches()
    {
        Assert.Equal((120, 2), (SpeakingRules.Default.SpeechLimitSeconds, SpeakingRules.Default.MaxSpeechesPerMotion));
        Assert.Null(SpeakingRules.Default.Error);
    }

    [Theory]
    [InlineData(29, 2, SpeakingRules.ErrorSpeechLimit)]
    [InlineData(30, 2, null)]
    [InlineData(1_800, 2, null)]
    [InlineData(1_801, 2, SpeakingRules.ErrorSpeechLimit)]
    [InlineData(120, 0, SpeakingRules.ErrorMaxSpeeches)]
    [InlineData(120, 1, null)]
    [InlineData(120, 10, null)]
    [InlineData(120, 11, SpeakingRules.ErrorMaxSpeeches)]
    public void Rules_are_checked_at_their_limits(int seconds, int speeches, string? error) =>
        Assert.Equal(error, new SpeakingRules(seconds, speeches).Error);

    [Fact]
    public void Motions_are_numbered_and_a_blank_or_long_title_is_refused()
    {
        var queue = SpeakingQueue.Empty(SpeakingRules.Default);
        var (one, first, _) = queue.AddMotion(" 费用分摊 ");
        var (two, second, _) = one.AddMotion("施工时间");

        Assert.Equal((1, 2, "费用分摊"), (first, second, two.Motions[0].Title));
        Assert.Equal(SpeakingQueue.ErrorMotionTitle, queue.AddMotion("  ").Error);
        Assert.Equal(SpeakingQueue.ErrorMotionTitle, queue.AddMotion(new string('议', Motion.TitleMaxLength + 1)).Error);
        Assert.Null(queue.AddMotion(new string('议', Motion.TitleMaxLength)).Error);
    }

    [Fact]
    public void One_motion_is_open_at_a_time_and_a_closed_one_stays_closed()
    {
        var queue = Open().AddMotion("施工时间").Queue;

        Assert.Equal(SpeakingQueue.ErrorAnotherMotionOpen, queue.OpenMotionNumber(2, T0).Error);
        var closed = queue.CloseMotion(1, T0.AddMinutes(10)).Queue;
        Assert.Equal(SpeakingQueue.ErrorMotionClosed, closed.OpenMotionNumber(1, T0).Error);
        var second = closed.OpenMotionNumber(2, T0.AddMinutes(11)).Queue;
        Assert.Equal(2, second.OpenMotion!.Number);
        Assert.Equal(SpeakingQueue.ErrorUnknownMotion, second.OpenMotionNumber(3, T0).Error);
        Assert.Equal(SpeakingQueue.ErrorUnknownMotion, second.OpenMotionNumber(0, T0).Error);
    }

    [Fact]
    public void Nobody_may_ask_to_speak_without_an_open_motion()
    {
        var queue = SpeakingQueue.Empty(SpeakingRules.Default).AddMotion("费用分摊").Queue;

        Assert.Equal(SpeakingQueue.ErrorNoOpenMotion, queue.Request(Li, "李", T0).Error);
    }

    [Fact]
    public void The_floor_goes_in_the_order_asked()
    {
        var queue = Ask(Ask(Ask(Open(), Wang), Li), Zhao);

        Assert.Equal([Wang, Li, Zhao], queue.Waiting.Select(r => r.PersonId));
        Assert.Equal((1, 2, 3), (queue.PlaceOf(Wang), queue.PlaceOf(Li), queue.PlaceOf(Zhao)));
        var (speaking, _) = queue.GiveFloor(queue.Waiting[0].Number, T0);
        Assert.Equal(Wang, speaking.CurrentSpeech!.PersonId);
        Assert.Equal((null, 1), (speaking.PlaceOf(Wang), speaking.PlaceOf(Li)));
    }

    [Fact]
    public void The_floor_is_refused_for_any_but_the_first_waiting_and_while_someone_speaks()
    {
        var queue = Ask(Ask(Open(), Wang), Li);
        var second = queue.Waiting[1].Number;

        Assert.Equal(SpeakingQueue.ErrorNotNext, queue.GiveFloor(second, T0).Error);
        var speaking = queue.GiveFloor(queue.Waiting[0].Number, T0).Queue;
        Assert.Equal(SpeakingQueue.ErrorSomeoneSpeaking, speaking.GiveFloor(second, T0).Error);
        // A stale double click on the first request: it is not waiting any more.
        Assert.Equal(SpeakingQueue.ErrorSomeoneSpeaking, speaking.GiveFloor(queue.Waiting[0].Number, T0).Error);
    }

    [Fact]
    public void A_person_waits_once_at_a_time()
    {
        var queue = Ask(Open(), Li);

        Assert.Equal(SpeakingQueue.ErrorAlreadyQueued, queue.Request(Li, "李", T0).Error);
        var speaking = queue.GiveFloor(queue.Waiting[0].Number, T0).Queue;
        Assert.Equal(SpeakingQueue.ErrorAlreadyQueued, speaking.Request(Li, "李", T0).Error);
    }

    [Fact]
    public void The_third_request_on_a_motion_is_refused_after_two_speeches()
    {
        var twice = Speak(Ask(Speak(Ask(Open(), Li)), Li));

        Assert.Equal(2, twice.SpeechesBy(Li, 1));
        Assert.Equal(0, twice.RequestsLeft(Li));
        var (unchanged, number, error) = twice.Request(Li, "李", T0);
        Assert.Equal((SpeakingQueue.ErrorNoSpeechesLeft, 0), (error, number));
        Assert.Same(twice, unchanged);
        // Someone else still may, and so may the same person on the next motion.
        Assert.Null(twice.Request(Wang, "王", T0).Error);
        var next = twice.AddMotion("施工时间").Queue.CloseMotion(1, T0).Queue.OpenMotionNumber(2, T0).Queue;
        Assert.Null(next.Request(Li, "李", T0).Error);
    }

    [Fact]
    public void A_waiting_request_counts_toward_the_limit_as_requests_left()
    {
        var queue = Open();
        Assert.Equal(2, queue.RequestsLeft(Li));
        var waiting = Ask(queue, Li);
        Assert.Equal(1, waiting.RequestsLeft(Li));
        var once = Speak(waiting);
        Assert.Equal(1, once.RequestsLeft(Li));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_limit_follows_the_meeting_rule(int max)
    {
        var queue = Open(new SpeakingRules(120, max));
        for (var i = 0; i < max; i++) queue = Speak(Ask(queue, Li));

        Assert.Equal(SpeakingQueue.ErrorNoSpeechesLeft, queue.Request(Li, "李", T0).Error);
    }

    [Fact]
    public void Skipped_and_withdrawn_requests_hold_no_speech_and_do_not_count()
    {
        var queue = Ask(Ask(Open(), Li), Wang);
        var skipped = queue.Skip(queue.Waiting[0].Number).Queue;
        Assert.Equal(Wang, skipped.Waiting[0].PersonId);
        var withdrawn = Ask(skipped, Li).Withdraw(Li).Queue;
        Assert.Equal([Wang], withdrawn.Waiting.Select(r => r.PersonId));

        Assert.Equal(2, withdrawn.RequestsLeft(Li));
        Assert.Equal(SpeakingQueue.ErrorNotWaiting, withdrawn.Withdraw(Li).Error);
        Assert.Equal(SpeakingQueue.ErrorNotWaiting, withdrawn.Skip(queue.Waiting[0].Number).Error);
    }

    [Fact]
    public void A_speech_keeps_its_limit_and_shows_its_overrun_without_being_cut()
    {
        var queue = Ask(Open(), Li);
        var speaking = queue.GiveFloor(queue.Waiting[0].Number, T0).Queue;
        var speech = speaking.CurrentSpeech!;

        Assert.Equal(TimeSpan.FromSeconds(120), speech.Remaining(T0));
        Assert.Equal(TimeSpan.Zero, speech.Remaining(T0.AddSeconds(120)));
        Assert.Equal(TimeSpan.Zero, speech.Overrun(T0.AddSeconds(120)));
        Assert.Equal(TimeSpan.FromSeconds(-15), speech.Remaining(T0.AddSeconds(135)));
        Assert.Equal(TimeSpan.FromSeconds(15), speech.Overrun(T0.AddSeconds(135)));
        // Still running long after its limit: only the chair ends it.
        Assert.True(speaking.CurrentSpeech!.IsRunning);
        var ended = speaking.EndSpeech(speech.Number, SpeechEnd.Chair, T0.AddSeconds(150)).Queue.Speeches[0];
        Assert.Equal((TimeSpan.FromSeconds(30), SpeechEnd.Chair), (ended.Overrun(T0.AddHours(1)), ended.EndedBy));
    }

    [Fact]
    public void Only_the_running_speech_can_be_ended()
    {
        var speaking = Ask(Open(), Li).GiveFloor(1, T0).Queue;

        Assert.Equal(SpeakingQueue.ErrorNoSuchSpeech, speaking.EndSpeech(2, SpeechEnd.Chair, T0).Error);
        var ended = speaking.EndSpeech(1, SpeechEnd.Speaker, T0.AddSeconds(5)).Queue;
        Assert.Equal(SpeakingQueue.ErrorNoSuchSpeech, ended.EndSpeech(1, SpeechEnd.Chair, T0).Error);
        Assert.Equal(SpeakRequestState.Spoken, ended.Requests[0].State);
    }

    [Fact]
    public void Closing_a_motion_ends_the_speech_and_lapses_the_queue()
    {
        var queue = Ask(Ask(Open(), Li), Wang);
        var speaking = queue.GiveFloor(queue.Waiting[0].Number, T0).Queue;

        var closed = speaking.CloseMotion(1, T0.AddSeconds(40)).Queue;

        Assert.Null(closed.CurrentSpeech);
        Assert.Equal((SpeechEnd.MotionClosed, (DateTime?)T0.AddSeconds(40)), (closed.Speeches[0].EndedBy!.Value, closed.Speeches[0].EndedAtUtc));
        Assert.Equal([SpeakRequestState.Spoken, SpeakRequestState.Lapsed], closed.Requests.Select(r => r.State));
        Assert.Null(closed.OpenMotion);
        Assert.Empty(closed.Waiting);
        Assert.Equal(SpeakingQueue.ErrorMotionClosed, closed.CloseMotion(1, T0).Error);
    }

    [Fact]
    public void A_new_rule_applies_to_speeches_started_after_it()
    {
        var held = Speak(Ask(Open(), Li), seconds: 100);
        var stricter = held with { Rules = new SpeakingRules(60, 2) };

        var speaking = Ask(stricter, Wang).GiveFloor(2, T0).Queue;

        Assert.Equal((120, 60), (speaking.Speeches[0].LimitSeconds, speaking.Speeches[1].LimitSeconds));
    }

    [Fact]
    public void A_refused_operation_returns_the_same_state()
    {
        var queue = Ask(Open(), Li);

        Assert.Same(queue, queue.GiveFloor(99, T0).Queue);
        Assert.Same(queue, queue.Skip(99).Queue);
        Assert.Same(queue, queue.EndSpeech(1, SpeechEnd.Chair, T0).Queue);
        Assert.Same(queue, queue.Request(Li, "李", T0).Queue);
    }

    [Fact]
    public void A_blank_speaker_name_is_refused()
    {
        Assert.Equal(SpeakingQueue.ErrorName, Open().Request(Li, " ", T0).Error);
        Assert.Equal(SpeakingQueue.ErrorName, Open().Request(Li, new string('名', SpeakRequest.NameMaxLength + 1), T0).Error);
    }
}

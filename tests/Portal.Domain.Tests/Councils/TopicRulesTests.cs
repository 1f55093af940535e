using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class TopicRulesTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
    // 15 December 2026, 09:00 China time.
    private static readonly DateTime MeetingStart = new(2026, 12, 15, 1, 0, 0, DateTimeKind.Utc);
    private static readonly HashSet<int> Members = [10, 20, 30];

    private static Meeting ScheduledMeeting() => new() { Id = 7, Title = "12月例会", StartsAtUtc = MeetingStart, EndsAtUtc = MeetingStart.AddHours(2) };

    private static Topic NewTopic(int id, int meetingId = 7) =>
        new() { Id = id, MeetingId = meetingId, ProposerUnitId = 10, Title = $"议题{id}", ProposedMinutes = 20 };

    [Fact]
    public void Fifteen_days_before_a_meeting_on_15_december_means_through_30_november_china_time()
    {
        var deadline = TopicRules.SubmissionDeadlineUtc(MeetingStart, 15, China);

        // The end of 30 November in China is 16:00 UTC that day.
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(new DateOnly(2026, 11, 30), TopicRules.LastSubmissionDay(MeetingStart, 15, China));
    }

    [Fact]
    public void The_deadline_counts_local_days_not_hours_so_an_early_morning_meeting_does_not_move_it()
    {
        // 07:30 China time on 15 December is still 14 December in UTC.
        var early = new DateTime(2026, 12, 14, 23, 30, 0, DateTimeKind.Utc);

        // Three days before 15 December: topics are taken through 12 December, i.e. until 16:00 UTC that day.
        Assert.Equal(new DateTime(2026, 12, 12, 16, 0, 0, DateTimeKind.Utc), TopicRules.SubmissionDeadlineUtc(early, 3, China));
        Assert.Equal(TopicRules.SubmissionDeadlineUtc(MeetingStart, 3, China), TopicRules.SubmissionDeadlineUtc(early, 3, China));
    }

    [Fact]
    public void The_deadline_is_at_least_one_day()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicRules.SubmissionDeadlineUtc(MeetingStart, 0, China));
        Assert.Equal(new DateTime(2026, 12, 14, 16, 0, 0, DateTimeKind.Utc), TopicRules.SubmissionDeadlineUtc(MeetingStart, 1, China));
    }

    [Fact]
    public void A_member_unit_may_submit_until_the_last_moment_of_the_last_day()
    {
        var lastMoment = new DateTime(2026, 11, 30, 15, 59, 59, DateTimeKind.Utc);

        Assert.Empty(TopicRules.CheckSubmission(ScheduledMeeting(), 10, Members, 15, "社区停车难", 15, lastMoment, China));
        Assert.Equal([TopicRules.ErrorDeadlinePassed],
            TopicRules.CheckSubmission(ScheduledMeeting(), 10, Members, 15, "社区停车难", 15, lastMoment.AddSeconds(1), China));
    }

    [Fact]
    public void Only_member_units_may_submit_and_every_problem_is_reported()
    {
        var now = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal([TopicRules.ErrorNotMemberUnit, TopicRules.ErrorTitleRequired, TopicRules.ErrorMinutes],
            TopicRules.CheckSubmission(ScheduledMeeting(), 99, Members, 15, " ", 0, now, China));
        Assert.Equal([TopicRules.ErrorTitleRequired],
            TopicRules.CheckSubmission(ScheduledMeeting(), 20, Members, 15, new string('题', Topic.TitleMaxLength + 1), 15, now, China));
        Assert.Equal([TopicRules.ErrorMinutes],
            TopicRules.CheckSubmission(ScheduledMeeting(), 20, Members, 15, "题", TopicRules.MinutesMax + 1, now, China));
    }

    [Fact]
    public void No_topics_once_the_agenda_is_confirmed_but_an_ad_hoc_request_carries_its_topics_without_a_deadline()
    {
        var now = new DateTime(2026, 12, 14, 0, 0, 0, DateTimeKind.Utc);
        var confirmed = ScheduledMeeting();
        confirmed.Apply(MeetingAction.ConfirmAgenda, now);
        Assert.Equal([TopicRules.ErrorMeetingClosedForTopics], TopicRules.CheckSubmission(confirmed, 10, Members, 15, "题", 15, now, China));

        var request = MeetingCalendar.RequestAdHoc(1, 10, "临时会议", MeetingStart, 60, now);
        Assert.Empty(TopicRules.CheckSubmission(request, 10, Members, 15, "题", 15, now, China));
    }

    public static TheoryData<TopicStatus, TopicAction, bool> Transitions()
    {
        var allowed = new HashSet<(TopicStatus, TopicAction)>
        {
            (TopicStatus.Submitted, TopicAction.Accept), (TopicStatus.Submitted, TopicAction.Merge),
            (TopicStatus.Submitted, TopicAction.Defer), (TopicStatus.Submitted, TopicAction.Withdraw),
            (TopicStatus.Accepted, TopicAction.Merge), (TopicStatus.Accepted, TopicAction.Defer), (TopicStatus.Accepted, TopicAction.Withdraw),
            (TopicStatus.Deferred, TopicAction.Resubmit), (TopicStatus.Deferred, TopicAction.Withdraw),
        };
        var data = new TheoryData<TopicStatus, TopicAction, bool>();
        foreach (var status in Enum.GetValues<TopicStatus>())
            foreach (var action in Enum.GetValues<TopicAction>())
                data.Add(status, action, allowed.Contains((status, action)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_screening_transition_is_allowed_or_refused_as_the_state_machine_says(TopicStatus from, TopicAction action, bool allowed)
    {
        var topic = InStatus(from);
        var target = NewTopic(2);
        var before = topic.Status;

        var error = topic.Apply(action, MeetingStart.AddDays(-20), "与2号议题内容相同", target, newMeetingId: 8);

        Assert.Equal(allowed, TopicScreening.IsAllowed(from, action));
        if (allowed)
        {
            Assert.Null(error);
            Assert.Equal(TopicScreening.Target(action), topic.Status);
        }
        else
        {
            Assert.Equal(TopicScreening.NotAllowedInStatus, error);
            Assert.Equal(before, topic.Status);
        }
    }

    private static Topic InStatus(TopicStatus status)
    {
        var topic = NewTopic(1);
        var at = MeetingStart.AddDays(-25);
        switch (status)
        {
            case TopicStatus.Accepted: topic.Apply(TopicAction.Accept, at); break;
            case TopicStatus.Merged: topic.Apply(TopicAction.Merge, at, "合并", NewTopic(3)); break;
            case TopicStatus.Deferred: topic.Apply(TopicAction.Defer, at, "下次讨论"); break;
            case TopicStatus.Withdrawn: topic.Apply(TopicAction.Withdraw, at); break;
        }
        Assert.Equal(status, topic.Status);
        return topic;
    }

    [Theory]
    [InlineData(TopicAction.Merge)]
    [InlineData(TopicAction.Defer)]
    public void Merging_and_deferring_need_a_reason_the_proposer_will_see(TopicAction action)
    {
        var topic = NewTopic(1);

        Assert.Equal(TopicScreening.ReasonRequired, topic.Apply(action, MeetingStart, null, NewTopic(2)));
        Assert.Equal(TopicScreening.ReasonRequired, topic.Apply(action, MeetingStart, "   ", NewTopic(2)));
        Assert.Equal(TopicScreening.ReasonRequired, topic.Apply(action, MeetingStart, new string('因', Topic.ReasonMaxLength + 1), NewTopic(2)));
        Assert.Equal(TopicStatus.Submitted, topic.Status);

        Assert.Null(topic.Apply(action, MeetingStart, " 与2号议题合并 ", NewTopic(2)));
        Assert.Equal("与2号议题合并", topic.ScreeningReason);
    }

    [Fact]
    public void Accepting_and_withdrawing_need_no_reason()
    {
        var accepted = NewTopic(1);
        Assert.Null(accepted.Apply(TopicAction.Accept, MeetingStart));
        Assert.Null(accepted.ScreeningReason);
        Assert.Null(NewTopic(2).Apply(TopicAction.Withdraw, MeetingStart));
    }

    [Fact]
    public void A_topic_merges_only_into_another_live_topic_of_the_same_meeting()
    {
        var withdrawn = NewTopic(3);
        withdrawn.Apply(TopicAction.Withdraw, MeetingStart);

        Assert.Equal(TopicScreening.MergeTargetInvalid, NewTopic(1).Apply(TopicAction.Merge, MeetingStart, "合并", null));
        Assert.Equal(TopicScreening.MergeTargetInvalid, NewTopic(1).Apply(TopicAction.Merge, MeetingStart, "合并", NewTopic(1)));
        Assert.Equal(TopicScreening.MergeTargetInvalid, NewTopic(1).Apply(TopicAction.Merge, MeetingStart, "合并", NewTopic(2, meetingId: 8)));
        Assert.Equal(TopicScreening.MergeTargetInvalid, NewTopic(1).Apply(TopicAction.Merge, MeetingStart, "合并", withdrawn));

        var topic = NewTopic(1);
        Assert.Null(topic.Apply(TopicAction.Merge, MeetingStart, "合并", NewTopic(2)));
        Assert.Equal(2, topic.MergedIntoTopicId);
    }

    [Fact]
    public void A_deferred_topic_is_resubmitted_for_another_meeting()
    {
        var topic = NewTopic(1);
        topic.Apply(TopicAction.Defer, MeetingStart.AddDays(-10), "待调研后再议");

        Assert.Equal(TopicScreening.MeetingRequired, topic.Apply(TopicAction.Resubmit, MeetingStart, newMeetingId: null));
        Assert.Equal(TopicScreening.MeetingRequired, topic.Apply(TopicAction.Resubmit, MeetingStart, newMeetingId: 7));
        Assert.Null(topic.Apply(TopicAction.Resubmit, MeetingStart, newMeetingId: 9));
        Assert.Equal(TopicStatus.Submitted, topic.Status);
        Assert.Equal(9, topic.MeetingId);
        Assert.Equal(MeetingStart, topic.SubmittedAtUtc);
    }

    [Fact]
    public void The_chair_confirms_accepted_topics_in_the_chosen_order()
    {
        var topics = new[] { NewTopic(1), NewTopic(2), NewTopic(3) };
        foreach (var t in topics) t.Apply(TopicAction.Accept, MeetingStart.AddDays(-10));

        var (lines, error) = TopicRules.ConfirmAgenda(ScheduledMeeting(), [3, 1], topics, MeetingStart.AddDays(-1));

        Assert.Null(error);
        Assert.Equal([new ConfirmedAgendaLine(1, 3, "议题3", 20), new ConfirmedAgendaLine(2, 1, "议题1", 20)], lines);
    }

    [Fact]
    public void Only_accepted_topics_of_the_meeting_go_on_the_agenda_once_each_and_not_none()
    {
        var accepted = NewTopic(1);
        accepted.Apply(TopicAction.Accept, MeetingStart);
        var submitted = NewTopic(2);
        var deferred = NewTopic(3);
        deferred.Apply(TopicAction.Defer, MeetingStart, "下次");
        var otherMeeting = NewTopic(4, meetingId: 8);
        otherMeeting.Apply(TopicAction.Accept, MeetingStart);
        Topic[] all = [accepted, submitted, deferred, otherMeeting];
        var before = MeetingStart.AddDays(-1);

        Assert.Equal(TopicRules.ErrorAgendaTopicNotAccepted, TopicRules.ConfirmAgenda(ScheduledMeeting(), [1, 2], all, before).Error);
        Assert.Equal(TopicRules.ErrorAgendaTopicNotAccepted, TopicRules.ConfirmAgenda(ScheduledMeeting(), [3], all, before).Error);
        Assert.Equal(TopicRules.ErrorAgendaTopicNotAccepted, TopicRules.ConfirmAgenda(ScheduledMeeting(), [4], all, before).Error);
        Assert.Equal(TopicRules.ErrorAgendaTopicNotAccepted, TopicRules.ConfirmAgenda(ScheduledMeeting(), [99], all, before).Error);
        Assert.Equal(TopicRules.ErrorAgendaDuplicate, TopicRules.ConfirmAgenda(ScheduledMeeting(), [1, 1], all, before).Error);
        Assert.Equal(TopicRules.ErrorAgendaEmpty, TopicRules.ConfirmAgenda(ScheduledMeeting(), [], all, before).Error);
    }

    [Fact]
    public void The_agenda_cannot_be_confirmed_once_the_meeting_started()
    {
        var accepted = NewTopic(1);
        accepted.Apply(TopicAction.Accept, MeetingStart);

        Assert.Equal(TopicRules.ErrorMeetingStarted, TopicRules.ConfirmAgenda(ScheduledMeeting(), [1], [accepted], MeetingStart).Error);
        var started = ScheduledMeeting();
        started.Apply(MeetingAction.Start, MeetingStart.AddHours(-1));
        Assert.Equal(TopicRules.ErrorMeetingStarted, TopicRules.ConfirmAgenda(started, [1], [accepted], MeetingStart.AddHours(-1)).Error);
        var requested = MeetingCalendar.RequestAdHoc(1, 10, "临时", MeetingStart, 60, MeetingStart.AddDays(-3));
        requested.Id = 7;
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, TopicRules.ConfirmAgenda(requested, [1], [accepted], MeetingStart.AddDays(-1)).Error);
    }

    [Fact]
    public void Screening_stops_when_the_agenda_is_confirmed_and_adopted_topics_are_the_accepted_and_merged()
    {
        var meeting = ScheduledMeeting();
        Assert.True(TopicRules.CanScreen(meeting));
        meeting.Apply(MeetingAction.ConfirmAgenda, MeetingStart.AddDays(-1));
        Assert.False(TopicRules.CanScreen(meeting));

        Assert.True(TopicRules.IsAdopted(InStatus(TopicStatus.Accepted)));
        Assert.True(TopicRules.IsAdopted(InStatus(TopicStatus.Merged)));
        Assert.False(TopicRules.IsAdopted(InStatus(TopicStatus.Deferred)));
        Assert.False(TopicRules.IsAdopted(InStatus(TopicStatus.Withdrawn)));
        Assert.False(TopicRules.IsAdopted(InStatus(TopicStatus.Submitted)));
    }
}

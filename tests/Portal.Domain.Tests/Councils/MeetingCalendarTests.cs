using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class MeetingCalendarTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
    private static readonly DateTime Now = new(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc); // 14:00 on Monday 23 November, China time

    private static MeetingCalendarRule Rule(MeetingFrequency frequency, int firstMonth = 1) =>
        new(frequency, firstMonth, WeekOfMonth: 2, DayOfWeek.Tuesday, new TimeOnly(9, 0), DurationMinutes: 120);

    [Fact]
    public void Monthly_meetings_fall_on_the_second_tuesday_at_9_china_time()
    {
        var planned = MeetingCalendar.Generate(Rule(MeetingFrequency.Monthly), new(2027, 1, 1), new(2027, 4, 30), Now, China);

        Assert.Equal([new DateOnly(2027, 1, 12), new(2027, 2, 9), new(2027, 3, 9), new(2027, 4, 13)], planned.Select(p => p.LocalDay));
        Assert.Equal(["2027-01", "2027-02", "2027-03", "2027-04"], planned.Select(p => p.PeriodKey));
        Assert.Equal(new DateTime(2027, 1, 12, 1, 0, 0, DateTimeKind.Utc), planned[0].StartsAtUtc);
        Assert.Equal(new DateTime(2027, 1, 12, 3, 0, 0, DateTimeKind.Utc), planned[0].EndsAtUtc);
    }

    [Fact]
    public void Quarterly_and_twice_a_year_meetings_fall_in_their_months_counted_from_the_first_month()
    {
        var quarterly = MeetingCalendar.Generate(Rule(MeetingFrequency.Quarterly), new(2027, 1, 1), new(2027, 12, 31), Now, China);
        Assert.Equal([1, 4, 7, 10], quarterly.Select(p => p.LocalDay.Month));

        var quarterlyFromFebruary = MeetingCalendar.Generate(Rule(MeetingFrequency.Quarterly, firstMonth: 2), new(2027, 1, 1), new(2027, 12, 31), Now, China);
        Assert.Equal([2, 5, 8, 11], quarterlyFromFebruary.Select(p => p.LocalDay.Month));

        var twice = MeetingCalendar.Generate(Rule(MeetingFrequency.TwiceAYear, firstMonth: 6), new(2027, 1, 1), new(2028, 12, 31), Now, China);
        Assert.Equal([new DateOnly(2027, 6, 8), new(2027, 12, 14), new(2028, 6, 13), new(2028, 12, 12)], twice.Select(p => p.LocalDay));
    }

    [Fact]
    public void Past_meetings_and_those_already_created_are_skipped()
    {
        // November 2026's second Tuesday (10 November) is past; December's (8 December) is ahead.
        var planned = MeetingCalendar.Generate(Rule(MeetingFrequency.Monthly), new(2026, 11, 1), new(2027, 2, 28), Now, China, ["2027-01"]);

        Assert.Equal(["2026-12", "2027-02"], planned.Select(p => p.PeriodKey));
    }

    [Fact]
    public void A_meeting_later_today_is_still_planned_but_one_that_started_is_not()
    {
        var rule = new MeetingCalendarRule(MeetingFrequency.Monthly, 1, 4, DayOfWeek.Monday, new TimeOnly(15, 0), 60); // 23 Nov is the 4th Monday
        Assert.Single(MeetingCalendar.Generate(rule, new(2026, 11, 1), new(2026, 11, 30), Now, China));
        Assert.Empty(MeetingCalendar.Generate(rule with { StartTime = new TimeOnly(14, 0) }, new(2026, 11, 1), new(2026, 11, 30), Now, China));
    }

    [Fact]
    public void Meetings_outside_the_requested_days_are_left_out()
    {
        var planned = MeetingCalendar.Generate(Rule(MeetingFrequency.Monthly), new(2027, 1, 13), new(2027, 3, 8), Now, China);

        Assert.Equal(["2027-02"], planned.Select(p => p.PeriodKey));
    }

    [Fact]
    public void Invalid_calendar_rules_are_refused()
    {
        Assert.Equal([MeetingCalendarRule.ErrorFirstMonth], Rule(MeetingFrequency.Quarterly, firstMonth: 4).Validate());
        Assert.Equal([MeetingCalendarRule.ErrorWeekOfMonth], (Rule(MeetingFrequency.Monthly) with { WeekOfMonth = 5 }).Validate());
        Assert.Equal([MeetingCalendarRule.ErrorDuration], (Rule(MeetingFrequency.Monthly) with { DurationMinutes = 0 }).Validate());
        Assert.Empty((Rule(MeetingFrequency.Monthly) with { Day = DayOfWeek.Saturday }).Validate());
        Assert.Throws<ArgumentException>(() => MeetingCalendar.Generate(Rule(MeetingFrequency.Monthly) with { WeekOfMonth = 0 }, new(2027, 1, 1), new(2027, 2, 1), Now, China));
    }

    [Fact]
    public void An_ad_hoc_request_must_come_from_a_member_unit_for_a_future_time_with_a_topic()
    {
        var members = new HashSet<int> { 10, 20 };

        Assert.Empty(MeetingCalendar.ValidateAdHocRequest(10, members, Now.AddDays(3), 90, 1, Now));
        Assert.Equal([MeetingCalendar.ErrorNotMember, MeetingCalendar.ErrorInPast, MeetingCalendar.ErrorDuration, MeetingCalendar.ErrorTopicsRequired],
            MeetingCalendar.ValidateAdHocRequest(30, members, Now, 0, 0, Now));
    }

    [Fact]
    public void An_ad_hoc_request_is_confirmed_by_the_community_at_the_proposed_or_another_time()
    {
        var meeting = MeetingCalendar.RequestAdHoc(1, 10, " 防汛物资协调 ", Now.AddDays(3), 60, Now);
        Assert.Equal(MeetingStatus.Requested, meeting.Status);
        Assert.Equal("防汛物资协调", meeting.Title);

        Assert.Equal(MeetingCalendar.ErrorInPast, MeetingCalendar.ConfirmAdHoc(meeting, Now.AddHours(-1), 60, Now).ErrorCode);
        Assert.Equal(MeetingStatus.Requested, meeting.Status);

        var result = MeetingCalendar.ConfirmAdHoc(meeting, Now.AddDays(4), 90, Now);
        Assert.True(result.Allowed);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal(Now.AddDays(4), meeting.StartsAtUtc);
        Assert.Equal(Now.AddDays(4).AddMinutes(90), meeting.EndsAtUtc);
        Assert.Equal(Now.AddDays(3), meeting.ProposedStartsAtUtc);

        // Confirming twice is refused.
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, MeetingCalendar.ConfirmAdHoc(meeting, Now.AddDays(5), 90, Now).ErrorCode);
    }

    [Fact]
    public void Declining_an_ad_hoc_request_needs_a_reason_for_the_requesting_unit()
    {
        var meeting = MeetingCalendar.RequestAdHoc(1, 10, "议事", Now.AddDays(3), 60, Now);

        Assert.Equal(MeetingWorkflow.ReasonRequired, meeting.Apply(MeetingAction.Decline, Now, "  ").ErrorCode);
        Assert.Equal(MeetingStatus.Requested, meeting.Status);
        Assert.True(meeting.Apply(MeetingAction.Decline, Now, "与下周例会合并讨论").Allowed);
        Assert.Equal(MeetingStatus.Declined, meeting.Status);
        Assert.Equal("与下周例会合并讨论", meeting.DecisionReason);
    }

    [Fact]
    public void A_regular_meeting_cannot_be_confirmed_as_ad_hoc()
    {
        var planned = MeetingCalendar.Generate(Rule(MeetingFrequency.Monthly), new(2027, 1, 1), new(2027, 1, 31), Now, China)[0];
        var meeting = MeetingCalendar.CreateRegular(1, planned, "2027年1月例会", "党群服务中心");

        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal("2027-01", meeting.PeriodKey);
        Assert.False(MeetingCalendar.ConfirmAdHoc(meeting, Now.AddDays(5), 60, Now).Allowed);
    }

    [Theory]
    [InlineData(MeetingStatus.Requested, new[] { MeetingAction.Confirm, MeetingAction.Decline })]
    [InlineData(MeetingStatus.Scheduled, new[] { MeetingAction.ConfirmAgenda, MeetingAction.Start, MeetingAction.Cancel })]
    [InlineData(MeetingStatus.AgendaConfirmed, new[] { MeetingAction.Start, MeetingAction.Cancel, MeetingAction.ReopenAgenda })]
    [InlineData(MeetingStatus.InProgress, new[] { MeetingAction.End })]
    [InlineData(MeetingStatus.Ended, new[] { MeetingAction.ApproveMinutes })]
    [InlineData(MeetingStatus.MinutesApproved, new MeetingAction[0])]
    [InlineData(MeetingStatus.Declined, new MeetingAction[0])]
    [InlineData(MeetingStatus.Cancelled, new MeetingAction[0])]
    public void Each_meeting_status_allows_exactly_its_actions(MeetingStatus status, MeetingAction[] expected)
    {
        Assert.Equal(expected.Order(), MeetingWorkflow.ActionsIn(status).Order());
        foreach (var action in Enum.GetValues<MeetingAction>().Except(expected))
            Assert.Equal(MeetingWorkflow.NotAllowedInStatus, MeetingWorkflow.Apply(status, action, "理由").ErrorCode);
    }

    [Fact]
    public void Starting_and_ending_a_meeting_stamps_the_times()
    {
        var meeting = new Meeting { Title = "例会", StartsAtUtc = Now };
        meeting.Apply(MeetingAction.Start, Now.AddMinutes(2));
        meeting.Apply(MeetingAction.End, Now.AddMinutes(95));

        Assert.Equal(MeetingStatus.Ended, meeting.Status);
        Assert.Equal(Now.AddMinutes(2), meeting.StartedAtUtc);
        Assert.Equal(Now.AddMinutes(95), meeting.EndedAtUtc);
    }
}

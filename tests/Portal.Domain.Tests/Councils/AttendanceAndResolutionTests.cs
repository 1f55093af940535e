using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class AttendanceAndResolutionTests
{
    private static readonly DateTime Start = new(2026, 12, 15, 1, 0, 0, DateTimeKind.Utc);

    private static Meeting NewMeeting() => new() { Id = 7, Title = "例会", StartsAtUtc = Start, EndsAtUtc = Start.AddHours(2) };

    [Theory]
    [InlineData(MeetingStatus.Requested, false, false)]
    [InlineData(MeetingStatus.Scheduled, true, true)]
    [InlineData(MeetingStatus.AgendaConfirmed, true, true)]
    [InlineData(MeetingStatus.InProgress, true, true)]
    [InlineData(MeetingStatus.Ended, false, true)]
    [InlineData(MeetingStatus.MinutesApproved, false, false)]
    [InlineData(MeetingStatus.Declined, false, false)]
    [InlineData(MeetingStatus.Cancelled, false, false)]
    public void Self_check_in_until_the_end_and_the_secretary_s_marks_also_while_the_minutes_are_drafted(MeetingStatus status, bool self, bool marked)
    {
        Assert.Equal(self, AttendanceRules.TakesCheckIns(status, CheckInWay.QrCode));
        Assert.Equal(marked, AttendanceRules.TakesCheckIns(status, CheckInWay.MarkedBySecretary));
    }

    [Fact]
    public void Expected_present_and_the_rate_count_only_expected_people_and_guests_apart()
    {
        var list = new[]
        {
            new Attendance { PersonId = 1, CheckedInAtUtc = Start },
            new Attendance { PersonId = 2, CheckedInAtUtc = Start },
            new Attendance { PersonId = 3 },
            new Attendance { PersonId = 4, IsExpected = false, CheckedInAtUtc = Start },
        };

        var figures = AttendanceRules.Figures(list);

        Assert.Equal(new AttendanceFigures(3, 2, 1), figures);
        Assert.Equal(66.7, figures.RatePercent);
        Assert.Null(AttendanceRules.Figures([]).RatePercent);
    }

    [Fact]
    public void A_qr_check_in_opens_an_hour_before_the_start_and_is_recorded_once()
    {
        var meeting = NewMeeting();
        var a = new Attendance { PersonId = 1 };

        Assert.Equal(AttendanceRules.OutsideWindow, AttendanceRules.CheckIn(meeting, a, CheckInWay.QrCode, Start.AddMinutes(-61), null));
        Assert.Null(AttendanceRules.CheckIn(meeting, a, CheckInWay.QrCode, Start.AddMinutes(-60), null));
        Assert.Equal(Start.AddMinutes(-60), a.CheckedInAtUtc);
        Assert.Equal(CheckInWay.QrCode, a.Way);
        Assert.Equal(AttendanceRules.AlreadyCheckedIn, AttendanceRules.CheckIn(meeting, a, CheckInWay.MarkedBySecretary, Start, "secretary"));
        Assert.Equal(Start.AddMinutes(-60), a.CheckedInAtUtc);
    }

    [Fact]
    public void After_the_meeting_only_the_secretary_may_still_mark_someone_present()
    {
        var meeting = NewMeeting();
        meeting.Apply(MeetingAction.Start, Start);
        meeting.Apply(MeetingAction.End, Start.AddHours(2));

        Assert.Equal(AttendanceRules.NotAllowedInStatus,
            AttendanceRules.CheckIn(meeting, new Attendance { PersonId = 1 }, CheckInWay.QrCode, Start.AddHours(2), null));
        var marked = new Attendance { PersonId = 2 };
        Assert.Null(AttendanceRules.CheckIn(meeting, marked, CheckInWay.MarkedBySecretary, Start.AddHours(3), "secretary"));
        Assert.Equal("secretary", marked.MarkedByUserId);

        meeting.Apply(MeetingAction.ApproveMinutes, Start.AddDays(1));
        Assert.Equal(AttendanceRules.NotAllowedInStatus,
            AttendanceRules.CheckIn(meeting, new Attendance { PersonId = 3 }, CheckInWay.MarkedBySecretary, Start.AddDays(1), "secretary"));
    }

    [Fact]
    public void A_resolution_needs_a_decision_an_owner_not_also_a_co_owner_and_a_deadline_after_the_meeting()
    {
        var day = new DateOnly(2026, 12, 15);
        var bad = new Resolution { Decision = " ", OwnerUnitId = 0, CoOwners = [new() { UnitId = 0 }], DueDate = day };
        Assert.Equal([Resolution.ErrorDecisionRequired, Resolution.ErrorOwnerRequired, Resolution.ErrorOwnerAlsoCoOwner, Resolution.ErrorDeadlineBeforeMeeting],
            bad.Validate(day));

        var good = new Resolution { Decision = "汇总防汛物资清单", OwnerUnitId = 10, CoOwners = [new() { UnitId = 20 }, new() { UnitId = 30 }], DueDate = day.AddDays(5) };
        Assert.Empty(good.Validate(day));
    }
}

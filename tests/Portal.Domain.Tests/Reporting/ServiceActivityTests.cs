using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>Publishing, sign-up room, the QR window and check-out, and the ledger line an attendance makes.</summary>
public sealed class ServiceActivityTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = new(2026, 5, 9, 1, 0, 0, DateTimeKind.Utc);

    private static ServiceActivity.Details Details(int capacity = 2, DateTime? start = null, DateTime? end = null) =>
        new("敬老院陪伴老人", "幸福里养老院", "陪老人聊天、读报", ServiceCategory.ElderCare, null, start ?? Start, end ?? Start.AddHours(3), capacity);

    internal static ServiceActivity Published(int capacity = 2)
    {
        var activity = ServiceActivity.Publish(10, Details(capacity), "sec", Now).Activity!;
        activity.Id = 3;
        return activity;
    }

    public static TheoryData<ServiceActivity.Details, string> Bad => new()
    {
        { Details() with { Title = "" }, ServiceActivity.ErrorTitle },
        { Details() with { Place = " " }, ServiceActivity.ErrorPlace },
        { Details(end: Start), ServiceActivity.ErrorTimes },
        { Details(end: Start.AddHours(24).AddMinutes(1)), ServiceActivity.ErrorTimes },
        { Details(start: Now.AddMinutes(-1), end: Now.AddHours(1)), ServiceActivity.ErrorTimes },
        { Details(capacity: 0), ServiceActivity.ErrorCapacity },
        { Details(capacity: ServiceActivity.MaxCapacity + 1), ServiceActivity.ErrorCapacity },
        { Details() with { Category = (ServiceCategory)77 }, ServiceActivity.ErrorCategory },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_details_are_refused(ServiceActivity.Details details, string error) =>
        Assert.Equal(error, ServiceActivity.Publish(10, details, "sec", Now).Error);

    [Fact]
    public void Sign_ups_stop_when_full_at_the_end_and_when_cancelled()
    {
        var activity = Published(capacity: 2);
        Assert.Null(activity.CheckSignUp(1, Now));
        Assert.Equal(ServiceActivity.ErrorFull, activity.CheckSignUp(2, Now));
        Assert.Equal(ServiceActivity.ErrorEnded, activity.CheckSignUp(0, Start.AddHours(3)));
        Assert.Equal(ServiceActivity.ErrorCapacity, activity.Change(Details(capacity: 1), signedUp: 2, Now));
        Assert.Null(activity.Change(Details(capacity: 5), signedUp: 2, Now));
        Assert.Null(activity.Cancel());
        Assert.Equal(ServiceActivity.ErrorCancelled, activity.CheckSignUp(0, Now));
        Assert.Equal(ServiceActivity.ErrorCancelled, activity.Cancel());
    }

    [Theory]
    [InlineData(-61, false)]
    [InlineData(-60, true)]     // an hour before the start, as the councils' check-in
    [InlineData(180 + 120, true)]   // two hours after the end
    [InlineData(180 + 121, false)]
    public void The_QR_code_is_taken_from_an_hour_before_until_two_hours_after(int minutes, bool takes) =>
        Assert.Equal(takes, Published().TakesCheckIns(Start.AddMinutes(minutes)));

    [Fact]
    public void Staff_record_attendance_after_the_QR_window_but_not_before_it()
    {
        var activity = Published();
        Assert.Null(activity.CheckCheckIn(AttendanceWay.Staff, Start.AddDays(3)));
        Assert.Equal(ServiceActivity.ErrorCheckInClosed, activity.CheckCheckIn(AttendanceWay.QrCode, Start.AddDays(3)));
        Assert.Equal(ServiceActivity.ErrorCheckInClosed, activity.CheckCheckIn(AttendanceWay.Staff, Start.AddHours(-2)));
    }

    [Fact]
    public void Checking_out_counts_the_hours_inside_the_activity_once()
    {
        var activity = Published();
        var (attendance, error) = ActivityAttendance.CheckIn(activity, 7, AttendanceWay.QrCode, Start.AddMinutes(-20), "u-7");
        Assert.Null(error);
        Assert.Equal(0m, attendance!.Hours(activity));
        Assert.Equal((2.5m, (string?)null), attendance.CheckOut(activity, AttendanceWay.QrCode, Start.AddMinutes(155)));
        Assert.Equal(ServiceActivity.ErrorAlreadyCheckedOut, attendance.CheckOut(activity, AttendanceWay.QrCode, Start.AddMinutes(170)).Error);
    }

    [Fact]
    public void A_late_QR_check_out_is_refused_and_staff_may_record_it()
    {
        var activity = Published();
        var attendance = ActivityAttendance.CheckIn(activity, 7, AttendanceWay.QrCode, Start, "u-7").Attendance!;
        Assert.Equal(ServiceActivity.ErrorCheckInClosed, attendance.CheckOut(activity, AttendanceWay.QrCode, Start.AddHours(6)).Error);
        Assert.Equal((3m, (string?)null), attendance.CheckOut(activity, AttendanceWay.Staff, Start.AddHours(6)));
    }

    [Fact]
    public void A_checked_out_attendance_makes_a_pending_ledger_line_verified_with_points_under_the_rules()
    {
        var activity = Published();
        var member = MemberReportTests.Submitted();
        member.Id = 12;
        var attendance = ActivityAttendance.CheckIn(activity, 7, AttendanceWay.QrCode, Start, "u-7").Attendance!;
        attendance.CheckOut(activity, AttendanceWay.QrCode, Start.AddHours(2));
        var (record, error) = ServiceRecord.FromAttendance(member, activity, attendance, new DateOnly(2026, 5, 9), Now, "u-7");
        Assert.Null(error);
        Assert.Equal((ServiceRecordStatus.Pending, 2m, 0m, 12, "敬老院陪伴老人"), (record!.Status, record.Hours, record.Points, record.MemberReportId, record.What));

        Assert.Null(record.Verify(ShippedServiceRules.PerActivity, pointsEarlierThisYear: 11.5m, "sec", Now));
        Assert.Equal((ServiceRecordStatus.Verified, 0.5m, "per-activity", (int?)1), (record.Status, record.Points, record.RulesCode, record.RulesVersion));
        Assert.Equal(ServiceRecord.ErrorNotPending, record.Reject("重复", "sec", Now));
    }

    [Fact]
    public void Staff_entries_are_half_hours_not_in_the_future_and_a_rejection_needs_a_reason()
    {
        var member = MemberReportTests.Submitted();
        var today = new DateOnly(2026, 5, 9);
        Assert.Equal(ServiceRecord.ErrorDate, ServiceRecord.Entered(member, today.AddDays(1), today, 2m, ServiceCategory.SafetyPatrol, "夜间巡逻", Now, "sec").Error);
        Assert.Equal(ServiceRecord.ErrorHours, ServiceRecord.Entered(member, today, today, 1.2m, ServiceCategory.SafetyPatrol, "夜间巡逻", Now, "sec").Error);
        Assert.Equal(ServiceRecord.ErrorHours, ServiceRecord.Entered(member, today, today, 0m, ServiceCategory.SafetyPatrol, "夜间巡逻", Now, "sec").Error);
        Assert.Equal(ServiceRecord.ErrorWhat, ServiceRecord.Entered(member, today, today, 1m, ServiceCategory.SafetyPatrol, " ", Now, "sec").Error);
        var record = ServiceRecord.Entered(member, today, today, 1.5m, ServiceCategory.SafetyPatrol, "夜间巡逻", Now, "sec").Record!;
        Assert.Equal(ServiceRecord.ErrorReasonRequired, record.Reject("", "sec", Now));
        Assert.Null(record.Reject("当晚未排班", "sec", Now));
        Assert.Equal((ServiceRecordStatus.Rejected, 0m), (record.Status, record.Points));
    }
}

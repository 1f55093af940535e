using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Reporting;

public enum ServiceRecordStatus
{
    /// <summary>Recorded (by a check-out or by staff); waits for the community.</summary>
    Pending = 1,
    /// <summary>Verified: its hours count and its points are fixed under the rule version named with it.</summary>
    Verified = 2,
    /// <summary>Not accepted, with a reason the member reads; counts nothing.</summary>
    Rejected = 3,
}

public enum ServiceRecordSource
{
    /// <summary>From an attendance checked out at an activity.</summary>
    Attendance = 1,
    /// <summary>Entered by staff (service outside an activity: a post's duty, a visit).</summary>
    Staff = 2,
}

/// <summary>
/// One line of a member's service ledger (服务台账, decision 0039): the day, the hours, the kind of service and what it
/// was, from an attendance or entered by staff. The community verifies it — only then does it count, with its points
/// computed once, under the rules in force (their code and version are kept with it), so later rule changes do not
/// rewrite it — or rejects it with a reason. One record per attendance (the database enforces it).
/// </summary>
public sealed class ServiceRecord : VersionedEntity
{
    public const int WhatMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public const string ErrorWhat = "Reporting.Error.Record.What";
    public const string ErrorHours = "Reporting.Error.Record.Hours";
    public const string ErrorDate = "Reporting.Error.Record.Date";
    public const string ErrorCategory = "Reporting.Error.Record.Category";
    public const string ErrorNotPending = "Reporting.Error.Record.NotPending";
    public const string ErrorReasonRequired = "Reporting.Error.Record.ReasonRequired";

    private ServiceRecord() { }

    public int CommunityId { get; private init; }
    public int PersonId { get; private init; }
    /// <summary>The member's report it belongs to: the home unit it is fed back to.</summary>
    public int MemberReportId { get; private init; }
    public int? ActivityId { get; private init; }
    public int? AttendanceId { get; private init; }
    public ServiceRecordSource Source { get; private init; }
    public DateOnly ServedOn { get; private init; }
    public decimal Hours { get; private init; }
    public ServiceCategory Category { get; private init; }
    public string What { get; private init; } = "";
    public string RecordedByUserId { get; private init; } = "";
    public DateTime RecordedAtUtc { get; private init; }

    public ServiceRecordStatus Status { get; private set; } = ServiceRecordStatus.Pending;
    /// <summary>Fixed when verified; 0 until then (and when rejected).</summary>
    public decimal Points { get; private set; }
    public string? RulesCode { get; private set; }
    public int? RulesVersion { get; private set; }
    public string? RejectReason { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The record an attendance makes when it is checked out: the activity's day (local), kind and title, the hours counted.</summary>
    public static (ServiceRecord? Record, string? Error) FromAttendance(MemberReport member, ServiceActivity activity, ActivityAttendance attendance,
        DateOnly servedOn, DateTime nowUtc, string byUserId) =>
        Create(member, activity.Id, attendance.Id, ServiceRecordSource.Attendance, servedOn, attendance.Hours(activity), activity.Category,
            activity.Title, nowUtc, byUserId, allowNoHours: true);

    /// <summary>Service entered by staff: a day not in the future, half hours (<see cref="ServiceHours.IsValidEntry"/>), what it was.</summary>
    public static (ServiceRecord? Record, string? Error) Entered(MemberReport member, DateOnly servedOn, DateOnly today, decimal hours,
        ServiceCategory category, string what, DateTime nowUtc, string byUserId) =>
        servedOn > today ? (null, ErrorDate)
        : Create(member, null, null, ServiceRecordSource.Staff, servedOn, hours, category, what, nowUtc, byUserId, allowNoHours: false);

    private static (ServiceRecord?, string?) Create(MemberReport member, int? activityId, int? attendanceId, ServiceRecordSource source,
        DateOnly servedOn, decimal hours, ServiceCategory category, string what, DateTime nowUtc, string byUserId, bool allowNoHours)
    {
        var text = UserText.SingleLine(what);
        if (text.Length is 0 or > WhatMaxLength) return (null, ErrorWhat);
        // A checked-out attendance may count 0 hours (a stay under half an hour): it is still a record of having come.
        if (!(allowNoHours && hours == 0m) && !ServiceHours.IsValidEntry(hours)) return (null, ErrorHours);
        if (!Enum.IsDefined(category)) return (null, ErrorCategory);
        if (servedOn.Year < 2000) return (null, ErrorDate);
        return (new ServiceRecord
        {
            CommunityId = member.CommunityId, PersonId = member.PersonId, MemberReportId = member.Id, ActivityId = activityId,
            AttendanceId = attendanceId, Source = source, ServedOn = servedOn, Hours = hours, Category = category, What = text,
            RecordedByUserId = byUserId, RecordedAtUtc = nowUtc,
        }, null);
    }

    /// <summary>
    /// The community verifies it: the points are granted under <paramref name="rules"/> given the member's verified points
    /// earlier in the same calendar year (<paramref name="pointsEarlierThisYear"/>, which the service sums), and fixed.
    /// </summary>
    public string? Verify(ServiceRules rules, decimal pointsEarlierThisYear, string byUserId, DateTime nowUtc)
    {
        if (Status != ServiceRecordStatus.Pending) return ErrorNotPending;
        Points = ServicePoints.Grant(rules, pointsEarlierThisYear, Hours).Points;
        (Status, RulesCode, RulesVersion, DecidedByUserId, DecidedAtUtc) = (ServiceRecordStatus.Verified, rules.Code, rules.Version, byUserId, nowUtc);
        return null;
    }

    public string? Reject(string? reason, string byUserId, DateTime nowUtc)
    {
        if (Status != ServiceRecordStatus.Pending) return ErrorNotPending;
        var clean = UserText.MultiLineTrimmed(reason);
        if (clean.Length is 0 or > ReasonMaxLength) return ErrorReasonRequired;
        (Status, RejectReason, DecidedByUserId, DecidedAtUtc) = (ServiceRecordStatus.Rejected, clean, byUserId, nowUtc);
        return null;
    }
}

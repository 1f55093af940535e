using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Domain.Text;

namespace Portal.Domain.Reporting;

public enum ActivityStatus
{
    Published = 1,
    /// <summary>Called off: sign-ups and check-ins end; attendance already recorded stays.</summary>
    Cancelled = 2,
}

/// <summary>How an attendance was recorded.</summary>
public enum AttendanceWay
{
    /// <summary>The member scanned the venue's QR code on their phone.</summary>
    QrCode = 1,
    /// <summary>Staff recorded it (a member without a phone, a paper sheet, a correction).</summary>
    Staff = 2,
}

/// <summary>
/// A service activity the community publishes (decision 0039): what, where, when, how many, the kind of service and the
/// post it serves. Members sign up while there is room and before it ends; at the venue they check in and out by its QR
/// code from <see cref="AttendanceRules.OpensBefore"/> the start (the councils' check-in window) until
/// <see cref="CheckOutGrace"/> after the end; staff may record attendance at any time after. The counts are kept by the
/// service from the sign-up and attendance rows; this class decides what is allowed.
/// </summary>
public sealed class ServiceActivity : VersionedEntity
{
    public const int TitleMaxLength = 100;
    public const int PlaceMaxLength = 100;
    public const int DescriptionMaxLength = 2_000;
    public const int MaxCapacity = 10_000;

    public const string ErrorTitle = "Reporting.Error.Activity.Title";
    public const string ErrorPlace = "Reporting.Error.Activity.Place";
    public const string ErrorDescription = "Reporting.Error.Activity.Description";
    public const string ErrorTimes = "Reporting.Error.Activity.Times";
    public const string ErrorCapacity = "Reporting.Error.Activity.Capacity";
    public const string ErrorCategory = "Reporting.Error.Activity.Category";
    public const string ErrorCancelled = "Reporting.Error.Activity.Cancelled";
    public const string ErrorFull = "Reporting.Error.Activity.Full";
    public const string ErrorEnded = "Reporting.Error.Activity.Ended";
    public const string ErrorCheckInClosed = "Reporting.Error.Activity.CheckInClosed";
    public const string ErrorNotCheckedIn = "Reporting.Error.Activity.NotCheckedIn";
    public const string ErrorAlreadyCheckedOut = "Reporting.Error.Activity.AlreadyCheckedOut";
    public const string ErrorNotYetOver = "Reporting.Error.Activity.NotYetOver";

    /// <summary>How long after the end a member may still check out by QR (people leave late; staff correct later).</summary>
    public static readonly TimeSpan CheckOutGrace = TimeSpan.FromHours(2);

    /// <summary>The longest an activity lasts: one day's service.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    private ServiceActivity() { }

    public int CommunityId { get; private init; }
    public int? PostId { get; private set; }
    public string Title { get; private set; } = "";
    public string Place { get; private set; } = "";
    [MultiLineText]
    public string Description { get; private set; } = "";
    public ServiceCategory Category { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public DateTime EndsAtUtc { get; private set; }
    public int Capacity { get; private set; }
    public ActivityStatus Status { get; private set; } = ActivityStatus.Published;
    public string CreatedByUserId { get; private init; } = "";
    public DateTime CreatedAtUtc { get; private init; }

    /// <summary>What the community states about an activity.</summary>
    public sealed record Details(string Title, string Place, string? Description, ServiceCategory Category, int? PostId,
        DateTime StartsAtUtc, DateTime EndsAtUtc, int Capacity);

    public static (ServiceActivity? Activity, string? Error) Publish(int communityId, Details details, string byUserId, DateTime nowUtc)
    {
        var activity = new ServiceActivity { CommunityId = communityId, CreatedByUserId = byUserId, CreatedAtUtc = nowUtc };
        return activity.Describe(details, signedUp: 0, nowUtc, isNew: true) is { } error ? (null, error) : (activity, null);
    }

    /// <summary>Changes what was published; the capacity not below those already signed up, the times not into the past.</summary>
    public string? Change(Details details, int signedUp, DateTime nowUtc) =>
        Status == ActivityStatus.Cancelled ? ErrorCancelled : Describe(details, signedUp, nowUtc, isNew: false);

    public string? Cancel()
    {
        if (Status == ActivityStatus.Cancelled) return ErrorCancelled;
        Status = ActivityStatus.Cancelled;
        return null;
    }

    /// <summary>A member signs up while the activity is published, not over, and has room (<paramref name="signedUp"/> so far).</summary>
    public string? CheckSignUp(int signedUp, DateTime nowUtc) =>
        Status == ActivityStatus.Cancelled ? ErrorCancelled
        : nowUtc >= EndsAtUtc ? ErrorEnded
        : signedUp >= Capacity ? ErrorFull
        : null;

    /// <summary>Whether a QR check-in (or check-out) is taken at <paramref name="nowUtc"/>.</summary>
    public bool TakesCheckIns(DateTime nowUtc) =>
        Status == ActivityStatus.Published && nowUtc >= StartsAtUtc - AttendanceRules.OpensBefore && nowUtc <= EndsAtUtc + CheckOutGrace;

    /// <summary>A QR check-in: in its window; staff record attendance for a published activity at any time after its start.</summary>
    public string? CheckCheckIn(AttendanceWay way, DateTime nowUtc) => way switch
    {
        AttendanceWay.QrCode => TakesCheckIns(nowUtc) ? null : Status == ActivityStatus.Cancelled ? ErrorCancelled : ErrorCheckInClosed,
        _ => Status == ActivityStatus.Cancelled ? ErrorCancelled : nowUtc < StartsAtUtc - AttendanceRules.OpensBefore ? ErrorCheckInClosed : null,
    };

    private string? Describe(Details d, int signedUp, DateTime nowUtc, bool isNew)
    {
        var title = UserText.SingleLine(d.Title);
        if (title.Length is 0 or > TitleMaxLength) return ErrorTitle;
        var place = UserText.SingleLine(d.Place);
        if (place.Length is 0 or > PlaceMaxLength) return ErrorPlace;
        var description = UserText.MultiLineTrimmed(d.Description);
        if (description.Length > DescriptionMaxLength) return ErrorDescription;
        if (!Enum.IsDefined(d.Category)) return ErrorCategory;
        if (d.EndsAtUtc <= d.StartsAtUtc || d.EndsAtUtc - d.StartsAtUtc > MaxLength) return ErrorTimes;
        // A new activity lies ahead; a change may keep a start already passed but not move it into the past.
        if ((isNew || d.StartsAtUtc != StartsAtUtc) && d.StartsAtUtc < nowUtc) return ErrorTimes;
        if (d.Capacity < 1 || d.Capacity > MaxCapacity || d.Capacity < signedUp) return ErrorCapacity;
        (Title, Place, Description, Category, PostId, StartsAtUtc, EndsAtUtc, Capacity) =
            (title, place, description, d.Category, d.PostId, d.StartsAtUtc, d.EndsAtUtc, d.Capacity);
        return null;
    }
}

/// <summary>
/// One member's attendance at an activity: checked in, then out; the hours count between them inside the activity's
/// time (<see cref="ServiceHours"/>). One per member and activity (the database enforces it).
/// </summary>
public sealed class ActivityAttendance : Entity
{
    private ActivityAttendance() { }

    public int ActivityId { get; private init; }
    public int PersonId { get; private init; }
    public AttendanceWay Way { get; private init; }
    public DateTime CheckedInAtUtc { get; private set; }
    public DateTime? CheckedOutAtUtc { get; private set; }
    public string RecordedByUserId { get; private init; } = "";

    public bool IsOut => CheckedOutAtUtc is not null;

    public static (ActivityAttendance? Attendance, string? Error) CheckIn(ServiceActivity activity, int personId, AttendanceWay way, DateTime atUtc, string byUserId) =>
        activity.CheckCheckIn(way, atUtc) is { } error
            ? (null, error)
            : (new ActivityAttendance { ActivityId = activity.Id, PersonId = personId, Way = way, CheckedInAtUtc = atUtc, RecordedByUserId = byUserId }, null);

    /// <summary>Checks out at <paramref name="atUtc"/> (by QR in the window; staff at any time after check-in); the hours it counts.</summary>
    public (decimal Hours, string? Error) CheckOut(ServiceActivity activity, AttendanceWay way, DateTime atUtc)
    {
        if (IsOut) return (0m, ServiceActivity.ErrorAlreadyCheckedOut);
        if (atUtc < CheckedInAtUtc) return (0m, ServiceActivity.ErrorNotCheckedIn);
        if (way == AttendanceWay.QrCode && !activity.TakesCheckIns(atUtc)) return (0m, ServiceActivity.ErrorCheckInClosed);
        CheckedOutAtUtc = atUtc;
        return (Hours(activity), null);
    }

    /// <summary>The hours this attendance counts (none before it is checked out).</summary>
    public decimal Hours(ServiceActivity activity) =>
        CheckedOutAtUtc is { } outAt ? ServiceHours.Between(CheckedInAtUtc, outAt, activity.StartsAtUtc, activity.EndsAtUtc) : 0m;
}

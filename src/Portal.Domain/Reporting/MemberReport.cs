using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Text;

namespace Portal.Domain.Reporting;

/// <summary>The kinds of service a member offers and an activity or post serves (服务类别).</summary>
public enum ServiceCategory
{
    PolicyExplaining = 1,
    ElderCare = 2,
    Environment = 3,
    CivilityAdvice = 4,
    SafetyPatrol = 5,
    StudyHelp = 6,
    Health = 7,
    LegalAdvice = 8,
    CultureSports = 9,
    BuildingLeader = 10,
    Other = 99,
}

/// <summary>How a report reached the community.</summary>
public enum ReportChannel
{
    /// <summary>The member on their own account (a phone, mostly).</summary>
    Self = 1,
    /// <summary>The home unit's roster (CSV import).</summary>
    UnitRoster = 2,
    /// <summary>Community staff, from a paper form.</summary>
    Staff = 3,
}

public enum MemberReportStatus
{
    /// <summary>Sent; the community has not verified it yet.</summary>
    Pending = 1,
    Verified = 2,
    /// <summary>Sent back with a reason the member sees; they correct it and send it again.</summary>
    Returned = 3,
    /// <summary>No longer reported here (moved away); kept, with its records, as the member's history.</summary>
    Ended = 4,
}

/// <summary>
/// An in-service Party member's report to the community they live in (在职党员到居住地社区报到, decision 0039): who they are
/// (name, phone), where their membership is held (home unit, home branch), where they live (community, grid), what they
/// can do (skills, preferred categories), how and when they reported. The community verifies it or returns it with a
/// reason; a member who moves ends it there and reports anew elsewhere, so the old report and its service records stay
/// as their history. One live (not ended) report per member, which the database also enforces.
/// </summary>
public sealed class MemberReport : VersionedEntity
{
    public const int NameMaxLength = DirectoryLimits.PersonName;
    public const int SkillsMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int MaxCategories = 5;

    public const string ErrorName = "Reporting.Error.Member.Name";
    public const string ErrorPhone = "Reporting.Error.Member.Phone";
    public const string ErrorHomeUnit = "Reporting.Error.Member.HomeUnit";
    public const string ErrorCommunity = "Reporting.Error.Member.Community";
    public const string ErrorSkills = "Reporting.Error.Member.Skills";
    public const string ErrorCategories = "Reporting.Error.Member.Categories";
    public const string ErrorReportedOn = "Reporting.Error.Member.ReportedOn";
    public const string ErrorNotPending = "Reporting.Error.Member.NotPending";
    public const string ErrorNotReturned = "Reporting.Error.Member.NotReturned";
    public const string ErrorReasonRequired = "Reporting.Error.Member.ReasonRequired";
    public const string ErrorEnded = "Reporting.Error.Member.Ended";

    private MemberReport() { }

    public int PersonId { get; private init; }
    public int CommunityId { get; private init; }
    public int? GridId { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public int HomeUnitId { get; private set; }
    public int? HomeBranchId { get; private set; }
    public string? Skills { get; private set; }
    /// <summary>Preferred kinds of service, at most <see cref="MaxCategories"/>.</summary>
    public IReadOnlyList<ServiceCategory> Categories { get; private set; } = [];
    public ReportChannel Channel { get; private init; }
    public DateOnly ReportedOn { get; private set; }
    public string ReportedByUserId { get; private init; } = "";

    public MemberReportStatus Status { get; private set; } = MemberReportStatus.Pending;
    public string? ReturnReason { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    /// <summary>When the community verified it; kept when the report ends.</summary>
    public DateTime? VerifiedAtUtc { get; private set; }

    public bool IsLive => Status != MemberReportStatus.Ended;

    /// <summary>What a member (or the roster, or staff) states in a report.</summary>
    public sealed record Details(string Name, string? Phone, int HomeUnitId, int? HomeBranchId, int? GridId, string? Skills, IReadOnlyList<ServiceCategory> Categories);

    /// <summary>A report of <paramref name="personId"/> to <paramref name="communityId"/>, made on <paramref name="reportedOn"/> (not in the future).</summary>
    public static (MemberReport? Report, string? Error) Submit(int personId, int communityId, Details details, ReportChannel channel,
        DateOnly reportedOn, DateOnly today, string byUserId)
    {
        if (personId <= 0 || communityId <= 0) return (null, ErrorCommunity);
        if (!Enum.IsDefined(channel)) throw new ArgumentOutOfRangeException(nameof(channel));
        if (reportedOn > today || reportedOn.Year < 2000) return (null, ErrorReportedOn);
        var report = new MemberReport { PersonId = personId, CommunityId = communityId, Channel = channel, ReportedOn = reportedOn, ReportedByUserId = byUserId };
        return report.Describe(details) is { } error ? (null, error) : (report, null);
    }

    /// <summary>The community verifies a pending report.</summary>
    public string? Verify(string byUserId, DateTime nowUtc)
    {
        if (Status != MemberReportStatus.Pending) return ErrorNotPending;
        (Status, ReturnReason, DecidedByUserId, DecidedAtUtc, VerifiedAtUtc) = (MemberReportStatus.Verified, null, byUserId, nowUtc, nowUtc);
        return null;
    }

    /// <summary>The community returns a pending report with a reason the member reads ("请填写报到单位的党支部").</summary>
    public string? Return(string? reason, string byUserId, DateTime nowUtc)
    {
        if (Status != MemberReportStatus.Pending) return ErrorNotPending;
        var clean = UserText.MultiLineTrimmed(reason);
        if (clean.Length is 0 or > ReasonMaxLength) return ErrorReasonRequired;
        (Status, ReturnReason, DecidedByUserId, DecidedAtUtc) = (MemberReportStatus.Returned, clean, byUserId, nowUtc);
        return null;
    }

    /// <summary>The member corrects a returned report and sends it again (pending once more, dated the day it is resent).</summary>
    public string? Resubmit(Details details, DateOnly today)
    {
        if (Status != MemberReportStatus.Returned) return ErrorNotReturned;
        if (Describe(details) is { } error) return error;
        (Status, ReportedOn) = (MemberReportStatus.Pending, today);
        return null;
    }

    /// <summary>
    /// The member moved away (or the community ends the report for a reason of record): the report stays, ended on the day,
    /// with its service records; a report elsewhere starts anew.
    /// </summary>
    public string? End(DateOnly on, string byUserId, DateTime nowUtc)
    {
        if (Status == MemberReportStatus.Ended) return ErrorEnded;
        if (on < ReportedOn) return ErrorReportedOn;
        (Status, EndedOn, DecidedByUserId, DecidedAtUtc) = (MemberReportStatus.Ended, on, byUserId, nowUtc);
        return null;
    }

    /// <summary>
    /// Whether the member counts as reported on <paramref name="day"/>: the report was verified (at any time: the
    /// community's delay does not make a member late), made on or before the day, and not ended before it.
    /// </summary>
    public bool CountsAsReportedOn(DateOnly day) => VerifiedAtUtc is not null && ReportedOn <= day && (EndedOn is null || day <= EndedOn);

    private string? Describe(Details d)
    {
        var name = UserText.SingleLine(d.Name);
        if (name.Length is 0 or > NameMaxLength) return ErrorName;
        var phone = UserText.SingleLine(d.Phone);
        if (!DirectoryRules.IsValidPhone(phone)) return ErrorPhone;
        if (d.HomeUnitId <= 0 || d.HomeBranchId is <= 0) return ErrorHomeUnit;
        if (d.GridId is <= 0) return ErrorCommunity;
        var skills = UserText.SingleLineOrNull(d.Skills);
        if (skills is { Length: > SkillsMaxLength }) return ErrorSkills;
        var categories = (d.Categories ?? []).Distinct().ToList();
        if (categories.Count > MaxCategories || categories.Any(c => !Enum.IsDefined(c))) return ErrorCategories;
        (Name, Phone, HomeUnitId, HomeBranchId, GridId, Skills, Categories) = (name, phone, d.HomeUnitId, d.HomeBranchId, d.GridId, skills, categories);
        return null;
    }
}

using Portal.Domain.Councils;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Councils;

/// <summary>A council in the list of those the user can see.</summary>
public sealed record CouncilSummary(int Id, string Name, string ScopeName, ChairArrangement Arrangement, MeetingFrequency Frequency, int MemberUnits, DateTime? NextMeetingUtc);

/// <summary>One seat on the roster, with names resolved; <see cref="SeatId"/> and <see cref="SeatVersion"/> for the managers' seat actions.</summary>
public sealed record RosterRow(int SeatId, Guid SeatVersion, string? UnitName, string? PersonName, string? LiaisonName, CouncilRole Role, bool IsPartTime, DateOnly TermFrom, DateOnly? TermTo, int? RotationOrder, bool IsSitting);

/// <summary>One year of the rotating chair, with unit names; <see cref="IsCurrent"/> marks this year.</summary>
public sealed record RotationRow(int Year, string LeadUnitName, string? ChairUnitName, bool IsCurrent);

/// <summary>A meeting on the calendar, with its attendance figures once held.</summary>
public sealed record MeetingRow(int Id, string Title, MeetingKind Kind, MeetingStatus Status, DateTime StartsAtUtc, DateTime EndsAtUtc, string? Location, string? ChairName, AttendanceFigures Attendance);

/// <summary>Everything the read-only council page shows.</summary>
public sealed record CouncilDetail(
    int Id,
    string Name,
    string ScopeName,
    ChairArrangement Arrangement,
    MeetingCalendarRule Calendar,
    int TopicDeadlineDays,
    string? DefaultLocation,
    bool CanManage,
    int CurrentYear,
    IReadOnlyList<RosterRow> Roster,
    IReadOnlyList<RotationRow> Rotation,
    IReadOnlyList<MeetingRow> Upcoming,
    IReadOnlyList<MeetingRow> Past);

/// <summary>What a manager may pick when creating a council: the communities and streets they manage.</summary>
public sealed record CouncilScopes(IReadOnlyList<Option> Communities, IReadOnlyList<Option> Streets)
{
    public bool CanCreate => Communities.Count > 0 || Streets.Count > 0;
}

/// <summary>How many regular meetings the secretariat's "schedule" action put on the calendar (0: none was missing).</summary>
public sealed record ScheduledMeetings(int Added);

using System.Globalization;
using Portal.Domain.Councils;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Councils.Setup;

/// <summary>
/// A council's settings as its managers edit them: scope (fixed once created, because meetings and history belong to
/// it), the regular-meeting calendar, topic deadline and chair arrangement.
/// </summary>
public sealed class CouncilForm : VersionedForm
{
    public const string DefaultStartTime = "14:30";

    /// <summary>The error key of the community or street a new council belongs to.</summary>
    public const string ScopeField = "Scope";

    public CouncilLevel Level { get; set; } = CouncilLevel.Community;
    public int? CommunityId { get; set; }
    public int? StreetId { get; set; }
    public string? Name { get; set; }
    public MeetingFrequency Frequency { get; set; } = MeetingFrequency.Monthly;
    public int FirstMonth { get; set; } = 1;
    public int WeekOfMonth { get; set; } = 2;
    public DayOfWeek Day { get; set; } = DayOfWeek.Tuesday;
    /// <summary>"HH:mm", China time; text so a mistyped time is reported instead of silently dropped.</summary>
    public string? StartTime { get; set; } = DefaultStartTime;
    public int DurationMinutes { get; set; } = 120;
    public int TopicDeadlineDays { get; set; } = 15;
    public string? DefaultLocation { get; set; }
    public ChairArrangement Arrangement { get; set; } = ChairArrangement.FixedChair;
    public int? LeadUnitId { get; set; }
    public int? RotationStartYear { get; set; }

    /// <summary>
    /// <see cref="StartTime"/> as the time picker shows it; a picker left empty (or given no valid time) leaves the text
    /// empty, which the service reports with the format.
    /// </summary>
    public TimeOnly? StartTimeOfDay
    {
        get => ParseStartTime(StartTime);
        set => StartTime = value?.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The start time as typed ("14:30" or "9:00"); null when it is not a time.</summary>
    public static TimeOnly? ParseStartTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

/// <summary>A new seat on the roster: a member unit (its Party leader sits, its liaison deals with council business) or an individual.</summary>
public sealed class SeatForm
{
    public int? UnitId { get; set; }
    public int? PersonId { get; set; }
    public int? LiaisonPersonId { get; set; }
    public CouncilRole Role { get; set; } = CouncilRole.Member;
    public bool IsPartTime { get; set; } = true;
    public DateOnly? TermFrom { get; set; }
    public DateOnly? TermTo { get; set; }
    public int? RotationOrder { get; set; }
}

/// <summary>A unit that may sit on the council, with the people the seat form fills in when it is picked.</summary>
public sealed record SeatUnitOption(int Id, string Name, int? LeaderPersonId, int? LiaisonPersonId);

/// <summary>
/// What adding several member units at once did: how many seats were added, and which units were skipped because they
/// already hold a member seat for that term.
/// </summary>
public sealed record BulkSeats(int Added, IReadOnlyList<string> Skipped)
{
    /// <summary>The field of the problems with the units picked.</summary>
    public const string UnitsField = "Units";
}

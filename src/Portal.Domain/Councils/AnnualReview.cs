using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Councils;

/// <summary>
/// The annual review's scoring rules for member units (domain: "attendance, activities per quarter, adopted suggestions").
/// Attendance earns up to <see cref="AttendanceMaxPoints"/> in proportion to the rate; each activity earns
/// <see cref="PointsPerActivity"/> up to <see cref="ActivityCapPerQuarter"/> a quarter (so a burst in December cannot stand
/// in for a year of steady work); each adopted topic earns <see cref="PointsPerAdoptedTopic"/> up to <see cref="AdoptedTopicCap"/>.
/// </summary>
public sealed record ScoringRules(
    decimal AttendanceMaxPoints,
    decimal PointsPerActivity,
    decimal ActivityCapPerQuarter,
    decimal PointsPerAdoptedTopic,
    decimal AdoptedTopicCap)
{
    public const string ErrorNegative = "Council.Error.Scoring.Negative";
    public const string ErrorCapBelowPoints = "Council.Error.Scoring.CapBelowPoints";

    /// <summary>A starting point that sums to 100: attendance 40, activities 4 × 10, topics 20.</summary>
    public static ScoringRules Default { get; } = new(40, 5, 10, 5, 20);

    public decimal MaxTotal => AttendanceMaxPoints + 4 * ActivityCapPerQuarter + AdoptedTopicCap;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (new[] { AttendanceMaxPoints, PointsPerActivity, ActivityCapPerQuarter, PointsPerAdoptedTopic, AdoptedTopicCap }.Any(v => v < 0))
            errors.Add(ErrorNegative);
        // A cap smaller than one item's points would make the points per item meaningless.
        if (ActivityCapPerQuarter < PointsPerActivity || AdoptedTopicCap < PointsPerAdoptedTopic) errors.Add(ErrorCapBelowPoints);
        return errors;
    }
}

/// <summary>
/// A council's stored rule set for one year. Editing the rules for a year that has been scored makes a new row, so a
/// published score can always be recomputed from the rules it was computed with.
/// </summary>
public sealed class CouncilScoringRuleSet : VersionedEntity
{
    public int CouncilId { get; set; }
    public int Year { get; set; }
    public decimal AttendanceMaxPoints { get; set; } = ScoringRules.Default.AttendanceMaxPoints;
    public decimal PointsPerActivity { get; set; } = ScoringRules.Default.PointsPerActivity;
    public decimal ActivityCapPerQuarter { get; set; } = ScoringRules.Default.ActivityCapPerQuarter;
    public decimal PointsPerAdoptedTopic { get; set; } = ScoringRules.Default.PointsPerAdoptedTopic;
    public decimal AdoptedTopicCap { get; set; } = ScoringRules.Default.AdoptedTopicCap;

    public ScoringRules ToRules() => new(AttendanceMaxPoints, PointsPerActivity, ActivityCapPerQuarter, PointsPerAdoptedTopic, AdoptedTopicCap);
}

/// <summary>
/// One member unit's year: meetings it was expected at and attended (a unit attends when its seat holder or a stand-in
/// from the unit checked in), activities it held or joined per quarter (Q1..Q4), topics of its adopted.
/// </summary>
public sealed record UnitYearRecord(int UnitId, int MeetingsExpected, int MeetingsAttended, IReadOnlyList<int> ActivitiesPerQuarter, int AdoptedTopics);

public sealed record UnitScore(int UnitId, decimal AttendancePoints, decimal ActivityPoints, decimal TopicPoints, decimal Total, int Rank);

/// <summary>Why a council task could not be finished in its year, recorded when it is carried into the next (结转).</summary>
public sealed class CarryOver : Entity
{
    public const int ReasonMaxLength = 500;

    public int CouncilId { get; init; }
    public int WorkItemId { get; init; }
    public int FromYear { get; init; }
    [MultiLineText]
    public required string Reason { get; init; }
    public string? DecidedByUserId { get; init; }
    public DateTime DecidedAtUtc { get; init; }
}

public static class AnnualReview
{
    public const string ErrorQuarters = "Council.Error.Scoring.Quarters";
    public const string ErrorCounts = "Council.Error.Scoring.Counts";
    public const string ErrorReasonRequired = "Council.Error.CarryOver.ReasonRequired";
    public const string ErrorNotUnfinished = "Council.Error.CarryOver.NotUnfinished";

    /// <summary>
    /// Scores every unit, highest first; equal totals share a rank (1, 1, 3). Points are rounded to one decimal. A unit
    /// expected at no meeting (it joined after the last one) gets the full attendance points: it missed nothing.
    /// </summary>
    public static IReadOnlyList<UnitScore> Score(IEnumerable<UnitYearRecord> units, ScoringRules rules)
    {
        if (rules.Validate().Count > 0) throw new ArgumentException("Invalid scoring rules.", nameof(rules));
        var scores = units.Select(u =>
        {
            if (u.ActivitiesPerQuarter.Count != 4) throw new ArgumentException(ErrorQuarters, nameof(units));
            if (u.MeetingsExpected < 0 || u.MeetingsAttended < 0 || u.MeetingsAttended > u.MeetingsExpected || u.AdoptedTopics < 0 ||
                u.ActivitiesPerQuarter.Any(a => a < 0))
                throw new ArgumentException(ErrorCounts, nameof(units));
            var attendance = u.MeetingsExpected == 0
                ? rules.AttendanceMaxPoints
                : Round(rules.AttendanceMaxPoints * u.MeetingsAttended / u.MeetingsExpected);
            var activities = u.ActivitiesPerQuarter.Sum(a => Math.Min(a * rules.PointsPerActivity, rules.ActivityCapPerQuarter));
            var topics = Math.Min(u.AdoptedTopics * rules.PointsPerAdoptedTopic, rules.AdoptedTopicCap);
            return (u.UnitId, attendance, activities, topics, Total: attendance + activities + topics);
        }).OrderByDescending(s => s.Total).ThenBy(s => s.UnitId).ToList();
        var result = new List<UnitScore>(scores.Count);
        for (var i = 0; i < scores.Count; i++)
        {
            var rank = i > 0 && scores[i].Total == scores[i - 1].Total ? result[i - 1].Rank : i + 1;
            var s = scores[i];
            result.Add(new UnitScore(s.UnitId, s.attendance, s.activities, s.topics, s.Total, rank));
        }
        return result;
    }

    /// <summary>
    /// The year's records of the member units, from the council's meetings, roster and topics. A meeting counts when it was
    /// held (ended) on a local day of the year; a unit is expected at the meetings held while it had a seat and attended
    /// when anyone checked in for it; its adopted topics are those it submitted in the year that were accepted or merged.
    /// Activities per quarter come from elsewhere (the unit's service records) and are passed in; a unit missing there
    /// held none.
    /// </summary>
    public static IReadOnlyList<UnitYearRecord> Records(int year, IEnumerable<Meeting> meetings, IEnumerable<CouncilMember> members,
        IEnumerable<Topic> topics, IReadOnlyDictionary<int, int[]> activitiesPerQuarter, TimeZoneInfo zone)
    {
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
        var held = meetings
            .Where(m => m.Status is MeetingStatus.Ended or MeetingStatus.MinutesApproved)
            .Select(m => (Day: Day(m.StartedAtUtc ?? m.StartsAtUtc), Units: m.Attendances.Where(a => a.IsPresent && a.UnitId is not null).Select(a => a.UnitId!.Value).ToHashSet()))
            .Where(m => m.Day.Year == year)
            .ToList();
        var seats = members.Where(m => m.UnitId is not null).ToList();
        var unitIds = seats.Where(m => m.TermFrom.Year <= year && (m.TermTo is null || m.TermTo.Value.Year >= year)).Select(m => m.UnitId!.Value).Distinct().Order();
        var adopted = topics.Where(t => Day(t.SubmittedAtUtc).Year == year && TopicRules.IsAdopted(t))
            .GroupBy(t => t.ProposerUnitId).ToDictionary(g => g.Key, g => g.Count());
        return unitIds.Select(unit =>
        {
            var expected = held.Where(m => seats.Any(s => s.UnitId == unit && s.IsSittingOn(m.Day))).ToList();
            return new UnitYearRecord(unit, expected.Count, expected.Count(m => m.Units.Contains(unit)),
                activitiesPerQuarter.GetValueOrDefault(unit) ?? [0, 0, 0, 0], adopted.GetValueOrDefault(unit));
        }).ToList();
    }

    /// <summary>
    /// Checks the carry-over of a year's unfinished council tasks: every unfinished item needs a reason (the domain asks
    /// for one), and only unfinished items may be carried. Returns an error code per item id; empty when all is well.
    /// </summary>
    public static IReadOnlyDictionary<int, string> CheckCarryOver(IReadOnlySet<int> unfinishedIds, IReadOnlyDictionary<int, string?> reasons)
    {
        var errors = new SortedDictionary<int, string>();
        foreach (var id in unfinishedIds)
            if (!reasons.TryGetValue(id, out var reason) || UserText.MultiLineTrimmed(reason) is { Length: 0 or > CarryOver.ReasonMaxLength })
                errors[id] = ErrorReasonRequired;
        foreach (var id in reasons.Keys.Where(id => !unfinishedIds.Contains(id)))
            errors[id] = ErrorNotUnfinished;
        return errors;
    }

    /// <summary>The carry-over rows for a checked set (call <see cref="CheckCarryOver"/> first).</summary>
    public static IReadOnlyList<CarryOver> CarryOverRows(int councilId, int fromYear, IReadOnlyDictionary<int, string?> reasons, string? userId, DateTime nowUtc)
    {
        return reasons.OrderBy(r => r.Key).Select(r => new CarryOver
        {
            CouncilId = councilId,
            WorkItemId = r.Key,
            FromYear = fromYear,
            Reason = UserText.MultiLineTrimmed(r.Value),
            DecidedByUserId = userId,
            DecidedAtUtc = nowUtc,
        }).ToList();
    }

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}

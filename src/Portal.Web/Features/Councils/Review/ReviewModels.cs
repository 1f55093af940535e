using Portal.Domain.Councils;
using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Councils.Review;

/// <summary>Everything the annual review page shows for one council and year.</summary>
public sealed record AnnualReviewView(
    int CouncilId,
    string CouncilName,
    int Year,
    IReadOnlyList<int> Years,
    bool CanManage,
    RuleSetView Rules,
    IReadOnlyList<UnitScoreRow> Scores,
    IReadOnlyList<ProjectReviewRow> Projects,
    IReadOnlyList<CarryCandidateRow> Unfinished,
    IReadOnlyList<CarriedRow> Carried);

/// <summary>Where the year's scoring rules come from: the year's own rule set, an earlier year's, or the default.</summary>
public enum RuleSource
{
    Default = 1,
    EarlierYear = 2,
    ThisYear = 3,
}

/// <summary>
/// The rules a year is scored with. <see cref="RuleSetId"/> and <see cref="Version"/> are those of the year's newest rule
/// set row (null when the year has none yet); an edit is saved against them so a concurrent edit is refused.
/// </summary>
public sealed record RuleSetView(ScoringRules Rules, RuleSource Source, int? FromYear, int? RuleSetId, Guid? Version, int EditsThisYear);

/// <summary>One member unit's line of the score table: the domain's record and score with the unit's name.</summary>
public sealed record UnitScoreRow(
    int UnitId,
    string UnitName,
    int MeetingsExpected,
    int MeetingsAttended,
    IReadOnlyList<int> ActivitiesPerQuarter,
    int AdoptedTopics,
    decimal AttendancePoints,
    decimal ActivityPoints,
    decimal TopicPoints,
    decimal Total,
    int Rank)
{
    /// <summary>Attendance in percent, one decimal; null when the unit was expected at no meeting.</summary>
    public decimal? AttendancePercent => MeetingsExpected == 0 ? null : Math.Round(100m * MeetingsAttended / MeetingsExpected, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A need a project took up, with the rating its requester gave it through the three-lists workflow.</summary>
public sealed record ProjectNeed(int Id, string Title, WorkItemStatus Status, Satisfaction? Rating);

/// <summary>
/// One community project of the year: its progress, the unit that raised its need at the council, and the project's
/// rating (the work item's own rating, given by that unit's liaison once the lead unit reported it done).
/// </summary>
public sealed record ProjectReviewRow(
    int Id,
    Guid Version,
    string Title,
    WorkItemStatus Status,
    int ProgressPercent,
    string? LeadUnitName,
    string? RaisingUnitName,
    IReadOnlyList<ProjectNeed> Needs,
    Satisfaction? Rating,
    DateTime? RatedAtUtc,
    bool CanRate);

/// <summary>A council task of the year still open: it needs a reason to be carried into the next year.</summary>
public sealed record CarryCandidateRow(int WorkItemId, string Title, WorkItemStatus Status, string? OwnerUnitName, DateTime? DueAtUtc, bool CarriedIn);

/// <summary>A council task already carried from the year into the next, with the reason recorded.</summary>
public sealed record CarriedRow(int WorkItemId, string Title, WorkItemStatus Status, string? OwnerUnitName, string Reason, string? DecidedByName, DateTime DecidedAtUtc);

/// <summary>The rules editor's figures, kept as typed (null = left empty) so a refused save keeps the input.</summary>
public sealed class ScoringRulesForm
{
    public decimal? AttendanceMaxPoints { get; set; }
    public decimal? PointsPerActivity { get; set; }
    public decimal? ActivityCapPerQuarter { get; set; }
    public decimal? PointsPerAdoptedTopic { get; set; }
    public decimal? AdoptedTopicCap { get; set; }
    public int? BaseRuleSetId { get; set; }
    public Guid? BaseVersion { get; set; }

    public static ScoringRulesForm From(RuleSetView view) => new()
    {
        AttendanceMaxPoints = view.Rules.AttendanceMaxPoints,
        PointsPerActivity = view.Rules.PointsPerActivity,
        ActivityCapPerQuarter = view.Rules.ActivityCapPerQuarter,
        PointsPerAdoptedTopic = view.Rules.PointsPerAdoptedTopic,
        AdoptedTopicCap = view.Rules.AdoptedTopicCap,
        BaseRuleSetId = view.RuleSetId,
        BaseVersion = view.Version,
    };
}

/// <summary>Field keys of the review's errors; <see cref="Form"/> is for errors of the whole action.</summary>
public static class ReviewFields
{
    public const string Form = "";
    public const string Rating = "Rating";
    public static string Reason(int workItemId) => $"Reason.{workItemId}";
}

/// <summary>A project as its rating left it: after a conflict, as someone else left it.</summary>
public sealed record RatedProject(WorkItemStatus Status, Satisfaction? Rating);

namespace Portal.Domain.Reporting;

/// <summary>How often the community sends each home unit its members' records (反馈周期).</summary>
public enum FeedbackCycle
{
    Quarterly,
    HalfYearly,
    Yearly,
}

/// <summary>
/// A community's rules for dual reporting, as data (decision 0039): how service turns into points, the yearly cap, the
/// minimum of hours and the pass mark, when members report (the first deadline as a day of the year, then every so many
/// months), the share of a unit's members that must have reported, and the feedback cycle. Stored in versions that never
/// change (editing adds the next), so a record keeps the version its points were computed under. All figures are exact
/// decimals; null means the rule does not apply there.
/// </summary>
public sealed record ServiceRules(
    string Code,
    int Version,
    string Name,
    decimal PointsPerActivity,
    decimal PointsPerHour,
    decimal? YearlyPointsCap,
    decimal? MinimumYearlyHours,
    decimal? PassMark,
    int FirstReportMonth,
    int FirstReportDay,
    int MonthsBetweenReports,
    int UnitThresholdPercent,
    FeedbackCycle Feedback)
{
    public const string NameRequired = "Reporting.Rules.Error.NameRequired";
    public const string CodeRequired = "Reporting.Rules.Error.CodeRequired";
    public const string VersionNotPositive = "Reporting.Rules.Error.VersionNotPositive";
    public const string NoPoints = "Reporting.Rules.Error.NoPoints";
    public const string NegativeFigure = "Reporting.Rules.Error.NegativeFigure";
    public const string InvalidDeadline = "Reporting.Rules.Error.InvalidDeadline";
    public const string InvalidInterval = "Reporting.Rules.Error.InvalidInterval";
    public const string InvalidThreshold = "Reporting.Rules.Error.InvalidThreshold";

    /// <summary>The largest figure a rule takes (points, hours): beyond it a typing slip, not a rule.</summary>
    public const decimal MaxFigure = 10_000m;

    /// <summary>The error code of the first rule broken, or null when the rule set can be used.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Code)) return CodeRequired;
        if (string.IsNullOrWhiteSpace(Name)) return NameRequired;
        if (Version < 1) return VersionNotPositive;
        decimal?[] figures = [PointsPerActivity, PointsPerHour, YearlyPointsCap, MinimumYearlyHours, PassMark];
        if (figures.Any(f => f is < 0m or > MaxFigure)) return NegativeFigure;
        if (PointsPerActivity == 0m && PointsPerHour == 0m) return NoPoints;
        if (FirstReportMonth is < 1 or > 12 || FirstReportDay < 1 || FirstReportDay > DaysIn(FirstReportMonth)) return InvalidDeadline;
        // Months that divide the year, so every year's deadlines fall on the same days (3, 4, 6 or 12; also 1 and 2).
        if (MonthsBetweenReports is < 1 or > 12 || 12 % MonthsBetweenReports != 0) return InvalidInterval;
        if (UnitThresholdPercent is < 1 or > 100) return InvalidThreshold;
        return null;
    }

    /// <summary>Days of a month in a common year: a deadline on 29 February would not exist three years in four.</summary>
    private static int DaysIn(int month) => DateTime.DaysInMonth(2025, month);
}

/// <summary>The rule sets the portal ships with the figures of the domain brief; a community adopts one or edits its own.</summary>
public static class ShippedServiceRules
{
    /// <summary>按次积分: 1 point per activity, at most 12 a year, at least 50 hours a year; first report by 30 June, then every six months.</summary>
    public static readonly ServiceRules PerActivity = new(
        "per-activity", 1, "按次积分（每次活动1分，每年最多12分，全年服务不少于50小时）",
        PointsPerActivity: 1m, PointsPerHour: 0m, YearlyPointsCap: 12m, MinimumYearlyHours: 50m, PassMark: null,
        FirstReportMonth: 6, FirstReportDay: 30, MonthsBetweenReports: 6, UnitThresholdPercent: 95, FeedbackCycle.HalfYearly);

    /// <summary>按时长积分: 1 point per hour served, 60 points to pass; first report by 30 June, then every six months.</summary>
    public static readonly ServiceRules PerHour = new(
        "per-hour", 1, "按时长积分（每服务1小时积1分，60分合格）",
        PointsPerActivity: 0m, PointsPerHour: 1m, YearlyPointsCap: null, MinimumYearlyHours: null, PassMark: 60m,
        FirstReportMonth: 6, FirstReportDay: 30, MonthsBetweenReports: 6, UnitThresholdPercent: 95, FeedbackCycle.HalfYearly);

    public static IReadOnlyList<ServiceRules> All { get; } = [PerActivity, PerHour];
}

namespace Portal.Domain.Reporting;

/// <summary>The community's yearly grade of a reported member (年度评价), best first.</summary>
public enum EvaluationGrade
{
    Excellent,
    Qualified,
    BasicallyQualified,
    Unqualified,
}

/// <summary>What a year of service adds up to under the rules: hours, points, and whether each yearly rule is met.</summary>
public sealed record YearStanding(decimal Hours, decimal Points, bool? HoursMet, bool? PassMarkMet)
{
    /// <summary>
    /// Under <paramref name="rules"/>: the minimum of hours and the pass mark, each met at exactly the figure (不少于 /
    /// 达到); null where the rule set has no such rule.
    /// </summary>
    public static YearStanding Of(ServiceRules rules, decimal hours, decimal points) => new(hours, points,
        rules.MinimumYearlyHours is { } min ? hours >= min : null,
        rules.PassMark is { } mark ? points >= mark : null);

    /// <summary>Whether every yearly rule there is holds (true when the rule set has none).</summary>
    public bool Meets => HoursMet != false && PassMarkMet != false;
}

/// <summary>
/// The rule of the annual evaluation (decision 0039): a member who has not reported (no verified report with the
/// community for the year) cannot be graded 合格 or above. The grade is the community's call otherwise.
/// </summary>
public static class AnnualEvaluation
{
    public const string NotReported = "Reporting.Evaluation.Error.NotReported";
    public const string UnknownGrade = "Reporting.Evaluation.Error.UnknownGrade";
    public const string CommentTooLong = "Reporting.Evaluation.Error.CommentTooLong";
    public const int MaxComment = 500;

    /// <summary>The error code of the rule <paramref name="grade"/> breaks for a member who has or has not reported, or null.</summary>
    public static string? Check(EvaluationGrade grade, bool reported, string? comment = null)
    {
        if (!Enum.IsDefined(grade)) return UnknownGrade;
        if (!reported && grade is EvaluationGrade.Excellent or EvaluationGrade.Qualified) return NotReported;
        if (comment is { Length: > MaxComment }) return CommentTooLong;
        return null;
    }

    /// <summary>The grades a member may be given: all of them once reported, 基本合格 and 不合格 otherwise.</summary>
    public static IReadOnlyList<EvaluationGrade> Allowed(bool reported) =>
        reported ? Enum.GetValues<EvaluationGrade>() : [EvaluationGrade.BasicallyQualified, EvaluationGrade.Unqualified];
}

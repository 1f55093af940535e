using System.Linq.Expressions;

namespace Portal.Domain.WorkItems;

/// <summary>Whether a commitment (承诺) belongs to the year's plan or was made for one occasion.</summary>
public enum CommitmentType
{
    /// <summary>年度承诺: made at the start of the year, assessed at its end.</summary>
    Annual = 1,
    /// <summary>临时承诺: made for an occasion (a campaign, a council resolution).</summary>
    AdHoc = 2,
}

/// <summary>The grade an assessment (评诺) gives a fulfilled commitment.</summary>
public enum CommitmentGrade
{
    /// <summary>优秀, 90 and above.</summary>
    Excellent = 1,
    /// <summary>良好, 75 to below 90.</summary>
    Good = 2,
    /// <summary>合格, 60 to below 75.</summary>
    Pass = 3,
    /// <summary>不合格, below 60: not fulfilled, it goes back to the committer.</summary>
    Fail = 4,
}

/// <summary>The outcome of checking three assessment scores: the weighted total and grade, or per-score error codes.</summary>
public sealed record CommitmentAssessment(decimal Total, CommitmentGrade Grade, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The lifecycle rating the grade stands for, so an assessed commitment follows the one workflow: a failed
    /// commitment is "not satisfied" and goes back to fulfilment (评诺不合格重新践诺).
    /// </summary>
    public Satisfaction Satisfaction => Grade switch
    {
        CommitmentGrade.Excellent or CommitmentGrade.Good => Satisfaction.Satisfied,
        CommitmentGrade.Pass => Satisfaction.FairlySatisfied,
        _ => Satisfaction.NotSatisfied,
    };
}

/// <summary>
/// The rules of public commitments (承诺践诺): how many a year, and how the three assessment scores (by Party members,
/// by residents, by the organisation) combine. Residents' view weighs most because the commitments are made to them;
/// the weights are the common 3:4:3 practice of 评诺 and are documented in docs/decisions.
/// </summary>
public static class CommitmentRules
{
    public const string MemberScoreField = "MemberScore";
    public const string ResidentScoreField = "ResidentScore";
    public const string OrganizationScoreField = "OrganizationScore";

    public const string ScoreRequired = "Commitment.Error.ScoreRequired";
    public const string ScoreOutOfRange = "Commitment.Error.ScoreOutOfRange";

    /// <summary>A Party member makes two to five annual commitments (domain: "members 2–5").</summary>
    public const int MemberAnnualMin = 2;
    public const int MemberAnnualMax = 5;
    /// <summary>An organisation makes at least ten a year in one place.</summary>
    public const int OrganizationAnnualMin = 10;

    public const decimal ScoreMin = 0;
    public const decimal ScoreMax = 100;
    public const decimal MemberWeight = 0.3m;
    public const decimal ResidentWeight = 0.4m;
    public const decimal OrganizationWeight = 0.3m;

    /// <summary>Checks the three scores (each 0–100, at most two decimals kept) and computes the weighted total and grade.</summary>
    public static CommitmentAssessment Assess(decimal? memberScore, decimal? residentScore, decimal? organizationScore)
    {
        var errors = new Dictionary<string, string>();
        Check(MemberScoreField, memberScore, errors);
        Check(ResidentScoreField, residentScore, errors);
        Check(OrganizationScoreField, organizationScore, errors);
        if (errors.Count > 0) return new CommitmentAssessment(0, CommitmentGrade.Fail, errors);
        var total = Math.Round(WeightedTotal(memberScore!.Value, residentScore!.Value, organizationScore!.Value), 1, MidpointRounding.AwayFromZero);
        return new CommitmentAssessment(total, GradeOf(total), errors);
    }

    /// <summary>The lowest (rounded) totals of the grades above Fail.</summary>
    public const decimal ExcellentFrom = 90;
    public const decimal GoodFrom = 75;
    public const decimal PassFrom = 60;

    public static CommitmentGrade GradeOf(decimal total) => total switch
    {
        >= ExcellentFrom => CommitmentGrade.Excellent,
        >= GoodFrom => CommitmentGrade.Good,
        >= PassFrom => CommitmentGrade.Pass,
        _ => CommitmentGrade.Fail,
    };

    /// <summary>
    /// The lowest unrounded weighted total (<see cref="WeightedTotal"/>) whose rounded total reaches
    /// <paramref name="roundedFrom"/>: the total is rounded to one decimal, half away from zero, so 89.95 counts as 90.
    /// Lets a database count grades without rounding (which SQLite cannot do on decimals).
    /// </summary>
    public static decimal UnroundedFrom(decimal roundedFrom) => roundedFrom - 0.05m;

    /// <summary>The weighted total before rounding.</summary>
    public static decimal WeightedTotal(decimal memberScore, decimal residentScore, decimal organizationScore) =>
        memberScore * MemberWeight + residentScore * ResidentWeight + organizationScore * OrganizationWeight;

    /// <summary>
    /// <see cref="WeightedTotal"/> as a query expression, so a database sorts and counts by it without loading rows;
    /// null until all three scores are in. The same formula (a unit test holds them together).
    /// </summary>
    public static readonly Expression<Func<WorkItem, decimal?>> UnroundedTotal =
        w => w.Commitment!.MemberScore * MemberWeight + w.Commitment.ResidentScore * ResidentWeight + w.Commitment.OrganizationScore * OrganizationWeight;

    /// <summary>The weighted total of an assessed commitment; null until all three scores are in.</summary>
    public static decimal? TotalOf(WorkItem item) =>
        item.Commitment is { MemberScore: { } m, ResidentScore: { } r, OrganizationScore: { } o }
            ? Assess(m, r, o).Total
            : null;

    /// <summary>
    /// Whether a member may make another annual commitment for the year, given how many (not rejected) they already have.
    /// </summary>
    public static bool MemberMayAddAnnual(int existingAnnualCount) => existingAnnualCount < MemberAnnualMax;

    private static void Check(string field, decimal? score, Dictionary<string, string> errors)
    {
        if (score is null) errors[field] = ScoreRequired;
        else if (score < ScoreMin || score > ScoreMax) errors[field] = ScoreOutOfRange;
    }
}

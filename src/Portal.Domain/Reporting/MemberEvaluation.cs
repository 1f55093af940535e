using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Reporting;

/// <summary>
/// The community's grade of a reported member for a year (年度评价, decision 0039), with its comment; the home unit reads
/// it in the feedback. Changed until the year's feedback that carries it is sent; who graded and when is kept (and
/// audited). One per member, community and year (the database enforces it).
/// </summary>
public sealed class MemberEvaluation : VersionedEntity
{
    public const string ErrorYear = "Reporting.Error.Evaluation.Year";

    private MemberEvaluation() { }

    public int PersonId { get; private init; }
    public int CommunityId { get; private init; }
    public int Year { get; private init; }
    public EvaluationGrade Grade { get; private set; }
    [MultiLineText]
    public string Comment { get; private set; } = "";
    public string GradedByUserId { get; private set; } = "";
    public DateTime GradedAtUtc { get; private set; }

    /// <summary>
    /// Grades <paramref name="personId"/> for <paramref name="year"/> (not a year still ahead); <paramref name="reported"/>:
    /// whether the member counted as reported in that year (<see cref="MemberReport.CountsAsReportedOn"/> at its end).
    /// </summary>
    public static (MemberEvaluation? Evaluation, string? Error) Give(int personId, int communityId, int year, EvaluationGrade grade, bool reported,
        string? comment, int currentYear, string byUserId, DateTime nowUtc)
    {
        if (year > currentYear || year < 2000) return (null, ErrorYear);
        var evaluation = new MemberEvaluation { PersonId = personId, CommunityId = communityId, Year = year };
        return evaluation.Regrade(grade, reported, comment, byUserId, nowUtc) is { } error ? (null, error) : (evaluation, null);
    }

    public string? Regrade(EvaluationGrade grade, bool reported, string? comment, string byUserId, DateTime nowUtc)
    {
        var clean = UserText.MultiLineTrimmed(comment);
        if (AnnualEvaluation.Check(grade, reported, clean) is { } error) return error;
        (Grade, Comment, GradedByUserId, GradedAtUtc) = (grade, clean, byUserId, nowUtc);
        return null;
    }
}

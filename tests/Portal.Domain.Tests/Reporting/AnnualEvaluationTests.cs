using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>The not-reported rule, and the yearly minimum and pass mark at exactly their figures.</summary>
public sealed class AnnualEvaluationTests
{
    [Theory]
    [InlineData(EvaluationGrade.Excellent, false, AnnualEvaluation.NotReported)]
    [InlineData(EvaluationGrade.Qualified, false, AnnualEvaluation.NotReported)]
    [InlineData(EvaluationGrade.BasicallyQualified, false, null)]
    [InlineData(EvaluationGrade.Unqualified, false, null)]
    [InlineData(EvaluationGrade.Excellent, true, null)]
    [InlineData((EvaluationGrade)9, true, AnnualEvaluation.UnknownGrade)]
    public void A_member_who_has_not_reported_cannot_be_graded_qualified_or_above(EvaluationGrade grade, bool reported, string? expected) =>
        Assert.Equal(expected, AnnualEvaluation.Check(grade, reported));

    [Fact]
    public void The_grades_offered_follow_the_same_rule_and_a_long_comment_is_refused()
    {
        Assert.Equal([EvaluationGrade.BasicallyQualified, EvaluationGrade.Unqualified], AnnualEvaluation.Allowed(reported: false));
        Assert.Equal(4, AnnualEvaluation.Allowed(reported: true).Count);
        Assert.Null(AnnualEvaluation.Check(EvaluationGrade.Qualified, true, new string('好', AnnualEvaluation.MaxComment)));
        Assert.Equal(AnnualEvaluation.CommentTooLong, AnnualEvaluation.Check(EvaluationGrade.Qualified, true, new string('好', AnnualEvaluation.MaxComment + 1)));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(49.5, false)]
    public void Fifty_hours_a_year_is_met_at_exactly_fifty(double hours, bool met)
    {
        var standing = YearStanding.Of(ShippedServiceRules.PerActivity, (decimal)hours, 12m);
        Assert.Equal(met, standing.HoursMet);
        Assert.Null(standing.PassMarkMet);
        Assert.Equal(met, standing.Meets);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(59.5, false)]
    public void The_pass_mark_of_60_is_met_at_exactly_60(double points, bool met)
    {
        var standing = YearStanding.Of(ShippedServiceRules.PerHour, 10m, (decimal)points);
        Assert.Equal(met, standing.PassMarkMet);
        Assert.Null(standing.HoursMet);
        Assert.Equal(met, standing.Meets);
    }
}

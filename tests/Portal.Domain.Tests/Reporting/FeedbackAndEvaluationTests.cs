using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>Feedback periods of each cycle at their edges, and the stored evaluation under the not-reported rule.</summary>
public sealed class FeedbackAndEvaluationTests
{
    [Theory]
    [InlineData(FeedbackCycle.Quarterly, "2026-03-31", "2026-01-01", "2026-03-31")]
    [InlineData(FeedbackCycle.Quarterly, "2026-04-01", "2026-04-01", "2026-06-30")]
    [InlineData(FeedbackCycle.HalfYearly, "2026-06-30", "2026-01-01", "2026-06-30")]
    [InlineData(FeedbackCycle.HalfYearly, "2026-07-01", "2026-07-01", "2026-12-31")]
    [InlineData(FeedbackCycle.Yearly, "2026-12-31", "2026-01-01", "2026-12-31")]
    public void A_day_falls_in_its_cycle_s_period(FeedbackCycle cycle, string day, string from, string to) =>
        Assert.Equal(new FeedbackPeriod(DateOnly.Parse(from), DateOnly.Parse(to)), FeedbackPeriod.Containing(cycle, DateOnly.Parse(day)));

    [Fact]
    public void The_period_to_send_is_the_last_one_ended()
    {
        var last = FeedbackPeriod.LastEnded(FeedbackCycle.HalfYearly, new DateOnly(2026, 7, 1));
        Assert.Equal(new FeedbackPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), last);
        Assert.True(last.HasEndedBy(new DateOnly(2026, 7, 1)));
        Assert.False(last.HasEndedBy(new DateOnly(2026, 6, 30)));
        Assert.Equal(new FeedbackPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), FeedbackPeriod.LastEnded(FeedbackCycle.Yearly, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void An_unreported_member_is_not_graded_qualified_and_a_regrade_keeps_the_first_grade_on_refusal()
    {
        var now = new DateTime(2027, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(AnnualEvaluation.NotReported, MemberEvaluation.Give(7, 10, 2026, EvaluationGrade.Qualified, reported: false, null, 2027, "sec", now).Error);
        Assert.Equal(MemberEvaluation.ErrorYear, MemberEvaluation.Give(7, 10, 2028, EvaluationGrade.Qualified, reported: true, null, 2027, "sec", now).Error);
        var evaluation = MemberEvaluation.Give(7, 10, 2026, EvaluationGrade.Excellent, reported: true, " 服务积极 ", 2027, "sec", now).Evaluation!;
        Assert.Equal((EvaluationGrade.Excellent, "服务积极"), (evaluation.Grade, evaluation.Comment));
        Assert.Equal(AnnualEvaluation.NotReported, evaluation.Regrade(EvaluationGrade.Qualified, reported: false, null, "sec", now));
        Assert.Equal(EvaluationGrade.Excellent, evaluation.Grade);
        Assert.Null(evaluation.Regrade(EvaluationGrade.BasicallyQualified, reported: false, "未按时报到", "sec", now));
        Assert.Equal(EvaluationGrade.BasicallyQualified, evaluation.Grade);
    }
}

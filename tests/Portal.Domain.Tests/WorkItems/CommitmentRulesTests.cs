using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.WorkItems;

public sealed class CommitmentRulesTests
{
    [Fact]
    public void The_total_weighs_members_residents_and_the_organisation_three_four_three()
    {
        var assessment = CommitmentRules.Assess(80, 90, 70);

        Assert.True(assessment.IsValid);
        Assert.Equal(81.0m, assessment.Total); // 24 + 36 + 21
        Assert.Equal(CommitmentGrade.Good, assessment.Grade);
        Assert.Equal(Satisfaction.Satisfied, assessment.Satisfaction);
    }

    [Theory]
    [InlineData(100, 100, 100, CommitmentGrade.Excellent, Satisfaction.Satisfied)]
    [InlineData(90, 90, 90, CommitmentGrade.Excellent, Satisfaction.Satisfied)]
    [InlineData(89.9, 89.9, 89.9, CommitmentGrade.Good, Satisfaction.Satisfied)]
    [InlineData(75, 75, 75, CommitmentGrade.Good, Satisfaction.Satisfied)]
    [InlineData(74, 74, 74, CommitmentGrade.Pass, Satisfaction.FairlySatisfied)]
    [InlineData(60, 60, 60, CommitmentGrade.Pass, Satisfaction.FairlySatisfied)]
    [InlineData(59.9, 59.9, 59.9, CommitmentGrade.Fail, Satisfaction.NotSatisfied)]
    [InlineData(0, 0, 0, CommitmentGrade.Fail, Satisfaction.NotSatisfied)]
    public void Grades_follow_the_total_and_a_failed_commitment_counts_as_not_satisfied(
        double member, double resident, double organization, CommitmentGrade grade, Satisfaction satisfaction)
    {
        var assessment = CommitmentRules.Assess((decimal)member, (decimal)resident, (decimal)organization);

        Assert.Equal(grade, assessment.Grade);
        Assert.Equal(satisfaction, assessment.Satisfaction);
    }

    [Fact]
    public void The_total_is_rounded_to_one_decimal_half_away_from_zero()
    {
        // 0.3 × 85.25 + 0.4 × 85.25 + 0.3 × 85.25 = 85.25 → 85.3
        Assert.Equal(85.3m, CommitmentRules.Assess(85.25m, 85.25m, 85.25m).Total);
    }

    [Fact]
    public void Missing_scores_are_refused_each_with_its_own_message()
    {
        var assessment = CommitmentRules.Assess(null, 80, null);

        Assert.False(assessment.IsValid);
        Assert.Equal(CommitmentRules.ScoreRequired, assessment.Errors[CommitmentRules.MemberScoreField]);
        Assert.Equal(CommitmentRules.ScoreRequired, assessment.Errors[CommitmentRules.OrganizationScoreField]);
        Assert.False(assessment.Errors.ContainsKey(CommitmentRules.ResidentScoreField));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(1000)]
    public void Scores_outside_zero_to_a_hundred_are_refused(double score)
    {
        var assessment = CommitmentRules.Assess(80, (decimal)score, 80);

        Assert.False(assessment.IsValid);
        Assert.Equal(CommitmentRules.ScoreOutOfRange, assessment.Errors[CommitmentRules.ResidentScoreField]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    public void A_member_makes_at_most_five_annual_commitments(int existing, bool mayAdd)
    {
        Assert.Equal(mayAdd, CommitmentRules.MemberMayAddAnnual(existing));
    }

    [Fact]
    public void The_total_of_an_item_needs_all_three_scores()
    {
        var item = new WorkItem { Title = "每月开展一次为老志愿服务", Category = "ElderlyCare", RaisedByName = "张三", Commitment = new CommitmentDetails { MemberScore = 90, ResidentScore = 95 } };
        Assert.Null(CommitmentRules.TotalOf(item));

        item.Commitment!.OrganizationScore = 100;
        Assert.Equal(95.0m, CommitmentRules.TotalOf(item)); // 27 + 38 + 30
    }

    [Theory]
    [InlineData(89.95, 89.95, 89.95)]
    [InlineData(89.94, 89.95, 89.95)]
    [InlineData(89.93, 89.94, 89.98)]
    [InlineData(74.95, 74.95, 74.95)]
    [InlineData(74.94, 74.95, 74.95)]
    [InlineData(59.95, 59.95, 59.95)]
    [InlineData(59.94, 59.95, 59.95)]
    [InlineData(92, 88, 90)]
    [InlineData(0, 0, 0)]
    [InlineData(100, 100, 100)]
    public void The_query_total_and_the_unrounded_grade_floors_agree_with_the_rounded_grade(double member, double resident, double organization)
    {
        var (m, r, o) = ((decimal)member, (decimal)resident, (decimal)organization);
        var assessment = CommitmentRules.Assess(m, r, o);
        var unrounded = CommitmentRules.UnroundedTotal.Compile()(Item(m, r, o));

        Assert.Equal(CommitmentRules.WeightedTotal(m, r, o), unrounded);
        // The ledger counts grades in the database from the unrounded total; it must land on the same grade.
        var counted = unrounded >= CommitmentRules.UnroundedFrom(CommitmentRules.ExcellentFrom) ? CommitmentGrade.Excellent
            : unrounded >= CommitmentRules.UnroundedFrom(CommitmentRules.GoodFrom) ? CommitmentGrade.Good
            : unrounded >= CommitmentRules.UnroundedFrom(CommitmentRules.PassFrom) ? CommitmentGrade.Pass
            : CommitmentGrade.Fail;
        Assert.Equal(assessment.Grade, counted);
    }

    [Fact]
    public void The_query_total_is_null_until_all_three_scores_are_in()
    {
        var total = CommitmentRules.UnroundedTotal.Compile();
        Assert.Null(total(Item(90, 90, null)));
        Assert.Null(total(Item(null, null, null)));
    }

    private static WorkItem Item(decimal? member, decimal? resident, decimal? organization) => new()
    {
        Title = "", Category = "", RaisedByName = "", Commitment = new CommitmentDetails { MemberScore = member, ResidentScore = resident, OrganizationScore = organization },
    };
}

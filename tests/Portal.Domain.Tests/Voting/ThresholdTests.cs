using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Voting;

namespace Portal.Domain.Tests.Voting;

/// <summary>The counting words at their exact boundaries, for headcounts and for areas in m² with 2 decimals.</summary>
public sealed class ThresholdTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1_000);

    [Fact]
    public void At_least_two_thirds_holds_exactly_at_two_thirds_of_a_headcount_and_fails_one_vote_below()
    {
        var property = Prop.ForAll(Gen.Choose(1, 10_000_000).ToArbitrary(), m =>
            Threshold.AtLeast(2, 3).IsMetBy(2 * m, 3 * m) && !Threshold.AtLeast(2, 3).IsMetBy(2 * m - 1, 3 * m));
        Check.One(Runs, property);
    }

    [Fact]
    public void At_least_two_thirds_of_any_headcount_first_holds_at_the_integer_ceiling_of_two_thirds()
    {
        var property = Prop.ForAll(Gen.Choose(1, 10_000_000).ToArbitrary(), n =>
        {
            var least = (2L * n + 2) / 3;
            return Threshold.AtLeast(2, 3).IsMetBy(least, n) && !Threshold.AtLeast(2, 3).IsMetBy(least - 1, n);
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void More_than_half_fails_at_exactly_half_and_holds_one_vote_above()
    {
        var property = Prop.ForAll(Gen.Choose(1, 10_000_000).ToArbitrary(), m =>
            !Threshold.MoreThanHalf.IsMetBy(m, 2 * m) && Threshold.MoreThanHalf.IsMetBy(m + 1, 2 * m)
            // An odd whole has no exact half: the smaller majority holds, the larger minority does not.
            && Threshold.MoreThanHalf.IsMetBy(m + 1, 2 * m + 1) && !Threshold.MoreThanHalf.IsMetBy(m, 2 * m + 1));
        Check.One(Runs, property);
    }

    [Fact]
    public void Areas_are_compared_to_the_square_centimetre_grid_exactly_at_two_thirds_and_one_half()
    {
        // c hundredths of a m²: the whole is 3c (or 2c) hundredths; 0.01 m² either side of the boundary decides.
        var property = Prop.ForAll(Gen.Choose(1, 500_000_000).ToArbitrary(), c =>
        {
            decimal M2(long hundredths) => hundredths / 100m;
            return Threshold.AtLeast(2, 3).IsMetBy(M2(2L * c), M2(3L * c))
                && !Threshold.AtLeast(2, 3).IsMetBy(M2(2L * c - 1), M2(3L * c))
                && Threshold.AtLeast(3, 4).IsMetBy(M2(3L * c), M2(4L * c))
                && !Threshold.AtLeast(3, 4).IsMetBy(M2(3L * c - 1), M2(4L * c))
                && !Threshold.MoreThanHalf.IsMetBy(M2(c), M2(2L * c))
                && Threshold.MoreThanHalf.IsMetBy(M2(c + 1L), M2(2L * c));
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void Two_thirds_of_an_area_that_has_no_exact_decimal_two_thirds_is_still_compared_exactly()
    {
        // 2/3 of 100.00 is 66.666…: 66.67 holds, 66.66 does not — a rounded share (0.6667 vs 0.6666) would be a guess.
        Assert.True(Threshold.AtLeast(2, 3).IsMetBy(66.67m, 100.00m));
        Assert.False(Threshold.AtLeast(2, 3).IsMetBy(66.66m, 100.00m));
    }

    [Fact]
    public void Nothing_is_met_over_an_empty_whole()
    {
        Assert.False(Threshold.AtLeast(2, 3).IsMetBy(0, 0));
        Assert.False(Threshold.MoreThanHalf.IsMetBy(0, 0));
    }

    [Theory]
    [InlineData(2, 3, Comparison.AtLeast, true)]
    [InlineData(1, 1, Comparison.AtLeast, true)]
    [InlineData(1, 1, Comparison.MoreThan, false)]
    [InlineData(0, 2, Comparison.AtLeast, false)]
    [InlineData(3, 2, Comparison.AtLeast, false)]
    [InlineData(1, 0, Comparison.MoreThan, false)]
    [InlineData(1, 1001, Comparison.MoreThan, false)]
    public void A_threshold_is_a_fraction_in_the_unit_interval_that_can_be_met(int numerator, int denominator, Comparison comparison, bool valid) =>
        Assert.Equal(valid, new Threshold(numerator, denominator, comparison).IsValid);
}

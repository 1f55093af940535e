using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.WorkItems;

public sealed class ProgressRollUpTests
{
    [Fact]
    public void Progress_is_the_weighted_mean_of_the_milestones()
    {
        // 30 % done of a weight-20 milestone, all of a weight-30 one, nothing of a weight-50 one: (600 + 3000) / 100.
        Assert.Equal(36, ProgressRollUp.Percent([new(20, 30), new(30, 100), new(50, 0)]));
    }

    [Fact]
    public void Weights_are_relative_and_rounding_is_to_the_nearest_percent()
    {
        Assert.Equal(50, ProgressRollUp.Percent([new(1, 100), new(1, 0)]));
        Assert.Equal(67, ProgressRollUp.Percent([new(2, 100), new(1, 0)]));
        Assert.Equal(33, ProgressRollUp.Percent([new(1, 100), new(2, 0)]));
    }

    [Fact]
    public void No_milestones_or_no_weight_is_no_progress_and_done_values_are_clamped()
    {
        Assert.Equal(0, ProgressRollUp.Percent([]));
        Assert.Equal(0, ProgressRollUp.Percent([new(0, 100)]));
        Assert.Equal(100, ProgressRollUp.Percent([new(1, 150)]));
        Assert.Equal(0, ProgressRollUp.Percent([new(1, -10)]));
    }

    [Fact]
    public void A_negative_weight_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressRollUp.Percent([new(-1, 50)]));
    }
}

namespace Portal.Domain.WorkItems;

/// <summary>A project milestone's share of the work and how far it is done (0–100).</summary>
public readonly record struct MilestoneProgress(decimal Weight, decimal PercentDone);

public static class ProgressRollUp
{
    /// <summary>
    /// A project's progress: the weighted mean of its milestones, rounded to a whole percent. Weights are relative
    /// (they need not sum to 100); no milestones or no weight means no measured progress (0).
    /// </summary>
    public static int Percent(IEnumerable<MilestoneProgress> milestones)
    {
        decimal total = 0, done = 0;
        foreach (var m in milestones)
        {
            if (m.Weight < 0) throw new ArgumentOutOfRangeException(nameof(milestones), "A milestone's weight cannot be negative.");
            total += m.Weight;
            done += m.Weight * Math.Clamp(m.PercentDone, 0, 100);
        }
        return total == 0 ? 0 : (int)Math.Round(done / total, MidpointRounding.AwayFromZero);
    }
}

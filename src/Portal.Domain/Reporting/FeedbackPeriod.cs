namespace Portal.Domain.Reporting;

/// <summary>
/// One period of feedback to the home units (反馈周期, decision 0039): quarters, halves or the year, by the rule set's
/// cycle; both ends inclusive. The feedback of a period is sent once it has ended.
/// </summary>
public readonly record struct FeedbackPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The period of <paramref name="cycle"/> that contains <paramref name="day"/>.</summary>
    public static FeedbackPeriod Containing(FeedbackCycle cycle, DateOnly day)
    {
        var months = cycle switch
        {
            FeedbackCycle.Quarterly => 3,
            FeedbackCycle.HalfYearly => 6,
            FeedbackCycle.Yearly => 12,
            _ => throw new ArgumentOutOfRangeException(nameof(cycle)),
        };
        var first = (day.Month - 1) / months * months + 1;
        var from = new DateOnly(day.Year, first, 1);
        return new FeedbackPeriod(from, from.AddMonths(months).AddDays(-1));
    }

    /// <summary>The last period that has ended by <paramref name="today"/> (the one to send now).</summary>
    public static FeedbackPeriod LastEnded(FeedbackCycle cycle, DateOnly today) => Containing(cycle, Containing(cycle, today).From.AddDays(-1));

    public bool Contains(DateOnly day) => From <= day && day <= To;

    public bool HasEndedBy(DateOnly today) => To < today;
}

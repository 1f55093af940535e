namespace Portal.Domain.Reporting;

/// <summary>
/// When members report (decision 0039): the first deadline of a year is the rule set's day (30 June), the next ones every
/// so many months after it, all within the calendar year (every six months from 30 June: 30 June and 31 December). A
/// first deadline on its month's last day keeps to month ends (30 June + 6 months is 31 December, not the 30th); a day
/// past a month's end is its last day. Deadlines are inclusive: reporting on the day is on time (以前 includes it).
/// </summary>
public static class ReportingCalendar
{
    /// <summary>The deadlines that fall in <paramref name="year"/>, in order.</summary>
    public static IReadOnlyList<DateOnly> DeadlinesIn(ServiceRules rules, int year)
    {
        var perYear = 12 / rules.MonthsBetweenReports;
        var monthEnds = rules.FirstReportDay >= DateTime.DaysInMonth(2025, rules.FirstReportMonth);
        return Enumerable.Range(0, perYear)
            .Select(k => At(year, (rules.FirstReportMonth - 1 + k * rules.MonthsBetweenReports) % 12 + 1, monthEnds ? 31 : rules.FirstReportDay))
            .Order()
            .ToList();
    }

    /// <summary>The first deadline on or after <paramref name="day"/>.</summary>
    public static DateOnly NextDeadline(ServiceRules rules, DateOnly day) =>
        DeadlinesIn(rules, day.Year).Concat(DeadlinesIn(rules, day.Year + 1)).First(d => d >= day);

    /// <summary>The year's first report deadline (30 June): a member registered by it has reported on time for the year.</summary>
    public static DateOnly FirstDeadline(ServiceRules rules, int year) => At(year, rules.FirstReportMonth, rules.FirstReportDay);

    /// <summary>Whether a report made on <paramref name="reportedOn"/> meets <paramref name="deadline"/> (the day itself counts).</summary>
    public static bool IsOnTime(DateOnly reportedOn, DateOnly deadline) => reportedOn <= deadline;

    private static DateOnly At(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}

/// <summary>A unit's reporting rate: members who reported over its members, against the rule set's threshold.</summary>
public sealed record UnitReportingRate(int Reported, int Members, int ThresholdPercent)
{
    /// <summary>The rate in percent, for display (rounded to one decimal); null when the unit has no members.</summary>
    public decimal? Percent => Members == 0 ? null : Math.Round(100m * Reported / Members, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether the threshold is met, in integers (100 × reported ≥ threshold × members: 95 % is met at exactly 95 %).
    /// A unit without members has nobody to report and meets it.
    /// </summary>
    public bool MeetsThreshold => 100L * Reported >= (long)ThresholdPercent * Members;

    public static UnitReportingRate Of(ServiceRules rules, int reported, int members)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reported);
        ArgumentOutOfRangeException.ThrowIfLessThan(members, reported);
        return new UnitReportingRate(reported, members, rules.UnitThresholdPercent);
    }
}

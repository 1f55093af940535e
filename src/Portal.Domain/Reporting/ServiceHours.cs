namespace Portal.Domain.Reporting;

/// <summary>
/// The hours an attendance counts (decision 0039): the time between check-in and check-out that falls inside the
/// activity's own time — arriving early or leaving late adds nothing — rounded down to the half hour (2 h 20 min is 2 h,
/// 2 h 30 min is 2.5 h), as volunteer hours are kept on paper. Never negative.
/// </summary>
public static class ServiceHours
{
    public const int MinutesPerStep = 30;

    public static decimal Between(DateTime checkedInUtc, DateTime checkedOutUtc, DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var from = checkedInUtc > startsAtUtc ? checkedInUtc : startsAtUtc;
        var to = checkedOutUtc < endsAtUtc ? checkedOutUtc : endsAtUtc;
        if (to <= from) return 0m;
        var minutes = (long)(to - from).TotalMinutes;
        return minutes / MinutesPerStep * MinutesPerStep / 60m;
    }

    /// <summary>Hours a member of staff types for a service: in half hours, more than none, at most a day.</summary>
    public static bool IsValidEntry(decimal hours) => hours > 0m && hours <= 24m && hours * 2m == decimal.Truncate(hours * 2m);
}

namespace Portal.Domain.Reporting;

/// <summary>One verified service of a member, as points are computed from it: when, and the hours it counted.</summary>
public sealed record ServedTime(DateOnly Date, decimal Hours);

/// <summary>The points of one service and the year's total up to and including it.</summary>
public sealed record GrantedPoints(decimal Points, decimal YearTotal);

/// <summary>
/// Points under a rule set (decision 0039): per service <c>perActivity + perHour × hours</c>, granted in date order
/// until the calendar year's cap is reached — the service that reaches it gets what is left, later ones nothing.
/// Exact decimals.
/// </summary>
public static class ServicePoints
{
    /// <summary>The points of one service before any cap.</summary>
    public static decimal Of(ServiceRules rules, decimal hours) => rules.PointsPerActivity + rules.PointsPerHour * hours;

    /// <summary>
    /// The points granted for <paramref name="next"/> when the member already has <paramref name="earlierThisYear"/> points
    /// this calendar year (from services dated before it or on the same day and verified before it).
    /// </summary>
    public static GrantedPoints Grant(ServiceRules rules, decimal earlierThisYear, decimal hours)
    {
        var points = Of(rules, hours);
        if (rules.YearlyPointsCap is { } cap) points = Math.Max(0m, Math.Min(points, cap - earlierThisYear));
        return new GrantedPoints(points, earlierThisYear + points);
    }

    /// <summary>Every service's points, in date order (stable for the same day), each year capped on its own.</summary>
    public static IReadOnlyList<(ServedTime Service, GrantedPoints Points)> Grant(ServiceRules rules, IEnumerable<ServedTime> services)
    {
        var result = new List<(ServedTime, GrantedPoints)>();
        foreach (var year in services.Select((s, i) => (s, i)).OrderBy(x => x.s.Date).ThenBy(x => x.i).GroupBy(x => x.s.Date.Year))
        {
            var total = 0m;
            foreach (var (service, _) in year)
            {
                var granted = Grant(rules, total, service.Hours);
                total = granted.YearTotal;
                result.Add((service, granted));
            }
        }
        return result;
    }
}

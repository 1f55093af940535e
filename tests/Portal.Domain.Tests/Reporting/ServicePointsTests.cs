using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>Points at the cap's boundary, per activity and per hour, year by year.</summary>
public sealed class ServicePointsTests
{
    private static readonly ServiceRules PerActivity = ShippedServiceRules.PerActivity;
    private static readonly ServiceRules PerHour = ShippedServiceRules.PerHour;

    [Fact]
    public void One_point_per_activity_stops_at_exactly_twelve_a_year()
    {
        var services = Enumerable.Range(1, 13).Select(d => new ServedTime(new DateOnly(2026, 1, d), 2m)).ToList();
        var granted = ServicePoints.Grant(PerActivity, services);
        Assert.Equal(Enumerable.Repeat(1m, 12).Append(0m), granted.Select(g => g.Points.Points));
        Assert.Equal(12m, granted[11].Points.YearTotal);
        Assert.Equal(12m, granted[12].Points.YearTotal);
    }

    [Fact]
    public void The_service_that_crosses_the_cap_gets_what_is_left()
    {
        var rules = PerHour with { YearlyPointsCap = 10m };
        Assert.Equal(new GrantedPoints(1.5m, 10m), ServicePoints.Grant(rules, 8.5m, 3m));
        Assert.Equal(new GrantedPoints(0m, 10m), ServicePoints.Grant(rules, 10m, 3m));
        Assert.Equal(new GrantedPoints(3m, 9.99m), ServicePoints.Grant(rules, 6.99m, 3m));
    }

    [Fact]
    public void Each_calendar_year_has_its_own_cap_and_services_count_in_date_order()
    {
        var services = new List<ServedTime>();
        services.AddRange(Enumerable.Range(1, 12).Select(d => new ServedTime(new DateOnly(2026, 12, d + 10), 1m)));
        services.Add(new ServedTime(new DateOnly(2027, 1, 2), 1m));
        services.Insert(0, new ServedTime(new DateOnly(2026, 12, 31), 1m)); // listed first, counted last of 2026
        var granted = ServicePoints.Grant(PerActivity, services);
        Assert.Equal(new DateOnly(2026, 12, 31), granted[12].Service.Date);
        Assert.Equal(0m, granted[12].Points.Points);
        Assert.Equal(new GrantedPoints(1m, 1m), granted[13].Points);
    }

    [Fact]
    public void Per_hour_points_are_exact_decimals()
    {
        Assert.Equal(2.5m, ServicePoints.Of(PerHour, 2.5m));
        Assert.Equal(1m + 0.3m * 1.5m, ServicePoints.Of(PerHour with { PointsPerActivity = 1m, PointsPerHour = 0.3m }, 1.5m));
    }
}

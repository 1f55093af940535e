using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>The rule set as data: the shipped ones are valid, and every figure is checked at its edge.</summary>
public sealed class ServiceRulesTests
{
    private static readonly ServiceRules Valid = ShippedServiceRules.PerActivity;

    [Fact]
    public void The_shipped_rule_sets_are_valid_and_carry_the_domain_s_figures()
    {
        Assert.All(ShippedServiceRules.All, r => Assert.Null(r.Validate()));
        var perActivity = ShippedServiceRules.PerActivity;
        Assert.Equal((1m, 0m, 12m, 50m), (perActivity.PointsPerActivity, perActivity.PointsPerHour, perActivity.YearlyPointsCap, perActivity.MinimumYearlyHours));
        Assert.Equal((6, 30, 6, 95), (perActivity.FirstReportMonth, perActivity.FirstReportDay, perActivity.MonthsBetweenReports, perActivity.UnitThresholdPercent));
        Assert.Equal(60m, ShippedServiceRules.PerHour.PassMark);
        Assert.Equal(ShippedServiceRules.All.Count, ShippedServiceRules.All.Select(r => r.Code).Distinct().Count());
    }

    public static TheoryData<ServiceRules, string?> Edges => new()
    {
        { Valid with { Code = " " }, ServiceRules.CodeRequired },
        { Valid with { Name = "" }, ServiceRules.NameRequired },
        { Valid with { Version = 0 }, ServiceRules.VersionNotPositive },
        { Valid with { PointsPerActivity = 0m, PointsPerHour = 0m }, ServiceRules.NoPoints },
        { Valid with { PointsPerActivity = 0m, PointsPerHour = 0.5m }, null },
        { Valid with { PointsPerActivity = -0.01m }, ServiceRules.NegativeFigure },
        { Valid with { YearlyPointsCap = -1m }, ServiceRules.NegativeFigure },
        { Valid with { PassMark = ServiceRules.MaxFigure }, null },
        { Valid with { PassMark = ServiceRules.MaxFigure + 0.01m }, ServiceRules.NegativeFigure },
        { Valid with { YearlyPointsCap = null, MinimumYearlyHours = null, PassMark = null }, null },
        { Valid with { FirstReportMonth = 0 }, ServiceRules.InvalidDeadline },
        { Valid with { FirstReportMonth = 13 }, ServiceRules.InvalidDeadline },
        { Valid with { FirstReportMonth = 6, FirstReportDay = 31 }, ServiceRules.InvalidDeadline },
        { Valid with { FirstReportMonth = 2, FirstReportDay = 28 }, null },
        { Valid with { FirstReportMonth = 2, FirstReportDay = 29 }, ServiceRules.InvalidDeadline },
        { Valid with { FirstReportDay = 0 }, ServiceRules.InvalidDeadline },
        { Valid with { MonthsBetweenReports = 5 }, ServiceRules.InvalidInterval },
        { Valid with { MonthsBetweenReports = 12 }, null },
        { Valid with { MonthsBetweenReports = 3 }, null },
        { Valid with { MonthsBetweenReports = 0 }, ServiceRules.InvalidInterval },
        { Valid with { UnitThresholdPercent = 0 }, ServiceRules.InvalidThreshold },
        { Valid with { UnitThresholdPercent = 100 }, null },
        { Valid with { UnitThresholdPercent = 101 }, ServiceRules.InvalidThreshold },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Each_rule_is_checked_at_its_edge(ServiceRules rules, string? expected) => Assert.Equal(expected, rules.Validate());
}

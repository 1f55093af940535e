using Portal.Domain.Lists;
using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.Lists;

/// <summary>
/// The drill-down list of a dashboard figure selects by <see cref="WorkItemMetrics.IsCounted"/>; it must count exactly what
/// <see cref="WorkItemMetrics.For"/> and <see cref="WorkItemMetrics.MonthlyTrends"/> count, on any mix of items.
/// </summary>
public sealed class MetricDrillDownTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
    private static readonly DateTime Now = new(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A deterministic but varied year of items: every status, with and without dispatch, claim, deadline, report,
    /// rating and closing, on both sides of period boundaries (including the exact instants).
    /// </summary>
    private static List<WorkItemFacts> VariedFacts()
    {
        var random = new Random(20261123);
        var statuses = Enum.GetValues<WorkItemStatus>();
        var ratings = new Satisfaction?[] { null, Satisfaction.Satisfied, Satisfaction.FairlySatisfied, Satisfaction.NotSatisfied };
        var start = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime? Maybe(DateTime from, int maxHours) => random.Next(4) == 0 ? null : from.AddHours(random.Next(0, maxHours));
        var facts = new List<WorkItemFacts>();
        for (var id = 1; id <= 600; id++)
        {
            var raised = start.AddHours(random.Next(0, 24 * 360));
            // A few items sit exactly on a local month boundary (16:00 UTC the day before the 1st).
            if (id % 50 == 0) raised = new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc);
            var status = statuses[random.Next(statuses.Length)];
            var claimed = random.Next(3) == 0;
            var dispatched = claimed && random.Next(2) == 0 ? null : Maybe(raised, 72);
            var accepted = Maybe(dispatched ?? raised, 240);
            var due = Maybe(dispatched ?? raised, 24 * 20);
            var reported = Maybe(accepted ?? raised, 24 * 30);
            var rating = ratings[random.Next(ratings.Length)];
            var rated = rating is null ? null : Maybe(reported ?? raised, 24 * 10);
            var closed = status == WorkItemStatus.Closed || random.Next(6) == 0 ? Maybe(rated ?? reported ?? raised, 24 * 10) : null;
            facts.Add(new WorkItemFacts(id, (WorkItemKind)(id % 6 + 1), status, random.Next(3) == 0 ? null : random.Next(1, 6),
                random.Next(3) != 0, raised, dispatched, due, accepted, claimed, reported, rating, rated, closed));
        }
        return facts;
    }

    public static TheoryData<string> Periods() => ["month", "quarter", "year", "days"];

    private static MetricsPeriod PeriodOf(string name) => name switch
    {
        "month" => MetricsPeriod.Month(Now, China),
        "quarter" => MetricsPeriod.Quarter(Now, China),
        "year" => MetricsPeriod.Year(Now, China),
        _ => MetricsPeriod.Days(new DateOnly(2026, 3, 15), new DateOnly(2026, 8, 31), China),
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void IsCounted_selects_as_many_items_as_each_figure_counts(string periodName)
    {
        var facts = VariedFacts();
        var period = PeriodOf(periodName);
        var figures = WorkItemMetrics.For(facts, period);
        int Count(DashboardMetric metric, MetricPart part) => facts.Count(f => WorkItemMetrics.IsCounted(f, metric, part, period));

        Assert.Equal(figures.Raised, Count(DashboardMetric.Raised, MetricPart.All));
        Assert.Equal(figures.Raised, Count(DashboardMetric.Raised, MetricPart.Met));
        foreach (var (metric, rate) in new[]
        {
            (DashboardMetric.Response, figures.Response), (DashboardMetric.Resolution, figures.Resolution),
            (DashboardMetric.OnTime, figures.OnTime), (DashboardMetric.Satisfaction, figures.Satisfaction), (DashboardMetric.Claim, figures.Claim),
        })
        {
            Assert.Equal(rate.Denominator, Count(metric, MetricPart.All));
            Assert.Equal(rate.Numerator, Count(metric, MetricPart.Met));
            // The data set is varied enough that every rate has items on both sides.
            Assert.True(rate.Denominator > rate.Numerator, $"{metric} in {periodName}: {rate}");
        }
        // The numerator's items are always among the denominator's.
        foreach (var metric in Enum.GetValues<DashboardMetric>())
            Assert.All(facts.Where(f => WorkItemMetrics.IsCounted(f, metric, MetricPart.Met, period)),
                f => Assert.True(WorkItemMetrics.IsCounted(f, metric, MetricPart.All, period)));
    }

    [Fact]
    public void IsCounted_matches_every_month_of_the_trends()
    {
        var facts = VariedFacts();
        var trends = WorkItemMetrics.MonthlyTrends(facts, Now, China);

        Assert.Equal(12, trends.Count);
        Assert.Contains(trends, t => t.Closed > 0);
        foreach (var month in trends)
        {
            var period = MetricsPeriod.Days(month.Month, month.Month.AddMonths(1).AddDays(-1), China);
            Assert.Equal(month.Raised, facts.Count(f => WorkItemMetrics.IsCounted(f, DashboardMetric.Raised, MetricPart.All, period)));
            Assert.Equal(month.Closed, facts.Count(f => WorkItemMetrics.IsCounted(f, DashboardMetric.Closed, MetricPart.All, period)));
            Assert.Equal(month.Satisfaction.Denominator, facts.Count(f => WorkItemMetrics.IsCounted(f, DashboardMetric.Satisfaction, MetricPart.All, period)));
            Assert.Equal(month.Satisfaction.Numerator, facts.Count(f => WorkItemMetrics.IsCounted(f, DashboardMetric.Satisfaction, MetricPart.Met, period)));
        }
    }
}

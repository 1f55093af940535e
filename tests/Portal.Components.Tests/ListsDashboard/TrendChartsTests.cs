using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Lists;
using Portal.Web.Features.Lists.Dashboard;

namespace Portal.Components.Tests.ListsDashboard;

/// <summary>The twelve-month trends: two MudCharts (columns, a line with gaps) and the table that carries the same figures.</summary>
public sealed class TrendChartsTests : PortalComponentTest
{
    /// <summary>A year in which months 2, 6 and 10 (index 1, 5, 9) had no ratings.</summary>
    private static IReadOnlyList<MonthTrend> Year() =>
        Enumerable.Range(0, 12).Select(i => new MonthTrend(new DateOnly(2026, 1, 1).AddMonths(i), 3 + i, 2 + i % 3,
            i % 4 == 1 ? new Rate(0, 0) : new Rate(i % 5, 5))).ToList();

    private IRenderedComponent<TrendCharts> RenderYear() =>
        Render<TrendCharts>(p => p.Add(x => x.Trends, Year()).Add(x => x.CommunityId, 7));

    [Fact]
    public void Both_charts_label_every_month_and_the_line_leaves_months_without_ratings_as_gaps()
    {
        var trends = RenderYear();

        var months = Enumerable.Range(1, 12).Select(m => $"2026-{m:D2}").ToArray();
        Assert.Equal(months, trends.FindAll("[data-testid=dashboard-volume-chart] .mud-charts-xaxis text").Select(t => t.TextContent));
        Assert.Equal(months, trends.FindAll("[data-testid=dashboard-satisfaction-chart] .mud-charts-xaxis text").Select(t => t.TextContent));
        // One marker per rated month (nine), and the line is three pieces: it moves over the three months without ratings.
        Assert.Equal(9, trends.FindAll("[data-testid=dashboard-satisfaction-chart] circle.mud-chart-point:not(.mud-chart-hover-point)").Count);
        var line = trends.Find("[data-testid=dashboard-satisfaction-chart] path.mud-chart-line:not(.mud-chart-dots)").GetAttribute("d")!;
        Assert.Equal(4, line.Count(c => c == 'M'));
        Assert.NotNull(trends.Find("[data-testid=trend-gap-note]"));
        Assert.Equal(3, trends.FindAll("[data-testid=trend-no-ratings]").Count);
    }

    [Fact]
    public void The_columns_use_the_portal_palette_raised_red_then_closed_grey()
    {
        var bars = RenderYear().FindAll("[data-testid=dashboard-volume-chart] path.mud-chart-bar");

        Assert.Equal(24, bars.Count);
        Assert.All(bars.Take(12), b => Assert.Equal("#c62828", b.GetAttribute("fill")));
        Assert.All(bars.Skip(12), b => Assert.Equal("#616161", b.GetAttribute("fill")));
        Assert.Equal("#c62828", RenderYear().Find("[data-testid=dashboard-satisfaction-chart] path.mud-chart-line").GetAttribute("stroke"));
    }

    [Theory]
    [InlineData(4, "lists?community=7&metric=raised&part=all&from=2026-05-01&to=2026-05-31")]
    [InlineData(12 + 1, "lists?community=7&metric=closed&part=all&from=2026-02-01&to=2026-02-28")]
    public void A_click_on_a_column_opens_the_items_behind_it_and_its_tooltip_names_the_month(int bar, string link)
    {
        var trends = RenderYear();
        var navigation = Services.GetRequiredService<NavigationManager>();

        trends.FindAll("[data-testid=dashboard-volume-chart] path.mud-chart-bar")[bar].MouseOver();
        var month = link[(link.IndexOf("from=", StringComparison.Ordinal) + 5)..][..7];
        Assert.Contains(month, trends.Find("[data-testid=dashboard-volume-chart] .mud-charts-tooltip").TextContent);
        trends.Find("[data-testid=dashboard-volume-chart]").Click();

        Assert.EndsWith("/" + link, navigation.Uri);
    }

    [Fact]
    public void A_click_beside_the_columns_goes_nowhere()
    {
        var trends = RenderYear();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;
        var bar = trends.FindAll("[data-testid=dashboard-volume-chart] path.mud-chart-bar")[3];
        bar.MouseOver();
        // The pointer leaves the column (the event bubbles up to the chart's frame).
        trends.FindAll("[data-testid=dashboard-volume-chart] path.mud-chart-bar")[3].MouseOut();
        Assert.Empty(trends.Find("[data-testid=dashboard-volume-chart] .mud-charts-tooltip").TextContent.Trim());

        trends.Find("[data-testid=dashboard-volume-chart]").Click();

        Assert.Equal(before, navigation.Uri);
    }

    [Theory]
    [InlineData("zh-CN", "近12个月趋势", "提出", "本月没有评价")]
    [InlineData("en", "Last 12 months", "Raised", null)]
    public void The_table_fallback_holds_every_figure_with_its_link_in_the_readers_language(string culture, string title, string raised, string? noRatings)
    {
        UseCulture(culture);

        var trends = RenderYear();

        Assert.Equal(title, trends.Find("h2").TextContent);
        Assert.Contains(raised, trends.Find("[data-testid=trend-table] tbody tr th").TextContent);
        var raisedLinks = trends.FindAll("[data-testid=trend-raised]");
        Assert.Equal(Enumerable.Range(3, 12).Select(n => n.ToString()), raisedLinks.Select(a => a.TextContent));
        Assert.Equal("lists?community=7&metric=raised&part=all&from=2026-12-01&to=2026-12-31", raisedLinks[^1].GetAttribute("href"));
        Assert.Equal(9, trends.FindAll("[data-testid=trend-satisfaction]").Count);
        if (noRatings is not null)
            Assert.Equal(noRatings, trends.Find("[data-testid=trend-no-ratings]").GetAttribute("aria-label"));
        // The charts are named for screen readers, which read the table.
        Assert.False(string.IsNullOrEmpty(trends.Find("[data-testid=dashboard-volume-chart]").GetAttribute("aria-label")));
    }
}

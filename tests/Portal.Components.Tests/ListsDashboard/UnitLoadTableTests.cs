using Portal.Web.Features.Lists.Dashboard;

namespace Portal.Components.Tests.ListsDashboard;

/// <summary>Open, due-soon and overdue items per unit: the linked table and its stacked bar chart.</summary>
public sealed class UnitLoadTableTests : PortalComponentTest
{
    private static readonly UnitLoadRow[] Rows = [new(1, "甲单位", 5, 1, 2), new(null, null, 3, 0, 0)];

    [Fact]
    public void Each_figure_links_to_its_items_and_an_overdue_count_is_marked()
    {
        var units = Render<UnitLoadTable>(p => p.Add(x => x.Rows, Rows).Add(x => x.CommunityId, 7));

        var rows = units.FindAll("[data-testid=dashboard-unit-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("lists?community=7&status=open&unit=1", rows[0].QuerySelector("[data-testid=unit-open]")!.GetAttribute("href"));
        Assert.Equal("lists?community=7&unit=1&deadline=dueSoon", rows[0].QuerySelector("[data-testid=unit-duesoon]")!.GetAttribute("href"));
        Assert.Equal("lists?community=7&unit=1&deadline=overdue", rows[0].QuerySelector("[data-testid=unit-overdue]")!.GetAttribute("href"));
        Assert.Contains("units-overdue", rows[0].QuerySelector("[data-testid=unit-overdue]")!.ParentElement!.ClassName);
        Assert.DoesNotContain("units-overdue", rows[1].QuerySelector("[data-testid=unit-overdue]")!.ParentElement!.ClassName ?? "");
        Assert.Equal("未分配单位", rows[1].QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void The_chart_stacks_in_time_due_soon_and_overdue_per_unit_with_overdue_in_party_red()
    {
        var units = Render<UnitLoadTable>(p => p.Add(x => x.Rows, Rows).Add(x => x.CommunityId, 7));

        Assert.Equal(["甲单位", "未分配单位"], units.FindAll("[data-testid=dashboard-units-chart] .mud-charts-xaxis text").Select(t => t.TextContent));
        var bars = units.FindAll("[data-testid=dashboard-units-chart] path.mud-chart-bar");
        Assert.Equal(6, bars.Count);
        Assert.Equal(["#bdbdbd", "#a0522d", "#c62828"], bars.Take(3).Select(b => b.GetAttribute("stroke")));
        Assert.Equal(["在办未到期", "即将到期", "已超期"], units.FindAll("[data-testid=dashboard-units-chart] .mud-chart-legend-item").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public void The_scale_reaches_the_tallest_stack()
    {
        var units = Render<UnitLoadTable>(p => p.Add(x => x.Rows, [new UnitLoadRow(1, "甲单位", 25, 3, 2), new UnitLoadRow(2, "乙单位", 6, 1, 3)]).Add(x => x.CommunityId, 7));

        var ticks = units.FindAll("[data-testid=dashboard-units-chart] .mud-charts-yaxis text").Select(t => double.Parse(t.TextContent)).ToList();
        Assert.True(ticks.Max() >= 25, string.Join(",", ticks));
    }

    [Theory]
    [InlineData("zh-CN", "目前没有在办事项。")]
    [InlineData("en", "Nothing is open.")]
    public void Without_open_items_it_says_so_and_draws_no_chart(string culture, string text)
    {
        var units = RenderIn<UnitLoadTable>(culture, p => p.Add(x => x.Rows, []).Add(x => x.CommunityId, 7));

        Assert.Equal(text, units.Find("[data-testid=units-empty]").TextContent);
        Assert.Empty(units.FindAll("[data-testid=dashboard-units-chart]"));
        Assert.Empty(units.FindAll("table"));
    }
}

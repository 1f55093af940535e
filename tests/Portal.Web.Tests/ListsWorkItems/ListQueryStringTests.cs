using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.Dashboard;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Lists.WorkItems;

namespace Portal.Web.Tests.ListsWorkItems;

/// <summary>The /lists query string: one reader and writer for the page, the export and the dashboard's links.</summary>
public sealed class ListQueryStringTests
{
    private static readonly WorkItemQuery Everything = new()
    {
        CommunityId = 3, Kind = WorkItemKind.MicroWish, Status = WorkItemStatus.InProgress, Category = WorkItemCategories.ElderlyCare,
        GridId = 12, OwnerUnitId = 40, Deadline = DeadlineFilter.DueSoon, From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 11, 30),
        Metric = DashboardMetric.OnTime, Part = MetricPart.Met, Search = "楼道 灯&=?", MineOnly = true,
    };

    [Fact]
    public void Every_filter_survives_a_round_trip()
    {
        var text = ListQueryString.Format(Everything);

        Assert.Equal(
            "community=3&kind=microWish&status=inProgress&category=ElderlyCare&grid=12&unit=40&deadline=dueSoon&from=2026-01-01&to=2026-11-30" +
            "&metric=onTime&part=met&q=%E6%A5%BC%E9%81%93%20%E7%81%AF%26%3D%3F&mine=1", text);
        Assert.Equal(Everything, ListQueryString.Parse(text));
        Assert.Equal(Everything, ListQueryString.Parse("?" + text));
        Assert.Equal(Everything, ListQueryString.Parse("http://portal.test/lists?" + text + "#top"));
        Assert.Equal("lists?" + text, ListQueryString.ListUrl(Everything));
    }

    [Fact]
    public void Open_status_round_trips_and_no_filters_is_the_bare_list()
    {
        var open = new WorkItemQuery { OpenOnly = true };
        Assert.Equal("status=open", ListQueryString.Format(open));
        Assert.Equal(open, ListQueryString.Parse("status=OPEN"));
        Assert.Equal("lists", ListQueryString.ListUrl(new WorkItemQuery()));
        Assert.Equal(new WorkItemQuery(), ListQueryString.Parse(""));
        Assert.Equal(new WorkItemQuery(), ListQueryString.Parse((string?)null));
        Assert.Equal(new WorkItemQuery(), ListQueryString.Parse("http://portal.test/lists"));
    }

    [Fact]
    public void Names_and_values_are_read_case_insensitively()
    {
        var query = ListQueryString.Parse("KIND=MICROWISH&Status=closed&category=elderlycare&Deadline=OVERDUE&metric=ONTIME&part=MET&mine=true");
        Assert.Equal(WorkItemKind.MicroWish, query.Kind);
        Assert.Equal(WorkItemStatus.Closed, query.Status);
        Assert.Equal(WorkItemCategories.ElderlyCare, query.Category);
        Assert.Equal(DeadlineFilter.Overdue, query.Deadline);
        Assert.Equal(DashboardMetric.OnTime, query.Metric);
        Assert.Equal(MetricPart.Met, query.Part);
        Assert.True(query.MineOnly);
    }

    [Theory]
    [InlineData("community=abc")]
    [InlineData("community=-3")]
    [InlineData("community=0")]
    [InlineData("community=99999999999")]
    [InlineData("kind=3")]
    [InlineData("kind=need,project")]
    [InlineData("kind=bogus")]
    [InlineData("status=7")]
    [InlineData("status=done")]
    [InlineData("category=Nonsense")]
    [InlineData("grid=1.5")]
    [InlineData("unit=%20")]
    [InlineData("deadline=tomorrow")]
    [InlineData("deadline=1")]
    [InlineData("from=2026-13-01")]
    [InlineData("from=01/02/2026")]
    [InlineData("to=2026-02-30")]
    [InlineData("metric=all")]
    [InlineData("metric=99")]
    [InlineData("mine=yes")]
    [InlineData("page=2&sort=title")]
    public void Invalid_values_are_ignored(string text) => Assert.Equal(new WorkItemQuery(), ListQueryString.Parse(text));

    [Fact]
    public void An_invalid_value_does_not_spoil_the_valid_ones()
    {
        var query = ListQueryString.Parse("kind=bogus&status=open&grid=x&unit=7&part=most&q=%20%20");
        Assert.Equal(new WorkItemQuery { OpenOnly = true, OwnerUnitId = 7 }, query);
        // A repeated parameter keeps its first value.
        Assert.Equal(WorkItemStatus.Raised, ListQueryString.Parse("status=raised&status=closed").Status);
    }

    [Fact]
    public void Mine_by_default_is_written_as_mine_0_when_left()
    {
        Assert.True(ListQueryString.Parse("", mineByDefault: true).MineOnly);
        Assert.False(ListQueryString.Parse("mine=0", mineByDefault: true).MineOnly);
        Assert.Equal("lists?mine=0", ListQueryString.ListUrl(new WorkItemQuery(), mineByDefault: true));
        Assert.Equal("lists", ListQueryString.ListUrl(new WorkItemQuery { MineOnly = true }, mineByDefault: true));
        Assert.Equal("kind=need&mine=1", ListQueryString.Format(new WorkItemQuery { Kind = WorkItemKind.Need, MineOnly = true }));
    }

    [Fact]
    public void Paging_is_not_part_of_a_link_and_a_metric_needs_no_part_when_absent()
    {
        Assert.Equal("grid=2", ListQueryString.Format(new WorkItemQuery { GridId = 2, Skip = 40, Take = 20, Part = MetricPart.Met }));
    }

    [Fact]
    public void The_dashboards_links_read_back_as_the_figures_they_name()
    {
        var link = DashboardService.ListLink(5, status: "open", unit: 9, deadline: "overdue", from: new DateOnly(2026, 11, 1),
            to: new DateOnly(2026, 11, 30), metric: DashboardMetric.Satisfaction, part: MetricPart.Met, kind: WorkItemKind.Need);
        var query = ListQueryString.Parse(link);
        Assert.Equal(new WorkItemQuery
        {
            CommunityId = 5, Kind = WorkItemKind.Need, OpenOnly = true, OwnerUnitId = 9, Deadline = DeadlineFilter.Overdue,
            From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30), Metric = DashboardMetric.Satisfaction, Part = MetricPart.Met,
        }, query);
        Assert.True(query.HasMetric);
    }

    [Fact]
    public void The_export_address_carries_the_format_and_the_same_filters()
    {
        Assert.Equal("/api/lists/export?format=csv", ListExportExtensions.ExportUrl(new WorkItemQuery(), ExportFormat.Csv));
        var url = ListExportExtensions.ExportUrl(Everything, ExportFormat.Docx);
        Assert.StartsWith("/api/lists/export?format=docx&community=3&", url, StringComparison.Ordinal);
        Assert.Equal(Everything, ListQueryString.Parse(url));
    }
}

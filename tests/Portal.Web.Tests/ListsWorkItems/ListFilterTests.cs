using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Dashboard;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.ListsWorkItems;

/// <summary>
/// The list filters of the /lists contract on the demo data's year of items: a dashboard figure's drill-down lists exactly
/// the figure's items, the deadline filter agrees with the dashboard's load per unit, and the metric is the managers'.
/// </summary>
public sealed class ListFilterTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<WorkItemList> ListAs(string user, WorkItemQuery query) =>
        TestAccounts.AsAsync(Host, user, s => s.GetRequiredService<WorkItemService>().ListAllAsync(query, WorkItemService.ExportLimit, Ct));

    private Task<DashboardView> DashboardAsync(int community) =>
        TestAccounts.AsAsync(Host, "secretary", async s =>
            (await s.GetRequiredService<DashboardService>().LoadAsync(community, DashboardPeriodKind.Year, ct: Ct)).Value!);

    private Task<int> CommunityAsync(int index) => TestAccounts.DbAsync(Host, db =>
        db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    [Fact]
    public async Task Every_figure_drills_down_to_exactly_as_many_rows_as_it_shows()
    {
        var community = await CommunityAsync(0);
        var view = await DashboardAsync(community);
        async Task<int> RowsAsync(DashboardMetric metric, MetricPart part, DateOnly from, DateOnly to)
        {
            var list = await ListAs("secretary", new WorkItemQuery { CommunityId = community, Metric = metric, Part = part, From = from, To = to });
            Assert.Equal(metric, list.Applied.Metric);
            Assert.Equal(list.Total, list.Items.Count);
            return list.Total;
        }

        Assert.True(view.Figures.Raised > 0);
        Assert.Equal(view.Figures.Raised, await RowsAsync(DashboardMetric.Raised, MetricPart.All, view.FromDay, view.ToDay));
        foreach (var (metric, rate) in new[]
        {
            (DashboardMetric.Response, view.Figures.Response), (DashboardMetric.Resolution, view.Figures.Resolution),
            (DashboardMetric.OnTime, view.Figures.OnTime), (DashboardMetric.Satisfaction, view.Figures.Satisfaction), (DashboardMetric.Claim, view.Figures.Claim),
        })
        {
            Assert.Equal(rate.Denominator, await RowsAsync(metric, MetricPart.All, view.FromDay, view.ToDay));
            Assert.Equal(rate.Numerator, await RowsAsync(metric, MetricPart.Met, view.FromDay, view.ToDay));
        }
        foreach (var month in view.Trends.TakeLast(3))
        {
            var last = month.Month.AddMonths(1).AddDays(-1);
            Assert.Equal(month.Raised, await RowsAsync(DashboardMetric.Raised, MetricPart.All, month.Month, last));
            Assert.Equal(month.Closed, await RowsAsync(DashboardMetric.Closed, MetricPart.All, month.Month, last));
        }
    }

    [Fact]
    public async Task Deadline_filters_agree_with_the_dashboards_load_per_unit()
    {
        var community = await CommunityAsync(0);
        var view = await DashboardAsync(community);
        var overdue = await ListAs("secretary", new WorkItemQuery { CommunityId = community, OpenOnly = true, Deadline = DeadlineFilter.Overdue });
        var dueSoon = await ListAs("secretary", new WorkItemQuery { CommunityId = community, OpenOnly = true, Deadline = DeadlineFilter.DueSoon });

        Assert.True(overdue.Total > 0);
        Assert.Equal(view.Units.Sum(u => u.Overdue), overdue.Total);
        Assert.Equal(view.Units.Sum(u => u.DueSoon), dueSoon.Total);
        Assert.All(overdue.Items, r => Assert.True(r.IsOverdue));
        Assert.All(overdue.Items.Concat(dueSoon.Items), r => Assert.Contains(r.Status, new[] { WorkItemStatus.Dispatched, WorkItemStatus.InProgress }));
        var busiest = view.Units.First(u => u.UnitId is not null && u.Overdue > 0);
        var ofUnit = await ListAs("secretary", new WorkItemQuery { CommunityId = community, OwnerUnitId = busiest.UnitId, Deadline = DeadlineFilter.Overdue });
        Assert.Equal(busiest.Overdue, ofUnit.Total);
    }

    /// <summary>Issue 10, item 10: a row's overdue mark follows the one rule (WorkItemMetrics.IsOverdue), the filter's.</summary>
    [Fact]
    public async Task The_rows_marked_overdue_are_exactly_the_items_the_overdue_filter_lists()
    {
        var community = await CommunityAsync(0);
        var overdue = await ListAs("secretary", new WorkItemQuery { CommunityId = community, Deadline = DeadlineFilter.Overdue });
        var all = await ListAs("secretary", new WorkItemQuery { CommunityId = community });
        var marked = all.Items.Where(r => r.IsOverdue).Select(r => r.Id).ToList();

        Assert.True(overdue.Total > 0);
        Assert.True(all.Items.Count == all.Total, "the whole list was read");
        Assert.Equal(overdue.Items.Select(r => r.Id).Order(), marked.Order());
    }

    [Fact]
    public async Task Open_status_and_raised_days_select_what_they_say()
    {
        var community = await CommunityAsync(0);
        var open = await ListAs("secretary", new WorkItemQuery { CommunityId = community, OpenOnly = true });
        var all = await ListAs("secretary", new WorkItemQuery { CommunityId = community });
        Assert.All(open.Items, r => Assert.True(WorkItemWorkflow.IsOpen(r.Status)));
        Assert.Equal(all.Items.Count(r => WorkItemWorkflow.IsOpen(r.Status)), open.Total);
        Assert.True(open.Total < all.Total);

        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        var from = today.AddDays(-60);
        var to = today.AddDays(-30);
        var raised = await ListAs("secretary", new WorkItemQuery { CommunityId = community, From = from, To = to });
        var expected = all.Items.Where(r => DateOnly.FromDateTime(PortalTime.ToLocal(r.RaisedAtUtc)) is var day && day >= from && day <= to).Select(r => r.Id);
        Assert.NotEmpty(raised.Items);
        Assert.Equal(expected.Order(), raised.Items.Select(r => r.Id).Order());

        // Filters combine: open items of one kind in one category.
        var first = open.Items[0];
        var narrow = await ListAs("secretary", new WorkItemQuery { CommunityId = community, OpenOnly = true, Kind = first.Kind, Category = first.Category });
        Assert.Equal(open.Items.Count(r => r.Kind == first.Kind && r.Category == first.Category), narrow.Total);
    }

    [Fact]
    public async Task The_metric_is_the_managers_and_needs_its_community_and_days()
    {
        var community = await CommunityAsync(0);
        var view = await DashboardAsync(community);
        var figure = new WorkItemQuery
        {
            CommunityId = community, Metric = DashboardMetric.Raised, From = view.FromDay, To = view.ToDay,
        };

        // A resident following a figure's link gets their own list of the days, not the figure: the metric is dropped.
        var resident = await ListAs("resident", figure);
        Assert.Null(resident.Applied.Metric);
        var residentPlain = await ListAs("resident", figure with { Metric = null });
        Assert.Equal(residentPlain.Items.Select(r => r.Id), resident.Items.Select(r => r.Id));
        Assert.True(resident.Total < view.Figures.Raised);

        // Another community's secretary cannot use it either.
        var other = await CommunityAsync(1);
        var foreign = await ListAs("secretary", figure with { CommunityId = other });
        Assert.Null(foreign.Applied.Metric);
        Assert.Empty(foreign.Items);

        // Without its days the metric is incomplete and left out.
        var incomplete = await ListAs("secretary", figure with { To = null });
        Assert.Null(incomplete.Applied.Metric);
        Assert.Equal(view.FromDay, incomplete.Applied.From);
    }

    [Fact]
    public async Task The_unpaged_list_stops_at_its_limit_and_says_how_many_there_are()
    {
        var community = await CommunityAsync(0);
        var all = await ListAs("secretary", new WorkItemQuery { CommunityId = community });
        var capped = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<WorkItemService>()
            .ListAllAsync(new WorkItemQuery { CommunityId = community }, limit: 5, Ct));
        var page = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<WorkItemService>()
            .ListAsync(new WorkItemQuery { CommunityId = community, Take = 1000 }, Ct));

        Assert.True(all.Total > 100);
        Assert.Equal(all.Total, all.Items.Count);
        Assert.Equal(all.Total, capped.Total);
        Assert.Equal(all.Items.Take(5).Select(r => r.Id), capped.Items.Select(r => r.Id));
        // A page is still capped at 100 rows, however many a crafted request asks for.
        Assert.Equal(100, page.Items.Count);
    }
}

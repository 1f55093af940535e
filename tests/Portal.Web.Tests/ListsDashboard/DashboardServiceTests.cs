using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Lists.Dashboard;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.ListsDashboard;

/// <summary>The dashboard service on the demo data, called as each demo user.</summary>
public sealed class DashboardServiceTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<T> AsAsync<T>(string userName, Func<DashboardService, Task<T>> action) => server.Portal.AsAsync(userName, action);

    private async Task<int> CommunityIdAsync(int index)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var name = DemoDataSeeder.CommunityNames[index];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_secretary_sees_her_community_with_meaningful_figures()
    {
        var community = await CommunityIdAsync(0);
        var communities = await AsAsync("secretary", s => s.CommunitiesAsync(Ct));
        Assert.Equal([community], communities.Select(c => c.Id));
        var result = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Year, ct: Ct));
        Assert.Equal(Outcome.Succeeded, result.Outcome);
        var view = Assert.IsType<DashboardView>(result.Value);
        Assert.True(view.Figures.Raised > 0);
        Assert.NotNull(view.Figures.Satisfaction.Percent);
        Assert.NotNull(view.Figures.Response.Percent);
        Assert.Equal(12, view.Trends.Count);
        Assert.True(view.Trends.Sum(t => t.Raised) >= 70);
        Assert.Contains(view.Units, u => u.UnitName is not null && u.Overdue > 0);
        // Another community's dashboard is refused.
        var otherCommunity = await CommunityIdAsync(1);
        var other = await AsAsync("secretary", s => s.LoadAsync(otherCommunity, DashboardPeriodKind.Year, ct: Ct));
        Assert.Equal((Outcome.NotAllowed, DashboardService.ErrorForbidden), (other.Outcome, other.FormMessage?.Key));
        Assert.Null(other.Value);
    }

    [Fact]
    public async Task The_street_administrator_may_pick_either_community()
    {
        var communities = await AsAsync("admin", s => s.CommunitiesAsync(Ct));
        Assert.Equal(2, communities.Count);
        var result = await AsAsync("admin", s => s.LoadAsync(communities[1].Id, DashboardPeriodKind.Quarter, ct: Ct));
        Assert.NotNull(result.Value);
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("resident2")]
    [InlineData("liaison")]
    [InlineData("member")]
    [InlineData("gridworker")]
    public async Task Everyone_else_is_refused(string userName)
    {
        var community = await CommunityIdAsync(0);
        Assert.Empty(await AsAsync(userName, s => s.CommunitiesAsync(Ct)));
        var result = await AsAsync(userName, s => s.LoadAsync(community, DashboardPeriodKind.Year, ct: Ct));
        Assert.Equal((Outcome.NotAllowed, DashboardService.ErrorForbidden), (result.Outcome, result.FormMessage?.Key));
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task A_custom_period_must_run_forwards()
    {
        var community = await CommunityIdAsync(0);
        var bad = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Custom, new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1), Ct));
        Assert.Equal((Outcome.Invalid, DashboardService.ErrorPeriod), (bad.Outcome, bad.FormMessage?.Key));
        var missing = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Custom, ct: Ct));
        Assert.Equal((Outcome.Invalid, DashboardService.ErrorPeriod), (missing.Outcome, missing.FormMessage?.Key));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var good = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Custom, today.AddDays(-400), today, Ct));
        Assert.True(good.Value!.Figures.Raised >= 70);
    }

    [Fact]
    public void Figure_links_follow_the_lists_query_contract()
    {
        var from = new DateOnly(2026, 1, 1);
        var to = new DateOnly(2026, 1, 31);
        Assert.Equal("lists?community=3&metric=response&part=met&from=2026-01-01&to=2026-01-31",
            DashboardService.MetricLink(3, DashboardMetric.Response, MetricPart.Met, from, to));
        Assert.Equal("lists?community=3&metric=onTime&part=all&from=2026-01-01&to=2026-01-31",
            DashboardService.MetricLink(3, DashboardMetric.OnTime, MetricPart.All, from, to));
        Assert.Equal("lists?community=3&metric=closed&part=all&from=2026-01-01&to=2026-01-31",
            DashboardService.MetricLink(3, DashboardMetric.Closed, MetricPart.All, from, to));
        Assert.Equal("lists?community=3&status=open&unit=5", DashboardService.ListLink(3, status: "open", unit: 5));
        Assert.Equal("lists?community=3&unit=5&deadline=dueSoon", DashboardService.ListLink(3, unit: 5, deadline: "dueSoon"));
        Assert.Equal("lists?community=3&kind=microWish&status=open", DashboardService.ListLink(3, status: "open", kind: WorkItemKind.MicroWish));
    }

    [Fact]
    public async Task Every_figure_counts_exactly_the_items_its_links_select()
    {
        // The links name a metric and part; the lists page selects by WorkItemMetrics.IsCounted. Both sides of every rate
        // (and the counts) must be the figures the dashboard shows, or the drill-down would not match the number clicked.
        var community = await CommunityIdAsync(0);
        var view = (await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Year, ct: Ct))).Value!;
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var facts = (await db.WorkItems.AsNoTracking().Where(w => w.CommunityId == community).ToListAsync(Ct))
            .Select(w => new WorkItemFacts(w.Id, w.Kind, w.Status, w.OwnerUnitId, w.IsPublic, w.RaisedAtUtc, w.DispatchedAtUtc, w.DueAtUtc,
                w.AcceptedAtUtc, w.WasClaimed, w.ReportedAtUtc, w.Rating, w.RatedAtUtc, w.ClosedAtUtc)).ToList();
        var period = MetricsPeriod.Days(view.FromDay, view.ToDay, Portal.Web.Features.Localization.PortalTime.Zone);
        int Count(DashboardMetric metric, MetricPart part) => facts.Count(f => WorkItemMetrics.IsCounted(f, metric, part, period));
        Assert.Equal(view.Figures.Raised, Count(DashboardMetric.Raised, MetricPart.All));
        foreach (var (metric, rate) in new[]
        {
            (DashboardMetric.Response, view.Figures.Response), (DashboardMetric.Resolution, view.Figures.Resolution),
            (DashboardMetric.OnTime, view.Figures.OnTime), (DashboardMetric.Satisfaction, view.Figures.Satisfaction), (DashboardMetric.Claim, view.Figures.Claim),
        })
        {
            Assert.Equal(rate.Denominator, Count(metric, MetricPart.All));
            Assert.Equal(rate.Numerator, Count(metric, MetricPart.Met));
        }
        var month = view.Trends[^1];
        var monthPeriod = MetricsPeriod.Days(month.Month, month.Month.AddMonths(1).AddDays(-1), Portal.Web.Features.Localization.PortalTime.Zone);
        Assert.Equal(month.Raised, facts.Count(f => WorkItemMetrics.IsCounted(f, DashboardMetric.Raised, MetricPart.All, monthPeriod)));
        Assert.Equal(month.Closed, facts.Count(f => WorkItemMetrics.IsCounted(f, DashboardMetric.Closed, MetricPart.All, monthPeriod)));
    }
}

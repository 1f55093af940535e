using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Lists.Dashboard;
using Portal.Web.Features.Platform;

namespace Portal.Web.Tests.ListsDashboard;

/// <summary>The dashboard service on the demo data, called as each demo user.</summary>
public sealed class DashboardServiceTests(DashboardServiceTests.Server server) : IClassFixture<DashboardServiceTests.Server>
{
    public sealed class Server : IDisposable
    {
        public PortalHost Portal { get; } = new();
        public void Dispose() => Portal.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> AsAsync<T>(string userName, Func<DashboardService, Task<T>> action)
    {
        await using var scope = server.Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.Principal = await signIn.CreateUserPrincipalAsync(user);
        return await action(scope.ServiceProvider.GetRequiredService<DashboardService>());
    }

    private async Task<int> CommunityIdAsync(int index)
    {
        await using var db = await server.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
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
        var view = Assert.IsType<DashboardView>(result.View);
        Assert.Null(result.ErrorKey);
        Assert.True(view.Figures.Raised > 0);
        Assert.NotNull(view.Figures.Satisfaction.Percent);
        Assert.NotNull(view.Figures.Response.Percent);
        Assert.Equal(12, view.Trends.Count);
        Assert.True(view.Trends.Sum(t => t.Raised) >= 70);
        Assert.Contains(view.Units, u => u.UnitName is not null && u.Overdue > 0);
        // Another community's dashboard is refused.
        var otherCommunity = await CommunityIdAsync(1);
        var other = await AsAsync("secretary", s => s.LoadAsync(otherCommunity, DashboardPeriodKind.Year, ct: Ct));
        Assert.Equal(DashboardService.ErrorForbidden, other.ErrorKey);
        Assert.Null(other.View);
    }

    [Fact]
    public async Task The_street_administrator_may_pick_either_community()
    {
        var communities = await AsAsync("admin", s => s.CommunitiesAsync(Ct));
        Assert.Equal(2, communities.Count);
        var result = await AsAsync("admin", s => s.LoadAsync(communities[1].Id, DashboardPeriodKind.Quarter, ct: Ct));
        Assert.NotNull(result.View);
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
        Assert.Equal(DashboardService.ErrorForbidden, result.ErrorKey);
        Assert.Null(result.View);
    }

    [Fact]
    public async Task A_custom_period_must_run_forwards()
    {
        var community = await CommunityIdAsync(0);
        var bad = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Custom, new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1), Ct));
        Assert.Equal(DashboardService.ErrorPeriod, bad.ErrorKey);
        var missing = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Custom, ct: Ct));
        Assert.Equal(DashboardService.ErrorPeriod, missing.ErrorKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var good = await AsAsync("secretary", s => s.LoadAsync(community, DashboardPeriodKind.Custom, today.AddDays(-400), today, Ct));
        Assert.True(good.View!.Figures.Raised >= 70);
    }
}

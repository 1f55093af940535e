using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Testing;
using Portal.Web.Kit.Callers;
using Portal.Web.Tests.Authorization;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.ListsWorkItems;

/// <summary>
/// <see cref="WorkItemAccess"/>'s one rule in its two uses agrees on real data: for each demo user, the ids the database
/// filter returns are exactly the items the in-memory check passes, over every item of the demo data (SQLite, and
/// PostgreSQL when <see cref="TestPostgres.Variable"/> is set).
/// </summary>
public sealed class WorkItemAccessQueryTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_SQLite() => AgreeAsync(server.Portal);

    [Fact]
    public async Task On_PostgreSQL()
    {
        await PostgresPortalTests.OnFreshPostgresAsync("access", AgreeAsync);
    }

    private static async Task AgreeAsync(PortalHost host)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        var all = await db.WorkItems.AsNoTracking().Include(w => w.CoOwners).ToListAsync(Ct);
        Assert.NotEmpty(all);
        var seenByAnyone = new HashSet<int>();
        var sawOthersPublished = false;
        foreach (var user in DemoPortalFixture.DemoUsers)
        {
            var caller = await host.AsAsync<CallerScope, Caller>(user, scope => scope.GetAsync(Ct).AsTask());
            var viewer = WorkItemViewer.Of(caller);

            var sees = all.Where(w => WorkItemAccess.CanSee(viewer, w)).Select(w => w.Id).Order().ToList();
            var filtered = await db.WorkItems.Where(WorkItemAccess.Visible(viewer)).Select(w => w.Id).OrderBy(id => id).ToListAsync(Ct);
            Assert.True(sees.SequenceEqual(filtered), $"{user}: in memory [{string.Join(",", sees)}], database [{string.Join(",", filtered)}]");

            var workList = await db.WorkItems.Where(WorkItemAccess.WorkList(viewer)).Select(w => w.Id).OrderBy(id => id).ToListAsync(Ct);
            var expectedWork = all.Where(w => WorkItemAccess.WorkList(viewer).Compile()(w)).Select(w => w.Id).Order().ToList();
            Assert.True(expectedWork.SequenceEqual(workList), $"{user}: work list in memory [{string.Join(",", expectedWork)}], database [{string.Join(",", workList)}]");
            Assert.Subset(sees.ToHashSet(), workList.ToHashSet());

            seenByAnyone.UnionWith(sees);
            sawOthersPublished |= sees.Count > workList.Count;
        }
        // The demo data exercises the rule: some items are seen, not by everyone, and published commitments reach
        // people who do not work on them.
        Assert.NotEmpty(seenByAnyone);
        Assert.True(sawOthersPublished, "no demo user sees a published commitment outside their work list");
    }
}

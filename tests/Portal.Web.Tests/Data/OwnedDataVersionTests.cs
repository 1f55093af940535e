using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Data;

/// <summary>
/// A project's progress and a commitment's scores live in tables of their own (owned types), yet they are the work
/// item's data: changing only them is a change to the item, so its version moves and a stale edit conflicts.
/// </summary>
public sealed class OwnedDataVersionTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changing_only_a_projects_progress_renews_its_version_and_a_stale_edit_of_it_conflicts()
    {
        await using var first = await server.Portal.NewDbContextAsync(Ct);
        await using var second = await server.Portal.NewDbContextAsync(Ct);
        var id = await first.WorkItems.Where(w => w.Kind == WorkItemKind.Project).Select(w => w.Id).FirstAsync(Ct);
        var mine = await first.WorkItems.SingleAsync(w => w.Id == id, Ct);
        var theirs = await second.WorkItems.SingleAsync(w => w.Id == id, Ct);
        var seen = mine.Version;

        mine.Project!.ProgressPercent = mine.Project.ProgressPercent == 40 ? 41 : 40;
        await first.SaveChangesAsync(Ct);
        Assert.NotEqual(seen, mine.Version);

        theirs.Project!.ProgressPercent = 7;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Changing_only_a_commitments_scores_renews_its_version()
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var item = await db.WorkItems.FirstAsync(w => w.Kind == WorkItemKind.Commitment, Ct);
        var seen = item.Version;

        item.Commitment!.MemberScore = item.Commitment.MemberScore == 90m ? 91m : 90m;
        await db.SaveChangesAsync(Ct);

        Assert.NotEqual(seen, item.Version);
        await using var fresh = await server.Portal.NewDbContextAsync(Ct);
        Assert.Equal(item.Version, await fresh.WorkItems.Where(w => w.Id == item.Id).Select(w => w.Version).SingleAsync(Ct));
    }
}

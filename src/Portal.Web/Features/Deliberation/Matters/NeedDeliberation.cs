using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Contracts;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Matters;

/// <summary>The Deliberation side of <see cref="INeedDeliberation"/>: <see cref="MatterService"/>'s promotion and links. Scoped.</summary>
public sealed class NeedDeliberation(MatterService matters, IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers) : INeedDeliberation
{
    public async Task<NeedDeliberationState> StateAsync(int workItemId, CancellationToken ct = default)
    {
        var links = (await matters.ForNeedAsync(workItemId, ct)).Select(m => new NeedMatterLink(m.Id, m.Title, "/" + DeliberationPaths.Matter(m.Id))).ToList();
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.WorkItems.Where(w => w.Id == workItemId && w.Kind == WorkItemKind.Need).Select(w => (int?)w.CommunityId).SingleOrDefaultAsync(ct);
        // The same conditions PromoteNeedAsync checks: a manager of the need's community, no live matter from it yet.
        var canPromote = community is { } c && caller.IsSignedIn && DeliberationAccess.CanManage(caller.Policy, c)
                         && !await db.Matters.AnyAsync(m => m.WorkItemId == workItemId && m.Status != MatterStatus.Declined, ct);
        return new NeedDeliberationState(links, canPromote);
    }

    public async Task<Result> PromoteAsync(int workItemId, CancellationToken ct = default) =>
        await matters.PromoteNeedAsync(workItemId, new MatterForm(), ct);
}

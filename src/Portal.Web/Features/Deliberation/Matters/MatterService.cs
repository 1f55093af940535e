using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Matters;

/// <summary>
/// Matters for deliberation as they come in and are screened (issue 13 item 2): a resident raises one in their community
/// with a scope that the directory confirms; a manager promotes a need (the matter keeps the work item as a real foreign
/// key, and the need finds its matter through <see cref="ForNeedAsync"/>); a manager accepts, merges or declines with a
/// reason the raiser is told (<see cref="MatterNotifier"/>). Rights: <see cref="DeliberationAccess"/>. Scoped.
/// </summary>
public sealed class MatterService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string ErrorNeedNotFound = "Deliberation.Error.Matter.NeedNotFound";
    public const string ErrorNeedPromoted = "Deliberation.Error.Matter.NeedPromoted";
    public const string ErrorScopeNotInCommunity = "Deliberation.Error.Matter.ScopeNotInCommunity";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A resident raises a matter in their community; the scope must be a building, grid or the community itself there.</summary>
    public async Task<Result<MatterRow>> RaiseAsync(MatterForm form, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn || !DeliberationAccess.CanRaise(caller.Policy, form.CommunityId)) return Result<MatterRow>.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed));
        if (await CheckScopeAsync(form.CommunityId, form.Scope, ct) is { } refused) return Result<MatterRow>.From(refused);
        return await work.AddAsync<Matter, MatterRow>(
            allow: c => DeliberationAccess.CanRaise(c.Policy, form.CommunityId) ? null : Result.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed)),
            create: c => DeliberationText.Made(Matter.RaiseByResident(form.CommunityId, form.Scope, form.Title, form.Description, c.UserId!, Now), FieldOf),
            ct: ct);
    }

    /// <summary>
    /// A manager of the need's community promotes a need to deliberation. The title and description default to the need's;
    /// a need is promoted once while its matter is live (a declined one may be promoted again).
    /// </summary>
    public async Task<Result<MatterRow>> PromoteNeedAsync(int workItemId, MatterForm form, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var need = await db.WorkItems.AsNoTracking().Where(w => w.Id == workItemId && w.Kind == WorkItemKind.Need)
            .Select(w => new { w.CommunityId, w.Title, w.DescriptionMarkdown }).SingleOrDefaultAsync(ct);
        if (need is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, need.CommunityId))
            return Result<MatterRow>.NotFound(DeliberationText.Of(ErrorNeedNotFound));
        if (await db.Matters.AnyAsync(m => m.WorkItemId == workItemId && m.Status != MatterStatus.Declined, ct))
            return Result<MatterRow>.Invalid(DeliberationText.Of(ErrorNeedPromoted));
        var scope = new MatterForm { CommunityId = need.CommunityId, ScopeKind = form.ScopeKind, ScopeId = form.ScopeId }.Scope;
        if (await CheckScopeAsync(need.CommunityId, scope, ct) is { } refused) return Result<MatterRow>.From(refused);
        var title = string.IsNullOrWhiteSpace(form.Title) ? need.Title : form.Title;
        var description = string.IsNullOrWhiteSpace(form.Description) ? Truncate(need.DescriptionMarkdown, Matter.DescriptionMaxLength) : form.Description;
        return await work.AddAsync<Matter, MatterRow>(
            allow: c => DeliberationAccess.CanManage(c.Policy, need.CommunityId) ? null : Result.NotFound(DeliberationText.Of(ErrorNeedNotFound)),
            create: c => DeliberationText.Made(Matter.PromoteNeed(need.CommunityId, scope, workItemId, title, description, c.UserId!, Now)),
            ct: ct);
    }

    public Task<Result<MatterRow>> AcceptAsync(int matterId, Guid version, CancellationToken ct = default) =>
        ScreenAsync(matterId, version, null, (matter, _, userId) => matter.Accept(userId, Now), ct);

    public Task<Result<MatterRow>> DeclineAsync(int matterId, Guid version, string? reason, CancellationToken ct = default) =>
        ScreenAsync(matterId, version, null, (matter, _, userId) => matter.Decline(reason, userId, Now), ct);

    /// <summary>Merges into another live matter of the same community; the reason tells the raiser where it went.</summary>
    public Task<Result<MatterRow>> MergeAsync(int matterId, Guid version, int targetMatterId, string? reason, CancellationToken ct = default) =>
        ScreenAsync(matterId, version, targetMatterId,
            (matter, target, userId) => target is null ? Matter.ErrorMergeTarget : matter.MergeInto(target, reason, userId, Now), ct);

    private Task<Result<MatterRow>> ScreenAsync(int matterId, Guid version, int? targetId, Func<Matter, Matter?, string, string?> screen,
        CancellationToken ct)
    {
        Matter? target = null;
        return work.ChangeAsync<Matter, MatterRow>(
            load: async (db, token) =>
            {
                if (targetId is { } t) target = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == t, token);
                return await db.Matters.SingleOrDefaultAsync(m => m.Id == matterId, token);
            },
            version: version,
            // Not the caller's to manage: as if it did not exist, so ids cannot be probed.
            allow: (caller, matter) => caller.IsSignedIn && DeliberationAccess.CanManage(caller.Policy, matter.CommunityId)
                ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            run: (caller, matter, _) => DeliberationText.Refusal(screen(matter, target, caller.UserId!)),
            current: m => Row(m, null, showReason: true),
            texts: DeliberationText.Commands,
            ct: ct);
    }

    /// <summary>The secretary's list of one community they manage: search in title and description, status filter, newest first.</summary>
    public async Task<DeliberationPage<MatterRow>> ListAsync(MatterQuery query, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, query.CommunityId)) return new([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Matters.AsNoTracking().Where(m => m.CommunityId == query.CommunityId);
        if (query.Status is { } status) rows = rows.Where(m => m.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Term))
        {
            var term = query.Term.Trim().ToLower();
            rows = rows.Where(m => m.Title.ToLower().Contains(term) || m.Description.ToLower().Contains(term));
        }
        return await PageAsync(db, caller, rows, query, ct);
    }

    /// <summary>The caller's own matters in every community, newest first, with the reasons written to them.</summary>
    public async Task<DeliberationPage<MatterRow>> MineAsync(MyMattersQuery query, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return new([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userId = caller.UserId;
        return await PageAsync(db, caller, db.Matters.AsNoTracking().Where(m => m.RaisedByUserId == userId), query, ct);
    }

    /// <summary>
    /// What the phone form offers: the communities the caller may raise a matter in (as a resident), and in each its
    /// grids, buildings and property areas as scopes.
    /// </summary>
    public async Task<MatterFormOptions> FormOptionsAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return new([], []);
        var raiseIn = RaiseIn(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communities = await db.Communities.AsNoTracking().Where(c => raiseIn.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        var grids = await db.Grids.AsNoTracking().Where(g => raiseIn.Contains(g.CommunityId)).OrderBy(g => g.Name)
            .Select(g => new ScopeOption(MatterScopeKind.Grid, g.Id, g.CommunityId, g.Name)).ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().Join(db.Grids.Where(g => raiseIn.Contains(g.CommunityId)), b => b.GridId, g => g.Id,
                (b, g) => new ScopeOption(MatterScopeKind.Building, b.Id, g.CommunityId, b.Name))
            .ToListAsync(ct);
        var areas = await db.PropertyAreas.AsNoTracking().Where(a => raiseIn.Contains(a.CommunityId)).OrderBy(a => a.Name)
            .Select(a => new ScopeOption(MatterScopeKind.PropertyArea, a.Id, a.CommunityId, a.Name)).ToListAsync(ct);
        return new(communities, [.. grids, .. buildings.OrderBy(b => b.Name, StringComparer.Ordinal), .. areas]);
    }

    private static List<int> RaiseIn(Caller caller) =>
        caller.Policy.Roles.Where(r => r.Role == PortalRole.Resident && r.Scope == ScopeKind.Community).Select(r => r.ScopeId)
            .Where(c => DeliberationAccess.CanRaise(caller.Policy, c)).Distinct().Order().ToList();

    /// <summary>
    /// The landing page's part of matters: where the caller may raise one, their latest matters, and for each community
    /// they manage how many matters wait for screening.
    /// </summary>
    public async Task<MatterHome> HomeAsync(int latest = 5, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return new([], new([], 0), []);
        var raiseIn = RaiseIn(caller);
        var mine = await MineAsync(new MyMattersQuery { Take = latest }, ct);
        var managed = caller.Policy.ManagedCommunities.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.Matters.AsNoTracking().Where(m => managed.Contains(m.CommunityId) && m.Status == MatterStatus.Raised)
            .GroupBy(m => m.CommunityId).Select(g => new { CommunityId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await db.Communities.AsNoTracking().Where(c => managed.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var screening = names.OrderBy(n => n.Id)
            .Select(n => new ScreeningQueue(n.Id, n.Name, waiting.SingleOrDefault(w => w.CommunityId == n.Id)?.Count ?? 0)).ToList();
        return new(raiseIn, mine, screening);
    }

    /// <summary>One matter as the caller may see it; null when it does not exist or is not theirs to see.</summary>
    public async Task<MatterDetail?> GetAsync(int matterId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matterId, ct);
        if (matter is null || !DeliberationAccess.CanSeeMatter(caller, matter)) return null;
        var session = await db.DeliberationSessions.Where(s => s.MatterId == matterId).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        var scopeName = await db.NameOfAsync(matter.Scope, ct);
        return new(Row(matter, session, DeliberationAccess.CanSeeScreeningReason(caller, matter)), matter.Description, scopeName,
            caller.IsSignedIn && DeliberationAccess.CanManage(caller.Policy, matter.CommunityId));
    }

    /// <summary>The matters a need was promoted to, as the need's page shows the link (only those the caller may see).</summary>
    public async Task<IReadOnlyList<MatterRow>> ForNeedAsync(int workItemId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matters = await db.Matters.AsNoTracking().Where(m => m.WorkItemId == workItemId)
            .Where(DeliberationAccess.VisibleMatters(caller)).OrderBy(m => m.Id).ToListAsync(ct);
        return matters.Select(m => Row(m, null, DeliberationAccess.CanSeeScreeningReason(caller, m))).ToList();
    }

    private static async Task<DeliberationPage<MatterRow>> PageAsync(PortalDbContext db, Caller caller, IQueryable<Matter> rows, DeliberationPaging paging,
        CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(m => m.RaisedAtUtc).ThenByDescending(m => m.Id).Skip(paging.SafeSkip).Take(paging.SafeTake)
            .Select(m => new { Matter = m, Session = db.DeliberationSessions.Where(s => s.MatterId == m.Id).Select(s => (int?)s.Id).FirstOrDefault() })
            .ToListAsync(ct);
        return new(page.Select(p => Row(p.Matter, p.Session, DeliberationAccess.CanSeeScreeningReason(caller, p.Matter))).ToList(), total);
    }

    private static MatterRow Row(Matter m, int? sessionId, bool showReason) => new(m.Id, m.CommunityId, m.Title, m.Scope, m.Origin, m.WorkItemId,
        m.Status, m.RaisedAtUtc, showReason ? m.ScreeningReason : null, m.MergedIntoMatterId, sessionId, m.Version);

    /// <summary>
    /// The scope must lie in the matter's community: a building of one of its grids, one of its grids, the community, or
    /// one of its property areas (whose owners then decide).
    /// </summary>
    private async Task<Result?> CheckScopeAsync(int communityId, MatterScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inCommunity = scope.Kind switch
        {
            MatterScopeKind.Community => scope.Id == communityId,
            MatterScopeKind.Grid => await db.Grids.AnyAsync(g => g.Id == scope.Id && g.CommunityId == communityId, ct),
            MatterScopeKind.Building => await db.Buildings.AnyAsync(b => b.Id == scope.Id && db.Grids.Any(g => g.Id == b.GridId && g.CommunityId == communityId), ct),
            MatterScopeKind.PropertyArea => await db.PropertyAreas.AnyAsync(a => a.Id == scope.Id && a.CommunityId == communityId, ct),
            _ => false,
        };
        return inCommunity ? null : Result.Invalid(nameof(MatterForm.ScopeId), DeliberationText.Of(ErrorScopeNotInCommunity));
    }

    /// <summary>The form field a matter's refusal concerns, so the phone form shows it next to the input.</summary>
    private static string? FieldOf(string error) => error switch
    {
        Matter.ErrorTitle => nameof(MatterForm.Title),
        Matter.ErrorDescription => nameof(MatterForm.Description),
        Matter.ErrorScope => nameof(MatterForm.ScopeId),
        _ => null,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

using Portal.Web.Kit.Callers;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;

namespace Portal.Web.Features.Lists.Board;

/// <summary>
/// The residents' public board (公示栏) of one community: its published needs and micro-wishes, public projects and
/// published commitments with their assessment. Anyone who belongs to the community may read it, and every call checks
/// that again (a circuit outlives role changes; the community id comes from the URL). Queries project straight into
/// view models without personal fields, so raisers, requesters, addresses, descriptions and member names never leave
/// the database. Scoped.
/// </summary>
public sealed class BoardService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    TimeProvider clock)
{
    /// <summary>Commitments assessed as fulfilled (a failed assessment sends them back to InProgress).</summary>
    private static readonly WorkItemStatus[] Fulfilled = [WorkItemStatus.Rated, WorkItemStatus.Closed];

    private static readonly WorkItemStatus[] Resolved = [WorkItemStatus.Reported, WorkItemStatus.Rated, WorkItemStatus.Closed];

    private async Task<AccessPolicy?> PolicyAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        return caller.IsSignedIn ? caller.Policy : null;
    }

    private async Task<bool> MayReadAsync(int communityId, CancellationToken ct) =>
        await PolicyAsync(ct) is { } policy && policy.CanViewCommunity(communityId);

    /// <summary>The communities the user may see the board of; their own community (a community-level role) first.</summary>
    public async Task<BoardCommunities> CommunitiesAsync(CancellationToken ct = default)
    {
        if (await PolicyAsync(ct) is not { } policy) return new BoardCommunities([], null);
        var visible = policy.VisibleCommunities.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communities = await db.Communities.AsNoTracking().Where(c => visible.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        var own = policy.Roles.Where(r => r.Scope == ScopeKind.Community).Select(r => r.ScopeId).ToHashSet();
        var first = communities.FirstOrDefault(c => own.Contains(c.Id)) ?? communities.FirstOrDefault();
        return new BoardCommunities(communities, first?.Id);
    }

    /// <summary>The headline figures; null when the community does not exist or the user may not see it.</summary>
    public async Task<BoardSummary?> SummaryAsync(int communityId, CancellationToken ct = default)
    {
        if (!await MayReadAsync(communityId, ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        // A community has at most a few thousand published items; counting in memory keeps one definition of "open".
        var items = await Published(db, communityId)
            .Select(w => new { w.Kind, w.Status, ProgressPercent = (int?)w.Project!.ProgressPercent ?? 0 })
            .ToListAsync(ct);
        var needs = items.Where(w => w.Kind is WorkItemKind.Need or WorkItemKind.MicroWish).ToList();
        var projects = items.Where(w => w.Kind == WorkItemKind.Project).ToList();
        var commitments = items.Where(w => w.Kind == WorkItemKind.Commitment).ToList();
        return new BoardSummary(communityId, name,
            needs.Count, needs.Count(w => Resolved.Contains(w.Status)),
            projects.Count(p => WorkItemWorkflow.IsOpen(p.Status)),
            projects.Count == 0 ? null : (int)Math.Round(projects.Average(p => p.ProgressPercent), MidpointRounding.AwayFromZero),
            commitments.Count, commitments.Count(w => Fulfilled.Contains(w.Status)));
    }

    /// <summary>Published needs and micro-wishes, newest first; null when refused.</summary>
    public async Task<PagedResult<BoardNeedRow>?> NeedsAsync(int communityId, BoardQuery query, CancellationToken ct = default)
    {
        if (!await MayReadAsync(communityId, ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Published(db, communityId).Where(w => w.Kind == WorkItemKind.Need || w.Kind == WorkItemKind.MicroWish);
        // Only the title is searched: searching descriptions would let anyone probe them for names.
        if (query.Term is { } term) rows = rows.Where(w => w.Title.ToLower().Contains(term.ToLower()));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(w => new
            {
                w.Id, w.Kind, w.Title, w.Category, w.Status, w.RaisedAtUtc, w.DueAtUtc, w.Rating,
                Grid = db.Grids.Where(g => g.Id == w.GridId).Select(g => g.Name).FirstOrDefault(),
                Unit = db.Units.Where(u => u.Id == w.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new PagedResult<BoardNeedRow>(page.Select(w => new BoardNeedRow(w.Id, w.Kind, w.Title, w.Category, w.Grid, w.Status, w.Unit,
            w.RaisedAtUtc, w.DueAtUtc, WorkItemMetrics.IsOverdue(w.Status, w.DueAtUtc, now), w.Rating)).ToList(), total);
    }

    /// <summary>
    /// The community's public projects (the same rule as the projects list: a project is public when its need was),
    /// newest first; null when refused.
    /// </summary>
    public async Task<PagedResult<BoardProjectRow>?> ProjectsAsync(int communityId, BoardQuery query, CancellationToken ct = default)
    {
        if (!await MayReadAsync(communityId, ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Published(db, communityId).Where(w => w.Kind == WorkItemKind.Project);
        if (query.Term is { } term) rows = rows.Where(w => w.Title.ToLower().Contains(term.ToLower()));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(w => new
            {
                w.Id, w.Title, w.Status, ProgressPercent = (int?)w.Project!.ProgressPercent ?? 0, w.DueAtUtc,
                Lead = db.Units.Where(u => u.Id == w.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToList();
        var coUnits = await (from c in db.WorkItemCoOwners.AsNoTracking()
                             join u in db.Units.AsNoTracking() on c.UnitId equals u.Id
                             where ids.Contains(c.WorkItemId)
                             orderby u.Name
                             select new { c.WorkItemId, u.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var milestones = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.WorkItemId))
            .GroupBy(m => m.WorkItemId)
            .Select(g => new { Id = g.Key, Total = g.Count(), Done = g.Count(m => m.PercentDone >= 100) })
            .ToDictionaryAsync(m => m.Id, ct);
        return new PagedResult<BoardProjectRow>(page.Select(p => new BoardProjectRow(p.Id, p.Title, p.Lead,
            coUnits.Where(c => c.WorkItemId == p.Id).Select(c => c.Name).ToList(), p.ProgressPercent,
            milestones.TryGetValue(p.Id, out var m) ? m.Done : 0, m?.Total ?? 0, p.Status, p.DueAtUtc,
            WorkItemMetrics.IsOverdue(p.Status, p.DueAtUtc, now))).ToList(), total);
    }

    /// <summary>Published commitments (公示 onwards), the latest year first; null when refused.</summary>
    public async Task<PagedResult<BoardCommitmentRow>?> CommitmentsAsync(int communityId, BoardQuery query, CancellationToken ct = default)
    {
        if (!await MayReadAsync(communityId, ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Published(db, communityId).Where(w => w.Kind == WorkItemKind.Commitment)
            .Select(w => new
            {
                w.Id, w.Title, CommitmentType = w.Commitment!.Type, CommitmentYear = w.Commitment.Year, w.DueAtUtc, w.Status, w.RaisedAtUtc,
                w.Commitment.MemberScore, w.Commitment.ResidentScore, w.Commitment.OrganizationScore,
                // A member's commitment is known by its owner person; only that it is a member's is read, never who.
                ByMember = w.OwnerPersonId != null,
                Organization = db.PartyOrganizations.Where(o => o.Id == w.Commitment.PartyOrganizationId).Select(o => o.Name).FirstOrDefault()
                               ?? (w.OwnerPersonId == null ? db.Units.Where(u => u.Id == w.OwnerUnitId).Select(u => u.Name).FirstOrDefault() : null),
            });
        if (query.Term is { } term)
        {
            var lowered = term.ToLower();
            rows = rows.Where(w => w.Title.ToLower().Contains(lowered) || (w.Organization != null && w.Organization.ToLower().Contains(lowered)));
        }
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(w => w.CommitmentYear).ThenByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id)
            .Skip(query.SafeSkip).Take(query.SafeTake).ToListAsync(ct);
        return new PagedResult<BoardCommitmentRow>(page.Select(w => new BoardCommitmentRow(w.Id, w.Organization, w.ByMember, w.Title,
            w.CommitmentType, w.CommitmentYear, w.DueAtUtc, w.Status, AssessmentOf(w.MemberScore, w.ResidentScore, w.OrganizationScore))).ToList(), total);
    }

    /// <summary>The board's one publication rule: the community's items marked public and not rejected.</summary>
    private static IQueryable<WorkItem> Published(PortalDbContext db, int communityId) =>
        db.WorkItems.AsNoTracking().Where(w => w.CommunityId == communityId && w.IsPublic && w.Status != WorkItemStatus.Rejected);

    /// <summary>The assessment as CommitmentRules computes it; none until all three scores are in.</summary>
    internal static BoardAssessment? AssessmentOf(decimal? member, decimal? resident, decimal? organization)
    {
        if (member is not { } m || resident is not { } r || organization is not { } o) return null;
        var assessment = CommitmentRules.Assess(m, r, o);
        return assessment.IsValid ? new BoardAssessment(m, r, o, assessment.Total, assessment.Grade) : null;
    }
}

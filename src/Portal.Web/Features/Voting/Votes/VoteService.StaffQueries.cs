using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>A vote as the managers' list shows it: what, where, when, how far along.</summary>
public sealed record VoteListRow(
    int Id,
    string CommunityName,
    string Title,
    VoteStatus Status,
    string RuleSetName,
    Secrecy Secrecy,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc,
    int EntitledCount,
    int Participants,
    Outcome? Outcome);

/// <summary>A community the caller manages, for the draft form's community picker.</summary>
public sealed record ManagedCommunity(int Id, string Name);

/// <summary>A place a vote may be held over (a building, a grid, the community), named for the picker.</summary>
public sealed record ScopeChoice(MatterScope Scope, string Name);

/// <summary>
/// A vote as its staff page and projector head it: the summary, the whole rule set it is counted by (its words and the
/// quorum lines), and the frozen roll's size once open.
/// </summary>
public sealed record VoteStaffView(VoteSummary Summary, RuleSet Rules, int EntitledCount, decimal EntitledArea, DateTime? OpenedAtUtc, DateTime? ClosedAtUtc);

/// <summary>How many electors the roll would hold if the draft opened now.</summary>
public sealed record RollPreview(int Electors);

/// <summary>A draft as its edit form starts: the form's values and the version the save must match.</summary>
public sealed record VoteDraft(VoteForm Form, Guid Version, VoteStatus Status);

public sealed partial class VoteService
{
    /// <summary>
    /// The votes of the communities the caller manages, newest first, searched by title and filtered by status. Null when
    /// the caller manages no community (the list page then shows <c>AccessDenied</c>).
    /// </summary>
    public async Task<PagedResult<VoteListRow>?> ListAsync(string? search, VoteStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        var managed = caller.IsSignedIn ? caller.Policy.ManagedCommunities.ToList() : [];
        if (managed.Count == 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var votes = db.Votes.AsNoTracking().Where(v => managed.Contains(v.CommunityId));
        if (status is { } s) votes = votes.Where(v => v.Status == s);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            votes = votes.Where(v => v.Title.Contains(term));
        }
        (page, pageSize) = SafePage(page, pageSize);
        var total = await votes.CountAsync(ct);
        var rows = await (from v in votes
                          join c in db.Communities on v.CommunityId equals c.Id
                          orderby v.OpensAtUtc descending, v.Id descending
                          select new
                          {
                              v.Id, Community = c.Name, v.Title, v.Status, v.RuleSetName, v.Secrecy, v.OpensAtUtc, v.ClosesAtUtc, v.EntitledCount,
                              Participants = db.VoteParticipations.Count(p => p.VoteId == v.Id), v.Outcome,
                          })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<VoteListRow>([.. rows.Select(r => new VoteListRow(r.Id, r.Community, r.Title, r.Status, r.RuleSetName, r.Secrecy,
            r.OpensAtUtc, r.ClosesAtUtc, r.EntitledCount, r.Participants, r.Outcome))], total);
    }

    /// <summary>The communities the caller may hold votes in, by name.</summary>
    public async Task<IReadOnlyList<ManagedCommunity>> ManagedCommunitiesAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        var managed = caller.IsSignedIn ? caller.Policy.ManagedCommunities.ToList() : [];
        if (managed.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Communities.AsNoTracking().Where(c => managed.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new ManagedCommunity(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// Where a vote of the community may be held: the community itself, its grids and its buildings (property areas wait
    /// for their owner rolls, <see cref="VoteRoll.PropertyAreaUnavailable"/>). Empty when the caller does not manage it.
    /// </summary>
    public async Task<IReadOnlyList<ScopeChoice>> ScopeChoicesAsync(int communityId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!VotingAccess.CanManage(caller, communityId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (community is null) return [];
        var grids = await db.Grids.AsNoTracking().Where(g => g.CommunityId == communityId).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.Grid!.CommunityId == communityId).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        var areas = await db.PropertyAreas.AsNoTracking().Where(a => a.CommunityId == communityId).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return
        [
            new ScopeChoice(new MatterScope(MatterScopeKind.Community, communityId), community),
            .. grids.Select(g => new ScopeChoice(new MatterScope(MatterScopeKind.Grid, g.Id), g.Name)),
            .. buildings.Select(b => new ScopeChoice(new MatterScope(MatterScopeKind.Building, b.Id), b.Name)),
            .. areas.Select(a => new ScopeChoice(new MatterScope(MatterScopeKind.PropertyArea, a.Id), a.Name)),
        ];
    }

    /// <summary>The vote for its staff page and the projector; null when it does not exist or the caller may not see it.</summary>
    public async Task<VoteStaffView?> StaffViewAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (v is null || !VotingAccess.CanView(caller, v)) return null;
        return new VoteStaffView(Summary(v, VotingAccess.CanManage(caller, v)), v.RuleSet, v.EntitledCount, v.EntitledArea, v.OpenedAtUtc, v.ClosedAtUtc);
    }

    /// <summary>
    /// The rule sets a draft of the community may take, each with its data (the form describes it in words). The codes
    /// <see cref="CreateAsync"/> accepts: the shipped rule sets on this branch; once drafts take the community's current
    /// stored version, this answers those (one per code). Empty when the caller does not manage the community.
    /// </summary>
    public async Task<IReadOnlyList<RuleSet>> RuleSetChoicesAsync(int communityId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!VotingAccess.CanManage(caller, communityId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await UsableRuleSets.AllCurrentAsync(db, communityId, ct)).Select(v => v.Rules)];
    }

    /// <summary>A vote's settings as the edit form starts from them; null when it cannot be seen or managed.</summary>
    public async Task<VoteDraft?> DraftAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (v is null || !VotingAccess.CanManage(caller, v)) return null;
        return new VoteDraft(new VoteForm(v.CommunityId, v.Scope, v.Title, v.QuestionKind, [.. v.Options], v.MaxChoices, v.RuleSetCode, v.Secrecy,
            v.Channels, v.OpensAtUtc, v.ClosesAtUtc), v.Version, v.Status);
    }

    /// <summary>
    /// How many electors the roll would hold if the draft opened now (the open confirmation says so), or why it cannot
    /// open (an empty roll, a counting base without a roster). Nothing is stored.
    /// </summary>
    public async Task<Result<RollPreview>> RollPreviewAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (Manager(caller, vote) is { } refused) return Result<RollPreview>.From(refused);
        if (vote!.Status != VoteStatus.Draft) return Result<RollPreview>.Invalid(Text(Vote.NotDraft));
        var (roll, error) = await VoteRoll.FreezeAsync(db, vote, DateOnly.FromDateTime(PortalTime.ToLocal(Now)), ct);
        return error is not null ? Result<RollPreview>.From(error) : Result<RollPreview>.Ok(new RollPreview(roll!.Count), vote.Id);
    }
}

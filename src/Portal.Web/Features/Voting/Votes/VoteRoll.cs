using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// Freezes a vote's roll from the directory when it opens, by its rule set's counting base (domain brief §5):
/// <list type="bullet">
/// <item><b>Owners</b>: the ownerships of the households in scope, counted by <see cref="OwnerRoll.Count"/> — one elector
/// per owner with the summed exclusive area of their units; a developer's unsold units are one owner record, so one
/// elector. A unit owned jointly counts once, in the name of all its owners, under the key of the first of them.</item>
/// <item><b>Households</b>: one elector per household in scope.</item>
/// <item><b>Persons</b>: the residents in scope (the adult filter follows once the directory has birth dates).</item>
/// <item><b>Representatives</b> and <b>council members</b>: refused until a roster of them exists.</item>
/// </list>
/// Electors carry the grid of their (first) unit, whose worker may record ballots for them, and the directory ids by
/// which a signed-in resident finds their own row.
/// </summary>
internal static class VoteRoll
{
    public const string RepresentativesUnavailable = "Vote.Error.RepresentativesUnavailable";
    public const string CouncilMembersUnavailable = "Vote.Error.CouncilMembersUnavailable";
    public const string PropertyAreaUnavailable = "Vote.Error.PropertyAreaUnavailable";
    public const string RollRow = "Vote.Error.RollRow";

    public static async Task<(List<VoteElector>? Roll, Result? Refused)> FreezeAsync(PortalDbContext db, Vote vote, CancellationToken ct)
    {
        if (vote.ScopeKind == MatterScopeKind.PropertyArea) return Refuse(PropertyAreaUnavailable);
        var households = HouseholdsInScope(db, vote);
        switch (vote.RuleSet.CountingBase)
        {
            case CountingBase.Households:
            {
                var rows = await households.OrderBy(h => h.Id)
                    .Select(h => new { h.Id, Building = h.Building!.Name, h.Entrance, h.DoorNumber, h.Building.GridId }).ToListAsync(ct);
                return ([.. rows.Select(h => new VoteElector
                {
                    VoteId = vote.Id, Key = $"household:{h.Id}", DisplayName = UnitName(h.Building, h.Entrance, h.DoorNumber),
                    HouseholdId = h.Id, GridId = h.GridId,
                })], null);
            }
            case CountingBase.Persons:
            {
                var ids = households.Select(h => h.Id);
                var scopeKind = vote.ScopeKind;
                var scopeId = vote.ScopeId;
                var people = await db.People
                    .Where(p => (p.HouseholdId != null && ids.Contains(p.HouseholdId.Value))
                                || (p.HouseholdId == null && scopeKind == MatterScopeKind.Community && p.ResidenceCommunityId == scopeId)
                                || (p.HouseholdId == null && scopeKind == MatterScopeKind.Grid && p.GridId == scopeId))
                    .OrderBy(p => p.Id)
                    .Select(p => new { p.Id, p.Name, p.HouseholdId, GridId = p.Household != null ? p.Household.Building!.GridId : p.GridId })
                    .ToListAsync(ct);
                return ([.. people.Select(p => new VoteElector
                {
                    VoteId = vote.Id, Key = $"person:{p.Id}", DisplayName = p.Name, PersonId = p.Id, HouseholdId = p.HouseholdId, GridId = p.GridId,
                })], null);
            }
            case CountingBase.OwnersByAreaAndHeadcount:
                return await OwnersAsync(db, vote, households, ct);
            case CountingBase.Representatives:
                return Refuse(RepresentativesUnavailable);
            default:
                return Refuse(CouncilMembersUnavailable);
        }
    }

    private static async Task<(List<VoteElector>?, Result?)> OwnersAsync(PortalDbContext db, Vote vote, IQueryable<Household> households, CancellationToken ct)
    {
        var units = await households.OrderBy(h => h.Id)
            .Select(h => new
            {
                h.Id, Building = h.Building!.Name, h.Entrance, h.DoorNumber, h.Building.GridId, h.ExclusiveArea,
                Owners = h.Ownerships.OrderBy(o => o.OwnerId).Select(o => new { o.OwnerId, o.Owner!.Name }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        // A unit nobody owns (not yet entered) is no one's vote; it is left out rather than counted for nobody.
        var owned = units.Where(u => u.Owners.Count > 0).ToList();
        var counted = OwnerRoll.Count(owned.Select(u => new RollEntry($"household:{u.Id}", $"owner:{u.Owners[0].OwnerId}", u.ExclusiveArea)));
        if (counted.Errors.FirstOrDefault() is { } error)
        {
            var unit = owned[error.Row - 1];
            return (null, Result.Invalid(Message.Of<VotingText>(RollRow, UnitName(unit.Building, unit.Entrance, unit.DoorNumber),
                Message.Of<VotingText>(error.ErrorCode))));
        }
        var byOwner = owned.GroupBy(u => u.Owners[0].OwnerId).ToDictionary(g => $"owner:{g.Key}", g => g.ToList());
        return ([.. counted.Electors.Select(e =>
        {
            var first = byOwner[e.Key][0];
            var names = byOwner[e.Key].SelectMany(u => u.Owners.Select(o => o.Name)).Distinct().Take(5);
            return new VoteElector
            {
                VoteId = vote.Id, Key = e.Key, DisplayName = Truncate(string.Join("、", names), 200), Area = e.Area,
                OwnerId = first.Owners[0].OwnerId, HouseholdId = byOwner[e.Key].Count == 1 ? first.Id : null, GridId = first.GridId,
            };
        })], null);
    }

    /// <summary>The households of the vote's scope, always inside the vote's community.</summary>
    public static IQueryable<Household> HouseholdsInScope(PortalDbContext db, Vote vote)
    {
        var community = vote.CommunityId;
        var inCommunity = db.Households.Where(h => h.Building!.Grid!.CommunityId == community);
        var id = vote.ScopeId;
        return vote.ScopeKind switch
        {
            MatterScopeKind.Building => inCommunity.Where(h => h.BuildingId == id),
            MatterScopeKind.Grid => inCommunity.Where(h => h.Building!.GridId == id),
            _ => inCommunity,
        };
    }

    /// <summary>Whether the scope names a building or grid of the community, or the community itself.</summary>
    public static Task<bool> ScopeIsInCommunityAsync(PortalDbContext db, int communityId, MatterScope scope, CancellationToken ct) => scope.Kind switch
    {
        MatterScopeKind.Building => db.Buildings.AnyAsync(b => b.Id == scope.Id && b.Grid!.CommunityId == communityId, ct),
        MatterScopeKind.Grid => db.Grids.AnyAsync(g => g.Id == scope.Id && g.CommunityId == communityId, ct),
        MatterScopeKind.Community => Task.FromResult(scope.Id == communityId),
        _ => Task.FromResult(false),
    };

    private static string UnitName(string building, string? entrance, string door) =>
        string.IsNullOrEmpty(entrance) ? $"{building} {door}" : $"{building} {entrance} {door}";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static (List<VoteElector>?, Result?) Refuse(string key) => (null, Result.Invalid(Message.Of<VotingText>(key)));
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
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
/// <item><b>Persons</b>: the adult residents in scope on the opening day. A person without a recorded birth date is
/// counted (decision 0032 §2: leaving them out would lower the quorum's base); <see cref="UnknownAgesAsync"/> lists them
/// for the secretary to confirm before opening.</item>
/// <item><b>Representatives</b>: the residents in scope flagged as representatives (<see cref="Person.IsRepresentative"/>).</item>
/// <item><b>Council members</b>: the persons sitting on the community's council on the opening day; refused when the
/// community has no council, or several (which of them votes would be a guess).</item>
/// </list>
/// The scope is a building, a grid, a property area (the households of its buildings) or the whole community. Electors
/// carry the grid of their (first) unit, whose worker may record ballots for them, and the directory ids by which a
/// signed-in resident finds their own row.
/// </summary>
internal static class VoteRoll
{
    public const string CouncilMembersUnavailable = "Vote.Error.CouncilMembersUnavailable";
    public const string RollRow = "Vote.Error.RollRow";

    /// <param name="openingDay">The day the vote opens (China's day): who is adult, who sits on the council.</param>
    public static async Task<(List<VoteElector>? Roll, Result? Refused)> FreezeAsync(PortalDbContext db, Vote vote, DateOnly openingDay, CancellationToken ct)
    {
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
                var people = await PeopleInScopeAsync(db, vote, ct);
                return ([.. people.Where(p => p.Person.IsAdultOn(openingDay) is not false).Select(p => PersonElector(vote, p.Person, p.GridId))], null);
            }
            case CountingBase.Representatives:
            {
                var people = await PeopleInScopeAsync(db, vote, ct, representativesOnly: true);
                return ([.. people.Select(p => PersonElector(vote, p.Person, p.GridId))], null);
            }
            case CountingBase.OwnersByAreaAndHeadcount:
                return await OwnersAsync(db, vote, households, ct);
            default:
                return await CouncilMembersAsync(db, vote, openingDay, ct);
        }
    }

    /// <summary>
    /// The residents in scope whose birth date is not recorded, by name: a persons' roll counts them as adults (decision
    /// 0032 §2), so the secretary confirms them (or records their dates) before opening. Empty for other counting bases.
    /// </summary>
    public static async Task<IReadOnlyList<(int PersonId, string Name)>> UnknownAgesAsync(PortalDbContext db, Vote vote, CancellationToken ct)
    {
        if (vote.RuleSet.CountingBase != CountingBase.Persons) return [];
        var people = await PeopleInScopeAsync(db, vote, ct);
        return [.. people.Where(p => p.Person.BirthDate is null).Select(p => (p.Person.Id, p.Person.Name))];
    }

    /// <summary>
    /// The residents of the households in scope, and — for a grid or the whole community — those recorded there without
    /// a household; with the grid whose worker may record for them.
    /// </summary>
    private static async Task<List<(Person Person, int? GridId)>> PeopleInScopeAsync(PortalDbContext db, Vote vote, CancellationToken ct,
        bool representativesOnly = false)
    {
        var ids = HouseholdsInScope(db, vote).Select(h => h.Id);
        var scopeKind = vote.ScopeKind;
        var scopeId = vote.ScopeId;
        var community = vote.CommunityId;
        var people = db.People.AsNoTracking()
            .Where(p => (p.HouseholdId != null && ids.Contains(p.HouseholdId.Value))
                        || (p.HouseholdId == null && scopeKind == MatterScopeKind.Community && p.ResidenceCommunityId == scopeId)
                        || (p.HouseholdId == null && scopeKind == MatterScopeKind.Grid && p.GridId == scopeId && p.ResidenceCommunityId == community));
        if (representativesOnly) people = people.Where(p => p.IsRepresentative);
        var rows = await people.OrderBy(p => p.Id)
            .Select(p => new { Person = p, GridId = p.Household != null ? (int?)p.Household.Building!.GridId : p.GridId })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Person, r.GridId))];
    }

    private static VoteElector PersonElector(Vote vote, Person person, int? gridId) => new()
    {
        VoteId = vote.Id, Key = $"person:{person.Id}", DisplayName = person.Name, PersonId = person.Id, HouseholdId = person.HouseholdId, GridId = gridId,
    };

    /// <summary>The persons sitting on the community's one council on the opening day (a unit's seat: its leader).</summary>
    private static async Task<(List<VoteElector>?, Result?)> CouncilMembersAsync(PortalDbContext db, Vote vote, DateOnly openingDay, CancellationToken ct)
    {
        var councils = await db.Councils.AsNoTracking().Where(c => c.CommunityId == vote.CommunityId).Select(c => c.Id).ToListAsync(ct);
        if (councils is not [var council]) return Refuse(CouncilMembersUnavailable);
        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == council && m.PersonId != null).ToListAsync(ct);
        var sitting = CouncilRoster.ExpectedPersonsOn(members, openingDay);
        var people = await db.People.AsNoTracking().Where(p => sitting.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => new { Person = p, GridId = p.Household != null ? (int?)p.Household.Building!.GridId : p.GridId })
            .ToListAsync(ct);
        return ([.. people.Select(p => PersonElector(vote, p.Person, p.GridId))], null);
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
            MatterScopeKind.PropertyArea => inCommunity.Where(h => h.Building!.PropertyAreaId == id),
            _ => inCommunity,
        };
    }

    /// <summary>Whether the scope names a building, grid or property area of the community, or the community itself.</summary>
    public static Task<bool> ScopeIsInCommunityAsync(PortalDbContext db, int communityId, MatterScope scope, CancellationToken ct) => scope.Kind switch
    {
        MatterScopeKind.Building => db.Buildings.AnyAsync(b => b.Id == scope.Id && b.Grid!.CommunityId == communityId, ct),
        MatterScopeKind.Grid => db.Grids.AnyAsync(g => g.Id == scope.Id && g.CommunityId == communityId, ct),
        MatterScopeKind.PropertyArea => db.PropertyAreas.AnyAsync(a => a.Id == scope.Id && a.CommunityId == communityId, ct),
        MatterScopeKind.Community => Task.FromResult(scope.Id == communityId),
        _ => Task.FromResult(false),
    };

    internal static string UnitName(string building, string? entrance, string door) =>
        string.IsNullOrEmpty(entrance) ? $"{building} {door}" : $"{building} {entrance} {door}";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static (List<VoteElector>?, Result?) Refuse(string key) => (null, Result.Invalid(Message.Of<VotingText>(key)));
}

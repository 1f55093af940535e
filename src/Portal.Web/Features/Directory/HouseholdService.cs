using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.Text;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Directory;

/// <summary>Count and total exclusive area of the households a filter selects.</summary>
public sealed record HouseholdSummary(int Count, decimal TotalArea);

/// <summary>Households (flats) with their exclusive area and owners, within the communities the user manages. Scoped.</summary>
public sealed class HouseholdService(DirectoryServiceContext context) : DirectoryServiceBase(context)
{
    public async Task<PagedResult<HouseholdRow>> HouseholdsAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, scope, query);
        var total = await rows.CountAsync(ct);
        // Ordered by place and door (strings): SQLite cannot order by decimal columns server-side.
        var page = await rows
            .OrderBy(h => h.Building!.Grid!.Community!.Name).ThenBy(h => h.Building!.Grid!.Name).ThenBy(h => h.Building!.Name)
            .ThenBy(h => h.Entrance).ThenBy(h => h.DoorNumber)
            .Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(h => new
            {
                h.Id,
                Community = h.Building!.Grid!.Community!.Name,
                Grid = h.Building.Grid.Name,
                Building = h.Building.Name,
                h.Entrance,
                h.DoorNumber,
                h.ExclusiveArea,
                h.AreaSource,
                Owners = h.Ownerships.OrderBy(o => o.Id).Select(o => o.Owner!.Name).ToList(),
            })
            .ToListAsync(ct);
        return new PagedResult<HouseholdRow>(
            page.Select(h => new HouseholdRow(h.Id, h.Community, h.Grid, h.Building, h.Entrance ?? "", h.DoorNumber, h.ExclusiveArea, h.AreaSource, h.Owners)).ToList(),
            total);
    }

    /// <summary>Count and area of the filtered households. The sum is taken in memory because SQLite cannot sum decimals exactly.</summary>
    public async Task<HouseholdSummary> SummaryAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var areas = await Filter(db, scope, query).Select(h => h.ExclusiveArea).ToListAsync(ct);
        return new HouseholdSummary(areas.Count, areas.Sum());
    }

    private static IQueryable<Household> Filter(PortalDbContext db, DirectoryAccess scope, DirectoryQuery query)
    {
        var rows = db.Households.AsNoTracking().Where(scope.HouseholdFilter);
        if (query.CommunityId is { } communityId) rows = rows.Where(h => h.Building!.Grid!.CommunityId == communityId);
        if (query.GridId is { } gridId) rows = rows.Where(h => h.Building!.GridId == gridId);
        if (query.BuildingId is { } buildingId) rows = rows.Where(h => h.BuildingId == buildingId);
        if (query.Term is { } term)
        {
            rows = rows.Where(h => h.DoorNumber.Contains(term) || h.Building!.Name.Contains(term)
                                   || h.Ownerships.Any(o => o.Owner!.Name.Contains(term) || (o.Owner.Phone != null && o.Owner.Phone.Contains(term))));
        }
        return rows;
    }

    public async Task<HouseholdForm?> GetHouseholdAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var household = await db.Households.AsNoTracking().Where(scope.HouseholdFilter)
            .Include(h => h.Ownerships).ThenInclude(o => o.Owner)
            .FirstOrDefaultAsync(h => h.Id == id, ct);
        return household is null ? null : ToForm(household);
    }

    public async Task<Result<HouseholdForm>> SaveHouseholdAsync(HouseholdForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        if (form.BuildingId == 0) checks.Missing("Building");
        var entrance = checks.Optional("Entrance", form.Entrance, DirectoryLimits.Code) ?? string.Empty;
        var door = checks.Required("DoorNumber", form.DoorNumber, DirectoryLimits.Code);
        checks.Area("ExclusiveArea", form.ExclusiveArea);
        if (!Enum.IsDefined(form.AreaSource)) checks.Missing("AreaSource");
        var owners = new List<(string Name, string? Phone, OwnerKind Kind)>();
        for (var i = 0; i < form.Owners.Count; i++)
        {
            var owner = form.Owners[i];
            // An empty row left on the form (nothing visible in it, as it would be stored).
            if (UserText.SingleLineOrNull(owner.Name) is null && UserText.SingleLineOrNull(owner.Phone) is null) continue;
            var ownerName = checks.Required($"Owners[{i}].Name", owner.Name, DirectoryLimits.Name);
            var phone = checks.Phone($"Owners[{i}].Phone", owner.Phone);
            if (!owners.Any(o => o.Name == ownerName && o.Phone == phone)) owners.Add((ownerName, phone, owner.Kind));
        }
        if (checks.HasErrors) return Invalid<HouseholdForm>(checks);

        int communityId;
        OwnerMatcher matcher;
        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            var building = await db.Buildings.Where(scope.BuildingFilter).Select(b => new { b.Id, b.Grid!.CommunityId })
                .FirstOrDefaultAsync(b => b.Id == form.BuildingId, ct);
            if (building is null) return NotFound<HouseholdForm>();
            if (await db.Households.AnyAsync(h => h.BuildingId == form.BuildingId && h.Entrance == entrance && h.DoorNumber == door && h.Id != form.Id, ct))
            {
                checks.Duplicate("DoorNumber", string.IsNullOrEmpty(entrance) ? door : $"{entrance} {door}");
                return Invalid<HouseholdForm>(checks);
            }
            communityId = building.CommunityId;
            matcher = await OwnerMatcher.LoadAsync(db, [communityId], owners.Select(o => o.Name).ToList(), ct);
        }

        return await SaveAsync(form, () => new Household { DoorNumber = door },
            (db, ct) => db.Households.Where(scope.HouseholdFilter).Include(h => h.Ownerships).ThenInclude(o => o.Owner)
                .FirstOrDefaultAsync(h => h.Id == form.Id, ct),
            household =>
            {
                household.Update(form.BuildingId, entrance, door, form.ExclusiveArea!.Value, form.AreaSource);
                household.OwnedBy(owners.Select(o => matcher.OwnershipOf(communityId, o.Name, o.Phone, o.Kind)).ToList());
            },
            ToForm, "DoorNumber", door, changesScope: false, ct);
    }

    public async Task<Result<HouseholdForm>> DeleteHouseholdAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync(
            (db, ct) => db.Households.Where(scope.HouseholdFilter).Include(h => h.Ownerships).ThenInclude(o => o.Owner).FirstOrDefaultAsync(h => h.Id == id, ct),
            version, ToForm, changesScope: false, ct: ct);
    }

    private static HouseholdForm ToForm(Household household) => new()
    {
        Id = household.Id,
        Version = household.Version,
        BuildingId = household.BuildingId,
        Entrance = household.Entrance,
        DoorNumber = household.DoorNumber,
        ExclusiveArea = household.ExclusiveArea,
        AreaSource = household.AreaSource,
        Owners = household.Ownerships.OrderBy(o => o.Id)
            .Select(o => new OwnerForm { Name = o.Owner!.Name, Phone = o.Owner.Phone, Kind = o.Owner.Kind }).ToList(),
    };
}

/// <summary>
/// Finds an owner of a community by name and phone, or adds one, so that one owner of several flats stays one owner
/// (owners' votes count one head per owner): the household form and the import both own flats through it. The stored
/// owners it may meet are loaded once (<see cref="LoadAsync"/>), so it can run inside a command's rule; owners it adds
/// are remembered for the rest of the change.
/// </summary>
internal sealed class OwnerMatcher
{
    private readonly Dictionary<(int CommunityId, string Name, string? Phone), int> _stored;
    private readonly Dictionary<(int CommunityId, string Name, string? Phone), int> _residents;
    private readonly Dictionary<(int CommunityId, string Name, string? Phone), Owner> _added = [];

    private OwnerMatcher(Dictionary<(int, string, string?), int> stored, Dictionary<(int, string, string?), int> residents) =>
        (_stored, _residents) = (stored, residents);

    /// <summary>The stored owners of <paramref name="communityIds"/> named <paramref name="names"/> (the first stored wins).</summary>
    public static async Task<OwnerMatcher> LoadAsync(PortalDbContext db, IReadOnlyCollection<int> communityIds, IReadOnlyCollection<string> names,
        CancellationToken ct)
    {
        var stored = new Dictionary<(int, string, string?), int>();
        var residents = new Dictionary<(int, string, string?), int>();
        if (names.Count == 0) return new OwnerMatcher(stored, residents);
        // Lists, as the queries' parameters everywhere else (EF Core maps a List<T> parameter on every provider).
        var communities = communityIds.ToList();
        var wanted = names.ToList();
        var owners = await db.Owners.AsNoTracking().Where(o => communities.Contains(o.CommunityId) && wanted.Contains(o.Name)).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.CommunityId, o.Name, o.Phone }).ToListAsync(ct);
        foreach (var owner in owners) stored.TryAdd((owner.CommunityId, owner.Name, owner.Phone), owner.Id);
        // A new owner who is a resident known to the portal — the same name and phone in the same community, and only one
        // such person — is that person, so they vote in owners' votes as themselves (VotingAccess.IsOwnRow).
        var people = await db.People.AsNoTracking()
            .Where(p => p.ResidenceCommunityId != null && communities.Contains(p.ResidenceCommunityId.Value) && wanted.Contains(p.Name) && p.Phone != null)
            .Select(p => new { p.Id, CommunityId = p.ResidenceCommunityId!.Value, p.Name, p.Phone }).ToListAsync(ct);
        foreach (var same in people.GroupBy(p => (p.CommunityId, p.Name, (string?)p.Phone)).Where(g => g.Count() == 1))
            residents[same.Key] = same.Single().Id;
        return new OwnerMatcher(stored, residents);
    }

    /// <summary>The ownership of a flat by this owner: the stored one's key, or the owner added in this change.</summary>
    public HouseholdOwnership OwnershipOf(int communityId, string name, string? phone, OwnerKind kind)
    {
        var key = (communityId, name, phone);
        if (_stored.TryGetValue(key, out var id)) return new HouseholdOwnership { OwnerId = id };
        if (!_added.TryGetValue(key, out var owner))
            _added[key] = owner = new Owner
            {
                CommunityId = communityId, Name = name, Phone = phone, Kind = kind,
                PersonId = kind == OwnerKind.Individual && phone is not null && _residents.TryGetValue(key, out var person) ? person : null,
            };
        return new HouseholdOwnership { Owner = owner };
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Directory;

/// <summary>
/// Streets, communities, grids and buildings. Streets and communities are kept by street administrators;
/// grids and buildings by whoever manages the community. Scoped.
/// </summary>
public sealed class GeographyService(DirectoryServiceContext context) : DirectoryServiceBase(context)
{
    // ---- Streets ----

    /// <summary>Streets the user administers, plus (read-only) the streets of the communities they manage.</summary>
    public async Task<IReadOnlyList<StreetRow>> StreetsAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var communities = scope.Communities;
        var streets = scope.Streets;
        var rows = await db.Streets.AsNoTracking()
            .Where(s => streets.Contains(s.Id) || s.Communities.Any(c => communities.Contains(c.Id)))
            .OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Code, Communities = s.Communities.Count })
            .ToListAsync(ct);
        return rows.Select(s => new StreetRow(s.Id, s.Name, s.Code, s.Communities, scope.CanManageStreet(s.Id))).ToList();
    }

    public async Task<StreetForm?> GetStreetAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        if (!scope.CanManageStreet(id)) return null;
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Streets.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StreetForm { Id = s.Id, Version = s.Version, Name = s.Name, Code = s.Code })
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Renames or re-codes a street. New streets come with their administrators' accounts, not from this page.</summary>
    public async Task<Result<StreetForm>> SaveStreetAsync(StreetForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        if (form.IsNew || !scope.CanManageStreet(form.Id)) return NotFound<StreetForm>();
        var checks = NewChecks();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        var code = checks.Optional("Code", form.Code, DirectoryLimits.Code);
        if (checks.HasErrors) return Invalid<StreetForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Streets.AnyAsync(s => s.Name == name && s.Id != form.Id, ct)) checks.Duplicate("Name", name);
        }
        if (checks.HasErrors) return Invalid<StreetForm>(checks);
        return await SaveAsync(form, () => new Street { Name = name }, (db, ct) => db.Streets.FirstOrDefaultAsync(s => s.Id == form.Id, ct),
            street => street.Rename(name, code),
            s => new StreetForm { Id = s.Id, Version = s.Version, Name = s.Name, Code = s.Code }, "Name", name, changesScope: true, ct);
    }

    public async Task<IReadOnlyList<Option>> StreetOptionsAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var streets = scope.Streets;
        return await db.Streets.AsNoTracking().Where(s => streets.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
    }

    // ---- Communities ----

    public async Task<PagedResult<CommunityRow>> CommunitiesAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.Communities.AsNoTracking().Where(scope.CommunityFilter);
        if (query.StreetId is { } streetId) rows = rows.Where(c => c.StreetId == streetId);
        if (query.Term is { } term)
            rows = rows.Where(c => c.Name.Contains(term) || (c.Code != null && c.Code.Contains(term)) || (c.Address != null && c.Address.Contains(term)));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(c => c.Name).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(c => new { c.Id, c.StreetId, Street = c.Street!.Name, c.Name, c.Code, c.Address, Grids = c.Grids.Count })
            .ToListAsync(ct);
        return new PagedResult<CommunityRow>(
            page.Select(c => new CommunityRow(c.Id, c.StreetId, c.Street, c.Name, c.Code, c.Address, c.Grids, scope.CanManageStreet(c.StreetId))).ToList(),
            total);
    }

    /// <summary>Communities the user manages, for filters and pickers.</summary>
    public async Task<IReadOnlyList<Option>> CommunityOptionsAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Communities.AsNoTracking().Where(scope.CommunityFilter).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
    }

    public async Task<CommunityForm?> GetCommunityAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Communities.AsNoTracking().Where(scope.CommunityFilter).Where(c => c.Id == id)
            .Select(c => new CommunityForm { Id = c.Id, Version = c.Version, StreetId = c.StreetId, Name = c.Name, Code = c.Code, Address = c.Address })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<CommunityForm>> SaveCommunityAsync(CommunityForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        if (!scope.CanManageStreet(form.StreetId)) return NotFound<CommunityForm>();
        var checks = NewChecks();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        var code = checks.Optional("Code", form.Code, DirectoryLimits.Code);
        var address = checks.Optional("Address", form.Address, DirectoryLimits.Address);
        if (checks.HasErrors) return Invalid<CommunityForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Communities.AnyAsync(c => c.StreetId == form.StreetId && c.Name == name && c.Id != form.Id, ct)) checks.Duplicate("Name", name);
        }
        if (checks.HasErrors) return Invalid<CommunityForm>(checks);
        return await SaveAsync(form, () => new Community { Name = name }, (db, ct) => Manageable(db, scope).FirstOrDefaultAsync(c => c.Id == form.Id, ct),
            community => community.Update(form.StreetId, name, code, address),
            ToForm, "Name", name, changesScope: true, ct);
    }

    /// <summary>Communities of the streets the caller administers (only they add, change or remove communities).</summary>
    private static IQueryable<Community> Manageable(PortalDbContext db, DirectoryAccess scope)
    {
        var streets = scope.Streets;
        return db.Communities.Where(c => streets.Contains(c.StreetId));
    }

    private static CommunityForm ToForm(Community c) =>
        new() { Id = c.Id, Version = c.Version, StreetId = c.StreetId, Name = c.Name, Code = c.Code, Address = c.Address };

    public async Task<Result<CommunityForm>> DeleteCommunityAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => Manageable(db, scope).FirstOrDefaultAsync(c => c.Id == id, ct), version, ToForm, changesScope: true,
            inUse: async (db, community, ct) =>
                await db.Grids.AnyAsync(g => g.CommunityId == community.Id, ct) || await db.Units.AnyAsync(u => u.CommunityId == community.Id, ct), ct: ct);
    }

    // ---- Grids ----

    public async Task<PagedResult<GridRow>> GridsAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.Grids.AsNoTracking().Where(scope.GridFilter);
        if (query.CommunityId is { } communityId) rows = rows.Where(g => g.CommunityId == communityId);
        if (query.Term is { } term) rows = rows.Where(g => g.Name.Contains(term) || g.Community!.Name.Contains(term));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(g => g.Community!.Name).ThenBy(g => g.Name).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(g => new GridRow(g.Id, g.CommunityId, g.Community!.Name, g.Name, g.Buildings.Count))
            .ToListAsync(ct);
        return new PagedResult<GridRow>(page, total);
    }

    public async Task<IReadOnlyList<Option>> GridOptionsAsync(int? communityId, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.Grids.AsNoTracking().Where(scope.GridFilter);
        if (communityId is { } c) rows = rows.Where(g => g.CommunityId == c);
        return await rows.OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
            .Select(g => new Option(g.Id, communityId == null ? g.Community!.Name + " " + g.Name : g.Name)).ToListAsync(ct);
    }

    public async Task<GridForm?> GetGridAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Grids.AsNoTracking().Where(scope.GridFilter).Where(g => g.Id == id)
            .Select(g => new GridForm { Id = g.Id, Version = g.Version, CommunityId = g.CommunityId, Name = g.Name })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<GridForm>> SaveGridAsync(GridForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        if (form.CommunityId == 0) checks.Missing("Community");
        else if (!scope.CanManageCommunity(form.CommunityId)) return NotFound<GridForm>();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        if (checks.HasErrors) return Invalid<GridForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Grids.AnyAsync(g => g.CommunityId == form.CommunityId && g.Name == name && g.Id != form.Id, ct)) checks.Duplicate("Name", name);
            // Moving a grid to another community would take buildings out of their community's property areas.
            if (!form.IsNew && await db.Buildings.AnyAsync(b => b.GridId == form.Id && b.PropertyArea != null && b.PropertyArea.CommunityId != form.CommunityId, ct))
                return InUse<GridForm>();
        }
        if (checks.HasErrors) return Invalid<GridForm>(checks);
        return await SaveAsync(form, () => new Grid { Name = name }, (db, ct) => db.Grids.Where(scope.GridFilter).FirstOrDefaultAsync(g => g.Id == form.Id, ct),
            grid => grid.Update(form.CommunityId, name),
            ToForm, "Name", name, changesScope: true, ct);
    }

    private static GridForm ToForm(Grid g) => new() { Id = g.Id, Version = g.Version, CommunityId = g.CommunityId, Name = g.Name };

    public async Task<Result<GridForm>> DeleteGridAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => db.Grids.Where(scope.GridFilter).FirstOrDefaultAsync(g => g.Id == id, ct), version, ToForm, changesScope: true,
            inUse: (db, grid, ct) => db.Buildings.AnyAsync(b => b.GridId == grid.Id, ct), ct: ct);
    }

    // ---- Property management areas ----

    public async Task<PagedResult<PropertyAreaRow>> PropertyAreasAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.PropertyAreas.AsNoTracking().Where(scope.PropertyAreaFilter);
        if (query.CommunityId is { } communityId) rows = rows.Where(a => a.CommunityId == communityId);
        if (query.Term is { } term) rows = rows.Where(a => a.Name.Contains(term) || a.Community!.Name.Contains(term));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(a => a.Community!.Name).ThenBy(a => a.Name).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(a => new PropertyAreaRow(a.Id, a.CommunityId, a.Community!.Name, a.Name, db.Buildings.Count(b => b.PropertyAreaId == a.Id)))
            .ToListAsync(ct);
        return new PagedResult<PropertyAreaRow>(page, total);
    }

    /// <summary>The property areas of a community, or those a building of <paramref name="gridId"/> may lie in (its community's).</summary>
    public async Task<IReadOnlyList<Option>> PropertyAreaOptionsAsync(int? communityId, int? gridId = null, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.PropertyAreas.AsNoTracking().Where(scope.PropertyAreaFilter);
        if (communityId is { } c) rows = rows.Where(a => a.CommunityId == c);
        if (gridId is { } g) rows = rows.Where(a => db.Grids.Any(grid => grid.Id == g && grid.CommunityId == a.CommunityId));
        return await rows.OrderBy(a => a.Name).Select(a => new Option(a.Id, a.Name)).ToListAsync(ct);
    }

    public async Task<PropertyAreaForm?> GetPropertyAreaAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.PropertyAreas.AsNoTracking().Where(scope.PropertyAreaFilter).Where(a => a.Id == id)
            .Select(a => new PropertyAreaForm { Id = a.Id, Version = a.Version, CommunityId = a.CommunityId, Name = a.Name })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<PropertyAreaForm>> SavePropertyAreaAsync(PropertyAreaForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        if (form.CommunityId == 0) checks.Missing("Community");
        else if (!scope.CanManageCommunity(form.CommunityId)) return NotFound<PropertyAreaForm>();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        if (checks.HasErrors) return Invalid<PropertyAreaForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            if (await db.PropertyAreas.AnyAsync(a => a.CommunityId == form.CommunityId && a.Name == name && a.Id != form.Id, ct)) checks.Duplicate("Name", name);
            // Moving an area to another community would leave its buildings in an area of a community they are not in.
            if (!form.IsNew && await db.Buildings.AnyAsync(b => b.PropertyAreaId == form.Id && b.Grid!.CommunityId != form.CommunityId, ct))
                return InUse<PropertyAreaForm>();
        }
        if (checks.HasErrors) return Invalid<PropertyAreaForm>(checks);
        return await SaveAsync(form, () => new PropertyArea { Name = name },
            (db, ct) => db.PropertyAreas.Where(scope.PropertyAreaFilter).FirstOrDefaultAsync(a => a.Id == form.Id, ct),
            area => area.Update(form.CommunityId, name),
            ToForm, "Name", name, changesScope: false, ct);
    }

    private static PropertyAreaForm ToForm(PropertyArea a) => new() { Id = a.Id, Version = a.Version, CommunityId = a.CommunityId, Name = a.Name };

    /// <summary>Deletes an area no building lies in; refused while one does.</summary>
    public async Task<Result<PropertyAreaForm>> DeletePropertyAreaAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => db.PropertyAreas.Where(scope.PropertyAreaFilter).FirstOrDefaultAsync(a => a.Id == id, ct), version, ToForm,
            changesScope: false, inUse: (db, area, ct) => db.Buildings.AnyAsync(b => b.PropertyAreaId == area.Id, ct), ct: ct);
    }

    // ---- Buildings ----

    public async Task<PagedResult<BuildingRow>> BuildingsAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.Buildings.AsNoTracking().Where(scope.BuildingFilter);
        if (query.CommunityId is { } communityId) rows = rows.Where(b => b.Grid!.CommunityId == communityId);
        if (query.GridId is { } gridId) rows = rows.Where(b => b.GridId == gridId);
        if (query.Term is { } term) rows = rows.Where(b => b.Name.Contains(term) || b.Grid!.Name.Contains(term));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(b => b.Grid!.Community!.Name).ThenBy(b => b.Grid!.Name).ThenBy(b => b.Name)
            .Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(b => new BuildingRow(b.Id, b.GridId, b.Grid!.Community!.Name, b.Grid.Name, b.Name, b.Households.Count,
                b.PropertyArea == null ? null : b.PropertyArea.Name))
            .ToListAsync(ct);
        return new PagedResult<BuildingRow>(page, total);
    }

    public async Task<IReadOnlyList<Option>> BuildingOptionsAsync(int? communityId, int? gridId, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.Buildings.AsNoTracking().Where(scope.BuildingFilter);
        if (communityId is { } c) rows = rows.Where(b => b.Grid!.CommunityId == c);
        if (gridId is { } g) rows = rows.Where(b => b.GridId == g);
        return await rows.OrderBy(b => b.Grid!.Name).ThenBy(b => b.Name)
            .Select(b => new Option(b.Id, b.Grid!.Name + " " + b.Name)).ToListAsync(ct);
    }

    public async Task<BuildingForm?> GetBuildingAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Buildings.AsNoTracking().Where(scope.BuildingFilter).Where(b => b.Id == id)
            .Select(b => new BuildingForm { Id = b.Id, Version = b.Version, GridId = b.GridId, Name = b.Name, PropertyAreaId = b.PropertyAreaId })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<BuildingForm>> SaveBuildingAsync(BuildingForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        if (form.GridId == 0) checks.Missing("Grid");
        if (checks.HasErrors) return Invalid<BuildingForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Grids.Where(scope.GridFilter).AnyAsync(g => g.Id == form.GridId, ct)) return NotFound<BuildingForm>();
            if (await db.Buildings.AnyAsync(b => b.GridId == form.GridId && b.Name == name && b.Id != form.Id, ct)) checks.Duplicate("Name", name);
            // A building lies in a property area of its own grid's community.
            if (form.PropertyAreaId is { } areaId
                && !await db.PropertyAreas.AnyAsync(a => a.Id == areaId && db.Grids.Any(g => g.Id == form.GridId && g.CommunityId == a.CommunityId), ct))
                checks.Missing("PropertyArea");
        }
        if (checks.HasErrors) return Invalid<BuildingForm>(checks);
        return await SaveAsync(form, () => new Building { Name = name },
            (db, ct) => db.Buildings.Where(scope.BuildingFilter).FirstOrDefaultAsync(b => b.Id == form.Id, ct),
            building =>
            {
                building.Update(form.GridId, name);
                building.PlaceInPropertyArea(form.PropertyAreaId);
            },
            ToForm, "Name", name, changesScope: false, ct);
    }

    private static BuildingForm ToForm(Building b) => new() { Id = b.Id, Version = b.Version, GridId = b.GridId, Name = b.Name, PropertyAreaId = b.PropertyAreaId };

    public async Task<Result<BuildingForm>> DeleteBuildingAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => db.Buildings.Where(scope.BuildingFilter).FirstOrDefaultAsync(b => b.Id == id, ct), version, ToForm,
            changesScope: false, inUse: (db, building, ct) => db.Households.AnyAsync(h => h.BuildingId == building.Id, ct), ct: ct);
    }
}

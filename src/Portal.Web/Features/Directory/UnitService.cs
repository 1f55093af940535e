using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Directory;

/// <summary>
/// Co-building units and Party organisations. A community's units are kept by its managers; street-level units
/// (no community) by the street's administrators. Scoped.
/// </summary>
public sealed class UnitService(DirectoryServiceContext context) : DirectoryServiceBase(context)
{
    // ---- Units ----

    public async Task<PagedResult<UnitRow>> UnitsAsync(DirectoryQuery query, UnitType? type = null, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.Units.AsNoTracking().Where(scope.UnitFilter);
        if (query.CommunityId is { } communityId) rows = rows.Where(u => u.CommunityId == communityId);
        if (type is { } t) rows = rows.Where(u => u.Type == t);
        if (query.Term is { } term)
            rows = rows.Where(u => u.Name.Contains(term) || (u.Address != null && u.Address.Contains(term))
                                   || (u.Liaison != null && u.Liaison.Name.Contains(term)) || (u.Leader != null && u.Leader.Name.Contains(term)));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(u => u.Community == null ? "" : u.Community.Name).ThenBy(u => u.Name)
            .Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(u => new UnitRow(u.Id, u.Name, u.Type, u.Community == null ? null : u.Community.Name, u.Address,
                u.PartyOrganization == null ? null : u.PartyOrganization.Name,
                u.Leader == null ? null : u.Leader.Name, u.Liaison == null ? null : u.Liaison.Name, u.Liaison == null ? null : u.Liaison.Phone))
            .ToListAsync(ct);
        return new PagedResult<UnitRow>(page, total);
    }

    public async Task<IReadOnlyList<Option>> UnitOptionsAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(scope.UnitFilter).OrderBy(u => u.Name).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
    }

    public async Task<UnitForm?> GetUnitAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(scope.UnitFilter).Where(u => u.Id == id)
            .Select(u => new UnitForm
            {
                Id = u.Id, Version = u.Version, StreetId = u.StreetId, CommunityId = u.CommunityId, Name = u.Name, Type = u.Type,
                Address = u.Address, PartyOrganizationId = u.PartyOrganizationId, LeaderPersonId = u.LeaderPersonId, LiaisonPersonId = u.LiaisonPersonId,
            })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<UnitForm>> SaveUnitAsync(UnitForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        var address = checks.Optional("Address", form.Address, DirectoryLimits.Address);
        if (!Enum.IsDefined(form.Type)) checks.Missing("Type");
        if (checks.HasErrors) return Invalid<UnitForm>(checks);

        int? streetId;
        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            // The street follows from the community; a street-level unit needs a street the user administers.
            streetId = form.CommunityId is { } communityId
                ? await db.Communities.Where(c => c.Id == communityId).Select(c => (int?)c.StreetId).FirstOrDefaultAsync(ct)
                : form.StreetId != 0 ? form.StreetId : scope.Streets.Count == 1 ? scope.Streets[0] : null;
            if (streetId is null || !scope.CanManageUnitPlace(streetId.Value, form.CommunityId)) return NotFound<UnitForm>();

            var people = db.People.Where(scope.PersonFilter);
            if (form.LeaderPersonId is { } leaderId && !await people.AnyAsync(p => p.Id == leaderId, ct)) checks.Missing("Leader");
            if (form.LiaisonPersonId is { } liaisonId && !await people.AnyAsync(p => p.Id == liaisonId, ct)) checks.Missing("Liaison");
            if (form.PartyOrganizationId is { } orgId
                && !await db.PartyOrganizations.Where(scope.PartyOrganizationFilter(db.Units)).AnyAsync(o => o.Id == orgId, ct))
                checks.Missing("PartyOrganization");
            if (checks.HasErrors) return Invalid<UnitForm>(checks);

            if (await db.Units.AnyAsync(u => u.StreetId == streetId && u.Name == name && u.Id != form.Id, ct)) checks.Duplicate("Name", name);
        }
        if (checks.HasErrors) return Invalid<UnitForm>(checks);
        return await SaveAsync(form, () => new CoBuildingUnit { Name = name },
            (db, ct) => db.Units.Where(scope.UnitFilter).FirstOrDefaultAsync(u => u.Id == form.Id, ct),
            unit =>
            {
                unit.Update(streetId.Value, form.CommunityId, name, form.Type, address);
                unit.AssignParty(form.PartyOrganizationId, form.LeaderPersonId, form.LiaisonPersonId);
            },
            ToForm, "Name", name, changesScope: true, ct);
    }

    private static UnitForm ToForm(CoBuildingUnit u) => new()
    {
        Id = u.Id, Version = u.Version, StreetId = u.StreetId, CommunityId = u.CommunityId, Name = u.Name, Type = u.Type,
        Address = u.Address, PartyOrganizationId = u.PartyOrganizationId, LeaderPersonId = u.LeaderPersonId, LiaisonPersonId = u.LiaisonPersonId,
    };

    public async Task<Result<UnitForm>> DeleteUnitAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => db.Units.Where(scope.UnitFilter).FirstOrDefaultAsync(u => u.Id == id, ct), version, ToForm, changesScope: true, ct: ct);
    }

    // ---- Party organisations ----

    public async Task<PagedResult<PartyOrganizationRow>> PartyOrganizationsAsync(DirectoryQuery query, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.PartyOrganizations.AsNoTracking().Where(scope.PartyOrganizationFilter(db.Units));
        if (query.CommunityId is { } communityId) rows = rows.Where(o => o.CommunityId == communityId);
        if (query.Term is { } term)
            rows = rows.Where(o => o.Name.Contains(term) || (o.SecretaryName != null && o.SecretaryName.Contains(term)));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(o => o.Level).ThenBy(o => o.Name).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(o => new PartyOrganizationRow(o.Id, o.Name, o.Level, o.Parent == null ? null : o.Parent.Name,
                o.Community == null ? null : o.Community.Name, o.SecretaryName))
            .ToListAsync(ct);
        return new PagedResult<PartyOrganizationRow>(page, total);
    }

    public async Task<IReadOnlyList<Option>> PartyOrganizationOptionsAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.PartyOrganizations.AsNoTracking().Where(scope.PartyOrganizationFilter(db.Units)).OrderBy(o => o.Name)
            .Select(o => new Option(o.Id, o.Name)).ToListAsync(ct);
    }

    public async Task<PartyOrganizationForm?> GetPartyOrganizationAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.PartyOrganizations.AsNoTracking().Where(scope.PartyOrganizationFilter(db.Units)).Where(o => o.Id == id)
            .Select(o => new PartyOrganizationForm
            {
                Id = o.Id, Version = o.Version, Name = o.Name, Level = o.Level, ParentId = o.ParentId, CommunityId = o.CommunityId, SecretaryName = o.SecretaryName,
            })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<PartyOrganizationForm>> SavePartyOrganizationAsync(PartyOrganizationForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        var name = checks.Required("Name", form.Name, DirectoryLimits.Name);
        var secretary = checks.Optional("SecretaryName", form.SecretaryName, DirectoryLimits.PersonName);
        if (!Enum.IsDefined(form.Level)) checks.Missing("Level");
        // Only street administrators create organisations outside any community; a secretary may keep the
        // organisation of a unit in their community up to date (checked against the visible rows below).
        if (form.CommunityId is { } communityId ? !scope.CanManageCommunity(communityId) : !scope.IsStreetAdministrator && form.IsNew)
            return NotFound<PartyOrganizationForm>();
        if (checks.HasErrors) return Invalid<PartyOrganizationForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            if (form.ParentId is { } parentId && (parentId == form.Id || !await db.PartyOrganizations.AnyAsync(o => o.Id == parentId, ct)))
                checks.Missing("Parent");
            if (checks.HasErrors) return Invalid<PartyOrganizationForm>(checks);
            if (await db.PartyOrganizations.AnyAsync(o => o.CommunityId == form.CommunityId && o.Name == name && o.Id != form.Id, ct))
                checks.Duplicate("Name", name);
        }
        if (checks.HasErrors) return Invalid<PartyOrganizationForm>(checks);
        return await SaveAsync(form, () => new PartyOrganization { Name = name },
            (db, ct) => Visible(db, scope).FirstOrDefaultAsync(o => o.Id == form.Id, ct),
            organization => organization.Update(name, form.Level, form.ParentId, form.CommunityId, secretary),
            ToForm, "Name", name, changesScope: false, ct);
    }

    private static IQueryable<PartyOrganization> Visible(PortalDbContext db, DirectoryAccess scope) =>
        db.PartyOrganizations.Where(scope.PartyOrganizationFilter(db.Units));

    private static PartyOrganizationForm ToForm(PartyOrganization o) => new()
    {
        Id = o.Id, Version = o.Version, Name = o.Name, Level = o.Level, ParentId = o.ParentId, CommunityId = o.CommunityId, SecretaryName = o.SecretaryName,
    };

    public async Task<Result<PartyOrganizationForm>> DeletePartyOrganizationAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => Visible(db, scope).FirstOrDefaultAsync(o => o.Id == id, ct), version, ToForm, changesScope: false,
            inUse: (db, organization, ct) => db.PartyOrganizations.AnyAsync(o => o.ParentId == organization.Id, ct), ct: ct);
    }
}

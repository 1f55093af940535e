using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.Text;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Directory;

/// <summary>People: residents, Party members (home unit and residence community), unit staff. Scoped.</summary>
public sealed class PersonService(DirectoryServiceContext context) : DirectoryServiceBase(context)
{
    /// <param name="representatives">True: only residents' representatives (the roster a representatives' meeting counts).</param>
    public async Task<PagedResult<PersonRow>> PeopleAsync(DirectoryQuery query, bool? partyMembers = null, CancellationToken ct = default,
        bool? representatives = null)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var rows = db.People.AsNoTracking().Where(scope.PersonFilter);
        if (query.CommunityId is { } communityId) rows = rows.Where(p => p.ResidenceCommunityId == communityId);
        if (query.GridId is { } gridId) rows = rows.Where(p => p.GridId == gridId);
        if (partyMembers is { } members) rows = rows.Where(p => p.IsPartyMember == members);
        if (representatives is { } serving) rows = rows.Where(p => p.IsRepresentative == serving);
        if (query.Term is { } term)
            rows = rows.Where(p => p.Name.Contains(term) || (p.Phone != null && p.Phone.Contains(term)) || (p.Skills != null && p.Skills.Contains(term)));
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(query.SafeSkip).Take(query.SafeTake)
            .Select(p => new PersonRow(p.Id, p.Name, p.Phone, p.IsPartyMember, p.HomeUnit == null ? null : p.HomeUnit.Name,
                p.ResidenceCommunity == null ? null : p.ResidenceCommunity.Name, p.Grid == null ? null : p.Grid.Name, p.Skills,
                p.BirthDate, p.IsRepresentative))
            .ToListAsync(ct);
        return new PagedResult<PersonRow>(page, total);
    }

    /// <summary>People to pick as a unit's leader or liaison: staff of that unit first, then anyone matching the search.</summary>
    public async Task<IReadOnlyList<Option>> PersonOptionsAsync(int? homeUnitId, string? search, IEnumerable<int?> alwaysInclude, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var include = alwaysInclude.OfType<int>().ToList();
        var term = UserText.SingleLineOrNull(search);
        var rows = db.People.AsNoTracking().Where(scope.PersonFilter)
            .Where(p => include.Contains(p.Id) || (homeUnitId != null && p.HomeUnitId == homeUnitId) || (term != null && p.Name.Contains(term)));
        return await rows.OrderBy(p => p.Name).Take(50)
            .Select(p => new Option(p.Id, p.Phone == null ? p.Name : p.Name + " " + p.Phone)).ToListAsync(ct);
    }

    public async Task<PersonForm?> GetPersonAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().Where(scope.PersonFilter).Where(p => p.Id == id)
            .Select(p => new PersonForm
            {
                Id = p.Id, Version = p.Version, Name = p.Name, Phone = p.Phone, IsPartyMember = p.IsPartyMember, HomeUnitId = p.HomeUnitId,
                HomePartyOrganizationId = p.HomePartyOrganizationId, ResidenceCommunityId = p.ResidenceCommunityId, GridId = p.GridId, Skills = p.Skills,
                BirthDate = p.BirthDate, IsRepresentative = p.IsRepresentative,
            })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<Result<PersonForm>> SavePersonAsync(PersonForm form, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var checks = NewChecks();
        var name = checks.Required("Name", form.Name, DirectoryLimits.PersonName);
        var phone = checks.Phone("Phone", form.Phone);
        var skills = checks.Optional("Skills", form.Skills, DirectoryLimits.Address);
        var today = Today;
        checks.BirthDate("BirthDate", form.BirthDate, today);
        // A representative represents the community they live in.
        if (form.IsRepresentative && form.ResidenceCommunityId is null) checks.Add("IsRepresentative", Text("Validation.RepresentativeCommunity"));
        if (checks.HasErrors) return Invalid<PersonForm>(checks);

        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            // Every reference must be inside the user's scope; a grid must belong to the residence community.
            if (form.ResidenceCommunityId is { } communityId && !scope.CanManageCommunity(communityId)) checks.Missing("ResidenceCommunity");
            if (form.GridId is { } gridId && !await db.Grids.Where(scope.GridFilter).AnyAsync(g => g.Id == gridId && g.CommunityId == form.ResidenceCommunityId, ct))
                checks.Missing("Grid");
            if (form.HomeUnitId is { } unitId && !await db.Units.Where(scope.UnitFilter).AnyAsync(u => u.Id == unitId, ct)) checks.Missing("HomeUnit");
            if (form.HomePartyOrganizationId is { } orgId && !await db.PartyOrganizations.AnyAsync(o => o.Id == orgId, ct)) checks.Missing("HomePartyOrganization");
            if (form.ResidenceCommunityId is null && form.HomeUnitId is null && !scope.IsStreetAdministrator) checks.Missing("ResidenceCommunity");
        }
        if (checks.HasErrors) return Invalid<PersonForm>(checks);

        return await SaveAsync(form, () => new Person { Name = name },
            (db, ct) => db.People.Where(scope.PersonFilter).FirstOrDefaultAsync(p => p.Id == form.Id, ct),
            person =>
            {
                person.Describe(name, phone, form.IsPartyMember, skills);
                person.PlaceAt(form.HomeUnitId, form.HomePartyOrganizationId, form.ResidenceCommunityId, form.GridId);
                person.RecordBirthDate(form.BirthDate, today);
                person.ServeAsRepresentative(form.IsRepresentative);
            },
            ToForm, "Name", name, changesScope: false, ct);
    }

    public async Task<Result<PersonForm>> DeletePersonAsync(int id, Guid version, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return await DeleteAsync((db, ct) => db.People.Where(scope.PersonFilter).FirstOrDefaultAsync(p => p.Id == id, ct), version, ToForm,
            changesScope: false, ct: ct);
    }

    private static PersonForm ToForm(Person p) => new()
    {
        Id = p.Id, Version = p.Version, Name = p.Name, Phone = p.Phone, IsPartyMember = p.IsPartyMember, HomeUnitId = p.HomeUnitId,
        HomePartyOrganizationId = p.HomePartyOrganizationId, ResidenceCommunityId = p.ResidenceCommunityId, GridId = p.GridId, Skills = p.Skills,
        BirthDate = p.BirthDate, IsRepresentative = p.IsRepresentative,
    };
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory.Import;
using Portal.Domain.Text;

namespace Portal.Web.Features.Directory;

/// <summary>
/// CSV exports in the import formats (so a roster can be corrected in a spreadsheet and imported elsewhere),
/// limited to the caller's scope. Cells that a spreadsheet would run as formulas are defused by <see cref="CsvWriter"/>. Scoped.
/// </summary>
public sealed class DirectoryExportService(DirectoryServiceContext context) : DirectoryServiceBase(context)
{
    /// <summary>One line per owner of each household (a flat without owners gets one line), like the import.</summary>
    public async Task<string> HouseholdsCsvAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var households = await db.Households.AsNoTracking().Where(scope.HouseholdFilter)
            .OrderBy(h => h.Building!.Grid!.Community!.Name).ThenBy(h => h.Building!.Grid!.Name).ThenBy(h => h.Building!.Name)
            .ThenBy(h => h.Entrance).ThenBy(h => h.DoorNumber)
            .Select(h => new
            {
                Community = h.Building!.Grid!.Community!.Name, Grid = h.Building.Grid.Name, Building = h.Building.Name,
                h.Entrance, h.DoorNumber, h.ExclusiveArea, h.AreaSource,
                Owners = h.Ownerships.OrderBy(o => o.Id).Select(o => new { o.Owner!.Name, o.Owner.Phone, o.Owner.Kind }).ToList(),
            })
            .ToListAsync(ct);
        var rows = new List<IReadOnlyList<string?>> { HouseholdCsvFormat.Instance.TemplateHeader };
        foreach (var h in households)
        {
            var area = h.ExclusiveArea.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            var source = HouseholdCsvFormat.AreaSourceText(h.AreaSource);
            if (h.Owners.Count == 0)
                rows.Add([h.Community, h.Grid, h.Building, h.Entrance, h.DoorNumber, area, source, null, null, null]);
            foreach (var owner in h.Owners)
                rows.Add([h.Community, h.Grid, h.Building, h.Entrance, h.DoorNumber, area, source, owner.Name, owner.Phone,
                    HouseholdCsvFormat.OwnerKindText(owner.Kind)]);
        }
        return CsvWriter.Write(rows);
    }

    public async Task<string> UnitsCsvAsync(CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(scope.UnitFilter)
            .OrderBy(u => u.Community == null ? "" : u.Community.Name).ThenBy(u => u.Name)
            .Select(u => new
            {
                u.Name, u.Type, Community = u.Community == null ? null : u.Community.Name, u.Address,
                Organization = u.PartyOrganization == null ? null : u.PartyOrganization.Name,
                Leader = u.Leader == null ? null : u.Leader.Name,
                Liaison = u.Liaison == null ? null : u.Liaison.Name,
                LiaisonPhone = u.Liaison == null ? null : u.Liaison.Phone,
            })
            .ToListAsync(ct);
        var rows = new List<IReadOnlyList<string?>> { UnitCsvFormat.Instance.TemplateHeader };
        rows.AddRange(units.Select(u => (IReadOnlyList<string?>)
            [u.Name, UnitCsvFormat.TypeText(u.Type), u.Community, u.Address, u.Organization, u.Leader, u.Liaison, u.LiaisonPhone]));
        return CsvWriter.Write(rows);
    }
}

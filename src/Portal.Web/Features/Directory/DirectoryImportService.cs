using Microsoft.Extensions.Localization;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.Directory.Import;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Directory;

public enum ImportKind
{
    Households,
    Units,
}

/// <summary>One problem as the user reads it: file line, column header, sentence.</summary>
public sealed record ImportMessage(int Line, string Column, string Message);

/// <summary>One data line of the preview with its cells and whether it can be imported.</summary>
public sealed record ImportPreviewLine(int Line, IReadOnlyList<string> Cells, bool IsValid);

/// <summary>What the file would import: every line with its status and a row-by-row error list.</summary>
public sealed record ImportPreview(
    ImportKind Kind,
    string EncodingName,
    IReadOnlyList<string> Headers,
    IReadOnlyList<ImportPreviewLine> Lines,
    IReadOnlyList<ImportMessage> Errors)
{
    /// <summary>Imports are all or nothing: one invalid line blocks the whole file.</summary>
    public bool CanImport => Errors.Count == 0 && Lines.Count > 0;
}

/// <summary>The result of an import: either everything was imported, or nothing and the reasons.</summary>
public sealed record ImportOutcome(bool Imported, int Count, ImportPreview Preview);

/// <summary>
/// CSV import of households and of co-building units. The file is parsed and checked by the domain formats, then
/// against the database within the user's scope. Import re-checks everything (it does not trust an earlier
/// preview) and saves all rows through the unit of work in one transaction, or none (a race past the checks is
/// refused by the unique indexes, like a form's). Scoped.
///
/// Households: community and grid must exist and be managed by the user; a missing building is created in that
/// grid; an existing flat (same building, entrance, door) is an error rather than an overwrite; owners are
/// matched by name and phone within the community, so one owner of several flats stays one owner.
/// Units: the community (if given) must be managed by the user, an empty community means a street-level unit
/// (street administrators only); the unit name must be new in its street; the Party organisation is matched
/// by name or created; the leader and liaison are created as people working at the unit.
/// </summary>
public sealed class DirectoryImportService(DirectoryServiceContext context, IStringLocalizer<DirectoryText> text) : DirectoryServiceBase(context)
{
    /// <summary>Rosters of a street are well below this; larger uploads are refused before parsing.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<ImportColumn> ColumnsOf(ImportKind kind) =>
        kind == ImportKind.Households ? HouseholdCsvFormat.Instance.Columns : UnitCsvFormat.Instance.Columns;

    /// <summary>A template with the header line and one example line, UTF-8 with BOM so Excel shows the Chinese headers.</summary>
    public static byte[] Template(ImportKind kind)
    {
        IReadOnlyList<string?> example = kind == ImportKind.Households
            ? ["青年湖社区", "第一网格", "1号楼", "1单元", "101", "89.50", "不动产登记", "张伟", "13800138000", "个人"]
            : ["示例科技有限公司", "非公企业", "青年湖社区", "和平里东街 1 号", "示例科技有限公司党支部", "王强", "李娜", "13900139000"];
        var header = ColumnsOf(kind).Select(c => (string?)c.ChineseHeader).ToList();
        return CsvWriter.ToUtf8WithBom(CsvWriter.Write([header, example]));
    }

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, byte[] content, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return kind == ImportKind.Households
            ? (await CheckHouseholdsAsync(db, scope, content, ct)).Preview
            : (await CheckUnitsAsync(db, scope, content, ct)).Preview;
    }

    public async Task<ImportOutcome> ImportAsync(ImportKind kind, byte[] content, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        return kind == ImportKind.Households ? await ImportHouseholdsAsync(scope, content, ct) : await ImportUnitsAsync(scope, content, ct);
    }

    /// <summary>Checks the file and reads what its rows meet (in a read of its own), then adds its flats in one save.</summary>
    private async Task<ImportOutcome> ImportHouseholdsAsync(DirectoryAccess scope, byte[] content, CancellationToken ct)
    {
        HouseholdCheck check;
        OwnerMatcher owners;
        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            check = await CheckHouseholdsAsync(db, scope, content, ct);
            if (!check.Preview.CanImport) return new ImportOutcome(false, 0, check.Preview);
            owners = await OwnerMatcher.LoadAsync(db, check.Communities.Values.ToList(),
                check.File.ValidRows.Select(r => r.OwnerName).OfType<string>().Distinct().ToList(), ct);
        }
        var households = NewHouseholds(check, owners);
        var saved = await Work.AddAllAsync(allow: _ => null, create: _ => Result<IReadOnlyList<Household>>.Ok(households), ct);
        return new ImportOutcome(saved.Succeeded, saved.Succeeded ? households.Count : 0, check.Preview);
    }

    /// <summary>Checks the file and reads the Party organisations it names, then adds its units and their staff in one transaction.</summary>
    private async Task<ImportOutcome> ImportUnitsAsync(DirectoryAccess scope, byte[] content, CancellationToken ct)
    {
        UnitCheck check;
        List<(int Id, string Name, int? CommunityId)> organizations;
        await using (var db = await DbFactory.CreateDbContextAsync(ct))
        {
            check = await CheckUnitsAsync(db, scope, content, ct);
            if (!check.Preview.CanImport) return new ImportOutcome(false, 0, check.Preview);
            var names = check.File.ValidRows.Select(r => r.PartyOrganization).OfType<string>().Distinct().ToList();
            organizations = (await db.PartyOrganizations.AsNoTracking().Where(o => names.Contains(o.Name)).OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, o.CommunityId }).ToListAsync(ct)).Select(o => (o.Id, o.Name, o.CommunityId)).ToList();
        }
        var units = NewUnits(check, organizations);
        var saved = await Work.AddAllAsync(allow: _ => null, create: _ => Result<IReadOnlyList<CoBuildingUnit>>.Ok(units.Select(u => u.Unit).ToList()),
            within: (_, _, db, _) =>
            {
                AppointStaff(db, units);
                return Task.CompletedTask;
            },
            ct);
        if (saved.Succeeded) InvalidateScope();
        return new ImportOutcome(saved.Succeeded, saved.Succeeded ? units.Count : 0, check.Preview);
    }

    // ---- Households ----

    private sealed record HouseholdCheck(ImportPreview Preview, ImportFile<HouseholdImportRow> File,
        Dictionary<string, int> Communities, Dictionary<(int, string), int> Grids, Dictionary<(int, string), int> Buildings);

    private async Task<HouseholdCheck> CheckHouseholdsAsync(PortalDbContext db, DirectoryAccess scope, byte[] content, CancellationToken ct)
    {
        var (file, encoding) = Read(HouseholdCsvFormat.Instance, content);
        var communities = await db.Communities.AsNoTracking().Where(scope.CommunityFilter).ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var communityIds = communities.Values.ToList();
        var grids = (await db.Grids.AsNoTracking().Where(g => communityIds.Contains(g.CommunityId)).Select(g => new { g.Id, g.CommunityId, g.Name }).ToListAsync(ct))
            .ToDictionary(g => (g.CommunityId, g.Name), g => g.Id);
        var buildings = (await db.Buildings.AsNoTracking().Where(b => communityIds.Contains(b.Grid!.CommunityId)).Select(b => new { b.Id, b.GridId, b.Name }).ToListAsync(ct))
            .ToDictionary(b => (b.GridId, b.Name), b => b.Id);
        var buildingIds = buildings.Values.ToList();
        var existingFlats = (await db.Households.AsNoTracking().Where(h => buildingIds.Contains(h.BuildingId))
                .Select(h => new { h.BuildingId, h.Entrance, h.DoorNumber }).ToListAsync(ct))
            .Select(h => (h.BuildingId, h.Entrance ?? "", h.DoorNumber)).ToHashSet();

        foreach (var line in file.Lines.Where(l => l.Row is not null))
        {
            var row = line.Row!;
            if (!communities.TryGetValue(row.Community, out var communityId))
                Reject(line, HouseholdCsvFormat.Community, ImportProblem.CommunityNotFound, row.Community);
            else if (!grids.TryGetValue((communityId, row.Grid), out var gridId))
                Reject(line, HouseholdCsvFormat.Grid, ImportProblem.GridNotFound, row.Grid);
            else if (buildings.TryGetValue((gridId, row.Building), out var buildingId) && existingFlats.Contains((buildingId, row.Entrance, row.DoorNumber)))
                Reject(line, HouseholdCsvFormat.DoorNumber, ImportProblem.AlreadyExists, $"{row.Building} {row.Entrance} {row.DoorNumber}".Trim());
        }
        return new HouseholdCheck(ToPreview(ImportKind.Households, file, encoding), file, communities, grids, buildings);
    }

    /// <summary>The file's flats, in buildings that exist or are new, owned through <paramref name="owners"/>.</summary>
    private static List<Household> NewHouseholds(HouseholdCheck check, OwnerMatcher owners)
    {
        var newBuildings = new Dictionary<(int, string), Building>();
        var flats = new Dictionary<(string, string, string, string, string), Household>();
        foreach (var row in check.File.ValidRows)
        {
            var communityId = check.Communities[row.Community];
            var gridId = check.Grids[(communityId, row.Grid)];
            if (!flats.TryGetValue(row.HouseholdKey, out var household))
            {
                Building? newBuilding = null;
                if (!check.Buildings.TryGetValue((gridId, row.Building), out var buildingId)
                    && !newBuildings.TryGetValue((gridId, row.Building), out newBuilding))
                    newBuildings[(gridId, row.Building)] = newBuilding = new Building { GridId = gridId, Name = row.Building };
                household = new Household
                {
                    BuildingId = buildingId, Building = newBuilding,
                    DoorNumber = row.DoorNumber, Entrance = row.Entrance, ExclusiveArea = row.ExclusiveArea, AreaSource = row.AreaSource,
                };
                flats[row.HouseholdKey] = household;
            }
            if (row.OwnerName is not null) household.AddOwner(owners.OwnershipOf(communityId, row.OwnerName, row.OwnerPhone, row.OwnerKind));
        }
        return flats.Values.ToList();
    }

    // ---- Units ----

    private sealed record UnitCheck(ImportPreview Preview, ImportFile<UnitImportRow> File, Dictionary<string, (int Id, int StreetId)> Communities, int? StreetId);

    private async Task<UnitCheck> CheckUnitsAsync(PortalDbContext db, DirectoryAccess scope, byte[] content, CancellationToken ct)
    {
        var (file, encoding) = Read(UnitCsvFormat.Instance, content);
        var communities = (await db.Communities.AsNoTracking().Where(scope.CommunityFilter).Select(c => new { c.Id, c.StreetId, c.Name }).ToListAsync(ct))
            .ToDictionary(c => c.Name, c => (c.Id, c.StreetId));
        // Street-level units go to the one street the user administers.
        int? streetId = scope.Streets.Count == 1 ? scope.Streets[0] : null;
        var existing = (await db.Units.AsNoTracking().Select(u => new { u.StreetId, u.Name }).ToListAsync(ct))
            .Select(u => (u.StreetId, u.Name.ToUpperInvariant())).ToHashSet();

        foreach (var line in file.Lines.Where(l => l.Row is not null))
        {
            var row = line.Row!;
            int? street;
            if (row.Community is not null)
            {
                if (!communities.TryGetValue(row.Community, out var community))
                {
                    Reject(line, UnitCsvFormat.Community, ImportProblem.CommunityNotFound, row.Community);
                    continue;
                }
                street = community.StreetId;
            }
            else if (streetId is null)
            {
                Reject(line, UnitCsvFormat.Community, ImportProblem.StreetNotManaged);
                continue;
            }
            else
            {
                street = streetId;
            }
            if (existing.Contains((street.Value, row.Name.ToUpperInvariant())))
                Reject(line, UnitCsvFormat.Name, ImportProblem.AlreadyExists, row.Name);
        }
        return new UnitCheck(ToPreview(ImportKind.Units, file, encoding), file, communities, streetId);
    }

    /// <summary>
    /// The file's units with their Party organisations: a stored one of that name (street-wide or of the unit's community),
    /// else one new organisation per community and name.
    /// </summary>
    private static List<(CoBuildingUnit Unit, UnitImportRow Row)> NewUnits(UnitCheck check, IReadOnlyList<(int Id, string Name, int? CommunityId)> stored)
    {
        var created = new List<(CoBuildingUnit Unit, UnitImportRow Row)>();
        var organizations = new Dictionary<(int?, string), (int? Id, PartyOrganization? New)>();
        foreach (var row in check.File.ValidRows)
        {
            var community = row.Community is null ? ((int Id, int StreetId)?)null : check.Communities[row.Community];
            (int? Id, PartyOrganization? New) organization = (null, null);
            if (row.PartyOrganization is { } organizationName)
            {
                var communityId = community?.Id;
                if (!organizations.TryGetValue((communityId, organizationName), out organization))
                {
                    var match = stored.FirstOrDefault(o => o.Name == organizationName && (o.CommunityId == null || o.CommunityId == communityId));
                    organization = match.Id != 0
                        ? (match.Id, null)
                        : (null, new PartyOrganization { Name = organizationName, Level = PartyOrganizationLevel.Branch, SecretaryName = row.LeaderName });
                    organizations[(communityId, organizationName)] = organization;
                }
            }
            var unit = new CoBuildingUnit
            {
                Name = row.Name, Type = row.Type, Address = row.Address,
                StreetId = community?.StreetId ?? check.StreetId!.Value, CommunityId = community?.Id,
                PartyOrganizationId = organization.Id, PartyOrganization = organization.New,
            };
            created.Add((unit, row));
        }
        return created;
    }

    /// <summary>
    /// The leader and liaison of each new unit, as people working at it. They point at their unit and the unit points back
    /// at them: so they are added once the units are stored (a second save in the same transaction breaks the cycle).
    /// </summary>
    private static void AppointStaff(PortalDbContext db, IEnumerable<(CoBuildingUnit Unit, UnitImportRow Row)> units)
    {
        foreach (var (unit, row) in units)
        {
            var leader = row.LeaderName is { } leaderName
                ? new Person { Name = leaderName, IsPartyMember = true, HomeUnitId = unit.Id, HomePartyOrganizationId = unit.PartyOrganizationId }
                : null;
            var liaison = row.LiaisonName is { } liaisonName ? new Person { Name = liaisonName, Phone = row.LiaisonPhone, HomeUnitId = unit.Id } : null;
            if (leader is not null) db.People.Add(leader);
            if (liaison is not null) db.People.Add(liaison);
            unit.AppointStaff(leader, liaison);
        }
    }

    // ---- Shared ----

    private static (ImportFile<TRow> File, string Encoding) Read<TRow>(CsvImportFormat<TRow> format, byte[] content) where TRow : class
    {
        ImportFile<TRow> Refused(ImportProblem problem, string? detail = null)
        {
            var refused = new ImportFile<TRow> { Columns = format.Columns };
            refused.FileIssues.Add(new ImportIssue(1, string.Empty, problem, detail));
            return refused;
        }

        if (content.LongLength > MaxFileBytes)
            return (Refused(ImportProblem.FileTooLarge, (MaxFileBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture)), "");
        var decoded = TextFileDecoder.Decode(content);
        return decoded.Problem switch
        {
            TextFileProblem.Workbook => (Refused(ImportProblem.Workbook), ""),
            TextFileProblem.UnknownEncoding => (Refused(ImportProblem.UnknownEncoding), ""),
            _ => (format.Read(decoded.Text), decoded.EncodingName),
        };
    }

    private static void Reject<TRow>(ImportLine<TRow> line, string column, ImportProblem problem, string? detail = null) where TRow : class
    {
        line.Reject(new ImportIssue(line.Line, column, problem, detail));
    }

    private ImportPreview ToPreview<TRow>(ImportKind kind, ImportFile<TRow> file, string encoding) where TRow : class
    {
        var chinese = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        string Header(string key) =>
            file.Columns.FirstOrDefault(c => c.Key == key) is { } column ? (chinese ? column.ChineseHeader : column.EnglishHeader) : string.Empty;
        var errors = file.AllIssues
            .Select(i => new ImportMessage(i.Line, Header(i.Column), text[$"Import.Problem.{i.Problem}", i.Detail ?? string.Empty]))
            .ToList();
        return new ImportPreview(
            kind,
            encoding,
            file.Columns.Select(c => chinese ? c.ChineseHeader : c.EnglishHeader).ToList(),
            file.Lines.Select(l => new ImportPreviewLine(l.Line, l.Cells, l.Issues.Count == 0)).ToList(),
            errors);
    }
}

namespace Portal.Domain.Directory.Import;

/// <summary>One valid line of a household file. A household with several owners takes one line per owner.</summary>
public sealed record HouseholdImportRow(
    int Line,
    string Community,
    string Grid,
    string Building,
    string Entrance,
    string DoorNumber,
    decimal ExclusiveArea,
    AreaSource AreaSource,
    string? OwnerName,
    string? OwnerPhone,
    OwnerKind OwnerKind = OwnerKind.Individual)
{
    /// <summary>Identifies the flat; lines sharing it describe co-owners of the same household.</summary>
    public (string Community, string Grid, string Building, string Entrance, string DoorNumber) HouseholdKey =>
        (Community, Grid, Building, Entrance, DoorNumber);
}

/// <summary>
/// Household roster: 社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话,业主类型. The export writes the same
/// columns, so an exported file can be corrected in a spreadsheet and imported into another installation. The owner type
/// (optional, 个人 by default) lets a developer's unsold units be owned by one 建设单位 owner, whom an owners' roll counts
/// once with the summed area.
/// </summary>
public sealed class HouseholdCsvFormat : CsvImportFormat<HouseholdImportRow>
{
    public static HouseholdCsvFormat Instance { get; } = new();

    public const string Community = nameof(Community);
    public const string Grid = nameof(Grid);
    public const string Building = nameof(Building);
    public const string Entrance = nameof(Entrance);
    public const string DoorNumber = nameof(DoorNumber);
    public const string ExclusiveArea = nameof(ExclusiveArea);
    public const string AreaSourceColumn = "AreaSource";
    public const string OwnerName = nameof(OwnerName);
    public const string OwnerPhone = nameof(OwnerPhone);
    public const string OwnerKindColumn = "OwnerKind";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Community, "社区", "Community", true, DirectoryLimits.Name),
        new(Grid, "网格", "Grid", true, DirectoryLimits.Name),
        new(Building, "楼栋", "Building", true, DirectoryLimits.Name),
        new(Entrance, "单元", "Entrance", false, DirectoryLimits.Code),
        new(DoorNumber, "门牌号", "Door number", true, DirectoryLimits.Code),
        new(ExclusiveArea, "专有面积", "Exclusive area", true, 32),
        new(AreaSourceColumn, "面积来源", "Area source", false, 32),
        new(OwnerName, "业主姓名", "Owner name", false, DirectoryLimits.Name),
        new(OwnerPhone, "业主电话", "Owner phone", false, DirectoryLimits.Phone),
        new(OwnerKindColumn, "业主类型", "Owner type", false, 32),
    ];

    /// <summary>Accepted spellings of each area source; the first Chinese one is what the export writes.</summary>
    public static readonly IReadOnlyDictionary<AreaSource, string[]> AreaSourceNames = new Dictionary<AreaSource, string[]>
    {
        [AreaSource.Register] = ["不动产登记", "产权登记", "登记簿", "登记", "Register", "Property register"],
        [AreaSource.Survey] = ["测绘", "测绘报告", "Survey", "Survey report"],
        [AreaSource.SaleContract] = ["买卖合同", "合同", "购房合同", "SaleContract", "Sale contract", "Contract"],
    };

    public static string AreaSourceText(AreaSource source) => AreaSourceNames[source][0];

    /// <summary>An empty cell: the register, the usual source.</summary>
    public static bool TryParseAreaSource(string? text, out AreaSource source) =>
        TryParseNamed(text, AreaSourceNames, AreaSource.Register, out source);

    /// <summary>Accepted spellings of each owner kind; the first Chinese one is what the export writes.</summary>
    public static readonly IReadOnlyDictionary<OwnerKind, string[]> OwnerKindNames = new Dictionary<OwnerKind, string[]>
    {
        [OwnerKind.Individual] = ["个人", "自然人", "Individual", "Person"],
        [OwnerKind.Developer] = ["建设单位", "开发商", "开发企业", "Developer"],
        [OwnerKind.Organisation] = ["单位", "机构", "Organisation", "Organization", "Company"],
    };

    public static string OwnerKindText(OwnerKind kind) => OwnerKindNames[kind][0];

    /// <summary>An empty cell: an individual, as most owners are.</summary>
    public static bool TryParseOwnerKind(string? text, out OwnerKind kind) => TryParseNamed(text, OwnerKindNames, OwnerKind.Individual, out kind);

    protected override HouseholdImportRow ParseRow(RowReader reader)
    {
        var community = reader.Text(Community);
        var grid = reader.Text(Grid);
        var building = reader.Text(Building);
        var entrance = reader.Text(Entrance) ?? string.Empty;
        var door = reader.Text(DoorNumber);

        decimal area = 0;
        if (reader.Text(ExclusiveArea) is { } areaText)
        {
            if (!DirectoryRules.TryParseArea(areaText, out area))
                reader.Report(ExclusiveArea, ImportProblem.InvalidNumber, areaText);
            else if (!DirectoryRules.IsValidArea(area))
                reader.Report(ExclusiveArea, ImportProblem.AreaOutOfRange, areaText);
        }

        var sourceText = reader.Text(AreaSourceColumn);
        if (!TryParseAreaSource(sourceText, out var source))
            reader.Report(AreaSourceColumn, ImportProblem.InvalidAreaSource, sourceText);

        var ownerName = reader.Text(OwnerName);
        var ownerPhone = reader.Text(OwnerPhone);
        if (ownerPhone is not null)
        {
            if (!DirectoryRules.IsValidPhone(ownerPhone)) reader.Report(OwnerPhone, ImportProblem.InvalidPhone, ownerPhone);
            else if (ownerName is null) reader.Report(OwnerName, ImportProblem.PhoneWithoutName);
        }
        var kindText = reader.Text(OwnerKindColumn);
        if (!TryParseOwnerKind(kindText, out var kind)) reader.Report(OwnerKindColumn, ImportProblem.InvalidOwnerKind, kindText);
        else if (kindText is not null && ownerName is null) reader.Report(OwnerName, ImportProblem.OwnerKindWithoutName);

        return new HouseholdImportRow(reader.Line.Line, community ?? "", grid ?? "", building ?? "", entrance, door ?? "", area, source, ownerName,
            ownerPhone, kind);
    }

    /// <summary>
    /// Lines of one flat must agree on its area; the same owner must not be listed twice for one flat; an owner (same name
    /// and phone: one owner of the community, however many flats they own) is of one kind throughout the file.
    /// </summary>
    protected override void CheckAcrossLines(ImportFile<HouseholdImportRow> file)
    {
        var kinds = new Dictionary<(string, string, string?), HouseholdImportRow>();
        foreach (var line in file.Lines.Where(l => l.Row is { OwnerName: not null }))
        {
            var row = line.Row!;
            var key = (row.Community, row.OwnerName!, row.OwnerPhone);
            if (!kinds.TryAdd(key, row) && kinds[key].OwnerKind != row.OwnerKind)
                line.Reject(new ImportIssue(line.Line, OwnerKindColumn, ImportProblem.ConflictingOwnerKind, kinds[key].Line.ToString()));
        }

        foreach (var flat in file.Lines.Where(l => l.Row is not null).GroupBy(l => l.Row!.HouseholdKey))
        {
            var first = flat.First().Row!;
            var seenOwners = new HashSet<(string?, string?)>();
            foreach (var line in flat)
            {
                var row = line.Row!;
                if (!ReferenceEquals(row, first) && (row.ExclusiveArea != first.ExclusiveArea || row.AreaSource != first.AreaSource))
                    line.Reject(new ImportIssue(line.Line, ExclusiveArea, ImportProblem.ConflictingHousehold, first.Line.ToString()));
                else if (!seenOwners.Add((row.OwnerName, row.OwnerPhone)) || (row.OwnerName is null && !ReferenceEquals(row, first)))
                    line.Reject(new ImportIssue(line.Line, DoorNumber, ImportProblem.DuplicateInFile, first.Line.ToString()));
            }
        }
    }
}

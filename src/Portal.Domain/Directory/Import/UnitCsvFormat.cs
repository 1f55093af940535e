namespace Portal.Domain.Directory.Import;

/// <summary>One valid line of a co-building unit file.</summary>
public sealed record UnitImportRow(
    int Line,
    string Name,
    UnitType Type,
    string? Community,
    string? Address,
    string? PartyOrganization,
    string? LeaderName,
    string? LiaisonName,
    string? LiaisonPhone);

/// <summary>
/// Co-building unit roster: 单位名称,单位类型,所在社区,地址,党组织名称,党组织负责人,联络员,联络员电话.
/// An empty community means a street-level unit.
/// </summary>
public sealed class UnitCsvFormat : CsvImportFormat<UnitImportRow>
{
    public static UnitCsvFormat Instance { get; } = new();

    public const string Name = nameof(Name);
    public const string Type = nameof(Type);
    public const string Community = nameof(Community);
    public const string Address = nameof(Address);
    public const string PartyOrganization = nameof(PartyOrganization);
    public const string Leader = nameof(Leader);
    public const string Liaison = nameof(Liaison);
    public const string LiaisonPhone = nameof(LiaisonPhone);

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(Name, "单位名称", "Unit name", true, DirectoryLimits.Name),
        new(Type, "单位类型", "Unit type", true, 32),
        new(Community, "所在社区", "Community", false, DirectoryLimits.Name),
        new(Address, "地址", "Address", false, DirectoryLimits.Address),
        new(PartyOrganization, "党组织名称", "Party organisation", false, DirectoryLimits.Name),
        new(Leader, "党组织负责人", "Party leader", false, DirectoryLimits.PersonName),
        new(Liaison, "联络员", "Liaison", false, DirectoryLimits.PersonName),
        new(LiaisonPhone, "联络员电话", "Liaison phone", false, DirectoryLimits.Phone),
    ];

    /// <summary>Accepted spellings of each unit type; the first is what the export writes.</summary>
    public static readonly IReadOnlyDictionary<UnitType, string[]> TypeNames = new Dictionary<UnitType, string[]>
    {
        [UnitType.GovernmentAgency] = ["机关", "党政机关", "政府机关", "机关单位", "事业单位", "Government agency", "GovernmentAgency"],
        [UnitType.StateEnterprise] = ["国有企业", "国企", "State enterprise", "StateEnterprise"],
        [UnitType.School] = ["学校", "School"],
        [UnitType.Hospital] = ["医院", "医疗机构", "Hospital"],
        [UnitType.Military] = ["部队", "驻区部队", "Military"],
        [UnitType.PrivateEnterprise] = ["非公企业", "民营企业", "私营企业", "Private enterprise", "PrivateEnterprise"],
        [UnitType.PropertyManagement] = ["物业", "物业公司", "物业服务企业", "Property management", "PropertyManagement"],
        [UnitType.OwnersCommittee] = ["业委会", "业主委员会", "Owners committee", "Owners' committee", "OwnersCommittee"],
        [UnitType.SocialOrganisation] = ["社会组织", "Social organisation", "Social organization", "SocialOrganisation"],
        [UnitType.Other] = ["其他", "Other"],
    };

    public static string TypeText(UnitType type) => TypeNames[type][0];

    /// <summary>An empty cell: other.</summary>
    public static bool TryParseType(string? text, out UnitType type) => TryParseNamed(text, TypeNames, UnitType.Other, out type);

    protected override UnitImportRow ParseRow(RowReader reader)
    {
        var name = reader.Text(Name);
        var typeText = reader.Text(Type);
        var type = UnitType.Other;
        if (typeText is not null && !TryParseType(typeText, out type))
            reader.Report(Type, ImportProblem.InvalidUnitType, typeText);
        var community = reader.Text(Community);
        var address = reader.Text(Address);
        var organization = reader.Text(PartyOrganization);
        var leader = reader.Text(Leader);
        var liaison = reader.Text(Liaison);
        var phone = reader.Text(LiaisonPhone);
        if (phone is not null)
        {
            if (!DirectoryRules.IsValidPhone(phone)) reader.Report(LiaisonPhone, ImportProblem.InvalidPhone, phone);
            else if (liaison is null) reader.Report(Liaison, ImportProblem.PhoneWithoutName);
        }
        return new UnitImportRow(reader.Line.Line, name ?? "", type, community, address, organization, leader, liaison, phone);
    }

    /// <summary>Unit names are unique within a street, so a name may appear once per file.</summary>
    protected override void CheckAcrossLines(ImportFile<UnitImportRow> file)
    {
        foreach (var same in file.Lines.Where(l => l.Row is not null).GroupBy(l => l.Row!.Name, StringComparer.OrdinalIgnoreCase))
        {
            var first = same.First();
            foreach (var line in same.Skip(1))
            {
                line.Reject(new ImportIssue(line.Line, Name, ImportProblem.DuplicateInFile, first.Line.ToString()));
            }
        }
    }
}

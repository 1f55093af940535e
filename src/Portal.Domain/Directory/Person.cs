using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>
/// A person known to the portal: resident, Party member, unit staff. A Party member belongs in two places:
/// the home unit / Party organisation that holds their membership, and the community where they live.
/// </summary>
public sealed class Person : VersionedEntity
{
    private string _name = "";
    private string? _phone;
    private bool _isPartyMember;
    private int? _homeUnitId;
    private int? _homePartyOrganizationId;
    private int? _residenceCommunityId;
    private int? _gridId;
    private string? _skills;
    private DateOnly? _birthDate;
    private bool _isRepresentative;

    public required string Name { get => _name; init => _name = value; }
    public string? Phone { get => _phone; init => _phone = value; }
    public bool IsPartyMember { get => _isPartyMember; init => _isPartyMember = value; }
    /// <summary>Workplace unit that holds the Party membership (报到单位).</summary>
    public int? HomeUnitId { get => _homeUnitId; init => _homeUnitId = value; }
    public CoBuildingUnit? HomeUnit { get; init; }
    public int? HomePartyOrganizationId { get => _homePartyOrganizationId; init => _homePartyOrganizationId = value; }
    public PartyOrganization? HomePartyOrganization { get; init; }
    /// <summary>Community where the person lives (居住地社区).</summary>
    public int? ResidenceCommunityId { get => _residenceCommunityId; init => _residenceCommunityId = value; }
    public Community? ResidenceCommunity { get; init; }
    public int? GridId { get => _gridId; init => _gridId = value; }
    public Grid? Grid { get; init; }
    public int? HouseholdId { get; init; }
    public Household? Household { get; init; }
    /// <summary>Skills (专长), comma-separated as people write them.</summary>
    public string? Skills { get => _skills; init => _skills = value; }
    /// <summary>Date of birth, when known: whether the person is an adult on a vote's day counts them in a residents' roll.</summary>
    public DateOnly? BirthDate { get => _birthDate; init => _birthDate = value; }
    /// <summary>
    /// Residents' (villagers') representative (居民代表 / 村民代表) of the community the person lives in: the roster a
    /// representatives' meeting counts. Who appointed or removed them, and when, is in the audit log.
    /// </summary>
    public bool IsRepresentative { get => _isRepresentative; init => _isRepresentative = value; }

    /// <summary>Changes who the person is (name, phone, skills) and whether they are a Party member.</summary>
    public void Describe(string name, string? phone, bool isPartyMember, string? skills)
    {
        (_name, _phone, _isPartyMember, _skills) = (DirectoryGuard.Required(name, DirectoryLimits.PersonName), DirectoryGuard.Phone(phone),
            isPartyMember, DirectoryGuard.Optional(skills, DirectoryLimits.Address));
    }

    /// <summary>
    /// Places the person: where their Party membership is held (unit, organisation) and where they live (community, and
    /// a grid of that community; a grid without a community is refused).
    /// </summary>
    /// <remarks>A representative represents the community they live in: moving out of it ends the mandate.</remarks>
    public void PlaceAt(int? homeUnitId, int? homePartyOrganizationId, int? residenceCommunityId, int? gridId)
    {
        if (gridId is not null && residenceCommunityId is null)
            throw new ArgumentException("A grid belongs to the community the person lives in.", nameof(gridId));
        if (residenceCommunityId != _residenceCommunityId) _isRepresentative = false;
        _homeUnitId = homeUnitId;
        _homePartyOrganizationId = homePartyOrganizationId;
        _residenceCommunityId = residenceCommunityId;
        _gridId = gridId;
    }

    /// <summary>Records the date of birth (null: unknown), refused outside <see cref="DirectoryRules.IsValidBirthDate"/> as of <paramref name="today"/>.</summary>
    public void RecordBirthDate(DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is { } date && !DirectoryRules.IsValidBirthDate(date, today))
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "A birth date lies between 1900-01-01 and today.");
        _birthDate = birthDate;
    }

    /// <summary>
    /// Whether the person has lived <see cref="DirectoryRules.AdultAge"/> full years on <paramref name="day"/>: born on or
    /// before the same day 18 years earlier. Someone born on 29 February becomes an adult on 1 March of a common year (on
    /// 28 February the 18th year is not yet complete). Null when the birth date is unknown: the roll decides what that means.
    /// </summary>
    public bool? IsAdultOn(DateOnly day) => _birthDate is { } born ? born <= day.AddYears(-DirectoryRules.AdultAge) : null;

    /// <summary>Appoints the person a representative of the community they live in, or ends the mandate.</summary>
    public void ServeAsRepresentative(bool serves)
    {
        if (serves && _residenceCommunityId is null)
            throw new InvalidOperationException("A representative represents the community they live in.");
        _isRepresentative = serves;
    }
}

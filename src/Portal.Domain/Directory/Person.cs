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
    public void PlaceAt(int? homeUnitId, int? homePartyOrganizationId, int? residenceCommunityId, int? gridId)
    {
        if (gridId is not null && residenceCommunityId is null)
            throw new ArgumentException("A grid belongs to the community the person lives in.", nameof(gridId));
        _homeUnitId = homeUnitId;
        _homePartyOrganizationId = homePartyOrganizationId;
        _residenceCommunityId = residenceCommunityId;
        _gridId = gridId;
    }
}

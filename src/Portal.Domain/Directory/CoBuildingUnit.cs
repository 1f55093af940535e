using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>A co-building unit (共建单位 / 驻区单位) that works with a community.</summary>
public sealed class CoBuildingUnit : VersionedEntity
{
    private int _streetId;
    private int? _communityId;
    private string _name = "";
    private UnitType _type;
    private string? _address;
    private int? _partyOrganizationId;
    private int? _leaderPersonId;
    private Person? _leader;
    private int? _liaisonPersonId;
    private Person? _liaison;

    public int StreetId { get => _streetId; init => _streetId = value; }
    public Street? Street { get; init; }
    /// <summary>The community it sits in or is paired with; null for street-level units.</summary>
    public int? CommunityId { get => _communityId; init => _communityId = value; }
    public Community? Community { get; init; }
    public required string Name { get => _name; init => _name = value; }
    public UnitType Type { get => _type; init => _type = value; }
    public string? Address { get => _address; init => _address = value; }
    /// <summary>The unit's own Party organisation (党组织).</summary>
    public int? PartyOrganizationId { get => _partyOrganizationId; init => _partyOrganizationId = value; }
    public PartyOrganization? PartyOrganization { get; init; }
    /// <summary>The Party leader who sits on the joint council.</summary>
    public int? LeaderPersonId { get => _leaderPersonId; init => _leaderPersonId = value; }
    public Person? Leader { get => _leader; init => _leader = value; }
    /// <summary>The unit's one liaison (联络员).</summary>
    public int? LiaisonPersonId { get => _liaisonPersonId; init => _liaisonPersonId = value; }
    public Person? Liaison { get => _liaison; init => _liaison = value; }

    /// <summary>
    /// Places the unit (its street, and its community; none for a street-level unit) and describes it: name, kind, address.
    /// </summary>
    public void Update(int streetId, int? communityId, string name, UnitType type, string? address)
    {
        (_streetId, _communityId, _name, _type, _address) = (DirectoryGuard.Key(streetId), communityId,
            DirectoryGuard.Required(name, DirectoryLimits.Name), DirectoryGuard.Defined(type), DirectoryGuard.Optional(address, DirectoryLimits.Address));
    }

    /// <summary>Who speaks for the unit: its Party organisation, its leader and its liaison (stored rows, or none).</summary>
    public void AssignParty(int? partyOrganizationId, int? leaderPersonId, int? liaisonPersonId)
    {
        _partyOrganizationId = partyOrganizationId;
        _leaderPersonId = leaderPersonId;
        _liaisonPersonId = liaisonPersonId;
    }

    /// <summary>
    /// Makes new people working at the unit its leader and liaison (a roster entered at once); each is kept when null.
    /// They point at the unit, so the unit must be stored before they are.
    /// </summary>
    public void AppointStaff(Person? leader, Person? liaison)
    {
        if (leader is not null) _leader = leader;
        if (liaison is not null) _liaison = liaison;
    }
}

public enum UnitType
{
    GovernmentAgency = 0,
    StateEnterprise = 1,
    School = 2,
    Hospital = 3,
    Military = 4,
    PrivateEnterprise = 5,
    PropertyManagement = 6,
    OwnersCommittee = 7,
    SocialOrganisation = 8,
    Other = 9,
}

/// <summary>A Party organisation (党组织): committee, general branch or branch, possibly nested.</summary>
public sealed class PartyOrganization : VersionedEntity
{
    private string _name = "";
    private PartyOrganizationLevel _level;
    private int? _parentId;
    private int? _communityId;
    private string? _secretaryName;

    public required string Name { get => _name; init => _name = value; }
    public PartyOrganizationLevel Level { get => _level; init => _level = value; }
    public int? ParentId { get => _parentId; init => _parentId = value; }
    public PartyOrganization? Parent { get; init; }
    /// <summary>Set for a community's own organisations (community committee, grid Party groups).</summary>
    public int? CommunityId { get => _communityId; init => _communityId = value; }
    public Community? Community { get; init; }
    public string? SecretaryName { get => _secretaryName; init => _secretaryName = value; }

    /// <summary>Names the organisation, its level, the one above it (never itself), its community and its secretary.</summary>
    public void Update(string name, PartyOrganizationLevel level, int? parentId, int? communityId, string? secretaryName)
    {
        if (parentId is { } parent && parent == Id && Id != 0)
            throw new ArgumentException("An organisation is not its own parent.", nameof(parentId));
        (_name, _level, _parentId, _communityId, _secretaryName) = (DirectoryGuard.Required(name, DirectoryLimits.Name),
            DirectoryGuard.Defined(level), parentId, communityId, DirectoryGuard.Optional(secretaryName, DirectoryLimits.PersonName));
    }
}

public enum PartyOrganizationLevel
{
    /// <summary>党委</summary>
    Committee = 0,
    /// <summary>党总支</summary>
    GeneralBranch = 1,
    /// <summary>党支部</summary>
    Branch = 2,
    /// <summary>党小组 (e.g. grid Party group)</summary>
    Group = 3,
}

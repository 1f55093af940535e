using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>A co-building unit (共建单位 / 驻区单位) that works with a community.</summary>
public sealed class CoBuildingUnit : VersionedEntity
{
    public int StreetId { get; set; }
    public Street? Street { get; set; }
    /// <summary>The community it sits in or is paired with; null for street-level units.</summary>
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    public UnitType Type { get; set; }
    public string? Address { get; set; }
    /// <summary>The unit's own Party organisation (党组织).</summary>
    public int? PartyOrganizationId { get; set; }
    public PartyOrganization? PartyOrganization { get; set; }
    /// <summary>The Party leader who sits on the joint council.</summary>
    public int? LeaderPersonId { get; set; }
    public Person? Leader { get; set; }
    /// <summary>The unit's one liaison (联络员).</summary>
    public int? LiaisonPersonId { get; set; }
    public Person? Liaison { get; set; }
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
    public required string Name { get; set; }
    public PartyOrganizationLevel Level { get; set; }
    public int? ParentId { get; set; }
    public PartyOrganization? Parent { get; set; }
    /// <summary>Set for a community's own organisations (community committee, grid Party groups).</summary>
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string? SecretaryName { get; set; }
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

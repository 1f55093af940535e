using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>
/// A person known to the portal: resident, Party member, unit staff. A Party member belongs in two places:
/// the home unit / Party organisation that holds their membership, and the community where they live.
/// </summary>
public sealed class Person : VersionedEntity
{
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public bool IsPartyMember { get; set; }
    /// <summary>Workplace unit that holds the Party membership (报到单位).</summary>
    public int? HomeUnitId { get; set; }
    public CoBuildingUnit? HomeUnit { get; set; }
    public int? HomePartyOrganizationId { get; set; }
    public PartyOrganization? HomePartyOrganization { get; set; }
    /// <summary>Community where the person lives (居住地社区).</summary>
    public int? ResidenceCommunityId { get; set; }
    public Community? ResidenceCommunity { get; set; }
    public int? GridId { get; set; }
    public Grid? Grid { get; set; }
    public int? HouseholdId { get; set; }
    public Household? Household { get; set; }
    /// <summary>Skills (专长), comma-separated as people write them.</summary>
    public string? Skills { get; set; }
}

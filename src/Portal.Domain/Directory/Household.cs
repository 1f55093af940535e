using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>A household (户): one exclusive unit (flat) of a building, with its exclusive floor area.</summary>
public sealed class Household : VersionedEntity
{
    public int BuildingId { get; set; }
    public Building? Building { get; set; }
    /// <summary>Entrance/stairwell (单元), may be empty for buildings with one entrance.</summary>
    public string? Entrance { get; set; }
    /// <summary>Door number (门牌号), e.g. "301"; unique within building and entrance.</summary>
    public required string DoorNumber { get; set; }
    /// <summary>Exclusive floor area (专有面积) in square metres; the weight of this unit in owners' votes.</summary>
    public decimal ExclusiveArea { get; set; }
    public AreaSource AreaSource { get; set; } = AreaSource.Register;
    public List<HouseholdOwnership> Ownerships { get; set; } = [];
}

/// <summary>Where an exclusive area comes from, in the Civil Code's order of precedence.</summary>
public enum AreaSource
{
    /// <summary>Property register (不动产登记簿).</summary>
    Register = 0,
    /// <summary>Survey report (测绘报告).</summary>
    Survey = 1,
    /// <summary>Sale contract (买卖合同).</summary>
    SaleContract = 2,
}

/// <summary>
/// An owner (业主) of one or more exclusive units in a community. Owners' votes count one head per owner
/// across the units they hold: a developer holding unsold units, or a buyer of several flats, counts once.
/// </summary>
public sealed class Owner : VersionedEntity
{
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public OwnerKind Kind { get; set; }
    /// <summary>The person record when the owner is a resident known to the portal.</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
}

public enum OwnerKind
{
    Individual = 0,
    /// <summary>The developer (建设单位), owner of unsold units.</summary>
    Developer = 1,
    Organisation = 2,
}

/// <summary>Links an owner to a household they own.</summary>
public sealed class HouseholdOwnership : Entity
{
    public int HouseholdId { get; set; }
    public Household? Household { get; set; }
    public int OwnerId { get; set; }
    public Owner? Owner { get; set; }
}

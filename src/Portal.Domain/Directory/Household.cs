using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>A household (户): one exclusive unit (flat) of a building, with its exclusive floor area.</summary>
public sealed class Household : VersionedEntity
{
    private int _buildingId;
    private string? _entrance;
    private string _doorNumber = "";
    private decimal _exclusiveArea;
    private AreaSource _areaSource = AreaSource.Register;
    private readonly List<HouseholdOwnership> _ownerships = [];

    public int BuildingId { get => _buildingId; init => _buildingId = value; }
    public Building? Building { get; init; }
    /// <summary>Entrance/stairwell (单元), may be empty for buildings with one entrance.</summary>
    public string? Entrance { get => _entrance; init => _entrance = value; }
    /// <summary>Door number (门牌号), e.g. "301"; unique within building and entrance.</summary>
    public required string DoorNumber { get => _doorNumber; init => _doorNumber = value; }
    /// <summary>Exclusive floor area (专有面积) in square metres; the weight of this unit in owners' votes.</summary>
    public decimal ExclusiveArea { get => _exclusiveArea; init => _exclusiveArea = value; }
    public AreaSource AreaSource { get => _areaSource; init => _areaSource = value; }
    /// <summary>Who owns the flat; changed through <see cref="OwnedBy"/> (and <see cref="AddOwner"/> on the way in).</summary>
    public IReadOnlyList<HouseholdOwnership> Ownerships => _ownerships;

    /// <summary>
    /// Places the flat (building, entrance, door) and sets its exclusive area, which must be one
    /// <see cref="DirectoryRules.IsValidArea"/> accepts: the area weighs the flat in owners' votes.
    /// </summary>
    public void Update(int buildingId, string entrance, string doorNumber, decimal exclusiveArea, AreaSource areaSource)
    {
        if (!DirectoryRules.IsValidArea(exclusiveArea)) throw new ArgumentOutOfRangeException(nameof(exclusiveArea), exclusiveArea, "Not a valid exclusive area.");
        // "" rather than null for one-entrance buildings, so the unique index (building, entrance, door) holds for them.
        (_buildingId, _entrance, _doorNumber, _exclusiveArea, _areaSource) = (DirectoryGuard.Key(buildingId),
            DirectoryGuard.Optional(entrance, DirectoryLimits.Code) ?? "", DirectoryGuard.Required(doorNumber, DirectoryLimits.Code), exclusiveArea,
            DirectoryGuard.Defined(areaSource));
    }

    /// <summary>Adds an owner of the flat (a stored one by its key, or a new one), unless they own it already.</summary>
    public void AddOwner(HouseholdOwnership ownership)
    {
        if (ownership.OwnerId != 0 && _ownerships.Any(o => o.OwnerId == ownership.OwnerId)) return;
        if (ownership.Owner is { } owner && _ownerships.Any(o => ReferenceEquals(o.Owner, owner))) return;
        _ownerships.Add(ownership);
    }

    /// <summary>
    /// Makes <paramref name="owners"/> the flat's owners: owners no longer among them go, stored owners already there stay
    /// (their ownership row is kept), the others are added.
    /// </summary>
    public void OwnedBy(IReadOnlyList<HouseholdOwnership> owners)
    {
        _ownerships.RemoveAll(o => !owners.Any(w => w.OwnerId != 0 && w.OwnerId == o.OwnerId));
        foreach (var owner in owners) AddOwner(owner);
    }
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
    public int CommunityId { get; init; }
    public Community? Community { get; init; }
    public required string Name { get; init; }
    public string? Phone { get; init; }
    public OwnerKind Kind { get; init; }
    /// <summary>The person record when the owner is a resident known to the portal.</summary>
    public int? PersonId { get; init; }
    public Person? Person { get; init; }
}

public enum OwnerKind
{
    Individual = 0,
    /// <summary>The developer (建设单位), owner of unsold units.</summary>
    Developer = 1,
    Organisation = 2,
}

/// <summary>Links an owner to a household they own: a stored owner by <see cref="OwnerId"/>, or a new <see cref="Owner"/>.</summary>
public sealed class HouseholdOwnership : Entity
{
    public int HouseholdId { get; init; }
    public Household? Household { get; init; }
    public int OwnerId { get; init; }
    public Owner? Owner { get; init; }
}

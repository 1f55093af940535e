using Portal.Domain.Common;

namespace Portal.Domain.Directory;

// The directory's entities are created with object initializers (the forms, the import, the demo data) and changed only
// through their methods afterwards: a changeable value is kept in a field that its init accessor and the methods set.
// A method checks every value before it changes any, so a refused change leaves the entity as it was.

/// <summary>A street (街道) under its Party working committee; the top of the directory.</summary>
public sealed class Street : VersionedEntity
{
    private string _name = "";
    private string? _code;

    public required string Name { get => _name; init => _name = value; }
    public string? Code { get => _code; init => _code = value; }
    public List<Community> Communities { get; private set; } = [];

    /// <summary>Renames or re-codes the street.</summary>
    public void Rename(string name, string? code)
    {
        (_name, _code) = (DirectoryGuard.Required(name, DirectoryLimits.Name), DirectoryGuard.Optional(code, DirectoryLimits.Code));
    }
}

/// <summary>A community (社区) of a street: 1,000–3,000 households, divided into grids.</summary>
public sealed class Community : VersionedEntity
{
    private int _streetId;
    private string _name = "";
    private string? _code;
    private string? _address;

    public int StreetId { get => _streetId; init => _streetId = value; }
    public Street? Street { get; init; }
    public required string Name { get => _name; init => _name = value; }
    public string? Code { get => _code; init => _code = value; }
    public string? Address { get => _address; init => _address = value; }
    public List<Grid> Grids { get; private set; } = [];

    /// <summary>Puts the community in <paramref name="streetId"/> under its name, code and address.</summary>
    public void Update(int streetId, string name, string? code, string? address)
    {
        (_streetId, _name, _code, _address) = (DirectoryGuard.Key(streetId), DirectoryGuard.Required(name, DirectoryLimits.Name),
            DirectoryGuard.Optional(code, DirectoryLimits.Code), DirectoryGuard.Optional(address, DirectoryLimits.Address));
    }
}

/// <summary>A grid (网格): ~300–500 households looked after by grid workers.</summary>
public sealed class Grid : VersionedEntity
{
    private int _communityId;
    private string _name = "";

    public int CommunityId { get => _communityId; init => _communityId = value; }
    public Community? Community { get; init; }
    public required string Name { get => _name; init => _name = value; }
    public List<Building> Buildings { get; private set; } = [];

    /// <summary>Puts the grid in <paramref name="communityId"/> under <paramref name="name"/>.</summary>
    public void Update(int communityId, string name)
    {
        (_communityId, _name) = (DirectoryGuard.Key(communityId), DirectoryGuard.Required(name, DirectoryLimits.Name));
    }
}

/// <summary>A residential building (楼栋) inside one grid.</summary>
public sealed class Building : VersionedEntity
{
    private int _gridId;
    private string _name = "";
    private int? _propertyAreaId;

    public int GridId { get => _gridId; init => _gridId = value; }
    public Grid? Grid { get; init; }
    /// <summary>The property management area (物业管理区域) the building lies in, when the community has recorded one.</summary>
    public int? PropertyAreaId { get => _propertyAreaId; init => _propertyAreaId = value; }
    public PropertyArea? PropertyArea { get; init; }
    /// <summary>The building's number or name as residents know it, e.g. "3号楼"; unique within the grid.</summary>
    public required string Name { get => _name; init => _name = value; }
    public List<Household> Households { get; private set; } = [];

    /// <summary>Puts the building in <paramref name="gridId"/> under <paramref name="name"/>.</summary>
    public void Update(int gridId, string name)
    {
        (_gridId, _name) = (DirectoryGuard.Key(gridId), DirectoryGuard.Required(name, DirectoryLimits.Name));
    }

    /// <summary>Puts the building in a property area of its community (the service checks the community), or in none.</summary>
    public void PlaceInPropertyArea(int? propertyAreaId)
    {
        _propertyAreaId = propertyAreaId is { } id ? DirectoryGuard.Key(id) : null;
    }
}

/// <summary>
/// A property management area (物业管理区域) of a community: the buildings whose owners form one owners' assembly, so an
/// owners' vote counts the owners of one area (Civil Code art. 278; 物业管理条例 art. 9).
/// </summary>
public sealed class PropertyArea : VersionedEntity
{
    private int _communityId;
    private string _name = "";

    public int CommunityId { get => _communityId; init => _communityId = value; }
    public Community? Community { get; init; }
    /// <summary>The area's name as residents know it, e.g. "阳光花园一期"; unique within the community.</summary>
    public required string Name { get => _name; init => _name = value; }

    /// <summary>Puts the area in <paramref name="communityId"/> under <paramref name="name"/>.</summary>
    public void Update(int communityId, string name)
    {
        (_communityId, _name) = (DirectoryGuard.Key(communityId), DirectoryGuard.Required(name, DirectoryLimits.Name));
    }
}

using Portal.Domain.Common;

namespace Portal.Domain.Directory;

/// <summary>A street (街道) under its Party working committee; the top of the directory.</summary>
public sealed class Street : VersionedEntity
{
    public required string Name { get; set; }
    public string? Code { get; set; }
    public List<Community> Communities { get; set; } = [];
}

/// <summary>A community (社区) of a street: 1,000–3,000 households, divided into grids.</summary>
public sealed class Community : VersionedEntity
{
    public int StreetId { get; set; }
    public Street? Street { get; set; }
    public required string Name { get; set; }
    public string? Code { get; set; }
    public string? Address { get; set; }
    public List<Grid> Grids { get; set; } = [];
}

/// <summary>A grid (网格): ~300–500 households looked after by grid workers.</summary>
public sealed class Grid : VersionedEntity
{
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    public List<Building> Buildings { get; set; } = [];
}

/// <summary>A residential building (楼栋) inside one grid.</summary>
public sealed class Building : VersionedEntity
{
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
    /// <summary>The building's number or name as residents know it, e.g. "3号楼"; unique within the grid.</summary>
    public required string Name { get; set; }
    public List<Household> Households { get; set; } = [];
}

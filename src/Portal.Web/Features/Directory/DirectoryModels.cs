using Portal.Domain.Directory;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Directory;

/// <summary>One page of a server-side query: a free-text search, optional place filters, and the page window.</summary>
public sealed record DirectoryQuery(string? Search = null, int Skip = 0, int Take = 20) : ISearchQuery
{
    public int? StreetId { get; init; }
    public int? CommunityId { get; init; }
    public int? GridId { get; init; }
    public int? BuildingId { get; init; }

    /// <summary>Page sizes are capped so a crafted request cannot load a whole table into a circuit.</summary>
    public int SafeTake => Math.Clamp(Take, 1, 200);
    public int SafeSkip => Math.Max(0, Skip);
}

public sealed class StreetForm : VersionedForm
{
    public string? Name { get; set; }
    public string? Code { get; set; }
}

public sealed class CommunityForm : VersionedForm
{
    public int StreetId { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Address { get; set; }
}

public sealed class GridForm : VersionedForm
{
    public int CommunityId { get; set; }
    public string? Name { get; set; }
}

public sealed class BuildingForm : VersionedForm
{
    public int GridId { get; set; }
    public string? Name { get; set; }
    /// <summary>The property management area of the grid's community the building lies in, if any.</summary>
    public int? PropertyAreaId { get; set; }
}

public sealed class PropertyAreaForm : VersionedForm
{
    public int CommunityId { get; set; }
    public string? Name { get; set; }
}

public sealed class HouseholdForm : VersionedForm
{
    public int BuildingId { get; set; }
    public string? Entrance { get; set; }
    public string? DoorNumber { get; set; }
    public decimal? ExclusiveArea { get; set; }
    public AreaSource AreaSource { get; set; } = AreaSource.Register;
    public List<OwnerForm> Owners { get; set; } = [];
}

/// <summary>An owner as typed on a household form; matched to existing owners of the community by name and phone.</summary>
public sealed class OwnerForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public OwnerKind Kind { get; set; }
}

public sealed class UnitForm : VersionedForm
{
    public int StreetId { get; set; }
    public int? CommunityId { get; set; }
    public string? Name { get; set; }
    public UnitType Type { get; set; } = UnitType.Other;
    public string? Address { get; set; }
    public int? PartyOrganizationId { get; set; }
    public int? LeaderPersonId { get; set; }
    public int? LiaisonPersonId { get; set; }
}

public sealed class PartyOrganizationForm : VersionedForm
{
    public string? Name { get; set; }
    public PartyOrganizationLevel Level { get; set; } = PartyOrganizationLevel.Branch;
    public int? ParentId { get; set; }
    public int? CommunityId { get; set; }
    public string? SecretaryName { get; set; }
}

public sealed class PersonForm : VersionedForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public bool IsPartyMember { get; set; }
    public int? HomeUnitId { get; set; }
    public int? HomePartyOrganizationId { get; set; }
    public int? ResidenceCommunityId { get; set; }
    public int? GridId { get; set; }
    public string? Skills { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>Residents' representative of the residence community (居民代表).</summary>
    public bool IsRepresentative { get; set; }
}

// Rows shown in the lists.
public sealed record StreetRow(int Id, string Name, string? Code, int Communities, bool CanEdit);
public sealed record CommunityRow(int Id, int StreetId, string Street, string Name, string? Code, string? Address, int Grids, bool CanEdit);
public sealed record GridRow(int Id, int CommunityId, string Community, string Name, int Buildings);
public sealed record BuildingRow(int Id, int GridId, string Community, string Grid, string Name, int Households, string? PropertyArea = null);
public sealed record PropertyAreaRow(int Id, int CommunityId, string Community, string Name, int Buildings);
public sealed record HouseholdRow(int Id, string Community, string Grid, string Building, string Entrance, string DoorNumber,
    decimal ExclusiveArea, AreaSource AreaSource, IReadOnlyList<string> Owners);
public sealed record UnitRow(int Id, string Name, UnitType Type, string? Community, string? Address, string? PartyOrganization, string? Leader, string? Liaison, string? LiaisonPhone);
public sealed record PartyOrganizationRow(int Id, string Name, PartyOrganizationLevel Level, string? Parent, string? Community, string? SecretaryName);
public sealed record PersonRow(int Id, string Name, string? Phone, bool IsPartyMember, string? HomeUnit, string? Community, string? Grid, string? Skills,
    DateOnly? BirthDate = null, bool IsRepresentative = false);

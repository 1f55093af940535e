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

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>A choice for a drop-down.</summary>
public sealed record Option(int Id, string Name);

public enum SaveStatus
{
    Saved,
    /// <summary>Validation failed; <see cref="SaveResult{TForm}.Errors"/> says why, field by field.</summary>
    Invalid,
    /// <summary>Someone else saved the row since it was loaded; <see cref="SaveResult{TForm}.Current"/> holds their version.</summary>
    Conflict,
    /// <summary>The row does not exist or is outside the user's scope (the two are not told apart, so ids cannot be probed).</summary>
    NotFound,
}

/// <summary>The outcome of a create, update or delete.</summary>
public sealed record SaveResult<TForm>(SaveStatus Status, int Id, IReadOnlyDictionary<string, string> Errors, TForm? Current) where TForm : class
{
    public bool Succeeded => Status == SaveStatus.Saved;

    /// <summary>The key of errors that belong to the whole form rather than one field.</summary>
    public const string FormError = "";

    public static SaveResult<TForm> Saved(int id) => new(SaveStatus.Saved, id, new Dictionary<string, string>(), null);
    public static SaveResult<TForm> Invalid(IReadOnlyDictionary<string, string> errors) => new(SaveStatus.Invalid, 0, errors, null);
    public static SaveResult<TForm> Invalid(string message) => Invalid(new Dictionary<string, string> { [FormError] = message });
    public static SaveResult<TForm> Conflict(TForm? current) => new(SaveStatus.Conflict, 0, new Dictionary<string, string>(), current);
    public static SaveResult<TForm> NotFound(string message) => new(SaveStatus.NotFound, 0, new Dictionary<string, string> { [FormError] = message }, null);
}

/// <summary>An editable row: its key and the concurrency version the user loaded.</summary>
public abstract class DirectoryForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public bool IsNew => Id == 0;
}

public sealed class StreetForm : DirectoryForm
{
    public string? Name { get; set; }
    public string? Code { get; set; }
}

public sealed class CommunityForm : DirectoryForm
{
    public int StreetId { get; set; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Address { get; set; }
}

public sealed class GridForm : DirectoryForm
{
    public int CommunityId { get; set; }
    public string? Name { get; set; }
}

public sealed class BuildingForm : DirectoryForm
{
    public int GridId { get; set; }
    public string? Name { get; set; }
}

public sealed class HouseholdForm : DirectoryForm
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

public sealed class UnitForm : DirectoryForm
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

public sealed class PartyOrganizationForm : DirectoryForm
{
    public string? Name { get; set; }
    public PartyOrganizationLevel Level { get; set; } = PartyOrganizationLevel.Branch;
    public int? ParentId { get; set; }
    public int? CommunityId { get; set; }
    public string? SecretaryName { get; set; }
}

public sealed class PersonForm : DirectoryForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public bool IsPartyMember { get; set; }
    public int? HomeUnitId { get; set; }
    public int? HomePartyOrganizationId { get; set; }
    public int? ResidenceCommunityId { get; set; }
    public int? GridId { get; set; }
    public string? Skills { get; set; }
}

// Rows shown in the lists.
public sealed record StreetRow(int Id, string Name, string? Code, int Communities, bool CanEdit);
public sealed record CommunityRow(int Id, int StreetId, string Street, string Name, string? Code, string? Address, int Grids, bool CanEdit);
public sealed record GridRow(int Id, int CommunityId, string Community, string Name, int Buildings);
public sealed record BuildingRow(int Id, int GridId, string Community, string Grid, string Name, int Households);
public sealed record HouseholdRow(int Id, string Community, string Grid, string Building, string Entrance, string DoorNumber,
    decimal ExclusiveArea, AreaSource AreaSource, IReadOnlyList<string> Owners);
public sealed record UnitRow(int Id, string Name, UnitType Type, string? Community, string? Address, string? PartyOrganization, string? Leader, string? Liaison, string? LiaisonPhone);
public sealed record PartyOrganizationRow(int Id, string Name, PartyOrganizationLevel Level, string? Parent, string? Community, string? SecretaryName);
public sealed record PersonRow(int Id, string Name, string? Phone, bool IsPartyMember, string? HomeUnit, string? Community, string? Grid, string? Skills);

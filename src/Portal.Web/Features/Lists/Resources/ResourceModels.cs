using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.Resources;

/// <summary>A page of the resources list: search plus the kind, category and unit filters.</summary>
public sealed record ResourceQuery(string? Search = null, int Skip = 0, int Take = 20) : ISearchQuery
{
    public ResourceKind? Kind { get; init; }
    public string? Category { get; init; }
    public int? UnitId { get; init; }

    public int SafeTake => Math.Clamp(Take, 1, 200);
    public int SafeSkip => Math.Max(0, Skip);
}

/// <summary>A resource as the list shows it: no contact details, whoever reads it.</summary>
public sealed record ResourceRow(
    int Id, int UnitId, string Unit, int? CommunityId, ResourceKind Kind, string Title, string Description,
    IReadOnlyList<string> Categories, int Capacity, int Committed, string CapacityUnit,
    DateOnly? AvailableFrom, DateOnly? AvailableUntil, bool IsActive, bool CanEdit)
{
    public int Remaining => Math.Max(0, Capacity - Committed);
}

/// <summary>The resource editor's input.</summary>
public sealed class ResourceForm : VersionedForm
{
    public int UnitId { get; set; }
    public ResourceKind Kind { get; set; } = ResourceKind.Venue;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public IEnumerable<string> Categories { get; set; } = [];
    public int Capacity { get; set; }
    /// <summary>Read-only in the editor: what projects have taken; capacity may not go below it.</summary>
    public int Committed { get; set; }
    public string? CapacityUnit { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public bool IsActive { get; set; } = true;

    public ResourceForm Copy() => (ResourceForm)MemberwiseClone();
}

/// <summary>Field names of <see cref="ResourceForm"/> for error messages.</summary>
public static class ResourceFields
{
    public const string Unit = "Unit";
    public const string Kind = "Kind";
    public const string Title = "Title";
    public const string Description = "Description";
    public const string Categories = "Categories";
    public const string Capacity = "Capacity";
    public const string CapacityUnit = "CapacityUnit";
    public const string Availability = "Availability";
}

/// <summary>Payload of the live events on "lists/{communityId}": ids and figures, never names or contact details.</summary>
public sealed record ResourceEvent(int ResourceId, int UnitId, int Remaining);

public static class ResourceEvents
{
    public const string Saved = "resource.saved";
}

using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.WorkItems.Pages;

/// <summary>
/// The needs list's filter inputs as the user edits them; applied (turned into a query and so into the address) on
/// submit. The status input holds an enum name or "open", the same spellings as the query string.
/// </summary>
public sealed class NeedsFilterModel
{
    public const string OpenStatus = "open";

    public string? Search { get; set; }
    public int? CommunityId { get; set; }
    public string? Status { get; set; }
    public WorkItemKind? Kind { get; set; }
    public string? Category { get; set; }
    public int? UnitId { get; set; }
    public int? GridId { get; set; }
    public DeadlineFilter? Deadline { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public bool Mine { get; set; }

    public static NeedsFilterModel Of(WorkItemQuery query) => new()
    {
        Search = query.Term,
        CommunityId = query.CommunityId,
        Status = query.Status?.ToString() ?? (query.OpenOnly ? OpenStatus : null),
        Kind = query.Kind,
        Category = query.Category,
        UnitId = query.OwnerUnitId,
        GridId = query.GridId,
        Deadline = query.Deadline,
        From = query.Metric is null ? query.From?.ToDateTime(TimeOnly.MinValue) : null,
        To = query.Metric is null ? query.To?.ToDateTime(TimeOnly.MinValue) : null,
        Mine = query.MineOnly,
    };

    /// <summary>
    /// The inputs over <paramref name="current"/>: what the form cannot edit (a dashboard figure's metric and its days)
    /// is kept, so narrowing a drill-down list by status keeps it the same figure's items.
    /// </summary>
    public WorkItemQuery ToQuery(WorkItemQuery current)
    {
        var open = string.Equals(Status, OpenStatus, StringComparison.OrdinalIgnoreCase);
        WorkItemStatus? status = !open && Enum.TryParse<WorkItemStatus>(Status, out var s) ? s : null;
        var query = ListQueryString.FiltersOf(current) with
        {
            Search = Search,
            CommunityId = CommunityId,
            Status = status,
            OpenOnly = open,
            Kind = Kind,
            Category = string.IsNullOrEmpty(Category) ? null : Category,
            OwnerUnitId = UnitId,
            GridId = GridId,
            Deadline = Deadline,
            MineOnly = Mine,
        };
        // A figure belongs to its community: choosing another one leaves the figure behind.
        if (current.Metric is not null && CommunityId == current.CommunityId) return query;
        return query with
        {
            Metric = null,
            Part = MetricPart.All,
            From = From is { } f ? DateOnly.FromDateTime(f) : null,
            To = To is { } t ? DateOnly.FromDateTime(t) : null,
        };
    }
}

using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>How an open item stands against its deadline now (the list's "deadline" filter).</summary>
public enum DeadlineFilter
{
    Overdue = 1,
    DueSoon = 2,
}

/// <summary>
/// Filters and one page of the work-item list; every filter is optional. The /lists query string
/// (<see cref="ListQueryString"/>) maps onto these one to one, so a filtered list is a link.
/// </summary>
public sealed record WorkItemQuery : ISearchQuery
{
    public int? CommunityId { get; init; }
    public WorkItemKind? Kind { get; init; }
    public WorkItemStatus? Status { get; init; }
    /// <summary>Any status where <see cref="WorkItemWorkflow.IsOpen"/> (status=open); ignored when <see cref="Status"/> is set.</summary>
    public bool OpenOnly { get; init; }
    public string? Category { get; init; }
    public int? GridId { get; init; }
    public int? OwnerUnitId { get; init; }
    /// <summary>Overdue or due soon now, by WorkItemMetrics.DeadlineStateOf with the community's current rules.</summary>
    public DeadlineFilter? Deadline { get; init; }
    /// <summary>Local (China) days, inclusive: without <see cref="Metric"/>, items raised in that range.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>
    /// A dashboard figure's items (WorkItemMetrics.IsCounted for the days From–To in CommunityId); applied only for
    /// those who manage the community and only with community, from and to.
    /// </summary>
    public DashboardMetric? Metric { get; init; }
    public MetricPart Part { get; init; } = MetricPart.All;
    /// <summary>Only items the caller raised or is the requester of ("my needs").</summary>
    public bool MineOnly { get; init; }
    public string? Search { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    /// <summary>Page sizes are capped so a crafted request cannot load the whole table into a circuit.</summary>
    public int SafeTake => Math.Clamp(Take, 1, 100);
    public int SafeSkip => Math.Max(0, Skip);
    /// <summary>The metric part of the query is complete (the service still checks the caller manages the community).</summary>
    public bool HasMetric => Metric is not null && CommunityId is not null && From is not null && To is not null;
}

public sealed record WorkItemRow(
    int Id, WorkItemKind Kind, WorkItemStatus Status, string Title, string Category, Urgency Urgency, int CommunityId,
    string? GridName, string? OwnerUnitName, DateTime RaisedAtUtc, DateTime? DueAtUtc, bool IsOverdue);

/// <summary>
/// One page of rows, the total, and the filters as they were applied: a metric the caller may not use (or that lacks its
/// community or days) is dropped, so the page shows only what actually filtered the list.
/// </summary>
public sealed record WorkItemList(IReadOnlyList<WorkItemRow> Items, int Total, WorkItemQuery Applied);

public sealed record AttachmentView(int Id, string FileName, string ContentType, long SizeBytes)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
    public string Url => $"/api/lists/attachments/{Id}";
}

/// <summary>One history step; the note is already rendered to safe HTML.</summary>
public sealed record WorkItemEventView(
    int Id, WorkItemAction Action, WorkItemStatus FromStatus, WorkItemStatus ToStatus, string ActorName, DateTime AtUtc,
    string? NoteHtml, Satisfaction? Rating, bool IsAutomatic, IReadOnlyList<AttachmentView> Attachments);

/// <summary>A work item as its detail page shows it, with the actions the caller may take now.</summary>
public sealed record WorkItemDetail(
    int Id, Guid Version, WorkItemKind Kind, WorkItemStatus Status, string Title, string DescriptionHtml, string Category,
    Urgency Urgency, int CommunityId, string CommunityName, int? GridId, string? GridName, string? Address, RaiseChannel Channel,
    string RaisedByName, DateTime RaisedAtUtc, bool? IsShared, bool IsPublic, int? OwnerUnitId, string? OwnerUnitName,
    IReadOnlyList<string> CoOwnerUnitNames, DateTime? DispatchedAtUtc, DateTime? DueAtUtc, DeadlineState? DeadlineState,
    Satisfaction? Rating, int ReopenCount, IReadOnlyList<WorkItemEventView> History, IReadOnlyList<WorkItemAction> AllowedActions,
    IReadOnlyList<int> ClaimableUnitIds, bool CanClaimAsPerson);

/// <summary>What the raise form holds.</summary>
public sealed class RaiseNeedForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public Urgency Urgency { get; set; } = Urgency.General;
    public int CommunityId { get; set; }
    public int? GridId { get; set; }
    public string? Address { get; set; }
    /// <summary>For entries on a resident's behalf: how the need reached the grid worker or secretary.</summary>
    public RaiseChannel Channel { get; set; } = RaiseChannel.Self;
    /// <summary>For entries on a resident's behalf: the resident's account (user name), who may then rate it.</summary>
    public string? RequesterUserName { get; set; }
}

/// <summary>Field keys of the raise form's errors.</summary>
public static class WorkItemFields
{
    public const string Title = nameof(RaiseNeedForm.Title);
    public const string Description = nameof(RaiseNeedForm.Description);
    public const string Category = nameof(RaiseNeedForm.Category);
    public const string Community = nameof(RaiseNeedForm.CommunityId);
    public const string Grid = nameof(RaiseNeedForm.GridId);
    public const string Requester = nameof(RaiseNeedForm.RequesterUserName);
    public const string Attachments = "Attachments";
    /// <summary>A step's note (reason, progress, report).</summary>
    public const string Note = "Note";
}

public static class WorkItemEvents
{
    public const string Changed = "workitem.changed";
}

using Portal.Domain.Common;

namespace Portal.Domain.WorkItems;

/// <summary>
/// A work item took a step of its lifecycle (<see cref="Step"/>), or was raised (<see cref="Step"/> null), and now stands
/// at <see cref="Status"/>. Raised by the <see cref="WorkItem"/> methods. For a new item <see cref="WorkItemId"/> is 0:
/// the key is made by the save, so whoever maps the event after the save reads it from the event's source entity.
/// (Not <c>WorkItemChanged</c>: that is the live payload the web layer sends.)
/// </summary>
public sealed record WorkItemStepped(int WorkItemId, int CommunityId, WorkItemKind Kind, WorkItemStatus Status, WorkItemAction? Step) : IDomainEvent;

/// <summary>Who takes a step: the account and the name the history shows; automatic steps are the deadline monitor's.</summary>
public readonly record struct StepActor(string? UserId, string Name, bool IsAutomatic = false)
{
    /// <summary>The portal's deadline monitor (reminders, escalations).</summary>
    public static StepActor Monitor(string name) => new(null, name, true);
}

/// <summary>The codes a work item's own methods refuse with, beside the state machine's and the kinds'; WorkItemsText keys.</summary>
public static class WorkItemRefusals
{
    public const string NoteRequired = "Validation.NoteRequired";
    public const string UrgencyRequired = "Validation.UrgencyRequired";
    public const string UnitOutOfScope = "Validation.UnitOutOfScope";
    public const string DueInPast = "Validation.DueInPast";
    public const string NotClaimable = "Error.NotClaimable";
    public const string Forbidden = "Error.Forbidden";
    /// <summary>A ListsText key: the promised date of a commitment has passed, so it cannot be published any more.</summary>
    public const string PromisedDatePassed = "Commitment.Error.PromisedDatePassed";
}

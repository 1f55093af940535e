namespace Portal.Domain.WorkItems;

/// <summary>The outcome of asking the workflow for a transition: the new status, or why the action is not allowed.</summary>
public readonly record struct TransitionResult(bool Allowed, WorkItemStatus Status, string? ErrorCode)
{
    public static TransitionResult To(WorkItemStatus status) => new(true, status, null);
    public static TransitionResult Refused(WorkItemStatus current, string errorCode) => new(false, current, errorCode);
}

/// <summary>
/// The state machine every kind of work item follows. It decides only whether an action may happen in a status and
/// where it leads; who may perform it (raiser, owner, secretary) is the application's access check. Error codes are
/// resource keys, so the UI shows a localized message and nothing changes.
/// </summary>
public static class WorkItemWorkflow
{
    public const string NotAllowedInStatus = "WorkItem.Error.NotAllowedInStatus";
    public const string RatingRequired = "WorkItem.Error.RatingRequired";
    public const string RatingNotExpected = "WorkItem.Error.RatingNotExpected";

    private static readonly WorkItemStatus[] Open =
        [WorkItemStatus.Raised, WorkItemStatus.Triaged, WorkItemStatus.Dispatched, WorkItemStatus.InProgress, WorkItemStatus.Reported, WorkItemStatus.Rated];

    // (from, action) → to. Rate is resolved separately because its target depends on the rating.
    private static readonly Dictionary<(WorkItemStatus From, WorkItemAction Action), WorkItemStatus> Transitions = Build();

    private static Dictionary<(WorkItemStatus, WorkItemAction), WorkItemStatus> Build()
    {
        var map = new Dictionary<(WorkItemStatus, WorkItemAction), WorkItemStatus>
        {
            [(WorkItemStatus.Raised, WorkItemAction.Triage)] = WorkItemStatus.Triaged,
            [(WorkItemStatus.Raised, WorkItemAction.Reject)] = WorkItemStatus.Rejected,
            // A triaged item may be dispatched, or dispatched again to another owner before anyone accepted it.
            [(WorkItemStatus.Triaged, WorkItemAction.Dispatch)] = WorkItemStatus.Dispatched,
            [(WorkItemStatus.Dispatched, WorkItemAction.Dispatch)] = WorkItemStatus.Dispatched,
            [(WorkItemStatus.Triaged, WorkItemAction.Reject)] = WorkItemStatus.Rejected,
            [(WorkItemStatus.Triaged, WorkItemAction.Claim)] = WorkItemStatus.InProgress,
            [(WorkItemStatus.Dispatched, WorkItemAction.Accept)] = WorkItemStatus.InProgress,
            [(WorkItemStatus.Dispatched, WorkItemAction.Decline)] = WorkItemStatus.Triaged,
            [(WorkItemStatus.InProgress, WorkItemAction.AddProgress)] = WorkItemStatus.InProgress,
            [(WorkItemStatus.InProgress, WorkItemAction.ReportBack)] = WorkItemStatus.Reported,
            // The raiser may not rate; the secretary then closes it when the rating window has passed.
            [(WorkItemStatus.Reported, WorkItemAction.Close)] = WorkItemStatus.Closed,
            // The owner may still add evidence while waiting for the rating.
            [(WorkItemStatus.Reported, WorkItemAction.AddProgress)] = WorkItemStatus.Reported,
            [(WorkItemStatus.Rated, WorkItemAction.Close)] = WorkItemStatus.Closed,
            // Reopening: a closed item whose problem came back, or one rejected by mistake.
            [(WorkItemStatus.Closed, WorkItemAction.Reopen)] = WorkItemStatus.InProgress,
            [(WorkItemStatus.Rejected, WorkItemAction.Reopen)] = WorkItemStatus.Raised,
        };
        // Chasing and escalation are possible at every open step and leave the status as it is.
        foreach (var status in Open)
        {
            map[(status, WorkItemAction.Chase)] = status;
            map[(status, WorkItemAction.Escalate)] = status;
        }
        return map;
    }

    public static bool IsOpen(WorkItemStatus status) => Array.IndexOf(Open, status) >= 0;

    /// <summary>The actions possible in a status (for the UI's buttons); Rate is included where it is possible.</summary>
    public static IReadOnlyList<WorkItemAction> ActionsIn(WorkItemStatus status) =>
        Enum.GetValues<WorkItemAction>().Where(a => Apply(status, a, a == WorkItemAction.Rate ? Satisfaction.Satisfied : null).Allowed).ToList();

    /// <summary>Where the action leads from the status; a rating is required for <see cref="WorkItemAction.Rate"/> only.</summary>
    public static TransitionResult Apply(WorkItemStatus current, WorkItemAction action, Satisfaction? rating = null)
    {
        if (action == WorkItemAction.Rate)
        {
            if (current != WorkItemStatus.Reported) return TransitionResult.Refused(current, NotAllowedInStatus);
            if (rating is null || !Enum.IsDefined(rating.Value)) return TransitionResult.Refused(current, RatingRequired);
            // "Not satisfied" sends it back to the owner to handle again (评单不满意重办).
            return TransitionResult.To(rating == Satisfaction.NotSatisfied ? WorkItemStatus.InProgress : WorkItemStatus.Rated);
        }
        if (rating is not null) return TransitionResult.Refused(current, RatingNotExpected);
        return Transitions.TryGetValue((current, action), out var next)
            ? TransitionResult.To(next)
            : TransitionResult.Refused(current, NotAllowedInStatus);
    }
}

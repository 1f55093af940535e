namespace Portal.Domain.WorkItems;

/// <summary>
/// The kinds of tracked work that share one lifecycle (domain brief, "The one lifecycle under all of it"):
/// a need and a micro-wish from the needs list, a project, a council task from a resolution, a commitment and a grid event.
/// </summary>
public enum WorkItemKind
{
    Need = 1,
    MicroWish = 2,
    Project = 3,
    CouncilTask = 4,
    Commitment = 5,
    GridEvent = 6,
}

/// <summary>Where a work item stands: 提出 → 研判 → 派单 → 接单/认领 → 办单 → 反馈 → 评单 → 销号.</summary>
public enum WorkItemStatus
{
    /// <summary>提出/点单: raised by a resident, unit or member, or entered on someone's behalf.</summary>
    Raised = 1,
    /// <summary>研判 done: accepted onto a list (shared or individual) and open for dispatch or claiming.</summary>
    Triaged = 2,
    /// <summary>派单: assigned to an owner unit or person with a deadline, waiting for them to accept.</summary>
    Dispatched = 3,
    /// <summary>办单: accepted or claimed; the owner is handling it.</summary>
    InProgress = 4,
    /// <summary>反馈: the owner reported it done; waiting for the raiser's rating.</summary>
    Reported = 5,
    /// <summary>评单: rated satisfied or fairly satisfied; waiting to be closed.</summary>
    Rated = 6,
    /// <summary>销号/归档: closed.</summary>
    Closed = 7,
    /// <summary>不予受理: refused at triage (duplicate, out of scope) with a reason shown to the raiser.</summary>
    Rejected = 8,
}

/// <summary>What someone does to a work item. Chasing and escalation are recorded without changing the status.</summary>
public enum WorkItemAction
{
    Triage = 1,
    Reject = 2,
    Dispatch = 3,
    /// <summary>The dispatched owner hands it back (wrong unit, no capacity) with a reason; it returns to triage.</summary>
    Decline = 4,
    Accept = 5,
    /// <summary>认领: a unit or Party member takes an open item without being dispatched.</summary>
    Claim = 6,
    AddProgress = 7,
    ReportBack = 8,
    Rate = 9,
    Close = 10,
    Reopen = 11,
    /// <summary>督办/催办.</summary>
    Chase = 12,
    Escalate = 13,
}

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied = 1,
    FairlySatisfied = 2,
    NotSatisfied = 3,
}

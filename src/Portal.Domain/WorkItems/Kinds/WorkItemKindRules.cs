using Portal.Domain.Access;

namespace Portal.Domain.WorkItems.Kinds;

/// <summary>
/// What sets one kind of work item apart from the others that share the lifecycle: who may take which step, which plain
/// steps the kind refuses (a commitment is published and assessed, never dispatched or rated by hand), whether it is
/// published to its whole community, whether a council topic may link to it, whether it can become a project, and what
/// triage makes of it. Asked through <see cref="WorkItemKinds.For"/>; a new kind is one more subclass, not one more branch
/// in every service. Filters in database queries use the kind sets of <see cref="WorkItemKinds"/>.
/// </summary>
public abstract class WorkItemKindRules
{
    public abstract WorkItemKind Kind { get; }

    /// <summary>Published (公示) to everyone who can view its community once public, not only to those it concerns.</summary>
    public virtual bool IsPublishedToEveryone => false;

    /// <summary>A council topic may link to it (resources live in their own table).</summary>
    public virtual bool LinkableToCouncilTopic => false;

    /// <summary>A need that resources can be matched to and that can be taken up by a project.</summary>
    public virtual bool CanBecomeProject => false;

    /// <summary>The kind after triage as shared (共性) or individual (个性); only needs and micro-wishes change.</summary>
    public virtual WorkItemKind KindAfterTriage(bool isShared) => Kind;

    /// <summary>
    /// The error code (a ListsText key) when the kind refuses a plain step of the lifecycle that has a kind-specific
    /// replacement; null when the step is the kind's.
    /// </summary>
    public virtual string? RefusesPlain(WorkItemAction action) => null;

    /// <summary>
    /// Who may take an action (the state machine decides separately whether it may happen now): the managers triage,
    /// reject, dispatch, close, reopen and chase; the owner unit's liaison accepts or declines; liaisons and the
    /// community's Party members claim public items; owner and co-owners add progress; the owner reports back; the
    /// requester rates. Escalation is the deadline monitor's; nobody takes it by hand.
    /// </summary>
    public virtual bool May(WorkItemViewer viewer, WorkItem w, WorkItemAction action) => action switch
    {
        WorkItemAction.Triage or WorkItemAction.Reject or WorkItemAction.Dispatch or WorkItemAction.Close
            or WorkItemAction.Reopen or WorkItemAction.Chase => viewer.Manages(w.CommunityId),
        WorkItemAction.Accept or WorkItemAction.Decline => viewer.IsLiaisonOf(w.OwnerUnitId),
        WorkItemAction.Claim => w.IsPublic && (viewer.LiaisonUnits.Count > 0 || viewer.IsMemberIn(w.CommunityId)),
        WorkItemAction.AddProgress => WorkItemAccess.IsOwner(viewer, w) || WorkItemAccess.IsCoOwner(viewer, w),
        WorkItemAction.ReportBack => WorkItemAccess.IsOwner(viewer, w),
        WorkItemAction.Rate => WorkItemAccess.IsRequester(viewer, w),
        _ => false,
    };
}

/// <summary>The rules object of each kind, and the kind sets database filters use.</summary>
public static class WorkItemKinds
{
    private static readonly Dictionary<WorkItemKind, WorkItemKindRules> ByKind = new WorkItemKindRules[]
    {
        new NeedKind(), new MicroWishKind(), new ProjectKind(), new CouncilTaskKind(), new CommitmentKind(), new GridEventKind(),
    }.ToDictionary(r => r.Kind);

    public static IReadOnlyCollection<WorkItemKindRules> All => ByKind.Values;

    public static WorkItemKindRules For(WorkItemKind kind) =>
        ByKind.TryGetValue(kind, out var rules) ? rules : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown work item kind");

    // Lists, not arrays: inside expressions C# 14 would bind array.Contains to the span overload (see WorkItemViewer).

    /// <summary>The kinds published to their whole community (<see cref="WorkItemKindRules.IsPublishedToEveryone"/>).</summary>
    public static IReadOnlyList<WorkItemKind> PublishedToEveryone { get; } = KindsWhere(r => r.IsPublishedToEveryone);

    /// <summary>The kinds a council topic may link to.</summary>
    public static IReadOnlyList<WorkItemKind> LinkableToCouncilTopic { get; } = KindsWhere(r => r.LinkableToCouncilTopic);

    /// <summary>The needs: kinds resources are matched to and projects take up.</summary>
    public static IReadOnlyList<WorkItemKind> BecomingProjects { get; } = KindsWhere(r => r.CanBecomeProject);

    private static List<WorkItemKind> KindsWhere(Func<WorkItemKindRules, bool> test) =>
        ByKind.Values.Where(test).Select(r => r.Kind).Order().ToList();
}

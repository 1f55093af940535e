using System.Linq.Expressions;
using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;

namespace Portal.Domain.Access;

/// <summary>
/// What of a caller the work-item rules ask for, taken from the access policy once per call: the account, the linked
/// person, the communities they manage and see, the grids they work, the units they are the liaison of, the communities
/// they are a Party member in, and where they may claim. Lists rather than arrays: C# 14 binds <c>array.Contains</c> in an
/// expression to the span overload, which the compiled in-memory check cannot run; a list binds to Enumerable.Contains.
/// </summary>
public sealed record WorkItemViewer(
    string? UserId, int? PersonId, IReadOnlyList<int> Managed, IReadOnlyList<int> Visible, IReadOnlyList<int> Grids,
    IReadOnlyList<int> LiaisonUnits, IReadOnlyList<int> MemberCommunities, IReadOnlyList<int> ClaimIn)
{
    /// <summary>Nobody signed in: sees nothing and may do nothing.</summary>
    public static WorkItemViewer Nobody { get; } = new(null, null, [], [], [], [], [], []);

    public static WorkItemViewer Of(string? userId, int? personId, AccessPolicy policy) => Of(new Caller(userId, "", "", personId, policy));

    /// <summary>The caller's sets as <see cref="Caller"/> works them out (nothing when not signed in), and where they may claim.</summary>
    public static WorkItemViewer Of(Caller caller)
    {
        if (!caller.IsSignedIn) return Nobody;
        // Liaisons (of any unit) and Party members may see and claim the public items open for claiming in a community
        // they belong to: the members in their own community, liaisons wherever they see.
        var claimIn = caller.MemberCommunities.Concat(caller.LiaisonUnits.Count > 0 ? caller.Visible : []).Distinct().Order().ToList();
        return new WorkItemViewer(caller.UserId, caller.PersonId, caller.Managed, caller.Visible, caller.GridsWorked, caller.LiaisonUnits,
            caller.MemberCommunities, claimIn);
    }

    public bool IsSignedIn => UserId is not null;

    public bool Manages(int communityId) => Managed.Contains(communityId);

    public bool IsLiaisonOf(int? unitId) => unitId is { } u && LiaisonUnits.Contains(u);

    public bool IsMemberIn(int communityId) => PersonId is not null && MemberCommunities.Contains(communityId);
}

/// <summary>
/// The one definition of who may see a work item and who may take which action on it; the work list, the detail page,
/// the commitments list, attachment downloads and every action ask here.
/// <list type="bullet">
/// <item><b>See</b>: the managers of its community; the grid worker of its grid; its owner (the owner unit's liaison, the
/// owner member) and co-owner units' liaisons; its requester and whoever raised it; liaisons and Party members of the
/// community while it is triaged, public and open for claiming; and, for a published commitment (公示), everyone who can
/// view its community.</item>
/// <item><b>The work list</b> shows the same, except others' published commitments: those belong on the commitments list.</item>
/// <item><b>Act</b>: see <see cref="May"/>, which asks the kind's rules (<see cref="WorkItemKinds"/>) — the managers triage, reject, dispatch, close, reopen and chase; the owner
/// unit's liaison accepts or declines; liaisons and the community's Party members claim public items; owner and
/// co-owners add progress; the owner reports back; the requester rates. Commitments differ: the committer accepts and
/// fulfils, the managers publish and assess, nobody claims or declines. Nobody escalates by hand (the deadline monitor does).</item>
/// </list>
/// Each rule is written once as an expression: <see cref="CanSee"/> runs it compiled (once) in memory on an item loaded
/// with its co-owners, <see cref="Visible"/> hands it to the database as a filter, so the list and the check cannot drift.
/// </summary>
public static class WorkItemAccess
{
    /// <summary>Everything but others' published commitments: the items the caller works with.</summary>
    private static readonly Expression<Func<WorkItem, WorkItemViewer, bool>> WorkRule = (w, v) =>
        v.UserId != null && (
            v.Managed.Contains(w.CommunityId)
            || (w.GridId != null && v.Grids.Contains(w.GridId.Value))
            || (w.OwnerUnitId != null && v.LiaisonUnits.Contains(w.OwnerUnitId.Value))
            || (v.PersonId != null && w.OwnerPersonId == v.PersonId)
            || w.CoOwners.Any(c => v.LiaisonUnits.Contains(c.UnitId))
            || w.RequesterUserId == v.UserId || w.RaisedByUserId == v.UserId
            || (w.Status == WorkItemStatus.Triaged && w.IsPublic && v.ClaimIn.Contains(w.CommunityId)));

    /// <summary>A published commitment (公示) is for everyone who can view its community.</summary>
    private static readonly Expression<Func<WorkItem, WorkItemViewer, bool>> PublishedRule = (w, v) =>
        v.UserId != null && WorkItemKinds.PublishedToEveryone.Contains(w.Kind) && w.IsPublic && w.Status != WorkItemStatus.Rejected
        && v.Visible.Contains(w.CommunityId);

    private static readonly Expression<Func<WorkItem, WorkItemViewer, bool>> SeeRule = Or(WorkRule, PublishedRule);

    private static readonly Func<WorkItem, WorkItemViewer, bool> SeeCompiled = SeeRule.Compile();

    /// <summary>True when the viewer may see the item. Needs the item's <see cref="WorkItem.CoOwners"/> loaded.</summary>
    public static bool CanSee(WorkItemViewer viewer, WorkItem item) => SeeCompiled(item, viewer);

    /// <summary><see cref="CanSee"/> as a database filter.</summary>
    public static Expression<Func<WorkItem, bool>> Visible(WorkItemViewer viewer) => Bind(SeeRule, viewer);

    /// <summary>The work list's filter: what the viewer sees, without others' published commitments.</summary>
    public static Expression<Func<WorkItem, bool>> WorkList(WorkItemViewer viewer) => Bind(WorkRule, viewer);

    /// <summary>The owner: the owner unit's liaison, or the owner member.</summary>
    public static bool IsOwner(WorkItemViewer viewer, WorkItem w) =>
        viewer.IsLiaisonOf(w.OwnerUnitId) || (viewer.PersonId is { } p && w.OwnerPersonId == p);

    public static bool IsCoOwner(WorkItemViewer viewer, WorkItem w) => w.CoOwners.Any(c => viewer.LiaisonUnits.Contains(c.UnitId));

    public static bool IsRequester(WorkItemViewer viewer, WorkItem w) => viewer.UserId is not null && w.RequesterUserId == viewer.UserId;

    /// <summary>
    /// The committer of a commitment: the liaison of the owner unit or the owner member; for the community's own
    /// organisation (no owner) the secretary acts for it.
    /// </summary>
    public static bool IsCommitter(WorkItemViewer viewer, WorkItem w) =>
        IsOwner(viewer, w) || (w.OwnerUnitId is null && w.OwnerPersonId is null && viewer.Manages(w.CommunityId));

    /// <summary>
    /// Who may take an action on the item (the state machine decides separately whether it may happen now). Asks the
    /// item's kind. Needs the item's co-owners loaded.
    /// </summary>
    public static bool May(WorkItemViewer viewer, WorkItem w, WorkItemAction action) =>
        viewer.IsSignedIn && WorkItemKinds.For(w.Kind).May(viewer, w, action);

    /// <summary>The actions the state machine allows now that the viewer may take: the detail page's buttons.</summary>
    public static IReadOnlyList<WorkItemAction> ActionsFor(WorkItemViewer viewer, WorkItem w) =>
        WorkItemWorkflow.ActionsIn(w.Status).Where(a => May(viewer, w, a)).ToList();

    private static Expression<Func<WorkItem, WorkItemViewer, bool>> Or(
        Expression<Func<WorkItem, WorkItemViewer, bool>> left, Expression<Func<WorkItem, WorkItemViewer, bool>> right)
    {
        var body = new Replace(new Dictionary<ParameterExpression, Expression>
        {
            [right.Parameters[0]] = left.Parameters[0],
            [right.Parameters[1]] = left.Parameters[1],
        }).Visit(right.Body);
        return Expression.Lambda<Func<WorkItem, WorkItemViewer, bool>>(Expression.OrElse(left.Body, body), left.Parameters);
    }

    // The viewer becomes a constant: EF Core turns the member reads on it (v.Managed, v.UserId …) into query parameters,
    // exactly as it did with the closures the service used to capture.
    private static Expression<Func<WorkItem, bool>> Bind(Expression<Func<WorkItem, WorkItemViewer, bool>> rule, WorkItemViewer viewer)
    {
        var body = new Replace(new Dictionary<ParameterExpression, Expression> { [rule.Parameters[1]] = Expression.Constant(viewer) }).Visit(rule.Body);
        return Expression.Lambda<Func<WorkItem, bool>>(body, rule.Parameters[0]);
    }

    private sealed class Replace(IReadOnlyDictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var to) ? to : node;
    }
}

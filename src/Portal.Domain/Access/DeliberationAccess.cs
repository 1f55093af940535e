using System.Linq.Expressions;
using Portal.Domain.Deliberation;

namespace Portal.Domain.Access;

/// <summary>
/// The one definition of who may do what in deliberation (议事); every service, page and endpoint of the area asks here.
/// <list type="bullet">
/// <item><b>Raise</b> a matter: a resident of the community (the role Resident held over it).</item>
/// <item><b>Manage</b> the community's deliberation (screen matters, promote needs, start sessions, publish notices,
/// answer objections): the community's secretary and the administrators of its street.</item>
/// <item><b>Complete</b> a step: whoever holds the step's role over the session's community (<see cref="StepActor"/>);
/// nobody else, managers included — the procedure names who is accountable for each step (decision 0029).</item>
/// <item><b>See</b> sessions and the screened matters (accepted, merged): whoever belongs to the community in any role
/// (<see cref="AccessPolicy.CanViewCommunity"/>: its residents first of all). A matter still waiting for screening, a
/// declined one and the reason of a screening are seen only by the raiser and the managers: the reason was written
/// to the raiser. Another community sees nothing.</item>
/// <item><b>Rate</b> the result of a session (群众评事): a resident of the community who lives inside the matter's scope
/// (<see cref="RatingScope"/>); opening and closing the rating round is managing.</item>
/// <item><b>Opinions and the plan</b> (decision 0034): residents of the community post opinions and support others'
/// during a comment window; the community's managers (its staff) hide an opinion with a reason and write the plan's
/// versions. A hidden opinion's text is read by its author and the managers only; everyone who sees the session sees
/// that it was hidden and why.</item>
/// <item><b>Edit templates</b>: a community's by its managers, a street's by the street's administrators; a shipped
/// template by nobody (it is adopted as a community's or street's own).</item>
/// </list>
/// </summary>
public static class DeliberationAccess
{
    public static bool CanRaise(AccessPolicy policy, int communityId) =>
        policy.Roles.Any(r => r.Role == PortalRole.Resident && r.Scope == ScopeKind.Community && r.ScopeId == communityId);

    public static bool CanManage(AccessPolicy policy, int communityId) => policy.CanManageCommunity(communityId);

    public static bool CanSeeCommunity(AccessPolicy policy, int communityId) => policy.CanViewCommunity(communityId);

    /// <summary>
    /// Chairs a session's meetings (schedules them, opens and closes them, runs motions and the speaking order, records
    /// paper sign-ins, shows the projector): the staff who run the session — its community's managers.
    /// </summary>
    public static bool CanChairMeeting(AccessPolicy policy, int communityId) => CanManage(policy, communityId);

    /// <summary>
    /// Signs in to a meeting and asks to speak: a resident of the community (<see cref="CanRaise"/>) whose linked
    /// directory person lives within the session's scope (<paramref name="personInScope"/>, looked up by the service).
    /// </summary>
    public static bool CanTakePartInMeeting(Caller caller, int communityId, bool personInScope) =>
        caller.IsSignedIn && caller.PersonId is not null && personInScope && CanRaise(caller.Policy, communityId);

    public static bool CanCompleteStep(StepActor actor, ProcedureStep step) =>
        !string.IsNullOrEmpty(actor.UserId) && actor.RolesHere.Contains(step.CompletedBy);

    public static bool CanRate(AccessPolicy policy, int communityId, MatterScope scope, ResidencePlace? place) =>
        CanRaise(policy, communityId) && place is not null && RatingScope.Covers(scope, place);
    public static bool CanPostOpinion(AccessPolicy policy, int communityId) => CanRaise(policy, communityId);

    public static bool CanModerateOpinions(AccessPolicy policy, int communityId) => CanManage(policy, communityId);

    public static bool CanWritePlan(AccessPolicy policy, int communityId) => CanManage(policy, communityId);

    /// <summary>The text of a hidden opinion: its author and the moderators; a visible one: whoever sees the session.</summary>
    public static bool CanReadOpinionText(Caller caller, Opinion opinion, int communityId) =>
        caller.IsSignedIn && CanSeeCommunity(caller.Policy, communityId)
                          && (!opinion.IsHidden || caller.UserId == opinion.AuthorUserId || CanModerateOpinions(caller.Policy, communityId));

    public static bool CanEditTemplatesOf(AccessPolicy policy, ScopeKind? ownerScope, int? ownerId) => (ownerScope, ownerId) switch
    {
        (ScopeKind.Community, { } community) => policy.CanManageCommunity(community),
        (ScopeKind.Street, { } street) => policy.CanManageStreet(street),
        _ => false,
    };

    /// <summary>Statuses every member of the community sees; the others only the raiser and the managers.</summary>
    public static bool IsPublicToCommunity(MatterStatus status) => status is MatterStatus.Accepted or MatterStatus.Merged;

    public static bool CanSeeMatter(Caller caller, Matter matter) =>
        caller.IsSignedIn && (caller.UserId == matter.RaisedByUserId || CanManage(caller.Policy, matter.CommunityId)
                              || (IsPublicToCommunity(matter.Status) && CanSeeCommunity(caller.Policy, matter.CommunityId)));

    /// <summary>The decline or merge reason: written to the raiser, so read by the raiser and the managers only.</summary>
    public static bool CanSeeScreeningReason(Caller caller, Matter matter) =>
        caller.IsSignedIn && (caller.UserId == matter.RaisedByUserId || CanManage(caller.Policy, matter.CommunityId));

    /// <summary><see cref="CanSeeMatter"/> as a query filter, for lists paged in the database.</summary>
    public static Expression<Func<Matter, bool>> VisibleMatters(Caller caller)
    {
        if (!caller.IsSignedIn) return _ => false;
        var userId = caller.UserId;
        var managed = caller.Managed.ToList();
        var visible = caller.Visible.ToList();
        return m => m.RaisedByUserId == userId || managed.Contains(m.CommunityId)
                    || ((m.Status == MatterStatus.Accepted || m.Status == MatterStatus.Merged) && visible.Contains(m.CommunityId));
    }
}

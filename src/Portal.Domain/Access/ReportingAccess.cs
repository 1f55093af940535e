using Portal.Domain.Reporting;

namespace Portal.Domain.Access;

/// <summary>
/// The one definition of who may do what in dual reporting (双报到, decision 0039); every service, page and endpoint of
/// the area asks here.
/// <list type="bullet">
/// <item><b>Report</b> as a member: a signed-in Party member (the role PartyMember, any scope) whose account is linked to a
/// directory person, for that person only and to the community they live in.</item>
/// <item><b>Manage</b> a community's reporting (verify or return reports, set posts, publish activities, verify service
/// records, evaluate members, send feedback, read the dashboard): its secretary and its street's administrators.</item>
/// <item><b>Record</b> attendance and service for someone (staff entry, paper sign-in): the managers and the community's
/// grid workers.</item>
/// <item><b>A member's card</b> (服务卡: hours, points, activities, evaluation): the member, the community's managers and
/// staff, and the member's home unit (its liaison, or whoever may act for it) — a unit sees only its own members.</item>
/// <item><b>Phone numbers</b>: the member and the community's managers and staff; everyone else sees them masked
/// (<see cref="PhoneMask"/>), the home unit included.</item>
/// </list>
/// </summary>
public static class ReportingAccess
{
    public static bool IsPartyMember(Caller caller) => caller.IsSignedIn && caller.PersonId is not null && caller.Policy.Has(PortalRole.PartyMember);

    /// <summary>Reports (or corrects a returned report) for <paramref name="personId"/>: only themself.</summary>
    public static bool CanReportAs(Caller caller, int personId) => IsPartyMember(caller) && caller.PersonId == personId;

    public static bool CanManage(AccessPolicy policy, int communityId) => policy.CanManageCommunity(communityId);

    /// <summary>Records attendance or service for a member: the managers, and grid workers of the community's grids.</summary>
    public static bool CanRecordFor(AccessPolicy policy, int communityId, int? gridId) =>
        CanManage(policy, communityId) || (gridId is { } g && policy.CanWorkInGrid(g));

    /// <summary>Sees the community's posts and activities (to claim and sign up): whoever belongs to the community.</summary>
    public static bool CanSeeCommunity(AccessPolicy policy, int communityId) => policy.CanViewCommunity(communityId);

    /// <summary>Reads a member's report and card: the member, the community's managers and staff, the member's home unit.</summary>
    public static bool CanSeeMember(Caller caller, MemberReport report) =>
        caller.IsSignedIn && (caller.PersonId == report.PersonId
                              || CanRecordFor(caller.Policy, report.CommunityId, report.GridId)
                              || caller.Policy.CanActForUnit(report.HomeUnitId));

    /// <summary>The member's phone in full: the member and the community's managers and staff; the home unit sees it masked.</summary>
    public static bool CanSeePhone(Caller caller, MemberReport report) =>
        caller.IsSignedIn && (caller.PersonId == report.PersonId || CanRecordFor(caller.Policy, report.CommunityId, report.GridId));

    /// <summary>The phone as <paramref name="caller"/> may see it.</summary>
    public static string PhoneFor(Caller caller, MemberReport report) => CanSeePhone(caller, report) ? report.Phone : PhoneMask.Mask(report.Phone);

    /// <summary>Reads a home unit's feedback (its members' records, the reporting rate, evaluations): whoever may act for the unit.</summary>
    public static bool CanReadFeedbackOf(AccessPolicy policy, int unitId) => policy.CanActForUnit(unitId);
}

using Portal.Domain.Access;
using Portal.Domain.Reporting;
using static Portal.Domain.Tests.Access.TestDirectory;

namespace Portal.Domain.Tests.Reporting;

/// <summary>Who reports, who manages and records, who reads a member's card and phone: a unit sees only its own members.</summary>
public sealed class ReportingAccessTests
{
    // Member 7 lives in community A (grid A1) and is a member of unit A.
    private static readonly MemberReport Report = MemberReportTests.Submitted();

    private static Caller Member(int personId = 7) => new("u-m", "member", "党员", personId, Policy(Role(PortalRole.PartyMember, ScopeKind.Community, CommunityA)));
    private static Caller Secretary(int community) => new("u-s", "secretary", "书记", null, Policy(Role(PortalRole.CommunitySecretary, ScopeKind.Community, community)));
    private static Caller GridWorker(int grid) => new("u-g", "grid", "网格员", null, Policy(Role(PortalRole.GridWorker, ScopeKind.Grid, grid)));
    private static Caller Liaison(int unit) => new("u-l", "liaison", "联络员", null, Policy(Role(PortalRole.UnitLiaison, ScopeKind.Unit, unit)));
    private static Caller Resident() => new("u-r", "resident", "居民", 9, Policy(Role(PortalRole.Resident, ScopeKind.Community, CommunityA)));

    [Fact]
    public void A_Party_member_reports_only_as_themself()
    {
        Assert.True(ReportingAccess.CanReportAs(Member(), 7));
        Assert.False(ReportingAccess.CanReportAs(Member(), 8));
        Assert.False(ReportingAccess.CanReportAs(Resident(), 9));
        Assert.False(ReportingAccess.CanReportAs(new Caller("u-m", "member", "党员", null, Policy(Role(PortalRole.PartyMember, ScopeKind.Community, CommunityA))), 7));
        Assert.False(ReportingAccess.CanReportAs(new Caller(null, "", "", 7, Policy(Role(PortalRole.PartyMember, ScopeKind.Community, CommunityA))), 7));
    }

    [Fact]
    public void The_community_s_managers_manage_and_its_grid_workers_record_but_not_another_community_s()
    {
        Assert.True(ReportingAccess.CanManage(Secretary(CommunityA).Policy, CommunityA));
        Assert.False(ReportingAccess.CanManage(Secretary(CommunityB).Policy, CommunityA));
        Assert.False(ReportingAccess.CanManage(GridWorker(GridA1).Policy, CommunityA));
        Assert.True(ReportingAccess.CanRecordFor(GridWorker(GridA1).Policy, CommunityA, GridA1));
        Assert.False(ReportingAccess.CanRecordFor(GridWorker(GridB1).Policy, CommunityA, GridA1));
        Assert.False(ReportingAccess.CanRecordFor(GridWorker(GridA1).Policy, CommunityA, null));
    }

    [Fact]
    public void A_unit_sees_only_its_own_members_and_their_phones_masked()
    {
        Assert.True(ReportingAccess.CanSeeMember(Liaison(UnitA), Report));
        Assert.False(ReportingAccess.CanSeeMember(Liaison(UnitB), Report));
        Assert.Equal("138****5678", ReportingAccess.PhoneFor(Liaison(UnitA), Report));
        Assert.True(ReportingAccess.CanReadFeedbackOf(Liaison(UnitA).Policy, UnitA));
        Assert.False(ReportingAccess.CanReadFeedbackOf(Liaison(UnitA).Policy, UnitB));
    }

    [Fact]
    public void A_member_sees_only_their_own_card_and_phone_and_staff_see_the_phone_in_full()
    {
        Assert.True(ReportingAccess.CanSeeMember(Member(7), Report));
        Assert.False(ReportingAccess.CanSeeMember(Member(8), Report));
        Assert.False(ReportingAccess.CanSeeMember(Resident(), Report));
        Assert.Equal("13812345678", ReportingAccess.PhoneFor(Member(7), Report));
        Assert.Equal("13812345678", ReportingAccess.PhoneFor(Secretary(CommunityA), Report));
        Assert.Equal("13812345678", ReportingAccess.PhoneFor(GridWorker(GridA1), Report));
        Assert.Equal("138****5678", ReportingAccess.PhoneFor(Secretary(CommunityB), Report));
        Assert.False(ReportingAccess.CanSeeMember(Secretary(CommunityB), Report));
    }
}

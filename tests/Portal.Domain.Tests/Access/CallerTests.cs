using Portal.Domain.Access;
using Portal.Domain.Auditing;
using static Portal.Domain.Tests.Access.TestDirectory;

namespace Portal.Domain.Tests.Access;

/// <summary>The one caller every service takes: what it derives from the access policy, and the two callers without an account.</summary>
public sealed class CallerTests
{
    [Fact]
    public void A_secretary_manages_and_sees_their_community_and_carries_their_names_and_person()
    {
        var caller = new Caller("u-1", "secretary", "社区书记", 42, Policy(Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityA)));

        Assert.True(caller.IsSignedIn);
        Assert.False(caller.IsSystem);
        Assert.Equal([CommunityA], caller.Managed);
        Assert.Equal([CommunityA], caller.Visible);
        Assert.True(caller.Manages(CommunityA));
        Assert.False(caller.Manages(CommunityB));
        Assert.Equal(42, caller.PersonId);
        Assert.Equal("secretary", caller.UserName);
        Assert.Equal("社区书记", caller.Name);
    }

    [Fact]
    public void The_role_scopes_the_work_rules_ask_for_come_from_the_policy()
    {
        var caller = new Caller("u-2", "many", "多角色", null, Policy(
            Role(PortalRole.GridWorker, ScopeKind.Grid, GridA1),
            Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitB),
            Role(PortalRole.PartyMember, ScopeKind.Community, CommunityC)));

        Assert.Equal([GridA1], caller.GridsWorked);
        Assert.Equal([UnitB], caller.LiaisonUnits);
        Assert.Equal([CommunityC], caller.MemberCommunities);
        Assert.Empty(caller.Managed);
        Assert.Equal([CommunityA, CommunityB, CommunityC], caller.Visible);
        Assert.True(caller.Sees(CommunityB));
    }

    [Fact]
    public void Roles_without_an_account_grant_nothing()
    {
        // A principal that carries role claims but no account id (never issued by the portal) sees and manages nothing.
        var caller = new Caller(null, "", "", null, Policy(Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1)));

        Assert.False(caller.IsSignedIn);
        Assert.Empty(caller.Managed);
        Assert.Empty(caller.Visible);
    }

    [Fact]
    public void Anonymous_and_system_have_no_account_and_no_roles_and_only_the_system_is_the_system()
    {
        Assert.False(Caller.Anonymous.IsSignedIn);
        Assert.False(Caller.Anonymous.IsSystem);
        Assert.Empty(Caller.Anonymous.Policy.Roles);
        Assert.Equal("", Caller.Anonymous.UserName);

        Assert.False(Caller.System.IsSignedIn);
        Assert.True(Caller.System.IsSystem);
        Assert.Empty(Caller.System.Policy.Roles);
        Assert.Equal(AuditEntry.SystemUserName, Caller.System.UserName);
        Assert.Empty(Caller.System.Managed);

        // A caller that merely looks like the system is not it: the flag cannot be forged from names.
        Assert.False(new Caller(null, AuditEntry.SystemUserName, AuditEntry.SystemUserName, null, Policy()).IsSystem);
    }

    [Fact]
    public void An_empty_account_id_is_no_account()
    {
        Assert.False(new Caller("", "x", "x", null, Policy()).IsSignedIn);
    }
}

using Portal.Domain.Access;
using static Portal.Domain.Tests.Access.TestDirectory;

namespace Portal.Domain.Tests.Access;

/// <summary>The access rules of issue 2, role by role, against a directory with two streets.</summary>
public sealed class AccessPolicyTests
{
    private static readonly int[] AllCommunities = [CommunityA, CommunityB, CommunityC];
    private static readonly int[] AllUnits = [UnitA, UnitB, UnitStreet1, UnitC];
    private static readonly int[] AllGrids = [GridA1, GridA2, GridB1, GridC1];

    [Fact]
    public void Resident_sees_their_own_community_only_and_manages_nothing()
    {
        var policy = Policy(Role(PortalRole.Resident, ScopeKind.Community, CommunityA));

        Assert.Equal([CommunityA], policy.VisibleCommunities.Order());
        Assert.True(policy.CanViewCommunity(CommunityA));
        Assert.False(policy.CanViewCommunity(CommunityB));
        Assert.False(policy.CanViewCommunity(CommunityC));
        AssertManagesNothing(policy);
    }

    [Fact]
    public void Visible_streets_are_the_streets_of_the_visible_communities()
    {
        Assert.Equal([Street1], Policy(Role(PortalRole.Resident, ScopeKind.Community, CommunityB)).VisibleStreets.Order());
        Assert.Equal([Street2], Policy(Role(PortalRole.GridWorker, ScopeKind.Grid, GridC1)).VisibleStreets.Order());
        Assert.Equal([Street1, Street2],
            Policy(Role(PortalRole.Resident, ScopeKind.Community, CommunityA), Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street2)).VisibleStreets.Order());
        Assert.Empty(Policy().VisibleStreets);
    }

    [Fact]
    public void Party_member_sees_their_own_community_only_and_manages_nothing()
    {
        var policy = Policy(Role(PortalRole.PartyMember, ScopeKind.Community, CommunityB));

        Assert.Equal([CommunityB], policy.VisibleCommunities.Order());
        Assert.True(policy.Has(PortalRole.PartyMember));
        Assert.False(policy.Has(PortalRole.Resident));
        AssertManagesNothing(policy);
    }

    [Fact]
    public void Community_council_member_sees_their_community_and_manages_nothing()
    {
        var policy = Policy(Role(PortalRole.CouncilMember, ScopeKind.Community, CommunityA));

        Assert.Equal([CommunityA], policy.VisibleCommunities.Order());
        AssertManagesNothing(policy);
    }

    [Fact]
    public void Street_council_member_sees_every_community_of_their_street_and_manages_nothing()
    {
        var policy = Policy(Role(PortalRole.CouncilMember, ScopeKind.Street, Street1));

        Assert.Equal([CommunityA, CommunityB], policy.VisibleCommunities.Order());
        Assert.False(policy.CanViewCommunity(CommunityC));
        AssertManagesNothing(policy);
    }

    [Fact]
    public void Secretary_manages_their_own_community_and_nothing_beyond_it()
    {
        var policy = Policy(Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityA));

        Assert.True(policy.CanManageAnyCommunity);
        Assert.True(policy.CanManageCommunity(CommunityA));
        Assert.False(policy.CanManageCommunity(CommunityB));
        Assert.False(policy.CanManageCommunity(CommunityC));
        Assert.False(policy.CanManageCommunity(Unknown));
        Assert.Equal([CommunityA], policy.ManagedCommunities.Order());
        Assert.Equal([CommunityA], policy.VisibleCommunities.Order());

        // Units and grids of the community, not those of the neighbouring community or of the street itself.
        Assert.True(policy.CanActForUnit(UnitA));
        Assert.False(policy.CanActForUnit(UnitB));
        Assert.False(policy.CanActForUnit(UnitStreet1));
        Assert.False(policy.CanActForUnit(UnitC));
        Assert.True(policy.CanWorkInGrid(GridA1));
        Assert.True(policy.CanWorkInGrid(GridA2));
        Assert.False(policy.CanWorkInGrid(GridB1));
        Assert.False(policy.CanWorkInGrid(GridC1));

        // Street-level powers stay with the street administrator.
        Assert.False(policy.IsStreetAdministrator);
        Assert.False(policy.CanManageStreet(Street1));
        Assert.False(policy.CanReadAuditLog);
        Assert.False(policy.CanAdministerRolesIn(ScopeKind.Community, CommunityA));
        Assert.False(policy.CanManageAccount([Role(PortalRole.Resident, ScopeKind.Community, CommunityA)]));
        Assert.Empty(policy.AdministeredStreets);
    }

    [Fact]
    public void Liaison_acts_for_their_unit_only_and_sees_the_unit_s_community()
    {
        var policy = Policy(Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitA));

        Assert.True(policy.CanActForUnit(UnitA));
        Assert.False(policy.CanActForUnit(UnitB));
        Assert.False(policy.CanActForUnit(UnitStreet1));
        Assert.False(policy.CanActForUnit(UnitC));
        Assert.Equal([CommunityA], policy.VisibleCommunities.Order());
        Assert.False(policy.CanManageAnyCommunity);
        Assert.Empty(policy.ManagedCommunities);
        Assert.All(AllGrids, g => Assert.False(policy.CanWorkInGrid(g)));
        Assert.False(policy.CanReadAuditLog);
    }

    [Fact]
    public void Liaison_of_a_street_level_unit_sees_every_community_of_that_street()
    {
        var policy = Policy(Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitStreet1));

        Assert.True(policy.CanActForUnit(UnitStreet1));
        Assert.False(policy.CanActForUnit(UnitA));
        Assert.Equal([CommunityA, CommunityB], policy.VisibleCommunities.Order());
        Assert.Empty(policy.ManagedCommunities);
    }

    [Fact]
    public void Liaison_of_a_unit_no_longer_in_the_directory_sees_nothing()
    {
        var policy = Policy(Role(PortalRole.UnitLiaison, ScopeKind.Unit, Unknown));

        Assert.True(policy.CanActForUnit(Unknown));
        Assert.Empty(policy.VisibleCommunities);
    }

    [Fact]
    public void Grid_worker_works_in_their_grid_only_and_sees_its_community()
    {
        var policy = Policy(Role(PortalRole.GridWorker, ScopeKind.Grid, GridA1));

        Assert.True(policy.CanWorkInGrid(GridA1));
        Assert.False(policy.CanWorkInGrid(GridA2));
        Assert.False(policy.CanWorkInGrid(GridB1));
        Assert.False(policy.CanWorkInGrid(GridC1));
        Assert.Equal([CommunityA], policy.VisibleCommunities.Order());
        Assert.False(policy.CanManageCommunity(CommunityA));
        Assert.All(AllUnits, u => Assert.False(policy.CanActForUnit(u)));
        Assert.False(policy.CanManageAnyCommunity);
    }

    [Fact]
    public void Street_administrator_manages_everything_of_their_street_and_nothing_of_another()
    {
        var policy = Policy(Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1));

        Assert.True(policy.IsStreetAdministrator);
        Assert.Equal([Street1], policy.AdministeredStreets);
        Assert.True(policy.CanManageStreet(Street1));
        Assert.False(policy.CanManageStreet(Street2));
        Assert.True(policy.CanReadAuditLog);
        Assert.True(policy.CanManageAnyCommunity);
        Assert.Equal([CommunityA, CommunityB], policy.ManagedCommunities.Order());
        Assert.Equal([CommunityA, CommunityB], policy.VisibleCommunities.Order());
        Assert.False(policy.CanManageCommunity(CommunityC));
        Assert.False(policy.CanViewCommunity(CommunityC));

        Assert.True(policy.CanActForUnit(UnitA));
        Assert.True(policy.CanActForUnit(UnitB));
        Assert.True(policy.CanActForUnit(UnitStreet1));
        Assert.False(policy.CanActForUnit(UnitC));
        Assert.False(policy.CanActForUnit(Unknown));
        Assert.True(policy.CanWorkInGrid(GridA1));
        Assert.True(policy.CanWorkInGrid(GridB1));
        Assert.False(policy.CanWorkInGrid(GridC1));
        Assert.False(policy.CanWorkInGrid(Unknown));
    }

    [Theory]
    [InlineData(ScopeKind.Street, Street1, true)]
    [InlineData(ScopeKind.Community, CommunityA, true)]
    [InlineData(ScopeKind.Community, CommunityB, true)]
    [InlineData(ScopeKind.Grid, GridB1, true)]
    [InlineData(ScopeKind.Unit, UnitA, true)]
    [InlineData(ScopeKind.Unit, UnitStreet1, true)]
    [InlineData(ScopeKind.Street, Street2, false)]
    [InlineData(ScopeKind.Community, CommunityC, false)]
    [InlineData(ScopeKind.Grid, GridC1, false)]
    [InlineData(ScopeKind.Unit, UnitC, false)]
    [InlineData(ScopeKind.Community, Unknown, false)]
    [InlineData(ScopeKind.Grid, Unknown, false)]
    [InlineData(ScopeKind.Unit, Unknown, false)]
    public void Street_administrator_administers_roles_in_scopes_of_their_own_street(ScopeKind kind, int scopeId, bool expected)
    {
        var policy = Policy(Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1));

        Assert.Equal(expected, policy.CanAdministerRolesIn(kind, scopeId));
    }

    [Fact]
    public void Street_administrator_manages_accounts_whose_every_role_lies_in_their_street()
    {
        var policy = Policy(Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1));

        Assert.True(policy.CanManageAccount([Role(PortalRole.Resident, ScopeKind.Community, CommunityA)]));
        Assert.True(policy.CanManageAccount([
            Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityB),
            Role(PortalRole.GridWorker, ScopeKind.Grid, GridA1),
            Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitStreet1),
            Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1),
        ]));
        // Nothing ties an account without roles to another street, so an administrator can recover it.
        Assert.True(policy.CanManageAccount([]));

        // One role elsewhere is enough to make the account another street's business too.
        Assert.False(policy.CanManageAccount([
            Role(PortalRole.Resident, ScopeKind.Community, CommunityA),
            Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitC),
        ]));
        Assert.False(policy.CanManageAccount([Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street2)]));
        Assert.False(policy.CanManageAccount([Role(PortalRole.Resident, ScopeKind.Community, Unknown)]));
    }

    [Fact]
    public void Roles_add_up_and_duplicates_count_once()
    {
        var resident = Role(PortalRole.Resident, ScopeKind.Community, CommunityA);
        var policy = Policy(resident, resident, Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitC), Role(PortalRole.GridWorker, ScopeKind.Grid, GridB1));

        Assert.Equal(3, policy.Roles.Count);
        Assert.Equal([CommunityA, CommunityB, CommunityC], policy.VisibleCommunities.Order());
        Assert.True(policy.CanActForUnit(UnitC));
        Assert.True(policy.CanWorkInGrid(GridB1));
        AssertNoManagement(policy);
    }

    [Fact]
    public void Secretary_of_two_communities_in_different_streets_manages_both_but_administers_no_street()
    {
        var policy = Policy(
            Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityA),
            Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityC));

        Assert.Equal([CommunityA, CommunityC], policy.ManagedCommunities.Order());
        Assert.True(policy.CanActForUnit(UnitC));
        Assert.False(policy.IsStreetAdministrator);
        Assert.False(policy.CanAdministerRolesIn(ScopeKind.Community, CommunityA));
    }

    [Fact]
    public void A_user_without_roles_sees_and_manages_nothing()
    {
        var policy = Policy();

        Assert.Empty(policy.Roles);
        Assert.Empty(policy.VisibleCommunities);
        AssertManagesNothing(policy);
    }

    [Fact]
    public void An_empty_directory_grants_only_what_the_roles_name_directly()
    {
        var policy = new AccessPolicy([Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1), Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitA)], DirectoryScope.Empty);

        Assert.Empty(policy.ManagedCommunities);
        Assert.Empty(policy.VisibleCommunities);
        Assert.False(policy.CanManageCommunity(CommunityA));
        Assert.True(policy.CanActForUnit(UnitA));
        Assert.False(policy.CanActForUnit(UnitB));
        Assert.True(policy.CanAdministerRolesIn(ScopeKind.Street, Street1));
        Assert.False(policy.CanAdministerRolesIn(ScopeKind.Community, CommunityA));
    }

    private static void AssertManagesNothing(AccessPolicy policy)
    {
        AssertNoManagement(policy);
        Assert.All(AllUnits, u => Assert.False(policy.CanActForUnit(u), $"unit {u}"));
        Assert.All(AllGrids, g => Assert.False(policy.CanWorkInGrid(g), $"grid {g}"));
    }

    private static void AssertNoManagement(AccessPolicy policy)
    {
        Assert.False(policy.IsStreetAdministrator);
        Assert.False(policy.CanManageAnyCommunity);
        Assert.Empty(policy.ManagedCommunities);
        Assert.All(AllCommunities, c => Assert.False(policy.CanManageCommunity(c), $"community {c}"));
        Assert.False(policy.CanManageStreet(Street1));
        Assert.False(policy.CanReadAuditLog);
        Assert.False(policy.CanAdministerRolesIn(ScopeKind.Community, CommunityA));
        Assert.False(policy.CanManageAccount([]));
    }
}

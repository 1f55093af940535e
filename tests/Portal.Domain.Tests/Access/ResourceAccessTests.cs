using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using static Portal.Domain.Tests.Access.TestDirectory;

namespace Portal.Domain.Tests.Access;

/// <summary>Who acts for and who sees which units' resources (资源清单), and what committing capacity does to a resource.</summary>
public sealed class ResourceAccessTests
{
    private static readonly UnitPlace[] Units =
    [
        new(UnitA, "社区 A 单位", Street1, CommunityA),
        new(UnitB, "社区 B 单位", Street1, CommunityB),
        new(UnitStreet1, "街道单位", Street1, null),
        new(UnitC, "外街道单位", Street2, CommunityC),
    ];

    private static ResourceAccess For(params ScopedRole[] roles) => new(new Caller("u-1", "user", "用户", null, Policy(roles)), Units);

    [Fact]
    public void A_secretary_acts_for_their_communitys_units_and_sees_the_street_level_units_of_their_street()
    {
        var access = For(Role(PortalRole.CommunitySecretary, ScopeKind.Community, CommunityA));

        Assert.Equal([UnitA], access.Actable.Order());
        Assert.Contains(UnitStreet1, access.Visible);
        Assert.DoesNotContain(UnitC, access.Visible);
        Assert.False(access.CanAct(UnitStreet1));
    }

    [Fact]
    public void A_liaison_acts_for_their_own_unit_only()
    {
        var access = For(Role(PortalRole.UnitLiaison, ScopeKind.Unit, UnitB));

        Assert.Equal([UnitB], access.Actable.Order());
        Assert.True(access.Sees(UnitB));
        Assert.False(access.CanAct(UnitA));
    }

    [Fact]
    public void A_street_administrator_acts_for_every_unit_of_their_street_and_no_other()
    {
        var access = For(Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1));

        Assert.Equal([UnitA, UnitB, UnitStreet1], access.Actable.Order());
        Assert.False(access.Sees(UnitC));
    }

    [Fact]
    public void Nobody_signed_in_acts_for_or_sees_anything_whatever_the_policy_says()
    {
        var access = new ResourceAccess(new Caller(null, "", "", null, Policy(Role(PortalRole.StreetAdministrator, ScopeKind.Street, Street1))), Units);

        Assert.Empty(access.Actable);
        Assert.Empty(access.Visible);
    }

    [Fact]
    public void Committing_takes_capacity_and_raises_the_change_but_never_beyond_what_is_left()
    {
        var resource = new Resource { Id = 7, UnitId = UnitA, Title = "场地", CapacityUnit = "人", Capacity = 5 };

        Assert.False(resource.Commit(0, CommunityA));
        Assert.False(resource.Commit(6, CommunityA));
        Assert.Empty(resource.TakeEvents());

        Assert.True(resource.Commit(5, CommunityA));
        Assert.Equal(0, resource.RemainingCapacity);
        Assert.Equal(new ResourceChanged(UnitA, CommunityA), Assert.Single(resource.TakeEvents()));
    }
}

using Portal.Domain.Access;
using Portal.Domain.Deliberation;

namespace Portal.Domain.Tests.Deliberation;

public sealed class StepActorTests
{
    // Street 1 has communities 3 and 4; grid 30 is in community 3, grid 40 in community 4.
    private static readonly DirectoryScope Directory = new(
        new Dictionary<int, int> { [3] = 1, [4] = 1, [5] = 2 },
        new Dictionary<int, int> { [30] = 3, [40] = 4 },
        new Dictionary<int, (int, int?)> { [7] = (1, 3) });

    private static Caller CallerWith(params ScopedRole[] roles) => new("u1", "user1", "张三", null, new AccessPolicy(roles, Directory));

    [Fact]
    public void Only_roles_held_over_the_sessions_community_count()
    {
        var caller = CallerWith(
            new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, 4),
            new ScopedRole(PortalRole.GridWorker, ScopeKind.Grid, 30),
            new ScopedRole(PortalRole.GridWorker, ScopeKind.Grid, 40),
            new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, 1),
            new ScopedRole(PortalRole.UnitLiaison, ScopeKind.Unit, 7),
            new ScopedRole(PortalRole.Resident, ScopeKind.Community, 3));

        var actor = StepActor.For(caller, 3, Directory);

        Assert.Equal(("u1", "张三"), (actor.UserId, actor.Name));
        Assert.Equal([PortalRole.StreetAdministrator, PortalRole.GridWorker, PortalRole.Resident], actor.RolesHere.Order());
    }

    [Fact]
    public void A_street_administrator_of_another_street_holds_nothing_here()
    {
        var actor = StepActor.For(CallerWith(new ScopedRole(PortalRole.StreetAdministrator, ScopeKind.Street, 2)), 3, Directory);

        Assert.Empty(actor.RolesHere);
    }

    [Fact]
    public void Nobody_signed_in_holds_nothing_and_may_complete_nothing()
    {
        var actor = StepActor.For(Caller.Anonymous, 3, Directory);

        Assert.Equal("", actor.UserId);
        Assert.Empty(actor.RolesHere);
    }
}

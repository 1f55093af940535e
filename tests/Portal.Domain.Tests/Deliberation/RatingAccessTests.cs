using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Access.PortalRole;

namespace Portal.Domain.Tests.Deliberation;

/// <summary><see cref="DeliberationAccess.CanRate"/>: a resident of the community who lives inside the matter's scope, nobody else.</summary>
public sealed class RatingAccessTests
{
    private static readonly DirectoryScope Directory = new(
        new Dictionary<int, int> { [3] = 1, [4] = 1 },
        new Dictionary<int, int> { [30] = 3, [40] = 4 },
        new Dictionary<int, (int, int?)>());

    private static readonly MatterScope Building = new(MatterScopeKind.Building, 300);
    private static readonly ResidencePlace InBuilding = new(3, 30, 300, null);

    private static AccessPolicy Holding(PortalRole role, ScopeKind scope, int id) => new([new ScopedRole(role, scope, id)], Directory);

    [Theory]
    [InlineData(Resident, ScopeKind.Community, 3, true)]
    [InlineData(Resident, ScopeKind.Community, 4, false)]
    [InlineData(CommunitySecretary, ScopeKind.Community, 3, false)]
    [InlineData(StreetAdministrator, ScopeKind.Street, 1, false)]
    [InlineData(GridWorker, ScopeKind.Grid, 30, false)]
    public void Only_a_resident_of_the_community_rates(PortalRole role, ScopeKind scope, int id, bool rates) =>
        Assert.Equal(rates, DeliberationAccess.CanRate(Holding(role, scope, id), 3, Building, InBuilding));

    [Fact]
    public void A_resident_outside_the_scope_or_unknown_to_the_directory_does_not_rate()
    {
        var resident = Holding(Resident, ScopeKind.Community, 3);

        Assert.False(DeliberationAccess.CanRate(resident, 3, Building, new ResidencePlace(3, 30, 301, null)));
        Assert.False(DeliberationAccess.CanRate(resident, 3, Building, null));
        Assert.True(DeliberationAccess.CanRate(resident, 3, new MatterScope(MatterScopeKind.Community, 3), new ResidencePlace(3, null, null, null)));
    }
}

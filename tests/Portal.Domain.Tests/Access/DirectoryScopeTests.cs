using Portal.Domain.Access;
using static Portal.Domain.Tests.Access.TestDirectory;

namespace Portal.Domain.Tests.Access;

public sealed class DirectoryScopeTests
{
    [Fact]
    public void Looks_up_the_parents_of_communities_grids_and_units()
    {
        Assert.Equal(Street1, Scope.StreetOfCommunity(CommunityB));
        Assert.Equal(Street2, Scope.StreetOfCommunity(CommunityC));
        Assert.Null(Scope.StreetOfCommunity(Unknown));
        Assert.Equal(CommunityA, Scope.CommunityOfGrid(GridA2));
        Assert.Null(Scope.CommunityOfGrid(Unknown));
        Assert.Equal((Street1, (int?)CommunityB), Scope.PlaceOfUnit(UnitB));
        Assert.Equal((Street1, (int?)null), Scope.PlaceOfUnit(UnitStreet1));
        Assert.Null(Scope.PlaceOfUnit(Unknown));
    }

    [Theory]
    [InlineData(ScopeKind.Street, Street2, Street2)]
    [InlineData(ScopeKind.Community, CommunityA, Street1)]
    [InlineData(ScopeKind.Community, CommunityC, Street2)]
    [InlineData(ScopeKind.Grid, GridB1, Street1)]
    [InlineData(ScopeKind.Grid, GridC1, Street2)]
    [InlineData(ScopeKind.Unit, UnitA, Street1)]
    [InlineData(ScopeKind.Unit, UnitStreet1, Street1)]
    [InlineData(ScopeKind.Unit, UnitC, Street2)]
    [InlineData(ScopeKind.Community, Unknown, null)]
    [InlineData(ScopeKind.Grid, Unknown, null)]
    [InlineData(ScopeKind.Unit, Unknown, null)]
    [InlineData((ScopeKind)99, CommunityA, null)]
    public void Finds_the_street_of_any_scope(ScopeKind kind, int scopeId, int? street) =>
        Assert.Equal(street, Scope.StreetOf(kind, scopeId));

    [Fact]
    public void Lists_what_belongs_to_a_street()
    {
        Assert.Equal([CommunityA, CommunityB, CommunityC], Scope.AllCommunities.Order());
        Assert.Equal([CommunityA, CommunityB], Scope.CommunitiesOfStreet(Street1).Order());
        Assert.Equal([CommunityC], Scope.CommunitiesOfStreet(Street2));
        Assert.Equal([GridA1, GridA2, GridB1], Scope.GridsOfStreet(Street1).Order());
        Assert.Equal([GridC1], Scope.GridsOfStreet(Street2));
        Assert.Equal([UnitA, UnitB, UnitStreet1], Scope.UnitsOfStreet(Street1).Order());
        Assert.Equal([UnitC], Scope.UnitsOfStreet(Street2));
        Assert.Empty(Scope.CommunitiesOfStreet(Unknown));
        Assert.Empty(Scope.GridsOfStreet(Unknown));
        Assert.Empty(Scope.UnitsOfStreet(Unknown));
    }

    [Fact]
    public void The_empty_directory_knows_nothing()
    {
        Assert.Empty(DirectoryScope.Empty.AllCommunities);
        Assert.Null(DirectoryScope.Empty.StreetOfCommunity(CommunityA));
        Assert.Null(DirectoryScope.Empty.StreetOf(ScopeKind.Grid, GridA1));
        Assert.Equal(Street1, DirectoryScope.Empty.StreetOf(ScopeKind.Street, Street1));
    }
}

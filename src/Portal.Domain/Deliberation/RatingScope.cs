namespace Portal.Domain.Deliberation;

/// <summary>
/// Where a resident lives, as the directory records it: the community, and — through their household — the grid, the
/// building and the property area of that building; a person recorded without a household has only a community and
/// perhaps a grid.
/// </summary>
public sealed record ResidencePlace(int? CommunityId, int? GridId, int? BuildingId, int? PropertyAreaId);

/// <summary>
/// Who rates the result of a matter (群众评事): the residents the matter concerns, i.e. those living inside its scope —
/// a building's residents rate the lift in their building, not the whole community. For a property area, the residents
/// of its buildings (rating asks those who live with the result; the owners' headcount-and-area rule is for votes).
/// </summary>
public static class RatingScope
{
    public static bool Covers(MatterScope scope, ResidencePlace place) => scope.Kind switch
    {
        MatterScopeKind.Community => place.CommunityId == scope.Id,
        MatterScopeKind.Grid => place.GridId == scope.Id,
        MatterScopeKind.Building => place.BuildingId == scope.Id,
        MatterScopeKind.PropertyArea => place.PropertyAreaId == scope.Id,
        _ => false,
    };
}

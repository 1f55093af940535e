using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

/// <summary>
/// A small directory with two streets, shaped like the demo data: street 1 has communities 10 and 11 (grids 100, 101
/// and 110), units 500 (community 10), 501 (community 11) and 502 (attached to the street itself); street 2 has
/// community 20 with grid 200 and unit 600. A second street is what makes "their own street only" testable.
/// </summary>
internal static class TestDirectory
{
    public const int Street1 = 1, Street2 = 2;
    public const int CommunityA = 10, CommunityB = 11, CommunityC = 20;
    public const int GridA1 = 100, GridA2 = 101, GridB1 = 110, GridC1 = 200;
    public const int UnitA = 500, UnitB = 501, UnitStreet1 = 502, UnitC = 600;
    public const int Unknown = 999;

    public static DirectoryScope Scope { get; } = new(
        new Dictionary<int, int> { [CommunityA] = Street1, [CommunityB] = Street1, [CommunityC] = Street2 },
        new Dictionary<int, int> { [GridA1] = CommunityA, [GridA2] = CommunityA, [GridB1] = CommunityB, [GridC1] = CommunityC },
        new Dictionary<int, (int StreetId, int? CommunityId)>
        {
            [UnitA] = (Street1, CommunityA),
            [UnitB] = (Street1, CommunityB),
            [UnitStreet1] = (Street1, null),
            [UnitC] = (Street2, CommunityC),
        });

    public static AccessPolicy Policy(params ScopedRole[] roles) => new(roles, Scope);

    public static ScopedRole Role(PortalRole role, ScopeKind scope, int id) => new(role, scope, id);
}

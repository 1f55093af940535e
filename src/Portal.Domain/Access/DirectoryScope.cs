namespace Portal.Domain.Access;

/// <summary>
/// The parts of the directory hierarchy that access decisions need: which street each community belongs to,
/// and which community each grid and unit belongs to. Loaded once and cached by the data layer.
/// </summary>
public sealed class DirectoryScope
{
    private readonly IReadOnlyDictionary<int, int> _streetOfCommunity;
    private readonly IReadOnlyDictionary<int, int> _communityOfGrid;
    private readonly IReadOnlyDictionary<int, (int StreetId, int? CommunityId)> _placeOfUnit;

    public DirectoryScope(
        IReadOnlyDictionary<int, int> streetOfCommunity,
        IReadOnlyDictionary<int, int> communityOfGrid,
        IReadOnlyDictionary<int, (int StreetId, int? CommunityId)> placeOfUnit)
    {
        _streetOfCommunity = streetOfCommunity;
        _communityOfGrid = communityOfGrid;
        _placeOfUnit = placeOfUnit;
    }

    public static DirectoryScope Empty { get; } = new(
        new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<int, (int, int?)>());

    public IEnumerable<int> AllCommunities => _streetOfCommunity.Keys;

    public int? StreetOfCommunity(int communityId) =>
        _streetOfCommunity.TryGetValue(communityId, out var s) ? s : null;

    public int? CommunityOfGrid(int gridId) =>
        _communityOfGrid.TryGetValue(gridId, out var c) ? c : null;

    public (int StreetId, int? CommunityId)? PlaceOfUnit(int unitId) =>
        _placeOfUnit.TryGetValue(unitId, out var p) ? p : null;

    /// <summary>The street a role's scope lies in; null when the scope is not (or no longer) in the directory.</summary>
    public int? StreetOf(ScopeKind kind, int scopeId) => kind switch
    {
        ScopeKind.Street => scopeId,
        ScopeKind.Community => StreetOfCommunity(scopeId),
        ScopeKind.Grid => CommunityOfGrid(scopeId) is { } community ? StreetOfCommunity(community) : null,
        ScopeKind.Unit => PlaceOfUnit(scopeId)?.StreetId,
        _ => null,
    };

    public IEnumerable<int> CommunitiesOfStreet(int streetId) =>
        _streetOfCommunity.Where(p => p.Value == streetId).Select(p => p.Key);

    public IEnumerable<int> GridsOfStreet(int streetId) =>
        _communityOfGrid.Where(p => StreetOfCommunity(p.Value) == streetId).Select(p => p.Key);

    /// <summary>Units of the street, whether attached to one of its communities or to the street itself.</summary>
    public IEnumerable<int> UnitsOfStreet(int streetId) =>
        _placeOfUnit.Where(p => p.Value.StreetId == streetId).Select(p => p.Key);
}

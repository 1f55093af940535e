namespace Portal.Domain.Access;

/// <summary>A co-building unit as the resources list places it: its street, and its community (none: street-level).</summary>
public sealed record UnitPlace(int Id, string Name, int StreetId, int? CommunityId);

/// <summary>
/// Who may do what with the resources of which units (资源清单), for one caller: a unit's liaison and the managers of
/// its community or street act for it (<see cref="AccessPolicy.CanActForUnit"/>); everyone signed in who belongs to a
/// community sees the units of that community and the street-level units of its street. Nobody signed in acts for or
/// sees anything. Built from the caller and the units of the directory; the same sets feed in-memory checks and the
/// database filters (lists of ids).
/// </summary>
public sealed class ResourceAccess
{
    public ResourceAccess(Caller caller, IEnumerable<UnitPlace> units)
    {
        Caller = caller;
        Units = units.ToDictionary(u => u.Id);
        if (!caller.IsSignedIn)
        {
            Actable = new HashSet<int>();
            Visible = new HashSet<int>();
            return;
        }
        var policy = caller.Policy;
        var communities = policy.VisibleCommunities;
        var streets = policy.VisibleStreets;
        Actable = Units.Values.Where(u => policy.CanActForUnit(u.Id)).Select(u => u.Id).ToHashSet();
        // A community unit is seen by its community; a street-level unit serves every community of the street.
        Visible = Units.Values
            .Where(u => Actable.Contains(u.Id) || (u.CommunityId is { } c ? communities.Contains(c) : streets.Contains(u.StreetId)))
            .Select(u => u.Id).ToHashSet();
    }

    public Caller Caller { get; }

    /// <summary>Every unit of the directory by id.</summary>
    public IReadOnlyDictionary<int, UnitPlace> Units { get; }

    /// <summary>Units whose resources the caller publishes and edits.</summary>
    public IReadOnlySet<int> Actable { get; }

    /// <summary>Units whose active resources the caller sees (and those they act for).</summary>
    public IReadOnlySet<int> Visible { get; }

    public bool CanAct(int unitId) => Actable.Contains(unitId);

    public bool Sees(int unitId) => Visible.Contains(unitId);

    /// <summary>The community of the unit (null: street-level, or unknown).</summary>
    public int? CommunityOf(int unitId) => Units.TryGetValue(unitId, out var unit) ? unit.CommunityId : null;

    /// <summary>The name of the unit ("" when unknown).</summary>
    public string NameOf(int unitId) => Units.TryGetValue(unitId, out var unit) ? unit.Name : "";

    /// <summary>Units of the street: those that may lead, co-own or lend resources to a project there.</summary>
    public IEnumerable<UnitPlace> OfStreet(int streetId) => Units.Values.Where(u => u.StreetId == streetId);
}

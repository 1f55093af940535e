using System.Linq.Expressions;
using Portal.Domain.Access;

namespace Portal.Domain.Directory;

/// <summary>
/// The directory rows one caller may manage, as query filters and single checks built from one rule set from their
/// <see cref="AccessPolicy"/> (the caller's <c>Policy</c>), so that lists, edits, deletes, imports and exports agree. A row
/// outside the scope is treated as not existing. The web layer builds it from the scope's caller; nothing here reads
/// who is calling.
/// </summary>
public sealed class DirectoryAccess(AccessPolicy policy)
{
    public AccessPolicy Policy { get; } = policy;

    /// <summary>Communities whose grids, buildings, households, owners, people and units the user manages.</summary>
    public List<int> Communities { get; } = policy.ManagedCommunities.ToList();

    /// <summary>Streets whose communities, street-level units and unattached records the user manages.</summary>
    public List<int> Streets { get; } = policy.AdministeredStreets.ToList();

    public bool IsStreetAdministrator => Streets.Count > 0;

    public bool CanManageCommunity(int communityId) => Policy.CanManageCommunity(communityId);

    public bool CanManageStreet(int streetId) => Policy.CanManageStreet(streetId);

    public Expression<Func<Community, bool>> CommunityFilter
    {
        get
        {
            var communities = Communities;
            return c => communities.Contains(c.Id);
        }
    }

    public Expression<Func<Grid, bool>> GridFilter
    {
        get
        {
            var communities = Communities;
            return g => communities.Contains(g.CommunityId);
        }
    }

    public Expression<Func<PropertyArea, bool>> PropertyAreaFilter
    {
        get
        {
            var communities = Communities;
            return a => communities.Contains(a.CommunityId);
        }
    }

    public Expression<Func<Building, bool>> BuildingFilter
    {
        get
        {
            var communities = Communities;
            return b => communities.Contains(b.Grid!.CommunityId);
        }
    }

    public Expression<Func<Household, bool>> HouseholdFilter
    {
        get
        {
            var communities = Communities;
            return h => communities.Contains(h.Building!.Grid!.CommunityId);
        }
    }

    /// <summary>Community units belong to the community's managers; street-level units to the street's administrators.</summary>
    public Expression<Func<CoBuildingUnit, bool>> UnitFilter
    {
        get
        {
            var communities = Communities;
            var streets = Streets;
            return u => u.CommunityId != null ? communities.Contains(u.CommunityId.Value) : streets.Contains(u.StreetId);
        }
    }

    public bool CanManageUnitPlace(int streetId, int? communityId) =>
        communityId is { } c ? CanManageCommunity(c) : CanManageStreet(streetId);

    /// <summary>
    /// People who live in a managed community, or work at a managed unit; people attached to neither
    /// (e.g. newly entered staff) are managed by street administrators.
    /// </summary>
    public Expression<Func<Person, bool>> PersonFilter
    {
        get
        {
            var communities = Communities;
            var streets = Streets;
            var streetAdministrator = IsStreetAdministrator;
            return p => (p.ResidenceCommunityId != null && communities.Contains(p.ResidenceCommunityId.Value))
                        || (p.HomeUnit != null && (p.HomeUnit.CommunityId != null ? communities.Contains(p.HomeUnit.CommunityId.Value) : streets.Contains(p.HomeUnit.StreetId)))
                        || (streetAdministrator && p.ResidenceCommunityId == null && p.HomeUnitId == null);
        }
    }

    /// <summary>
    /// A community's own organisations belong to its managers. Organisations without a community (units' and
    /// the street's) belong to street administrators, and to a secretary when a unit of their community uses it.
    /// </summary>
    public Expression<Func<PartyOrganization, bool>> PartyOrganizationFilter(IQueryable<CoBuildingUnit> units)
    {
        var communities = Communities;
        var streetAdministrator = IsStreetAdministrator;
        return o => o.CommunityId != null
            ? communities.Contains(o.CommunityId.Value)
            : streetAdministrator || units.Any(u => u.PartyOrganizationId == o.Id && u.CommunityId != null && communities.Contains(u.CommunityId.Value));
    }
}

namespace Portal.Domain.Access;

/// <summary>
/// Decides what one user may see and do, from the scoped roles they hold and the directory hierarchy.
/// The rules (issue 2): a street administrator manages every community of the street; a community secretary
/// manages their community; a liaison acts for their unit; a grid worker works in their grid; residents and
/// Party members see their own community only.
/// </summary>
public sealed class AccessPolicy
{
    private readonly IReadOnlyList<ScopedRole> _roles;
    private readonly DirectoryScope _directory;

    public AccessPolicy(IEnumerable<ScopedRole> roles, DirectoryScope directory)
    {
        _roles = roles.Distinct().ToList();
        _directory = directory;
    }

    public IReadOnlyList<ScopedRole> Roles => _roles;

    public bool Has(PortalRole role) => _roles.Any(r => r.Role == role);

    public bool IsStreetAdministrator => Has(PortalRole.StreetAdministrator);

    /// <summary>The scope ids the user holds the role over, e.g. the units they are the liaison of.</summary>
    public IReadOnlyList<int> ScopesOf(PortalRole role) =>
        _roles.Where(r => r.Role == role).Select(r => r.ScopeId).Distinct().ToList();

    /// <summary>Streets this user administers.</summary>
    public IEnumerable<int> AdministeredStreets =>
        _roles.Where(r => r.Role == PortalRole.StreetAdministrator).Select(r => r.ScopeId).Distinct();

    /// <summary>True when the user may manage the directory and content of the community.</summary>
    public bool CanManageCommunity(int communityId)
    {
        foreach (var r in _roles)
        {
            if (r.Role == PortalRole.CommunitySecretary && r.ScopeId == communityId) return true;
            if (r.Role == PortalRole.StreetAdministrator && _directory.StreetOfCommunity(communityId) == r.ScopeId) return true;
        }
        return false;
    }

    /// <summary>Communities whose directory the user may manage.</summary>
    public IReadOnlySet<int> ManagedCommunities =>
        _directory.AllCommunities.Where(CanManageCommunity).ToHashSet();

    /// <summary>True when the user may manage something in the directory at all (administration pages).</summary>
    public bool CanManageAnyCommunity =>
        _roles.Any(r => r.Role is PortalRole.StreetAdministrator or PortalRole.CommunitySecretary);

    public bool CanManageStreet(int streetId) =>
        _roles.Any(r => r.Role == PortalRole.StreetAdministrator && r.ScopeId == streetId);

    /// <summary>True when the user belongs to the community in any role, or manages it.</summary>
    public bool CanViewCommunity(int communityId)
    {
        if (CanManageCommunity(communityId)) return true;
        foreach (var r in _roles)
        {
            switch (r.Scope)
            {
                case ScopeKind.Community when r.ScopeId == communityId:
                    return true;
                case ScopeKind.Grid when _directory.CommunityOfGrid(r.ScopeId) == communityId:
                    return true;
                case ScopeKind.Unit when _directory.PlaceOfUnit(r.ScopeId) is { } place
                                         && (place.CommunityId == communityId
                                             || (place.CommunityId is null && _directory.StreetOfCommunity(communityId) == place.StreetId)):
                    return true;
                case ScopeKind.Street when _directory.StreetOfCommunity(communityId) == r.ScopeId:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Communities the user can see, for filtering lists.</summary>
    public IReadOnlySet<int> VisibleCommunities =>
        _directory.AllCommunities.Where(CanViewCommunity).ToHashSet();

    /// <summary>
    /// Streets with at least one community the user can see: what street-wide things (street-level units, the street's
    /// council) are visible to them.
    /// </summary>
    public IReadOnlySet<int> VisibleStreets =>
        _directory.AllCommunities.Where(CanViewCommunity).Select(_directory.StreetOfCommunity).OfType<int>().ToHashSet();

    /// <summary>True when the user may act for the co-building unit (its liaison, or a manager of its community).</summary>
    public bool CanActForUnit(int unitId)
    {
        if (_roles.Any(r => r.Role == PortalRole.UnitLiaison && r.ScopeId == unitId)) return true;
        if (_directory.PlaceOfUnit(unitId) is not { } place) return false;
        if (CanManageStreet(place.StreetId)) return true;
        return place.CommunityId is { } c && CanManageCommunity(c);
    }

    /// <summary>True when the user works in the grid (its grid worker) or manages its community.</summary>
    public bool CanWorkInGrid(int gridId)
    {
        if (_roles.Any(r => r.Role == PortalRole.GridWorker && r.ScopeId == gridId)) return true;
        return _directory.CommunityOfGrid(gridId) is { } c && CanManageCommunity(c);
    }

    /// <summary>
    /// True when the user may grant or revoke a role over this scope: street administrators, for scopes of their own
    /// street. A scope that is not in the directory belongs to no street and so to nobody.
    /// </summary>
    public bool CanAdministerRolesIn(ScopeKind kind, int scopeId) =>
        _directory.StreetOf(kind, scopeId) is { } street && CanManageStreet(street);

    /// <summary>
    /// True when the user may change an account (password, lockout, linked person) that holds these roles: a street
    /// administrator, provided every role of the account lies in a street they administer. An account with a role
    /// elsewhere belongs (also) to another street, whose administrators must not be overruled.
    /// </summary>
    public bool CanManageAccount(IEnumerable<ScopedRole> rolesOfAccount) =>
        IsStreetAdministrator && rolesOfAccount.All(r => CanAdministerRolesIn(r.Scope, r.ScopeId));

    /// <summary>True for roles that may read the audit log: street administrators only.</summary>
    public bool CanReadAuditLog => IsStreetAdministrator;
}

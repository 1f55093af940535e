namespace Portal.Domain.Access;

/// <summary>The roles a user can hold; a user may hold several, each scoped to a street, community or unit.</summary>
public enum PortalRole
{
    StreetAdministrator = 0,
    CommunitySecretary = 1,
    CouncilMember = 2,
    UnitLiaison = 3,
    GridWorker = 4,
    PartyMember = 5,
    Resident = 6,
}

/// <summary>What a role assignment is scoped to.</summary>
public enum ScopeKind
{
    Street = 0,
    Community = 1,
    Unit = 2,
    Grid = 3,
}

/// <summary>One role held over one scope, e.g. "community secretary of community 3".</summary>
public readonly record struct ScopedRole(PortalRole Role, ScopeKind Scope, int ScopeId)
{
    /// <summary>Compact text form used in claims: <c>Role@Scope:Id</c>.</summary>
    public override string ToString() => $"{Role}@{Scope}:{ScopeId}";

    public static bool TryParse(string? text, out ScopedRole value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        var at = text.IndexOf('@');
        var colon = text.LastIndexOf(':');
        if (at <= 0 || colon <= at) return false;
        if (!Enum.TryParse<PortalRole>(text[..at], out var role) || !Enum.IsDefined(role)) return false;
        if (!Enum.TryParse<ScopeKind>(text[(at + 1)..colon], out var scope) || !Enum.IsDefined(scope)) return false;
        if (!int.TryParse(text[(colon + 1)..], out var id) || id <= 0) return false;
        value = new ScopedRole(role, scope, id);
        return true;
    }

    /// <summary>Which scope kinds make sense for a role; anything else is refused when assigning.</summary>
    public static bool IsValidScopeFor(PortalRole role, ScopeKind scope) => role switch
    {
        PortalRole.StreetAdministrator => scope == ScopeKind.Street,
        PortalRole.CommunitySecretary => scope == ScopeKind.Community,
        PortalRole.CouncilMember => scope is ScopeKind.Community or ScopeKind.Street,
        PortalRole.UnitLiaison => scope == ScopeKind.Unit,
        PortalRole.GridWorker => scope == ScopeKind.Grid,
        PortalRole.PartyMember => scope == ScopeKind.Community,
        PortalRole.Resident => scope == ScopeKind.Community,
        _ => false,
    };
}

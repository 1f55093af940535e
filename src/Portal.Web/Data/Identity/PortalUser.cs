using Microsoft.AspNetCore.Identity;
using Portal.Domain.Access;

namespace Portal.Web.Data.Identity;

/// <summary>An account. It is linked to a person of the directory when the user is one.</summary>
public sealed class PortalUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? PersonId { get; set; }
    public List<UserRoleAssignment> RoleAssignments { get; set; } = [];
}

/// <summary>A role held by a user over a street, community, grid or unit.</summary>
public sealed class UserRoleAssignment
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public PortalRole Role { get; set; }
    public ScopeKind Scope { get; set; }
    public int ScopeId { get; set; }

    public ScopedRole ToScopedRole() => new(Role, Scope, ScopeId);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts;

/// <summary>Creates accounts and grants or revokes scoped roles. Scoped.</summary>
public sealed class AccountAdministration(UserManager<PortalUser> users, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<(IdentityResult Result, PortalUser? User)> CreateAsync(string userName, string displayName, string password, int? personId)
    {
        var user = new PortalUser { UserName = userName, DisplayName = displayName, PersonId = personId };
        var result = await users.CreateAsync(user, password);
        return (result, result.Succeeded ? user : null);
    }

    /// <summary>Grants a role; renews the security stamp so the user's sessions pick it up.</summary>
    public async Task GrantAsync(string userId, ScopedRole role, CancellationToken ct = default)
    {
        if (!ScopedRole.IsValidScopeFor(role.Role, role.Scope))
            throw new ArgumentException($"{role.Role} cannot be scoped to {role.Scope}.", nameof(role));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exists = await db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == role.Role && r.Scope == role.Scope && r.ScopeId == role.ScopeId, ct);
        if (exists) return;
        db.RoleAssignments.Add(new UserRoleAssignment { UserId = userId, Role = role.Role, Scope = role.Scope, ScopeId = role.ScopeId });
        await db.SaveChangesAsync(ct);
        await RenewStampAsync(userId);
    }

    public async Task RevokeAsync(int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await db.RoleAssignments.FindAsync([assignmentId], ct);
        if (assignment is null) return;
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        await RenewStampAsync(assignment.UserId);
    }

    private async Task RenewStampAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not null) await users.UpdateSecurityStampAsync(user);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Access;
using Portal.Web.Data.Identity;
using Portal.Web.Data;

namespace Portal.Web.Kit.Callers;

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    /// <summary>One per role held, value <see cref="ScopedRole.ToString"/>.</summary>
    public const string ScopedRole = "portal/role";
    public const string DisplayName = "portal/display-name";

    public static IReadOnlyList<ScopedRole> ScopedRoles(this ClaimsPrincipal user) =>
        user.FindAll(ScopedRole)
            .Select(c => Domain.Access.ScopedRole.TryParse(c.Value, out var r) ? r : (ScopedRole?)null)
            .OfType<ScopedRole>()
            .ToList();

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;
}

/// <summary>Adds the user's scoped roles and display name to the principal created at sign-in.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    IOptions<IdentityOptions> options,
    IDbContextFactory<PortalDbContext> dbFactory)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        await using var db = await dbFactory.CreateDbContextAsync();
        var roles = await db.RoleAssignments.Where(r => r.UserId == user.Id).ToListAsync();
        foreach (var role in roles)
            identity.AddClaim(new Claim(PortalClaims.ScopedRole, role.ToScopedRole().ToString()));
        return identity;
    }
}

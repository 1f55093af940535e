using Portal.Web.Kit.Callers;
using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Access;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Page- and endpoint-level policies. They decide whether a user may open an area at all; which rows they see
/// or change inside it is decided by <see cref="AccessPolicy"/> in the feature's service.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Directory administration and announcement authoring: street administrators and community secretaries.</summary>
    public const string ManageCommunity = "ManageCommunity";

    /// <summary>Account and role administration, and the audit log: street administrators.</summary>
    public const string StreetAdministration = "StreetAdministration";

    /// <summary>A resident of some community: the resident's own pages (their votes).</summary>
    public const string Resident = "Resident";

    public static void Register(AuthorizationOptions options)
    {
        // Everything needs a signed-in user unless marked [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(ManageCommunity, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.ScopedRoles().Any(r => r.Role is PortalRole.StreetAdministrator or PortalRole.CommunitySecretary)));

        options.AddPolicy(StreetAdministration, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.ScopedRoles().Any(r => r.Role == PortalRole.StreetAdministrator)));

        options.AddPolicy(Resident, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.ScopedRoles().Any(r => r.Role == PortalRole.Resident)));
    }
}

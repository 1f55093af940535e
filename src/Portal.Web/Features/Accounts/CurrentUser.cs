using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// The signed-in user of a component (static or interactive), with their access policy. Scoped (per circuit).
/// API endpoints and hub methods use the request's principal with <see cref="AccessPolicyProvider"/> instead.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccessPolicyProvider policies, CallerScope callers)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<AccessPolicy> AccessAsync(CancellationToken ct = default) =>
        await policies.ForAsync(await PrincipalAsync(), ct);

    public async Task<string?> UserIdAsync() => (await PrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// The caller as the work services need them: account id (null when signed out), display name, the directory person
    /// the account is linked to, and the access policy — the scope's <see cref="Caller"/> (decision 0023) in the shape
    /// the services not yet on the pipeline take.
    /// </summary>
    public async Task<CallerIdentity> IdentityAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        return new CallerIdentity(caller.UserId, caller.Name, caller.PersonId, caller.Policy);
    }

    /// <summary>
    /// For services that both components and endpoints call: the principal of the scope by the one rule of
    /// <see cref="CallerScope"/> (set by the scope's entry point, else the circuit's authentication state, else anonymous).
    /// </summary>
    public async Task<ClaimsPrincipal> CallerAsync() => await callers.PrincipalAsync();
}

/// <summary>Who is calling a service: see <see cref="CurrentUser.IdentityAsync"/>.</summary>
public sealed record CallerIdentity(string? UserId, string Name, int? PersonId, AccessPolicy Policy)
{
    public bool IsSignedIn => UserId is not null;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Access;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// The signed-in user of a component (static or interactive), with their access policy. Scoped (per circuit).
/// API endpoints and hub methods use the request's principal with <see cref="AccessPolicyProvider"/> instead.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, AccessPolicyProvider policies, CurrentActor actor)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<AccessPolicy> AccessAsync(CancellationToken ct = default) =>
        await policies.ForAsync(await PrincipalAsync(), ct);

    public async Task<string?> UserIdAsync() => (await PrincipalAsync()).FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// For services that both components and endpoints call: the component's user where there is an authentication
    /// state (rendering, circuits), else the request's user carried by <see cref="CurrentActor"/>; anonymous otherwise.
    /// </summary>
    public async Task<ClaimsPrincipal> CallerAsync()
    {
        try
        {
            return await PrincipalAsync();
        }
        catch (InvalidOperationException)
        {
            // Outside Blazor rendering the provider has no state.
            return actor.Principal ?? new ClaimsPrincipal(new ClaimsIdentity());
        }
    }
}

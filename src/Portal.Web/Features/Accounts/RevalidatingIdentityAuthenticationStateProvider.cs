using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Web.Data.Identity;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Re-checks a circuit's user against the database every minute, so that a disabled, deleted or re-roled
/// account stops acting through an open circuit. Scoped (per circuit).
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        // A disabled account ends its sessions; a temporary lock after wrong passwords only stops new sign-ins, so a
        // stranger guessing the password cannot end the owner's open sessions (decision 0013).
        if (user is null || AccountAdministration.IsDisabledLockout(await users.GetLockoutEndDateAsync(user))) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}

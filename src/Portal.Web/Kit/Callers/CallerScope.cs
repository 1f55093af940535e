using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data;

namespace Portal.Web.Kit.Callers;

/// <summary>
/// Who the code of this service scope runs for, by one rule: the principal that an entry point set on <em>this</em>
/// scope (the HTTP middleware for a request, <see cref="CallerCircuitHandler"/> for a circuit's inbound activity,
/// <see cref="CallerHubFilter"/> for a hub call, a test's <c>PortalHost.AsAsync</c>) or the caller it was given
/// (<see cref="Caller.System"/> for background work); if none, the circuit's authentication state; else anonymous.
/// <para>
/// Nothing ambient is read: a scope is one request, one hub call or one circuit, so a live-event callback that reloads
/// data in a circuit (outside any inbound activity, on the publisher's thread) still gets the circuit's user, never
/// the publisher's. The caller is resolved once per entry (user id, names, linked person with one query, access policy)
/// and cached until the next entry or a new principal (a re-validated circuit, a role change). Scoped.
/// </para>
/// </summary>
public sealed class CallerScope(AccessPolicyProvider policies, IDbContextFactory<PortalDbContext> dbFactory, IServiceProvider services)
{
    private ClaimsPrincipal? _principal;
    private Caller? _given;
    private Resolved? _resolved;

    private sealed record Resolved(ClaimsPrincipal Principal, Caller Caller);

    /// <summary>Makes <paramref name="principal"/> the caller of this scope (entry points only).</summary>
    public void Set(ClaimsPrincipal principal)
    {
        _given = null;
        _principal = principal;
        // Resolved again at each entry (request, circuit activity, hub call): a circuit lives for hours, and its caller's
        // linked person and the directory its policy reads (cached for a minute) must not stay as they were at its start.
        _resolved = null;
    }

    /// <summary>Makes <paramref name="caller"/> the caller of this scope, e.g. <see cref="Caller.System"/> for background work.</summary>
    public void Use(Caller caller)
    {
        _principal = null;
        _given = caller;
    }

    /// <summary>The caller of this scope, by the rule above.</summary>
    public async ValueTask<Caller> GetAsync(CancellationToken ct = default)
    {
        if (_given is { } given) return given;
        var principal = await PrincipalAsync();
        if (_resolved is { } resolved && ReferenceEquals(resolved.Principal, principal)) return resolved.Caller;
        var caller = await ResolveAsync(principal, ct);
        _resolved = new Resolved(principal, caller);
        return caller;
    }

    /// <summary>
    /// The principal of this scope by the same rule (anonymous for a given caller), for the few places that need its
    /// claims rather than the caller: authorization checks and the audit trail's ambient actor.
    /// </summary>
    public async ValueTask<ClaimsPrincipal> PrincipalAsync()
    {
        if (_given is not null) return Nobody;
        if (_principal is { } principal) return principal;
        if (services.GetService<AuthenticationStateProvider>() is { } authentication)
        {
            try
            {
                return (await authentication.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit and outside rendering the provider has no state: nobody is calling.
            }
        }
        return Nobody;
    }

    private static ClaimsPrincipal Nobody => new(new ClaimsIdentity());

    private async Task<Caller> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var userId = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (string.IsNullOrEmpty(userId)) return Caller.Anonymous;
        var policy = await policies.ForAsync(principal, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var personId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(ct);
        return new Caller(userId, principal.Identity?.Name ?? "", principal.DisplayNameOf(), personId, policy);
    }
}

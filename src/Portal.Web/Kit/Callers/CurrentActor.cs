using System.Security.Claims;
using Portal.Domain.Auditing;
using Portal.Web.Data.Audit;

namespace Portal.Web.Kit.Callers;

/// <summary>
/// The user on whose behalf the current code runs, carried in an async-local so that singletons (the database
/// context factory, the audit trail) can see it. Set by middleware for HTTP requests and by
/// <see cref="Kit.Callers.CallerCircuitHandler"/> for each inbound Blazor circuit activity; background work runs as "system".
/// Singleton.
/// </summary>
public sealed class CurrentActor : IAuditActor
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Current = new();

    public ClaimsPrincipal? Principal
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    public string? UserId => Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string UserName => Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "?" : AuditEntry.SystemUserName;
}

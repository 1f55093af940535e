using Portal.Web.Kit.Callers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Directory;
using Portal.Web.Data.Identity;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// First run on an empty database (Production): there is no default password, so the first visitor names the
/// street and creates the first street administrator. Scoped.
/// </summary>
public sealed class FirstRunSetup(IDbContextFactory<PortalDbContext> dbFactory, UserManager<PortalUser> users, DirectoryScopeCache scopeCache, FirstRunState state)
{
    /// <summary>True while the database has no account at all.</summary>
    public async Task<bool> IsRequiredAsync(CancellationToken ct = default)
    {
        if (state.Completed) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var required = !await db.Users.AnyAsync(ct);
        if (!required) state.Completed = true;
        return required;
    }

    /// <summary>Creates the street and its administrator; returns Identity's errors if the password or name is refused.</summary>
    public async Task<IdentityResult> CompleteAsync(string streetName, string userName, string displayName, string password, CancellationToken ct = default)
    {
        if (!await IsRequiredAsync(ct))
            return IdentityResult.Failed(new IdentityError { Code = "SetupDone", Description = "Setup has already been completed." });

        // The account is created first (through Identity's own context), so a refused password changes nothing.
        var user = new PortalUser { UserName = userName, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var street = await db.Streets.FirstOrDefaultAsync(s => s.Name == streetName, ct) ?? db.Streets.Add(new Street { Name = streetName }).Entity;
        await db.SaveChangesAsync(ct);
        db.RoleAssignments.Add(new UserRoleAssignment { UserId = user.Id, Role = PortalRole.StreetAdministrator, Scope = ScopeKind.Street, ScopeId = street.Id });
        await db.SaveChangesAsync(ct);
        state.Completed = true;
        scopeCache.Invalidate();
        return IdentityResult.Success;
    }
}

/// <summary>
/// Remembers that setup is done, so that requests stop asking the database once accounts exist. A singleton of the
/// application rather than a static field: several portals in one process (the tests) each have their own database.
/// </summary>
public sealed class FirstRunState
{
    private volatile bool _completed;

    public bool Completed
    {
        get => _completed;
        set => _completed = value;
    }
}

/// <summary>Sends every page request to /setup while the database has no account.</summary>
public sealed class FirstRunRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, FirstRunSetup setup)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/setup") || path.StartsWithSegments("/health") || path.StartsWithSegments("/_framework")
                     || path.StartsWithSegments("/_content") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/culture")
                     || Path.HasExtension(path.Value);
        if (!exempt && HttpMethods.IsGet(context.Request.Method) && await setup.IsRequiredAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }
        await next(context);
    }
}

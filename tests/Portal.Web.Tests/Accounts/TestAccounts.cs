using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Tests.Accounts;

/// <summary>Throwaway accounts and "acting as" a user for service-level tests, through the portal's real services.</summary>
public static class TestAccounts
{
    /// <summary>A new account (no roles unless given) with the demo password, unique per call.</summary>
    public static async Task<PortalUser> CreateAsync(PortalHost host, string prefix, params ScopedRole[] roles)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 8, 40)], DisplayName = "测试账号 " + prefix };
        var result = await users.CreateAsync(user, PortalHost.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.RoleAssignments.AddRange(roles.Select(r => new UserRoleAssignment { UserId = user.Id, Role = r.Role, Scope = r.Scope, ScopeId = r.ScopeId }));
            await db.SaveChangesAsync();
        }
        return user;
    }

    /// <summary>
    /// Runs <paramref name="action"/> as the named user, the way an HTTP request or circuit would: the principal Identity
    /// builds at sign-in becomes the <see cref="CurrentActor"/> (an async-local, so it only reaches code awaited here).
    /// </summary>
    public static async Task<T> AsAsync<T>(PortalHost host, string userName, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("No account " + userName);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var actor = host.Services.GetRequiredService<CurrentActor>();
        var culture = CultureInfo.CurrentUICulture;
        actor.Principal = principal;
        scope.ServiceProvider.GetRequiredService<CallerScope>().Set(principal);
        // The portal's default language, as a user without a culture cookie gets it.
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        try
        {
            return await action(scope.ServiceProvider);
        }
        finally
        {
            actor.Principal = null;
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        }
    }

    public static Task AsAsync(PortalHost host, string userName, Func<IServiceProvider, Task> action) =>
        AsAsync(host, userName, async services =>
        {
            await action(services);
            return true;
        });

    public static async Task<PortalUser> FindAsync(PortalHost host, string userName)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("No account " + userName);
    }

    public static async Task<T> DbAsync<T>(PortalHost host, Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await host.NewDbContextAsync();
        return await query(db);
    }

    /// <summary>The login page's error message after a sign-in attempt that did not redirect.</summary>
    public static async Task<string> LoginErrorAsync(HttpResponseMessage response)
    {
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var start = html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no login error on the page");
        var open = html.IndexOf('>', start) + 1;
        return html[open..html.IndexOf('<', open)].Trim();
    }

    /// <summary>Where a redirect points, as a local path and query (the server may answer with an absolute URL).</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());
}

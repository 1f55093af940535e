using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data.Audit;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Features.Accounts;

public static class AccountsExtensions
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("Accounts:MaxFailedAccessAttempts", SignInLimits.Default.PerAddress);
        var limits = new SignInLimits(
            perAddress,
            configuration.GetValue("Accounts:MaxFailedAccessAttemptsPerAccount", 4 * perAddress),
            TimeSpan.FromMinutes(configuration.GetValue("Accounts:FailedAccessWindowMinutes", SignInLimits.Default.Window.TotalMinutes)),
            TimeSpan.FromMinutes(configuration.GetValue("Accounts:LockoutMinutes", SignInLimits.Default.Lockout.TotalMinutes)));
        services.AddSingleton(limits);
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // The sign-in page counts failures itself, per known device, or per account and client address
                // (SignInGuard, decision 0013), and never sets Identity's lockout for them: it would also refuse the
                // owner's known devices. Identity's lockout marks disabled accounts only; these only matter if Identity counted.
                o.Lockout.MaxFailedAccessAttempts = limits.PerAccount;
                o.Lockout.DefaultLockoutTimeSpan = limits.Lockout;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API clients (scripts, downloads, the hub) need status codes, not the sign-in page's HTML:
            // answer 401/403 under /api and /hubs; pages keep the redirects.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // Role changes renew the security stamp; signed-in users pick them up within this interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(PortalPolicies.Register);
        services.AddCascadingAuthenticationState();

        // Singletons: process-wide state shared by all requests and circuits.
        services.AddSingleton<CurrentActor>();
        services.AddSingleton<IAuditActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DeviceCookie>();
        services.AddSingleton<FirstRunState>();
        services.AddSingleton<DirectoryScopeCache>();
        services.AddSingleton<AccessPolicyProvider>();
        // Scoped = per circuit in Blazor, per request otherwise.
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<FirstRunSetup>();
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiPath(context.Request.Path))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Paths answered with status codes rather than pages: the JSON/CSV API and the SignalR hubs.</summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");

    public static WebApplication UsePortalAccounts(this WebApplication app)
    {
        // Before authorization: on first run every page would otherwise be answered with the sign-in page, and
        // there is nobody to sign in yet.
        app.UseMiddleware<FirstRunRedirectMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalCallers();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalAccounts(this WebApplication app)
    {
        // A minimal-API handler that binds no form is not checked by the antiforgery middleware, so the token is
        // validated here: otherwise any site could sign a user out with a hidden cross-site form.
        app.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, IAntiforgery antiforgery, HttpContext context) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=1");
        });
        return app;
    }
}

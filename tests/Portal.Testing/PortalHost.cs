using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Kit.Callers;

namespace Portal.Testing;

/// <summary>
/// The real portal on its own fresh SQLite file with the demo data, as a developer would run it. With
/// <paramref name="useKestrel"/> it listens on a real loopback port (for Chromium and WebSocket clients);
/// otherwise it uses the in-memory test server.
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Portal@2026";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="environment">Development by default (demo data, detailed errors); Production for first-run and hardening tests.</param>
    /// <param name="services">Framework options a test needs that no setting exposes (e.g. how long a dropped circuit is kept).</param>
    public PortalHost(bool useKestrel = false, IDictionary<string, string?>? settings = null, string? environment = null,
        Action<IServiceCollection>? services = null)
    {
        _environment = environment ?? Environments.Development;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _dataDirectory,
            ["Database:SeedDemoData"] = "true",
            ["Demo:Password"] = DemoPassword,
            // Tests sign in many times from one address; the per-client limit gets its own test.
            ["Accounts:LoginAttemptsPerMinute"] = "1000",
        };
        if (settings is not null)
            foreach (var (key, value) in settings) _settings[key] = value;
        if (useKestrel) UseKestrel(0);
    }

    public string DataDirectory => _dataDirectory;

    /// <summary>What the portal logged (after the logging filters of the app, as a real provider sees it).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The base address; with Kestrel, the real loopback URL.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>A database context of the portal's own factory, for a test to arrange or look at data.</summary>
    public Task<PortalDbContext> NewDbContextAsync(CancellationToken ct = default) =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);

    /// <summary>The principal a demo account signs in with (its claims and scoped roles).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return await PrincipalAsync(scope.ServiceProvider, userName);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a service as the user, in a scope of its own like one request, and in the user's
    /// culture as a circuit would be, whatever the machine's own culture is.
    /// </summary>
    public async Task<T> AsAsync<TService, T>(string userName, Func<TService, Task<T>> action, string culture = "zh-CN") where TService : notnull
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        await using var scope = Services.CreateAsyncScope();
        var principal = await PrincipalAsync(scope.ServiceProvider, userName);
        // As the HTTP middleware does for a request: the scope's caller, and the audit trail's ambient actor.
        scope.ServiceProvider.GetRequiredService<CallerScope>().Set(principal);
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var previous = actor.Principal;
        actor.Principal = principal;
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            actor.Principal = previous;
        }
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName)
                   ?? throw new InvalidOperationException($"No account {userName}");
        return await services.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_services is not null) builder.ConfigureServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

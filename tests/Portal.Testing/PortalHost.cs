using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

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

    /// <param name="environment">Development by default (demo data, detailed errors); Production for first-run and hardening tests.</param>
    public PortalHost(bool useKestrel = false, IDictionary<string, string?>? settings = null, string? environment = null)
    {
        _environment = environment ?? Environments.Development;
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

    /// <summary>The base address; with Kestrel, the real loopback URL.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

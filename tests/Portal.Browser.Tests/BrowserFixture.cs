using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Portal.Browser.Tests.BrowserFixture))]

namespace Portal.Browser.Tests;

/// <summary>
/// One Chromium for the whole test assembly (Debian's package: Playwright's own browser download cannot reach
/// its servers here). Each test opens its own contexts, which are isolated like separate browsers.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh, isolated browser context (own cookies), Chinese by default like a local user's browser.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress) => NewContextAsync(baseAddress, Desk);

    /// <summary>A fresh context at a given screen size, e.g. <see cref="Phone"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, ViewportSize viewport)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = viewport,
            // A phone is a touch device: MudBlazor and the browser lay out and hit-test it as one.
            HasTouch = viewport.Width < 600,
            IsMobile = viewport.Width < 600,
        });
        context.SetDefaultTimeout(10_000);
        // A page load (the sign-in's redirect, a GotoAsync) includes the server's prerender, which on the shared two-core
        // CI machine under the browser tests' own load took over 10 s once (the sign-in's redirect, 2026-12-07); waits for
        // what a page shows keep the 10 s above.
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>A desk: community staff at 1366×768 and up.</summary>
    public static ViewportSize Desk => new() { Width = 1366, Height = 860 };

    /// <summary>A resident's phone (design brief: around 390 px wide).</summary>
    public static ViewportSize Phone => new() { Width = 390, Height = 844 };

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

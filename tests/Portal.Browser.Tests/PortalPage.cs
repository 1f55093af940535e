using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Browser.Tests;

/// <summary>What a user does on every page: sign in, wait for the live circuit, sign out.</summary>
public static class PortalPage
{
    public static async Task SignInAsync(IPage page, string userName, string password = PortalHost.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitForCircuitAsync(page);
    }

    /// <summary>A new page in the context (one person's browser), signed in as the user.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await SignInAsync(page, userName);
        return page;
    }

    /// <summary>A new page signed in as the user, opened at <paramref name="path"/> with its circuit connected.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, string userName, string path)
    {
        var page = await SignedInPageAsync(context, userName);
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Waits until the page's Blazor circuit is connected (the interactive components respond).</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-circuit-ready]') !== null", null, new() { Timeout = 15_000 });
    }

    /// <summary>
    /// Keeps a handle on every WebSocket the context's pages open, so that <see cref="DropConnectionAsync"/> can cut the
    /// circuit's socket like a dropped network would. Call before the context opens its pages.
    /// </summary>
    public static Task TrackSocketsAsync(IBrowserContext context) => context.AddInitScriptAsync("""
        (() => {
          const Native = window.WebSocket;
          window.__portalSockets = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); window.__portalSockets.push(this); }
          };
        })();
        """);

    /// <summary>
    /// The live connection drops and no reconnection gets through until <see cref="RestoreConnectionAsync"/>: SignalR
    /// negotiates over HTTP first, so refusing that keeps every attempt failing; then the open sockets are closed
    /// (Chromium's offline mode leaves open sockets alone).
    /// </summary>
    public static async Task DropConnectionAsync(IPage page)
    {
        await page.RouteAsync("**/_blazor/negotiate**", route => route.AbortAsync());
        await page.EvaluateAsync("() => window.__portalSockets.forEach(s => s.close(3001, 'test: connection dropped'))");
    }

    /// <summary>Lets the next reconnection attempt through again.</summary>
    public static Task RestoreConnectionAsync(IPage page) => page.UnrouteAsync("**/_blazor/negotiate**");

    /// <summary>MudBlazor's loading indicators (spinners, a grid loading its rows).</summary>
    public const string LoadingSelector = ".mud-progress-circular, .mud-table-loading-progress";

    /// <summary>An open dialog (a MudBlazor dialog or message box).</summary>
    public const string DialogSelector = ".mud-dialog";

    /// <summary>A success or failure message shown for a moment (MudBlazor's snackbar).</summary>
    public const string ToastSelector = ".mud-snackbar";

    /// <summary>Waits until no loading indicator is shown: the page's data arrived.</summary>
    public static async Task WaitUntilLoadedAsync(IPage page, float timeout = 15_000)
    {
        await page.WaitForFunctionAsync("s => ![...document.querySelectorAll(s)].some(e => e.checkVisibility())", LoadingSelector,
            new() { Timeout = timeout, PollingInterval = 50 });
    }

    /// <summary>The input inside a component (MudTextField, date picker, numeric) found by its test id, or the element itself when it is the input.</summary>
    public static ILocator InputOf(IPage page, string testId) => InputOf(page.Locator("body"), testId);

    /// <summary>The input inside a component found by its test id within <paramref name="scope"/>.</summary>
    public static ILocator InputOf(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input | descendant-or-self::textarea").First;

    /// <summary>
    /// Opens a drop-down (MudSelect) by its test id, picks the option
    /// with exactly that text and waits until the drop-down shows it (as text, or as the value of its input).
    /// </summary>
    public static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("""
            ([id, text]) => {
                const e = document.querySelector(`[data-testid="${id}"]`);
                return !!e && ((e.value ?? '').includes(text) || e.textContent.includes(text) || [...e.querySelectorAll('input')].some(i => i.value.includes(text)));
            }
            """, new[] { testId, option }, new() { Timeout = 10_000, PollingInterval = 50 });
    }
}

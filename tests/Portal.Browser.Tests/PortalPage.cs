using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

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

    /// <summary>
    /// Makes the server's messages reach the pages of the context late, like a slow network or a busy server: while
    /// <see cref="SetServerLatencyAsync"/> has set a delay, each message from the circuit's socket is handed to Blazor that
    /// many milliseconds after it came, in order. Call before the context opens its pages.
    /// </summary>
    public static Task DelayServerMessagesAsync(IBrowserContext context) => context.AddInitScriptAsync("""
        (() => {
          const Native = window.WebSocket;
          window.__portalLatency = 0;
          window.WebSocket = class extends Native {
            set onmessage(handler) {
              super.onmessage = handler && (event => window.__portalLatency > 0
                ? setTimeout(() => handler.call(this, event), window.__portalLatency)
                : handler.call(this, event));
            }
            get onmessage() { return super.onmessage; }
          };
        })();
        """);

    /// <summary>From now on the server's messages reach the page <paramref name="milliseconds"/> late (0: at once).</summary>
    public static Task SetServerLatencyAsync(IPage page, int milliseconds) =>
        page.EvaluateAsync("ms => { window.__portalLatency = ms; }", milliseconds);

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

    // What a page must hold on a phone (issue 11, item 7; design brief): nothing scrolls sideways, touch targets of 40 px,
    // titles not crushed, dates on one line. One copy for every browser test (PortalPageTests proves they can fail).

    /// <summary>The smallest width and height a thumb can hit reliably.</summary>
    public const float TouchTarget = 40;

    /// <summary>
    /// The page is no wider than the screen: nothing scrolls sideways. Measured against the screen's width, not only the
    /// window's: a mobile browser widens its window to content that does not fit (zoomed out), so the window alone would
    /// always look wide enough.
    /// </summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        var screen = Math.Min(widths[1], page.ViewportSize?.Width ?? widths[1]);
        Assert.True(widths[0] <= screen, $"the page scrolls sideways: {widths[0]} px wide in a {screen} px window");
    }

    /// <summary>
    /// The element lies wholly within the window's width and is at least <see cref="TouchTarget"/> px high and wide: a
    /// thumb can hit it. Returns its box for further checks.
    /// </summary>
    public static async Task<LocatorBoundingBoxResult> AssertTouchableAsync(ILocator element, string what)
    {
        var box = await AssertOnScreenAsync(element, what);
        Assert.True(box.Width >= TouchTarget && box.Height >= TouchTarget, $"{what} is {box.Width}×{box.Height} px, under the {TouchTarget} px touch target");
        return box;
    }

    /// <summary>The element is shown and lies wholly within the window's width (not cut off at the side).</summary>
    public static async Task<LocatorBoundingBoxResult> AssertOnScreenAsync(ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        var width = WindowWidth(element);
        Assert.True(box.Width > 0 && box.X >= 0 && box.X + box.Width <= width, $"{what} spans {box.X}–{box.X + box.Width} px of a {width} px window");
        return box;
    }

    /// <summary>A date reads on one line (not broken into pieces) within the window's width.</summary>
    public static async Task AssertOneLineAsync(ILocator element, string what)
    {
        var box = await AssertOnScreenAsync(element, what);
        Assert.True(box.Height <= 32, $"{what} wraps: {box.Width}×{box.Height} px");
    }

    /// <summary>A title reads as a line of text, not one or two characters per line, and lies within the window's width.</summary>
    public static async Task AssertReadableAsync(ILocator element, string what, float minWidth = 200)
    {
        var box = await AssertOnScreenAsync(element, what);
        Assert.True(box.Width >= minWidth, $"{what} is crushed to {box.Width} px");
    }

    private static int WindowWidth(ILocator element) => element.Page.ViewportSize?.Width ?? BrowserFixture.Phone.Width;
}

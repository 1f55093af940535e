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
}

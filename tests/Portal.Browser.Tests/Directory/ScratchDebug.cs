using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
namespace Portal.Browser.Tests.DirectoryFeature;
public sealed class ScratchDebug(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task Debug()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => System.IO.File.AppendAllText("/tmp/dir-work/debug.txt", "CONSOLE " + m.Text + "\n");
        await PortalPage.SignInAsync(page, "secretary");
        await page.GotoAsync("/directory/communities");
        await PortalPage.WaitForCircuitAsync(page);
        await page.WaitForTimeoutAsync(2000);
        System.IO.File.AppendAllText("/tmp/dir-work/debug.txt", "GRID1 " + await page.Locator("[data-testid=communities-grid]").InnerTextAsync() + "\n");
        await page.ClickAsync("[data-testid=search-button]");
        await page.WaitForTimeoutAsync(2000);
        System.IO.File.AppendAllText("/tmp/dir-work/debug.txt", "GRID2 " + await page.Locator("[data-testid=communities-grid]").InnerTextAsync() + "\n");
        await page.Locator(".rz-tabview-nav li").Nth(1).ClickAsync();
        await page.WaitForTimeoutAsync(2000);
        System.IO.File.AppendAllText("/tmp/dir-work/debug.txt", "GRID3 " + await page.Locator("[data-testid=grids-grid]").InnerTextAsync() + "\n");
        await page.ScreenshotAsync(new() { Path = "/tmp/dir-work/comm.png" });
    }
}

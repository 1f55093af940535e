using Microsoft.Playwright;

namespace Portal.Browser.Tests.Accounts;

public sealed class ZzAdmScratch(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task Dump()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => File.AppendAllText("/tmp/adm/console.txt", m.Text + "\n");
        await PortalPage.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/accounts");
        await PortalPage.WaitForCircuitAsync(page);
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync("/tmp/adm/accounts.html", await page.ContentAsync(), TestContext.Current.CancellationToken);
        await page.ScreenshotAsync(new() { Path = "/tmp/adm/accounts.png", FullPage = true });
    }
}

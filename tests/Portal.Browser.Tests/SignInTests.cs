using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

public sealed class SignInTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task Secretary_signs_in_to_an_interactive_chinese_portal_and_signs_out()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();

        await PortalPage.SignInAsync(page, "secretary");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("您好");
        await Expect(page.Locator(".portal-nav")).ToContainTextAsync("党建联席会议");

        // Interactive: the drawer toggle collapses the navigation without a page load.
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;
        await Expect(page.GetByTestId("nav-drawer")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await page.GetByTestId("nav-toggle").ClickAsync();
        await Expect(page.GetByTestId("nav-drawer")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await Expect(page.Locator(".portal-nav")).Not.ToBeInViewportAsync();
        Assert.Equal(0, navigations);

        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync("**/account/login?signedOut=1");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login**");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.Platform;

/// <summary>
/// Issue 11, item 7: the portal's frame on a 390×844 phone. Before the MudBlazor layout, 退出登录 wrapped into a
/// four-line button that spilled out of the header (for the secretary, off-screen), the side menu pushed the page to
/// 90 px instead of covering it, and the bell's popup opened half off-screen. On a desk the drawer stays docked.
/// </summary>
public sealed partial class PhoneLayoutBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [GeneratedRegex("mud-drawer--open")]
    private static partial Regex DrawerOpen();

    [GeneratedRegex("mud-drawer--closed")]
    private static partial Regex DrawerClosed();

    [Theory]
    [InlineData("secretary")]
    [InlineData("resident")]
    public async Task On_a_phone_the_header_keeps_sign_out_and_the_bells_on_one_line_and_the_drawer_covers_the_page(string user)
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(context, user);
        await Expect(page.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-loaded", "true");

        await AssertNoSidewaysScrollAsync(page);
        var header = await page.Locator(".portal-appbar").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.True(header.Height <= 64, $"the header wraps: {header.Height} px high");
        foreach (var testId in new[] { "logout", "bell-button", "notification-button", "culture-switch", "nav-toggle" })
        {
            await Expect(page.GetByTestId(testId)).ToBeInViewportAsync(new() { Ratio = 1 });
            await AssertTouchableAsync(page.GetByTestId(testId), testId);
        }
        await Expect(page.GetByTestId("logout")).ToHaveAttributeAsync("aria-label", "退出登录");

        // The drawer starts closed and, opened, covers the page instead of pushing it aside.
        var drawer = page.GetByTestId("nav-drawer");
        await Expect(drawer).ToHaveClassAsync(DrawerClosed());
        var mainBefore = await page.Locator("#main").BoundingBoxAsync();
        Assert.True(mainBefore!.X < 1, $"the page starts at {mainBefore.X} px");
        await page.GetByTestId("nav-toggle").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(DrawerOpen());
        await Expect(page.Locator(".portal-nav")).ToBeInViewportAsync();
        var mainOpen = await page.Locator("#main").BoundingBoxAsync();
        Assert.Equal(mainBefore.X, mainOpen!.X);
        Assert.Equal(mainBefore.Width, mainOpen.Width);

        // A choice closes it.
        await page.Locator(".portal-nav").GetByRole(AriaRole.Link, new() { Name = "公示栏" }).ClickAsync();
        await page.WaitForURLAsync("**/lists/board");
        await Expect(drawer).ToHaveClassAsync(DrawerClosed());
        await AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task On_a_phone_both_bells_open_their_lists_fully_on_screen()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(context, "secretary");
        await Expect(page.GetByTestId("announcement-bell")).ToHaveAttributeAsync("data-loaded", "true");
        await Expect(page.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-loaded", "true");

        foreach (var (button, menu) in new[] { ("bell-button", "bell-menu"), ("notification-button", "notification-menu") })
        {
            await page.GetByTestId(button).ClickAsync();
            var list = page.GetByTestId(menu);
            await Expect(list).ToBeVisibleAsync();
            await Expect(list).ToBeInViewportAsync(new() { Ratio = 1 });
            var box = await list.BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= BrowserFixture.Phone.Width, $"{menu} spans {box.X}–{box.X + box.Width} px");
            Assert.True(box.Width >= 300, $"{menu} is {box.Width} px wide");
            await Expect(list).Not.ToBeEmptyAsync();
            await page.GetByTestId(button).ClickAsync();
            await Expect(list).ToBeHiddenAsync();
        }
        await AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task On_a_desk_the_drawer_is_docked_beside_the_page_with_the_full_header()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary");

        await Expect(page.GetByTestId("nav-drawer")).ToHaveClassAsync(DrawerOpen());
        var nav = await page.Locator(".portal-nav").BoundingBoxAsync();
        var main = await page.Locator("#main").BoundingBoxAsync();
        Assert.True(main!.X >= nav!.X + nav.Width - 1, $"the page ({main.X} px) lies under the drawer (to {nav.X + nav.Width} px)");
        await Expect(page.GetByTestId("logout")).ToHaveTextAsync("退出登录");
        await Expect(page.GetByTestId("logout")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.GetByTestId("culture-switch")).ToHaveTextAsync("English");
        await AssertNoSidewaysScrollAsync(page);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Accounts;

/// <summary>Signing in and out, refusals, the language switch and account administration, in Chromium.</summary>
public sealed class AccountBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    /// <summary>A throwaway account without roles, so that locking it out disturbs no other test.</summary>
    private async Task<string> CreateAccountAsync(string prefix)
    {
        using var scope = server.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var name = prefix + Guid.NewGuid().ToString("N")[..8];
        var result = await users.CreateAsync(new PortalUser { UserName = name, DisplayName = "临时账号" }, PortalHost.DemoPassword);
        Assert.True(result.Succeeded);
        return name;
    }

    /// <summary>The rows of the accounts grid (MudDataGrid marks each with a class; the user name cell carries the name).</summary>
    private static ILocator AccountRows(IPage admin) => admin.Locator("tr.account-row");

    private static ILocator AccountRow(IPage admin, string userName) =>
        AccountRows(admin).Filter(new() { Has = admin.Locator($"[data-username='{userName}']") });

    /// <summary>The account's row on the accounts page, found by the street administrator signed in in <paramref name="context"/>.</summary>
    private static async Task<ILocator> AccountRowForAdminAsync(IBrowserContext context, string userName)
    {
        var admin = await context.NewPageAsync();
        await PortalPage.SignInAsync(admin, "admin");
        await admin.GotoAsync("/admin/accounts");
        await PortalPage.WaitForCircuitAsync(admin);
        await admin.GetByTestId("account-search").FillAsync(userName);
        await admin.GetByTestId("account-search").PressAsync("Enter");
        await Expect(AccountRows(admin)).ToHaveCountAsync(1);
        return AccountRow(admin, userName);
    }

    private static async Task SubmitLoginAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        // Each attempt is a full form post; wait for its answer before reading the message.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=login-submit]"),
            r => r.Url.Contains("/account/login") && r.Request.Method == "POST");
    }

    /// <summary>Submits the right password on a new page of <paramref name="context"/>; the page stays on the form when refused.</summary>
    private static async Task<IPage> SubmitRightPasswordAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SubmitLoginAsync(page, userName, PortalHost.DemoPassword);
        return page;
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_and_repeated_failures_pause_this_device()
    {
        var userName = await CreateAccountAsync("lock");
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SubmitLoginAsync(page, userName, "Wrong-password" + attempt);
            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误。");
        }
        await SubmitLoginAsync(page, userName, "Wrong-password5");
        var paused = new Regex(@"^密码错误次数过多，此设备暂停登录该账号至 \d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}。请届时再试，或在以前登录过该账号的设备上登录。$");
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync(paused);

        // Paused: even the right password is refused from here now.
        await SubmitLoginAsync(page, userName, PortalHost.DemoPassword);
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync(paused);
        Assert.Contains("/account/login", page.Url);
    }

    /// <summary>Strangers at four addresses reach the account-wide limit (through the sign-in page's own service, as each failure would).</summary>
    private async Task LockForNewDevicesAsync(string userName, string network)
    {
        using var scope = server.Portal.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        var guard = scope.ServiceProvider.GetRequiredService<SignInGuard>();
        for (var address = 1; address <= 4; address++)
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                var admission = await guard.BeginAsync(userName, $"{network}.{address}", deviceId: null, TestContext.Current.CancellationToken);
                await guard.FailedAsync(admission.Attempt!, user, TestContext.Current.CancellationToken);
            }
    }

    [Fact]
    public async Task Admin_unlocks_a_locked_account_after_confirming_and_its_owner_signs_in()
    {
        var userName = await CreateAccountAsync("unl");
        await LockForNewDevicesAsync(userName, "192.0.2");
        await using var ownerContext = await browser.NewContextAsync(server.BaseAddress);
        var owner = await SubmitRightPasswordAsync(ownerContext, userName);
        await Expect(owner.GetByTestId("login-error")).ToContainTextAsync("该账号暂停在新设备上登录至");
        await Expect(owner.GetByTestId("login-error")).ToContainTextAsync("在以前登录过该账号的设备上仍可登录；如需提前解锁，请联系管理员。");

        await using var adminContext = await browser.NewContextAsync(server.BaseAddress);
        var row = await AccountRowForAdminAsync(adminContext, userName);
        var admin = row.Page;
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("新设备已锁定");

        // Unlocking asks first; cancelling keeps the lock.
        await row.GetByTestId("unlock").ClickAsync();
        await Expect(admin.Locator(PortalPage.DialogSelector)).ToContainTextAsync(userName);
        await admin.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("新设备已锁定");
        await row.GetByTestId("unlock").ClickAsync();
        await admin.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "解锁", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("正常");
        await Expect(row.GetByTestId("unlock")).ToHaveCountAsync(0);

        await PortalPage.SignInAsync(owner, userName);
        await Expect(owner.GetByTestId("user-menu")).ToContainTextAsync("临时账号");
    }

    [Fact]
    public async Task A_browser_that_signed_in_before_still_signs_in_while_the_account_is_locked_for_new_devices()
    {
        var userName = await CreateAccountAsync("dev");
        await using var usual = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(usual, userName);
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/account/login?signedOut=1");

        await LockForNewDevicesAsync(userName, "192.0.3");

        // A browser that never signed in to the account is refused ...
        await using var other = await browser.NewContextAsync(server.BaseAddress);
        var stranger = await SubmitRightPasswordAsync(other, userName);
        await Expect(stranger.GetByTestId("login-error")).ToContainTextAsync("该账号暂停在新设备上登录至");

        // ... the owner's usual one is not: its device cookie (HttpOnly, out of the page's reach) names the account.
        Assert.DoesNotContain("portal.device", await page.EvaluateAsync<string>("document.cookie"));
        var device = Assert.Single(await usual.CookiesAsync(), c => c.Name == "portal.device");
        Assert.True(device.HttpOnly);
        Assert.Equal("/account", device.Path);
        await PortalPage.SignInAsync(page, userName);
        await Expect(page.GetByTestId("user-menu")).ToContainTextAsync("临时账号");
    }

    [Fact]
    public async Task Resident_opening_administration_pages_is_refused()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "resident");
        await Expect(page.Locator(".portal-nav")).Not.ToContainTextAsync("系统管理");

        foreach (var path in new[] { "/admin/accounts", "/admin/audit", "/directory/households" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("无权访问");
            await Expect(page.GetByTestId("accounts-grid")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("audit-grid")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Switching_to_english_is_remembered_and_switching_back_restores_chinese_then_sign_out()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "member");
        await Expect(page.Locator(".portal-nav")).ToContainTextAsync("通知公告");

        await page.GetByTestId("culture-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator(".portal-nav")).ToContainTextAsync("Announcements");
        await Expect(page.GetByTestId("logout")).ToHaveTextAsync("Sign out");

        await page.ReloadAsync();
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator(".portal-nav")).ToContainTextAsync("Announcements");

        await page.GetByTestId("culture-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator(".portal-nav")).ToContainTextAsync("通知公告");
        await Expect(page.Locator(".portal-nav")).Not.ToContainTextAsync("Announcements");

        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/account/login?signedOut=1");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("您已安全退出。");
        await page.GotoAsync("/admin/accounts");
        await page.WaitForURLAsync("**/account/login**");
    }

    [Fact]
    public async Task Admin_creates_an_account_grants_a_role_and_the_user_sees_the_new_navigation_after_signing_in()
    {
        var userName = "zhang" + Guid.NewGuid().ToString("N")[..6];
        await using var adminContext = await browser.NewContextAsync(server.BaseAddress);
        var admin = await adminContext.NewPageAsync();
        await PortalPage.SignInAsync(admin, "admin");
        await admin.GotoAsync("/admin/accounts");
        await PortalPage.WaitForCircuitAsync(admin);
        await Expect(AccountRows(admin).First).ToBeVisibleAsync();

        // A password that breaks the policy is refused in the dialog, with Identity's message in Chinese.
        await admin.GetByTestId("create-account").ClickAsync();
        var dialog = admin.GetByTestId("create-account-dialog");
        await dialog.GetByTestId("new-username").FillAsync(userName);
        await dialog.GetByTestId("new-displayname").FillAsync("张晓梅");
        await dialog.GetByTestId("new-password").FillAsync("short");
        await dialog.GetByTestId("dialog-save").ClickAsync();
        await Expect(dialog.GetByTestId("dialog-errors")).ToContainTextAsync("密码至少需要 8 个字符。");

        await dialog.GetByTestId("new-password").FillAsync("Zhang-2026");
        await dialog.GetByTestId("dialog-save").ClickAsync();
        // Creating the account hashes the password (PBKDF2) on a 2-core machine busy with every other browser test: give it time.
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var row = AccountRow(admin, userName);
        await Expect(row).ToContainTextAsync("张晓梅");
        await Expect(row).ToContainTextAsync("无角色");

        // Without a role the new user sees no directory administration.
        await using var userContext = await browser.NewContextAsync(server.BaseAddress);
        var user = await userContext.NewPageAsync();
        await PortalPage.SignInAsync(user, userName, "Zhang-2026");
        await Expect(user.Locator(".portal-nav")).Not.ToContainTextAsync("组织与人员");

        // Grant: community secretary of 青年湖社区.
        await row.GetByTestId("grant-role").ClickAsync();
        var grant = admin.GetByTestId("grant-role-dialog");
        await grant.GetByTestId("dialog-save").ClickAsync();
        // The message stands under the role field, and nothing was granted.
        await Expect(grant.GetByTestId("error-role")).ToHaveTextAsync("请选择角色。");
        await PortalPage.PickAsync(admin, "grant-role-choice", "社区书记");
        await Expect(grant.GetByTestId("error-role")).ToHaveCountAsync(0);
        await PortalPage.PickAsync(admin, "grant-scope-choice", "社区：青年湖社区");
        await grant.GetByTestId("dialog-save").ClickAsync();
        await Expect(grant).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("role-chip").Locator(".role-chip-text")).ToHaveTextAsync("社区书记（青年湖社区）");

        // Signing in again, the user has the secretary's navigation and can open the directory.
        await user.GotoAsync("/account/login");
        await PortalPage.SignInAsync(user, userName, "Zhang-2026");
        await Expect(user.Locator(".portal-nav")).ToContainTextAsync("组织与人员");
        await user.GotoAsync("/directory/households");
        await Expect(user.GetByTestId("access-denied")).ToHaveCountAsync(0);
        await Expect(user.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("无权访问");

        // Revoking asks first; cancelling keeps the role, confirming removes it.
        await row.GetByTestId("revoke-role").ClickAsync();
        await admin.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(row.GetByTestId("role-chip")).ToHaveCountAsync(1);
        await row.GetByTestId("revoke-role").ClickAsync();
        await admin.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "撤销", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("role-chip")).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("无角色");
    }

    [Fact]
    public async Task Admin_disables_an_account_after_confirming_and_enables_it_again()
    {
        var userName = await CreateAccountAsync("off");
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var row = await AccountRowForAdminAsync(context, userName);
        var admin = row.Page;
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("正常");

        await row.GetByTestId("disable").ClickAsync();
        await Expect(admin.Locator(PortalPage.DialogSelector)).ToContainTextAsync(userName);
        await admin.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("已停用");

        await using var other = await browser.NewContextAsync(server.BaseAddress);
        var page = await other.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SubmitLoginAsync(page, userName, PortalHost.DemoPassword);
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("该账号已被停用，请联系管理员。");

        await row.GetByTestId("enable").ClickAsync();
        await Expect(row.GetByTestId("account-status")).ToHaveTextAsync("正常");
        await PortalPage.SignInAsync(page, userName);
        await Expect(page.GetByTestId("user-menu")).ToContainTextAsync("临时账号");
    }

    [Fact]
    public async Task Reconnect_indicator_appears_when_the_connection_drops_and_goes_when_it_returns()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await PortalPage.TrackSocketsAsync(context);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "member");
        var indicator = page.GetByTestId("reconnect-indicator");
        await Expect(indicator).ToBeHiddenAsync();

        await PortalPage.DropConnectionAsync(page);

        await Expect(indicator).ToBeVisibleAsync();
        await Expect(indicator).ToContainTextAsync("与服务器的实时连接已断开");
        // The first attempts follow each other at once and fail; then the next one is counted down, with its number.
        await Expect(page.GetByTestId("reconnect-countdown")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reconnect-countdown")).ToHaveTextAsync(new Regex(@"[1-5] 秒后进行第 1[1-9] 次重新连接"));

        await PortalPage.RestoreConnectionAsync(page);
        await Expect(indicator).ToBeHiddenAsync(new() { Timeout = 30_000 });

        // The same circuit works again: an interactive control responds without a page load.
        await page.GetByTestId("nav-toggle").ClickAsync();
        await Expect(page.GetByTestId("nav-drawer")).ToHaveClassAsync(new Regex("mud-drawer--closed"));
    }
}

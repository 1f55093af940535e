using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Testing;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Tests.Accounts;

/// <summary>Sign-in, logout, disabled accounts and the per-client limit, through the real sign-in form over HTTP (failed sign-ins: <see cref="FailedSignInTests"/>).</summary>
public sealed class SignInTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Demo_account_signs_in_and_reaches_the_portal()
    {
        var (client, _) = PortalClient.Create(Host.BaseAddress);

        var response = await PortalClient.SignInAsync(client, "secretary");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", TestAccounts.RedirectPath(response));
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("刘红梅", WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_localized_message()
    {
        var (client, _) = PortalClient.Create(Host.BaseAddress);

        var response = await PortalClient.SignInAsync(client, "member", "Wrong-password1");

        Assert.Equal("用户名或密码错误。", await TestAccounts.LoginErrorAsync(response));
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", TestAccounts.RedirectPath(home));
    }

    [Fact]
    public async Task Logout_needs_a_post_with_the_antiforgery_token()
    {
        var (client, _) = PortalClient.Create(Host.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(client, "liaison")).StatusCode);

        // A link or image (GET) does not sign anyone out.
        await client.GetAsync("/account/logout", Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        // Nor does a cross-site form without the token.
        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);
        Assert.InRange((int)forged.StatusCode, 400, 499);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        // The header's sign-out form carries the token.
        var token = await PortalClient.AntiforgeryTokenAsync(client, "/");
        var logout = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/account/login?signedOut=1", TestAccounts.RedirectPath(logout));
        var after = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", TestAccounts.RedirectPath(after));
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in_until_enabled()
    {
        var community = await TestAccounts.DbAsync(Host, db => db.Communities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct));
        var user = await TestAccounts.CreateAsync(Host, "off", new ScopedRole(PortalRole.Resident, ScopeKind.Community, community));
        await TestAccounts.AsAsync(Host, "admin", async services =>
        {
            var admin = services.GetRequiredService<AccountAdministration>();
            Assert.True((await admin.DisableAsync(user.Id, Ct)).Succeeded);
        });
        var (client, _) = PortalClient.Create(Host.BaseAddress);

        Assert.Equal("该账号已被停用，请联系管理员。", await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, user.UserName!)));

        await TestAccounts.AsAsync(Host, "admin", async services =>
        {
            var admin = services.GetRequiredService<AccountAdministration>();
            Assert.True((await admin.EnableAsync(user.Id, Ct)).Succeeded);
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(client, user.UserName!)).StatusCode);
    }
}

/// <summary>The per-client sign-in limit, on a portal allowing three attempts a minute.</summary>
public sealed class LoginRateLimitTests : IDisposable
{
    private readonly PortalHost _host = new(useKestrel: true, settings: new Dictionary<string, string?> { ["Accounts:LoginAttemptsPerMinute"] = "3" });

    [Fact]
    public async Task Fourth_attempt_within_a_minute_is_throttled_whatever_the_account()
    {
        var (client, _) = PortalClient.Create(_host.BaseAddress);
        Assert.Equal("用户名或密码错误。", await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, "member", "Wrong-password1")));
        Assert.Equal("用户名或密码错误。", await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, "resident", "Wrong-password1")));
        Assert.Equal("用户名或密码错误。", await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, "gridworker", "Wrong-password1")));

        // Even the right password of another account: the limit is per client, not per account.
        var throttled = await PortalClient.SignInAsync(client, "secretary");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("登录尝试过于频繁，请稍后再试。", await TestAccounts.LoginErrorAsync(throttled));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    public void Dispose() => _host.Dispose();
}

using System.Net;
using Microsoft.Extensions.Hosting;
using Portal.Testing;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// A fresh Production installation: an empty database, no demo data and no default password. The first visitor is
/// asked for the street and the first administrator; afterwards /setup is closed. Also checks what every Production
/// response carries (security headers) and the anonymous health probe.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PortalHost _host = new(
        useKestrel: true,
        settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" },
        environment: Environments.Production);

    [Fact]
    public async Task Empty_production_database_asks_for_the_first_administrator_once()
    {
        var (client, _) = PortalClient.Create(_host.BaseAddress);

        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", TestAccounts.RedirectPath(home));
        var login = await client.GetAsync("/account/login", Ct);
        Assert.Equal("/setup", TestAccounts.RedirectPath(login));

        // A mistake changes nothing: still no account, still the setup form.
        var mismatch = await PostSetupAsync(client, "Secret-pass1", "Other-pass1");
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("两次输入的密码不一致。", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync(Ct)));
        var weak = await PostSetupAsync(client, "short", "short");
        Assert.Contains("密码至少需要 8 个字符。", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync(Ct)));
        Assert.Equal("/setup", TestAccounts.RedirectPath(await client.GetAsync("/", Ct)));

        var done = await PostSetupAsync(client, "Secret-pass1", "Secret-pass1");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/", TestAccounts.RedirectPath(done));

        // Signed in as the new street administrator, who may open account administration.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts", Ct)).StatusCode);

        // Setup is closed for everyone now, signed in or not.
        var again = await client.GetAsync("/setup", Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/account/login", TestAccounts.RedirectPath(again));
        var (stranger, _) = PortalClient.Create(_host.BaseAddress);
        Assert.StartsWith("/account/login", TestAccounts.RedirectPath(await stranger.GetAsync("/setup", Ct)));
        Assert.StartsWith("/account/login", TestAccounts.RedirectPath(await stranger.GetAsync("/", Ct)));

        // And the administrator can sign in again with the chosen password.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(stranger, "chief", "Secret-pass1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/admin/audit", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_street_or_name_of_only_invisible_characters_is_asked_for_again_and_nothing_is_created()
    {
        var (client, _) = PortalClient.Create(_host.BaseAddress);

        // Without the NUL: ASP.NET Core's form reader refuses %00 in a posted form with 400 before any page runs.
        var nothing = Data.UnsafeCharacters.Only.Replace("\0", "", StringComparison.Ordinal);
        var invisible = await PostSetupAsync(client, "Secret-pass1", "Secret-pass1", nothing, nothing);

        var page = WebUtility.HtmlDecode(await invisible.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, invisible.StatusCode);
        Assert.Contains("请填写街道名称。", page);
        Assert.Contains("请填写您的姓名。", page);
        Assert.Equal("/setup", TestAccounts.RedirectPath(await client.GetAsync("/", Ct)));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var (client, _) = PortalClient.Create(_host.BaseAddress);

        var response = await client.GetAsync("/setup", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Health_reports_the_database_without_sign_in()
    {
        var (client, _) = PortalClient.Create(_host.BaseAddress);

        var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string password, string confirm,
        string street = "和平里街道", string displayName = "郑建国")
    {
        var token = await PortalClient.AntiforgeryTokenAsync(client, "/setup");
        return await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.StreetName"] = street,
            ["Input.DisplayName"] = displayName,
            ["Input.UserName"] = "chief",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        }), Ct);
    }

    public void Dispose() => _host.Dispose();
}

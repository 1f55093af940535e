using System.Net;
using Portal.Testing;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Councils.Display;

namespace Portal.Web.Tests.Authorization;

/// <summary>
/// The authorization matrix over every endpoint of the running portal (issue 2: "authorization of every endpoint by
/// role"). Endpoints come from the app's routing, so a page, API or hub added later is checked without being listed;
/// the only hand-written lists are the public endpoints and the expected outcome of each named policy.
/// </summary>
public sealed class EndpointAuthorizationTests(DemoPortalFixture portal, ITestOutputHelper output) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Data-testid of the access denied component, rendered by /account/denied and by AuthorizeRouteView.</summary>
    private const string AccessDeniedMarker = "data-testid=\"access-denied\"";

    /// <summary>Where the authorization middleware sends signed-in users who lack a page's policy.</summary>
    private const string DeniedPage = "/account/denied";

    /// <summary>
    /// Everything that answers without sign-in. Adding an endpoint here is a security decision: it must be
    /// reachable before sign-in (sign-in itself, first-run setup, the health probe, the language switch, error pages).
    /// Static files from wwwroot and packages are public as a whole.
    /// </summary>
    private static readonly HashSet<string> PublicEndpoints =
    [
        "/account/login",
        "/setup",
        "/health",
        "/culture/set",
        "/not-found",
        "/error",
    ];

    /// <summary>
    /// Who passes each named policy, written from the rules (issue 2), not read from the code. A policy missing here
    /// is evaluated by the app's authorization service instead, and the test says so in its output.
    /// </summary>
    private static readonly Dictionary<string, string[]> UsersPassingPolicy = new()
    {
        [PortalPolicies.ManageCommunity] = ["admin", "secretary"],
        [PortalPolicies.StreetAdministration] = ["admin"],
        // The projector's endpoints open with a meeting's display link only, never with an account (DisplayLinkTests).
        [DisplayLink.DisplayPolicy] = [],
    };

    /// <summary>Pages whose outcome is pinned whatever their attributes say.</summary>
    public static TheoryData<string, string, bool> KnownPages()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var user in DemoPortalFixture.DemoUsers)
        {
            data.Add("/admin/accounts", user, user == "admin");
            data.Add("/admin/audit", user, user == "admin");
            data.Add("/directory/households", user, user is "admin" or "secretary");
            data.Add("/", user, true);
        }
        return data;
    }

    [Fact]
    public void The_portal_has_the_endpoints_this_matrix_relies_on()
    {
        var endpoints = portal.Endpoints;
        foreach (var e in endpoints.Where(e => !e.IsStaticAsset))
            output.WriteLine($"{e,-60} anonymous={e.AllowsAnonymous} page={e.IsPage} policies={string.Join(";", e.Policies)}");

        Assert.Contains(endpoints, e => e.IsPage && e.Pattern == "/");
        Assert.Contains(endpoints, e => e.IsPage && e.Pattern == "/account/login");
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/hubs/live", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/_blazor", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.IsStaticAsset && e.Pattern == "/_framework/blazor.web.js");
    }

    [Fact]
    public void Only_the_listed_endpoints_and_static_files_allow_anonymous_access()
    {
        var anonymous = portal.Endpoints.Where(e => e.AllowsAnonymous && !e.IsStaticAsset).Select(e => e.Pattern).ToHashSet();

        var unexpected = anonymous.Except(PublicEndpoints).Order().ToList();
        Assert.True(unexpected.Count == 0, "Endpoints open without sign-in but not in the public list: " + string.Join(", ", unexpected));
    }

    [Fact]
    public async Task Anonymous_requests_to_every_non_public_endpoint_are_sent_to_sign_in_or_refused()
    {
        using var client = portal.Anonymous();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in portal.Endpoints.Where(e => !e.AllowsAnonymous && !e.IsStaticAsset))
        {
            foreach (var method in endpoint.Methods)
            {
                var path = endpoint.SamplePath();
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                using var response = await client.SendAsync(request, Ct);
                checkedCount++;
                var outcome = $"{method} {path} -> {(int)response.StatusCode} {response.Headers.Location}";
                output.WriteLine(outcome);
                // API and hub callers get a bare status code, not the HTML of a page.
                var ok = endpoint.IsApi
                    ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType != "text/html"
                    : response.StatusCode == HttpStatusCode.Redirect && IsSignInRedirect(response.Headers.Location);
                if (!ok) failures.Add(outcome + (endpoint.IsApi ? " (expected 401)" : " (expected a redirect to /account/login)"));
            }
        }

        Assert.True(checkedCount > 10, $"only {checkedCount} requests checked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Public_endpoints_answer_without_sign_in()
    {
        using var client = portal.Anonymous();
        foreach (var path in new[] { "/account/login", "/health", "/_framework/blazor.web.js" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} -> {(int)response.StatusCode}");
        }
        using var culture = await client.GetAsync("/culture/set?culture=en&returnUrl=/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.False(IsSignInRedirect(culture.Headers.Location));
    }

    [Theory]
    [MemberData(nameof(KnownPages))]
    public async Task Known_pages_open_for_the_right_accounts_only(string path, string user, bool allowed)
    {
        var endpoint = Assert.Single(portal.Endpoints, e => e.IsPage && e.Pattern == path);
        Assert.False(endpoint.AllowsAnonymous);

        var client = await portal.SignedInAsync(user);
        using var response = await client.GetAsync(path, Ct);

        await AssertPageOutcomeAsync(response, path, user, allowed);
    }

    [Fact]
    public async Task Every_page_without_route_parameters_follows_its_declared_policy_for_every_demo_account()
    {
        var pages = portal.Endpoints
            .Where(e => e.IsPage && !e.HasRouteParameters && !e.AllowsAnonymous && e.Methods.Contains("GET") && e.Pattern != DeniedPage)
            .ToList();
        Assert.NotEmpty(pages);
        var failures = new List<string>();
        foreach (var user in DemoPortalFixture.DemoUsers)
        {
            var client = await portal.SignedInAsync(user);
            foreach (var page in pages)
            {
                var allowed = await ExpectedAsync(user, page);
                using var response = await client.GetAsync(page.Pattern, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                var outcome = Describe(response, body);
                output.WriteLine($"{user,-10} {page.Pattern,-30} expected {(allowed ? "allowed" : "denied"),-8} got {outcome}");
                if (allowed != (outcome == "allowed") || outcome == "unexpected")
                    failures.Add($"{user} GET {page.Pattern}: expected {(allowed ? "allowed" : "denied")}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location}) {ErrorOf(response, body)}");

                // A form post is no way around the policy: it is refused before the page (or antiforgery) sees it.
                if (!allowed && page.Methods.Contains("POST"))
                {
                    using var post = await client.PostAsync(page.Pattern, new FormUrlEncodedContent([new("_handler", "any")]), Ct);
                    var postOutcome = Describe(post, await post.Content.ReadAsStringAsync(Ct));
                    if (postOutcome != "denied")
                        failures.Add($"{user} POST {page.Pattern}: expected denied, got {postOutcome} ({(int)post.StatusCode} {post.Headers.Location})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_api_GET_follows_its_declared_policy_for_every_demo_account()
    {
        var apis = portal.Endpoints
            .Where(e => e.IsApi && !e.Pattern.StartsWith("/hubs", StringComparison.Ordinal) && e.Methods.Contains("GET"))
            .ToList();
        Assert.NotEmpty(apis);
        var failures = new List<string>();
        foreach (var user in DemoPortalFixture.DemoUsers)
        {
            var client = await portal.SignedInAsync(user);
            foreach (var api in apis)
            {
                var allowed = await ExpectedAsync(user, api);
                var path = api.SamplePath();
                using var response = await client.GetAsync(path, Ct);
                var status = (int)response.StatusCode;
                output.WriteLine($"{user,-10} GET {path,-40} expected {(allowed ? "allowed" : "denied"),-8} got {status}");
                // Allowed callers may still get 400/404 for sample route values; never 401/403, never a server error.
                // A display-link endpoint does not authenticate accounts at all, so an account is unauthenticated there (401).
                var refused = api.Policies.Contains(DisplayLink.DisplayPolicy) ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                var ok = allowed
                    ? status is not (401 or 403) && status < 500 && response.Headers.Location is null
                    : response.StatusCode == refused;
                if (!ok) failures.Add($"{user} GET {path}: expected {(allowed ? "allowed" : $"{(int)refused}")}, got {status} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_access_denied_page_carries_the_marker_the_matrix_looks_for()
    {
        var client = await portal.SignedInAsync("resident");
        using var response = await client.GetAsync(DeniedPage, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccessDeniedMarker, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The outcome the rules prescribe: the policy table where it knows every policy, else the app's own evaluation.</summary>
    private async Task<bool> ExpectedAsync(string user, PortalEndpoint endpoint)
    {
        var evaluated = await portal.PassesAsync(user, endpoint);
        if (endpoint.Policies.All(UsersPassingPolicy.ContainsKey))
        {
            var fromTable = endpoint.Policies.All(p => UsersPassingPolicy[p].Contains(user));
            // The policies themselves must implement the rules; a mismatch here is a policy bug, not a routing bug.
            Assert.True(fromTable == evaluated, $"Policy {string.Join("+", endpoint.Policies)} for {user}: rules say {fromTable}, the app says {evaluated}");
            return fromTable;
        }
        output.WriteLine($"note: {endpoint.Pattern} uses policies without a table entry ({string.Join(", ", endpoint.Policies)}); using the app's evaluation");
        return evaluated;
    }

    private static async Task AssertPageOutcomeAsync(HttpResponseMessage response, string path, string user, bool allowed)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        var outcome = Describe(response, body);
        Assert.True(outcome == (allowed ? "allowed" : "denied"),
            $"{user} GET {path}: expected {(allowed ? "allowed" : "denied")}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
    }

    /// <summary>
    /// "allowed": the page rendered (200, no denied marker). "denied": the authorization middleware sent the user to
    /// /account/denied, or the page rendered the access denied component (AuthorizeRouteView). Anything else is "unexpected".
    /// </summary>
    private static string Describe(HttpResponseMessage response, string body)
    {
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
            && PathOf(location).Equals(DeniedPage, StringComparison.OrdinalIgnoreCase))
            return "denied";
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden && body.Contains(AccessDeniedMarker, StringComparison.Ordinal))
            return "denied";
        if (response.StatusCode == HttpStatusCode.OK)
            return "allowed";
        return "unexpected";
    }

    /// <summary>The exception the developer error page shows, so a failing page is diagnosable from the test output.</summary>
    private static string ErrorOf(HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode < 500) return "";
        var match = System.Text.RegularExpressions.Regex.Match(body, "<h2 class=\"stackerror\">(.*?)</h2>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return WebUtility.HtmlDecode(match.Success ? match.Groups[1].Value : body[..Math.Min(body.Length, 300)]);
    }

    private static bool IsSignInRedirect(Uri? location) =>
        location is not null && PathOf(location).Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    private static string PathOf(Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', 2)[0];
}

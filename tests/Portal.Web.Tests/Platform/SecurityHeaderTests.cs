using Portal.Testing;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// Issue 10, item 7: the policy's <c>connect-src 'self' ws: wss:</c> allowed WebSockets to any host, and responses named
/// the server. Checked over real Kestrel, as a browser receives them.
/// </summary>
public sealed class SecurityHeaderTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Paths() => ["/account/login", "/health", "/no-such-page", "/_framework/blazor.web.js", "/api/lists/commitments/ledger/export"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WebSockets_may_connect_to_this_origin_only_and_no_server_is_named(string path)
    {
        var (client, _) = PortalClient.Create(fixture.Host.BaseAddress);
        using (client)
        {
            using var response = await client.GetAsync(path, Ct);

            Assert.False(response.Headers.Contains("Server"), $"{path}: Server: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var connect = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("connect-src ", StringComparison.Ordinal));
            var sources = connect.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var origin = fixture.Host.BaseAddress;
            Assert.Equal(["'self'", $"ws://{origin.Authority}"], sources);
        }
    }
}

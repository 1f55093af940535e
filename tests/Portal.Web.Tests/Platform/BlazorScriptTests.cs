using System.Net;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// The Blazor script is extracted at build time from the 9.0 runtime pack (docs/decisions); without it nothing is
/// interactive. These checks fail fast when the extraction silently stops working.
/// </summary>
public sealed class BlazorScriptTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_script_is_served_as_JavaScript_without_sign_in()
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync("/_framework/blazor.web.js", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "application/javascript" });
        var script = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(script.Length > 50_000, $"only {script.Length} characters");
        Assert.Contains("Blazor", script);
        // The reconnect indicator relies on this element id, which the 9.0 script knows (environment notes).
        Assert.Contains("components-reconnect-modal", script);
    }

    [Fact]
    public async Task Pages_load_the_script()
    {
        var client = await portal.SignedInAsync("resident");

        var html = await client.GetStringAsync("/", Ct);

        Assert.Contains("<script src=\"_framework/blazor.web.js\"></script>", html);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// The Blazor script is the framework's own .NET 10 <c>blazor.web.js</c>, served by MapStaticAssets (decision 0018);
/// without it nothing is interactive. These checks fail fast when a build stops shipping it.
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
        // The reconnect indicator relies on this element id and on the .NET 10 state event (decision 0018).
        Assert.Contains("components-reconnect-modal", script);
        Assert.Contains("components-reconnect-state-changed", script);
    }

    [Fact]
    public async Task Pages_load_the_script()
    {
        var client = await portal.SignedInAsync("resident");

        var html = await client.GetStringAsync("/", Ct);

        // Through @Assets: the fingerprinted name, which MapStaticAssets serves with a long cache lifetime.
        var src = Regex.Match(html, "<script src=\"(_framework/blazor\\.web\\.[a-z0-9]+\\.js)\"></script>");
        Assert.True(src.Success, "no fingerprinted blazor.web.js script tag");
        using var response = await client.GetAsync("/" + src.Groups[1].Value, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

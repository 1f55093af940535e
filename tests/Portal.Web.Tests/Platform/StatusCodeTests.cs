using System.Net;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>Unknown addresses: people get the "not found" page, API and hub callers a bare status code.</summary>
public sealed class StatusCodeTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_page_shows_the_not_found_page_with_status_404()
    {
        var client = await portal.SignedInAsync("resident");

        using var response = await client.GetAsync("/no-such-page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("POST", "/api/no-such-thing")]
    [InlineData("GET", "/hubs/no-such-hub")]
    [InlineData("POST", "/hubs/no-such-hub/negotiate")]
    public async Task An_unknown_API_or_hub_address_answers_a_bare_status_code(string method, string path)
    {
        var client = await portal.SignedInAsync("resident");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        // 405 where routing knows the address for another method only.
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{(int)response.StatusCode}");
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_refused_hub_negotiation_answers_401_not_a_page_or_an_antiforgery_error()
    {
        // Regression: the status-code page re-executed the 401 as the "not found" page, whose antiforgery check
        // turned the SignalR client's POST into a 400.
        using var client = portal.Anonymous();

        using var response = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(Ct));
    }
}

using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Localization;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Platform;

/// <summary>/culture/set: stores zh-CN or en in the culture cookie and returns to a local address only.</summary>
public sealed class CultureSwitchTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private const string CultureCookie = ".AspNetCore.Culture";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "en")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("fr", "zh-CN")]
    [InlineData("en-US", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("EN", "zh-CN")]
    [InlineData("", "zh-CN")]
    public async Task Stores_only_a_supported_culture_and_falls_back_to_Chinese(string requested, string stored)
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync($"/culture/set?culture={Uri.EscapeDataString(requested)}&returnUrl=/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = CultureCookieOf(response);
        Assert.StartsWith($"{CultureCookie}={Uri.EscapeDataString($"c={stored}|uic={stored}")};", cookie);
    }

    [Fact]
    public async Task The_cookie_is_http_only_lax_and_kept_for_a_year()
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync("/culture/set?culture=en&returnUrl=/", Ct);

        var cookie = CultureCookieOf(response).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("path=/", cookie);
        var expires = DateTimeOffset.Parse(cookie.Split("expires=")[1].Split(';')[0], CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(360), DateTimeOffset.UtcNow.AddDays(370));
    }

    [Theory]
    [InlineData("/lists", "/lists")]
    [InlineData("/directory/households?page=2&q=%E7%8E%8B", "/directory/households?page=2&q=%E7%8E%8B")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("http://localhost/lists", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("\\\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("lists", "/")]
    [InlineData("https:evil.example", "/")]
    public async Task Returns_to_a_local_address_only(string? returnUrl, string expectedLocation)
    {
        using var client = portal.Anonymous();
        var query = returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl);

        using var response = await client.GetAsync("/culture/set?culture=en" + query, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_chosen_language_applies_to_the_next_page_and_switching_back_restores_Chinese()
    {
        var client = await portal.SignedInAsync("member");
        try
        {
            Assert.Contains("<html lang=\"zh-CN\">", await client.GetStringAsync("/", Ct));

            using (var toEnglish = await client.GetAsync("/culture/set?culture=en&returnUrl=/", Ct))
                Assert.Equal("/", toEnglish.Headers.Location?.OriginalString);
            var english = WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));
            Assert.Contains("<html lang=\"en\">", english);
            Assert.Contains(Localized<SharedText>("en", "Nav.Councils"), english);

            using (await client.GetAsync("/culture/set?culture=zh-CN&returnUrl=/", Ct)) { }
            var chinese = WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));
            Assert.Contains("<html lang=\"zh-CN\">", chinese);
            Assert.Contains(Localized<SharedText>("zh-CN", "Nav.Councils"), chinese);
        }
        finally
        {
            // The client is shared with other tests of the fixture: leave it in the default language.
            using (await client.GetAsync("/culture/set?culture=zh-CN&returnUrl=/", Ct)) { }
        }
    }

    [Fact]
    public async Task The_sign_in_page_follows_the_cookie_and_ignores_the_browser_language()
    {
        using var client = portal.Anonymous();

        using var chinese = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        chinese.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var chineseResponse = await client.SendAsync(chinese, Ct);
        // Blazor writes non-ASCII text as character references.
        var chineseHtml = WebUtility.HtmlDecode(await chineseResponse.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<html lang=\"zh-CN\">", chineseHtml);
        Assert.Contains(Localized("zh-CN", "Login.UserName"), chineseHtml);

        using var english = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        english.Headers.Add("Cookie", $"{CultureCookie}={Uri.EscapeDataString("c=en|uic=en")}");
        using var englishResponse = await client.SendAsync(english, Ct);
        var englishHtml = WebUtility.HtmlDecode(await englishResponse.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<html lang=\"en\">", englishHtml);
        Assert.Contains(Localized("en", "Login.UserName"), englishHtml);
        Assert.NotEqual(Localized("en", "Login.UserName"), Localized("zh-CN", "Login.UserName"));
    }

    private string Localized(string culture, string key) => Localized<AccountsText>(culture, key);

    private string Localized<TResource>(string culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = portal.Portal.Services.GetRequiredService<IStringLocalizer<TResource>>()[key];
            Assert.False(text.ResourceNotFound, $"{key} missing");
            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string CultureCookieOf(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), "no Set-Cookie");
        return Assert.Single(cookies, c => c.StartsWith(CultureCookie + "=", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Testing;

/// <summary>Signs an HttpClient in through the real sign-in form (antiforgery token included).</summary>
public static partial class PortalClient
{
    /// <summary>A client with its own cookie jar, not following redirects so tests can see them.</summary>
    /// <param name="clientAddress">
    /// The address the client claims through a reverse proxy's <c>X-Forwarded-For</c> header; the portal reads it only
    /// when forwarded headers are enabled (<c>ForwardedHeaders_Enabled</c>, as behind a proxy in production).
    /// </param>
    public static (HttpClient Client, CookieContainer Cookies) Create(Uri baseAddress, string? clientAddress = null)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        if (clientAddress is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return (client, cookies);
    }

    /// <summary>A client signed in as the user through the real form (in <paramref name="culture"/> when given); throws when refused.</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string userName, string? culture = null)
    {
        var (client, cookies) = Create(baseAddress);
        if (culture is not null)
            cookies.Add(baseAddress, new Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
        using var response = await SignInAsync(client, userName);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) != false)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return client;
    }

    /// <summary>Posts the sign-in form; returns the response (302 to the return URL on success).</summary>
    /// <param name="multipart">
    /// Post as <c>multipart/form-data</c> rather than URL-encoded. ASP.NET Core's URL-encoded form reader refuses <c>%00</c>
    /// (the request fails as one without an antiforgery token), while a multipart body brings control characters to the page.
    /// </param>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = PortalHost.DemoPassword, bool multipart = false) =>
        await PostSignInAsync(client, await AntiforgeryTokenAsync(client, "/account/login"), userName, password, multipart);

    /// <summary>
    /// Posts the sign-in form with a token read before (<see cref="AntiforgeryTokenAsync"/>), so that tests can send many
    /// sign-ins at the same moment.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string token, string userName, string password, bool multipart = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        HttpContent form = new FormUrlEncodedContent(fields);
        if (multipart)
        {
            var parts = new MultipartFormDataContent();
            foreach (var (name, value) in fields) parts.Add(new StringContent(value), name);
            form = parts;
        }
        using (form) return await client.PostAsync("/account/login", form);
    }

    /// <summary>Reads the antiforgery token from a page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

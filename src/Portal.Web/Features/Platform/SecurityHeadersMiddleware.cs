namespace Portal.Web.Features.Platform;

/// <summary>
/// Standard protective headers on every response. The content security policy allows only this origin; Blazor
/// Server needs 'unsafe-eval'-free scripts but inline styles (MudBlazor's theme provider writes a style element and its components set style attributes). Connections go to this
/// origin only: 'self' covers same-origin WebSockets in current browsers (CSP 3), and the origin's own ws:/wss: address is
/// named as well for older phone browsers that do not map 'self' to WebSocket schemes — never the bare schemes, which
/// would allow a WebSocket to any host. The Server header is not sent at all (Kestrel's is switched off in
/// <see cref="PlatformExtensions"/>).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string PolicyBeforeConnect =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

    private const string PolicyAfterConnect = "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The policy for a request: its own origin's WebSocket address is the only one named.</summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        var host = request.Host;
        if (!host.HasValue) return PolicyBeforeConnect + PolicyAfterConnect;
        var webSocketScheme = request.IsHttps ? "wss" : "ws";
        return $"{PolicyBeforeConnect} {webSocketScheme}://{host.ToUriComponent()}{PolicyAfterConnect}";
    }
}

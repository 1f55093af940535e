using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data.Identity;

namespace Portal.Testing;

/// <summary>
/// One endpoint of the running portal, as its routing sees it: read from <see cref="EndpointDataSource"/> so that
/// pages, minimal APIs and hubs added later are covered without anyone listing them here.
/// </summary>
public sealed record PortalEndpoint(RouteEndpoint Endpoint)
{
    public string Pattern { get; } = "/" + (Endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>The methods the endpoint answers; GET and POST stand for "any method" (hubs, framework endpoints).</summary>
    public IReadOnlyList<string> Methods { get; } =
        Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : [HttpMethods.Get, HttpMethods.Post];

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>A Razor component page (as opposed to a minimal API, a hub or a framework endpoint).</summary>
    public bool IsPage => Endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    /// <summary>A file from wwwroot or a package, served by MapStaticAssets.</summary>
    public bool IsStaticAsset => Endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    /// <summary>
    /// A page rendered on the server only (sign-in, first-run setup, error pages, print views): it never starts a
    /// circuit, so nothing waits for one.
    /// </summary>
    public bool IsStaticPage => IsPage && Endpoint.Metadata.GetMetadata<ExcludeFromInteractiveRoutingAttribute>() is not null;

    public bool HasRouteParameters => Endpoint.RoutePattern.Parameters.Count > 0;

    public IReadOnlyList<RoutePatternParameterPart> Parameters => Endpoint.RoutePattern.Parameters;

    /// <summary>/api and /hubs answer 401/403; everything else is a page that redirects.</summary>
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal) || Pattern == "/api"
                         || Pattern.StartsWith("/hubs/", StringComparison.Ordinal) || Pattern == "/hubs";

    public IReadOnlyList<IAuthorizeData> AuthorizeData => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();

    /// <summary>The named policies the endpoint requires, in addition to being signed in.</summary>
    public IReadOnlyList<string> Policies => AuthorizeData.Select(a => a.Policy).OfType<string>().Distinct().ToList();

    /// <summary>A concrete path for the pattern, with sample values for route parameters.</summary>
    public string SamplePath() => PathWith(SampleValue);

    /// <summary>A concrete path for the pattern, with each route parameter's value from <paramref name="valueOf"/>.</summary>
    public string PathWith(Func<RoutePatternParameterPart, string> valueOf)
    {
        var path = new StringBuilder();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(valueOf(parameter)),
                    _ => throw new InvalidOperationException($"Unknown route part in {Pattern}"),
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Any(c => c is "int" or "long" || c.StartsWith("min(", StringComparison.Ordinal) || c.StartsWith("range(", StringComparison.Ordinal))) return "1";
        if (constraints.Contains("guid")) return Guid.Empty.ToString();
        if (constraints.Contains("bool")) return "true";
        if (constraints.Contains("datetime")) return "2026-01-01";
        if (constraints.Any(c => c is "decimal" or "double" or "float")) return "1.5";
        if (constraints.Contains("file")) return "sample.txt";
        return "sample";
    }

    /// <summary>
    /// Whether the user passes the endpoint's authorization requirements, decided by the app's own authorization
    /// service on the principal its sign-in would create.
    /// </summary>
    public async Task<bool> AdmitsAsync(IServiceProvider rootServices, string userName)
    {
        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var policy = await AuthorizationPolicy.CombineAsync(
            services.GetRequiredService<IAuthorizationPolicyProvider>(),
            AuthorizeData,
            Endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null) return true;
        var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName)
                   ?? throw new InvalidOperationException($"No demo account {userName}");
        ClaimsPrincipal principal = await services.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
        var result = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, null, policy);
        return result.Succeeded;
    }

    public override string ToString() => $"{string.Join(",", Methods)} {Pattern}";

    /// <summary>Every routable endpoint of the host.</summary>
    public static IReadOnlyList<PortalEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new PortalEndpoint(e))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ToList();
}

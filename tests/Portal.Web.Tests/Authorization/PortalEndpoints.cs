using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Web.Tests.Authorization;

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

    public bool HasRouteParameters => Endpoint.RoutePattern.Parameters.Count > 0;

    /// <summary>/api and /hubs answer 401/403; everything else is a page that redirects.</summary>
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal) || Pattern == "/api"
                         || Pattern.StartsWith("/hubs/", StringComparison.Ordinal) || Pattern == "/hubs";

    public IReadOnlyList<IAuthorizeData> AuthorizeData => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();

    /// <summary>The named policies the endpoint requires, in addition to being signed in.</summary>
    public IReadOnlyList<string> Policies => AuthorizeData.Select(a => a.Policy).OfType<string>().Distinct().ToList();

    /// <summary>A concrete path for the pattern, with sample values for route parameters.</summary>
    public string SamplePath()
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
                    RoutePatternParameterPart parameter => SampleValue(parameter),
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

    public override string ToString() => $"{string.Join(",", Methods)} {Pattern}";

    /// <summary>Every routable endpoint of the host.</summary>
    public static IReadOnlyList<PortalEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new PortalEndpoint(e))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ToList();
}

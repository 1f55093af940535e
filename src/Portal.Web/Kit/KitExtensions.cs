using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;

namespace Portal.Web.Kit;

/// <summary>
/// The shared non-UI kit every slice uses: the caller of a scope, the unit of work. (The result's text helper,
/// <see cref="Results.ResultText"/>, comes with the localization.)
/// </summary>
public static class KitExtensions
{
    public static IServiceCollection AddPortalKit(this IServiceCollection services)
    {
        services.AddPortalCallers();
        // Scoped = per circuit in Blazor, per request or hub call otherwise: the unit of work runs for the scope's caller.
        services.AddScoped<UnitOfWork>();
        return services;
    }
}

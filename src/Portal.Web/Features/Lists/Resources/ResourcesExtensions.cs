using Portal.Web.Data.Live;

namespace Portal.Web.Features.Lists.Resources;

public static class ResourcesExtensions
{
    /// <summary>The resources list; pages call the services directly (no HTTP API of their own).</summary>
    public static IServiceCollection AddPortalResources(this IServiceCollection services)
    {
        services.AddScoped<ResourceService>();
        services.AddSingleton<ILiveEventMapper, ResourceService.LiveEvents>();
        return services;
    }
}

namespace Portal.Web.Features.Councils;

public static class CouncilsExtensions
{
    public static IServiceCollection AddPortalCouncils(this IServiceCollection services)
    {
        // Scoped = per circuit in Blazor, per request otherwise; the service checks the caller's access on every call.
        services.AddScoped<CouncilService>();
        return services;
    }
}

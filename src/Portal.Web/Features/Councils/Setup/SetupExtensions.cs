namespace Portal.Web.Features.Councils.Setup;

public static class SetupExtensions
{
    public static IServiceCollection AddPortalCouncilSetup(this IServiceCollection services)
    {
        // Scoped = per circuit in Blazor, per request otherwise; the service checks the caller's access on every call.
        services.AddScoped<CouncilSetupService>();
        return services;
    }
}

namespace Portal.Web.Features.Lists.Dashboard;

public static class DashboardExtensions
{
    public static IServiceCollection AddPortalDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}

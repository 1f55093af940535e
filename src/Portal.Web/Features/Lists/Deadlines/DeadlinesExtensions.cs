namespace Portal.Web.Features.Lists.Deadlines;

public static class DeadlinesExtensions
{
    public static IServiceCollection AddPortalDeadlines(this IServiceCollection services)
    {
        services.AddScoped<DeadlineCalculator>();
        services.AddScoped<DeadlineRuleService>();
        // One monitor per app node, reachable by tests (and admin tools) to run a round on demand.
        services.AddSingleton<DeadlineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineMonitor>());
        return services;
    }
}

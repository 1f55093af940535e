namespace Portal.Web.Features.Lists.Projects;

public static class ProjectsExtensions
{
    /// <summary>
    /// The projects list and the need-to-project flow (matching resources to a need, creating the project); pages call
    /// the services directly (no HTTP API of their own).
    /// </summary>
    public static IServiceCollection AddPortalProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<MatchingService>();
        return services;
    }
}

namespace Portal.Web.Features.Lists.Projects;

public static class ProjectsExtensions
{
    /// <summary>The projects list; pages call the service directly (no HTTP API of their own).</summary>
    public static IServiceCollection AddPortalProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        return services;
    }
}

namespace Portal.Web.Features.Directory;

public static class DirectoryExtensions
{
    public static IServiceCollection AddPortalDirectory(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapPortalDirectory(this WebApplication app)
    {
        return app;
    }
}

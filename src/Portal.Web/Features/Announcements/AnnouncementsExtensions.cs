namespace Portal.Web.Features.Announcements;

public static class AnnouncementsExtensions
{
    public static IServiceCollection AddPortalAnnouncements(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapPortalAnnouncements(this WebApplication app)
    {
        return app;
    }
}

using Portal.Web.Kit.Live;
using Portal.Web.Data.Live;

namespace Portal.Web.Features.Announcements;

public static class AnnouncementsExtensions
{
    public static IServiceCollection AddPortalAnnouncements(this IServiceCollection services)
    {
        // Scoped = per circuit in Blazor, per request otherwise.
        services.AddScoped<AnnouncementService>();
        services.AddScoped<AnnouncementReadNotifier>();
        services.AddSingleton<ILiveEventMapper, AnnouncementLiveEvents>();
        services.AddSingleton<ILiveChannelRule, CommunityChannelRule>();
        return services;
    }

    /// <summary>
    /// Announcements have no HTTP API of their own: pages read and write them through <see cref="AnnouncementService"/>
    /// and their live events reach browsers through the live hub's community topics.
    /// </summary>
    public static WebApplication MapPortalAnnouncements(this WebApplication app)
    {
        return app;
    }
}

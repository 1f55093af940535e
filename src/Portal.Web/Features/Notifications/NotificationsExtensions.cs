using Portal.Web.Data.Live;
using Portal.Web.Features.Live;

namespace Portal.Web.Features.Notifications;

public static class NotificationsExtensions
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.AddScoped<UserNotificationService>();
        services.AddSingleton<WorkItemNotifier>();
        services.AddSingleton<ILiveChannelRule, UserChannelRule>();
        services.AddSingleton<ILiveEventMapper, NotificationLiveEvents>();
        return services;
    }
}

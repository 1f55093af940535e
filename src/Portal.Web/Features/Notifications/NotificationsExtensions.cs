using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Notifications;

public static class NotificationsExtensions
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.AddScoped<UserNotificationService>();
        services.AddSingleton<WorkItemNotifier>();
        // The same instance handles the work items' steps in their transaction (S2A, issue 12).
        services.AddSingleton<IDomainEventHandler>(sp => sp.GetRequiredService<WorkItemNotifier>());
        services.AddSingleton<ILiveChannelRule, UserChannelRule>();
        services.AddSingleton<ILiveEventMapper, NotificationLiveEvents>();
        return services;
    }
}

namespace Portal.Web.Features.Notifications;

public static class NotificationsExtensions
{
    /// <summary>The bell and its service. Delivery (rows, the user channel, its rule) is the kit's (<c>Kit/Notifications</c>).</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.AddScoped<UserNotificationService>();
        return services;
    }
}

namespace Portal.Web.Features.Notifications;

/// <summary>Marker for the notification bell's texts and the notification messages.</summary>
public sealed class NotificationsText;

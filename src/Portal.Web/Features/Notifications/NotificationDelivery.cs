using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Live;

namespace Portal.Web.Features.Notifications;

/// <summary>How a notifier delivers: one row per recipient, saved together, then announced on each recipient's topic.</summary>
public static class NotificationDelivery
{
    /// <summary>
    /// Adds <paramref name="create"/>'s notification for each recipient once, never for the actor, saves them and announces
    /// each on its user's topic (ids only: the bell reads the message from the database as its reader). Returns the users
    /// notified.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SendAsync(PortalDbContext db, LiveEventBus bus, IEnumerable<string> recipients,
        string? actorUserId, Func<string, Notification> create, CancellationToken ct)
    {
        var notifications = recipients.Where(id => id != actorUserId).Distinct().Select(create).ToList();
        if (notifications.Count == 0) return [];
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(ct);
        foreach (var n in notifications)
            await bus.PublishAsync(UserChannels.For(n.UserId), UserChannels.NotificationsChanged, new NotificationChanged(n.Id, n.WorkItemId), ct);
        return notifications.Select(n => n.UserId).ToList();
    }
}

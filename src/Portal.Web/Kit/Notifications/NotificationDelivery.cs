using Portal.Domain.Common;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Data.Live;

namespace Portal.Web.Kit.Notifications;

/// <summary>
/// How a notifier delivers: one row per recipient, never for the actor, stored with the change that caused it (the
/// rows raise <see cref="NotificationSent"/>, which <see cref="NotificationLiveEvents"/> turns into an event on each
/// recipient's channel in the same transaction).
/// </summary>
public static class NotificationDelivery
{
    /// <summary>
    /// Adds <paramref name="create"/>'s notification for each recipient once, never for the actor, to <paramref name="db"/>
    /// (unsaved: the caller's save stores them with its change; an event handler's are saved by the save it runs in).
    /// Returns the users notified.
    /// </summary>
    public static IReadOnlyList<string> Add(PortalDbContext db, IEnumerable<string> recipients, string? actorUserId, Func<string, Notification> create)
    {
        var notifications = recipients.Where(id => id != actorUserId).Distinct().Select(id => create(id).Send()).ToList();
        db.Notifications.AddRange(notifications);
        return notifications.Select(n => n.UserId).ToList();
    }

    /// <summary><see cref="Add"/> and save, for notices that are a change of their own (a reminder, a sign-in warning).</summary>
    public static async Task<IReadOnlyList<string>> SendAsync(PortalDbContext db, IEnumerable<string> recipients,
        string? actorUserId, Func<string, Notification> create, CancellationToken ct)
    {
        var notified = Add(db, recipients, actorUserId, create);
        if (notified.Count > 0) await db.SaveChangesAsync(ct);
        return notified;
    }
}

/// <summary>A new notification becomes "notifications changed" on its reader's channel (ids only, never the text).</summary>
public sealed class NotificationLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) =>
        domainEvent is NotificationSent sent
            ? LiveEventDraft.Of(UserChannels.For(sent.UserId), UserChannels.NotificationsChanged, new NotificationChanged(source.Id, sent.WorkItemId))
            : null;
}

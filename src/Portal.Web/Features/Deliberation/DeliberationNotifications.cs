using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Data.Audit;
using Portal.Web.Kit.Notifications;

namespace Portal.Web.Features.Deliberation;

/// <summary>How the area's event handlers tell one person of a step: a notification in the step's transaction, never for its actor.</summary>
public static class DeliberationNotifications
{
    /// <param name="key">A message key of NotificationsText (where the bell reads every key).</param>
    public static void Tell(PortalDbContext db, string recipientUserId, string key, string? argument, string linkPath, DateTime nowUtc) =>
        // The actor is the one the save's audit trail names (the unit of work's caller, else the ambient one).
        NotificationDelivery.Add(db, [recipientUserId], (db.Actor ?? db.GetService<IAuditActor>())?.UserId, userId => new Notification
        {
            UserId = userId, MessageKey = key, MessageArgument = argument, LinkPath = linkPath, CreatedAtUtc = nowUtc,
        });
}

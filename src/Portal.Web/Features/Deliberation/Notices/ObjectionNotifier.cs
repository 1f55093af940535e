using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Data.Audit;
using Portal.Web.Kit.Notifications;

namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>
/// Tells the filer of an objection that it was answered (<see cref="NoticeObjectionAnswered"/>), in the answer's own
/// transaction, linking to the notice where the answer stands; the one who answered is never told. Singleton.
/// </summary>
public sealed class ObjectionNotifier(TimeProvider clock) : IDomainEventHandler
{
    /// <summary>In NotificationsText, where the bell reads every key; no arguments.</summary>
    public const string AnsweredKey = "Message.Deliberation.ObjectionAnswered";

    public Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (source is not PublicNotice notice || domainEvent is not NoticeObjectionAnswered answered) return Task.CompletedTask;
        var now = clock.GetUtcNow().UtcDateTime;
        NotificationDelivery.Add(db, [answered.FiledByUserId], (db.Actor ?? db.GetService<IAuditActor>())?.UserId, userId => new Notification
        {
            UserId = userId, MessageKey = AnsweredKey, LinkPath = $"/deliberation/notices/{notice.Id}", CreatedAtUtc = now,
        });
        return Task.CompletedTask;
    }
}

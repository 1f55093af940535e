using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Web.Data;

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
        DeliberationNotifications.Tell(db, answered.FiledByUserId, AnsweredKey, null, $"/deliberation/notices/{notice.Id}", clock.GetUtcNow().UtcDateTime);
        return Task.CompletedTask;
    }
}

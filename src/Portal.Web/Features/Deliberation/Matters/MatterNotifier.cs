using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Kit.Notifications;

namespace Portal.Web.Features.Deliberation.Matters;

/// <summary>Message keys of deliberation notifications (in NotificationsText, where the bell reads every key). Arguments: title, reason.</summary>
public static class MatterNotificationKeys
{
    public const string Accepted = "Message.Deliberation.MatterAccepted";
    public const string Merged = "Message.Deliberation.MatterMerged";
    public const string Declined = "Message.Deliberation.MatterDeclined";
}

/// <summary>
/// Tells the raiser how their matter was screened (<see cref="MatterScreened"/>), with the reason when it was merged or
/// declined, in the screening's own transaction (decision 0023 "Handlers"); the screener is never told of their own step.
/// Singleton.
/// </summary>
public sealed class MatterNotifier(TimeProvider clock) : IDomainEventHandler
{
    public Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (source is not Matter matter || domainEvent is not MatterScreened screened) return Task.CompletedTask;
        var key = screened.Status switch
        {
            MatterStatus.Accepted => MatterNotificationKeys.Accepted,
            MatterStatus.Merged => MatterNotificationKeys.Merged,
            MatterStatus.Declined => MatterNotificationKeys.Declined,
            _ => null,
        };
        if (key is null) return Task.CompletedTask;
        DeliberationNotifications.Tell(db, screened.RaisedByUserId, key, NotificationArguments.Join([matter.Title, matter.ScreeningReason ?? ""]),
            $"/deliberation/matters/{matter.Id}", clock.GetUtcNow().UtcDateTime);
        return Task.CompletedTask;
    }
}

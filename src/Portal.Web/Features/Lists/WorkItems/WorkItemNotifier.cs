using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Kit.Notifications;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// Tells the people an action concerns, in their bell: a dispatch or a chase (督办) the owner (the liaisons of the owner
/// unit, or the owner person's account), a report back the requester (please rate), a "not satisfied" rating the owner
/// again, a claim (认领) the community's secretaries (not of projects). The actor is never told of their own action.
/// <para>
/// A handler of <see cref="WorkItemStepped"/> (decision 0023 "Handlers"): the notifications are stored in the step's
/// own transaction, so a step is never saved without them (nor they without it). Who acted, with which note and rating,
/// is read from the history step the event is of. Singleton: it keeps no caller of its own.
/// </para>
/// </summary>
public sealed class WorkItemNotifier(TimeProvider clock) : IDomainEventHandler
{
    public async Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent is not WorkItemStepped { Step: { } action } || source is not WorkItem item) return;
        // The history step the event is of: the last one of its action (a new item's settled steps come in order).
        var step = item.Events.LastOrDefault(e => e.Action == action);
        // The deadline monitor's automatic reminders and escalations send their own notices (DeadlineMonitor).
        if (step is null || step.IsAutomatic) return;
        await AddAsync(db, item, action, step.Rating, step.Note, step.ActorUserId, ct);
    }

    /// <summary>Adds the notifications for <paramref name="action"/> on <paramref name="item"/> to <paramref name="db"/> (unsaved).</summary>
    private async Task AddAsync(PortalDbContext db, WorkItem item, WorkItemAction action, Satisfaction? rating, string? note,
        string? actorUserId, CancellationToken ct)
    {
        string? key = null;
        List<string> recipients = [];
        string[] args = [item.Title];
        switch (action)
        {
            case WorkItemAction.Dispatch:
                key = NotificationKeys.Dispatched;
                recipients = await NotificationRecipients.OwnerAccountsAsync(db, item, ct);
                break;
            case WorkItemAction.Chase when note is not null:
                key = NotificationKeys.Chased;
                recipients = await NotificationRecipients.OwnerAccountsAsync(db, item, ct);
                args = [item.Title, note];
                break;
            case WorkItemAction.ReportBack when item.RequesterUserId is { } requester:
                key = NotificationKeys.Reported;
                recipients = [requester];
                break;
            case WorkItemAction.Rate when rating == Satisfaction.NotSatisfied:
                key = note is null ? NotificationKeys.NotSatisfied : NotificationKeys.NotSatisfiedNote;
                recipients = await NotificationRecipients.OwnerAccountsAsync(db, item, ct);
                if (note is not null) args = [item.Title, note];
                break;
            // A project is the secretary's own decision and open to claim on its page; its claim tells nobody.
            case WorkItemAction.Claim when item.Kind != WorkItemKind.Project:
                key = NotificationKeys.Claimed;
                recipients = await NotificationRecipients.SecretariesAsync(db, item.CommunityId, ct);
                args = [item.Title, await OwnerNameAsync(db, item, ct)];
                break;
        }
        if (key is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var argument = NotificationArguments.Join(args);
        NotificationDelivery.Add(db, recipients, actorUserId, userId => new Notification
        {
            UserId = userId, MessageKey = key, MessageArgument = argument, WorkItemId = item.Id, CreatedAtUtc = now,
        });
    }

    /// <summary>The claimant as the secretary knows them: the unit's name, or the Party member's name.</summary>
    private static async Task<string> OwnerNameAsync(PortalDbContext db, WorkItem item, CancellationToken ct)
    {
        if (item.OwnerUnitId is { } unitId)
            return await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        if (item.OwnerPersonId is { } personId)
            return await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        return "";
    }
}

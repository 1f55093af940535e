using Portal.Web.Kit.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Data.Audit;
using Portal.Domain.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portal.Web.Features.Councils.Topics;

/// <summary>
/// Message keys of council notifications (in NotificationsText, where the bell reads every message key). Arguments as
/// <see cref="NotificationArguments"/>: first the meeting's or topic's title, then a time or reason where the key says so.
/// </summary>
public static class CouncilNotificationKeys
{
    /// <summary>To everyone sitting that day and the member units' liaisons: title, local start.</summary>
    public const string AgendaConfirmed = "Message.Council.AgendaConfirmed";
    /// <summary>To the proposer: topic title.</summary>
    public const string TopicAccepted = "Message.Council.TopicAccepted";
    /// <summary>To the proposer: topic title, reason.</summary>
    public const string TopicMerged = "Message.Council.TopicMerged";
    /// <summary>To the proposer: topic title, reason.</summary>
    public const string TopicDeferred = "Message.Council.TopicDeferred";
    /// <summary>To the proposer (withdrawn by the secretariat on their word): topic title.</summary>
    public const string TopicWithdrawn = "Message.Council.TopicWithdrawn";
    /// <summary>To the council's managers: unit name, meeting title.</summary>
    public const string AdHocRequested = "Message.Council.AdHocRequested";
    /// <summary>To the requesting unit: meeting title, local start.</summary>
    public const string AdHocConfirmed = "Message.Council.AdHocConfirmed";
    /// <summary>To the requesting unit: meeting title, reason.</summary>
    public const string AdHocDeclined = "Message.Council.AdHocDeclined";
}

/// <summary>
/// Tells the people a council step concerns, in their bell, the way the Lists area's <c>WorkItemNotifier</c> does for work items
/// (same Notification rows, same per-user live channel): an agenda confirmed → every account whose person sits on the
/// council that day and the liaison accounts of the sitting member units; a screening decision → the proposer (the
/// submitting account and the proposer unit's liaisons); an ad-hoc request → the community's secretaries (the street's
/// administrators for a street council); the answer → the requesting unit's liaisons and the accounts that submitted its
/// topics. The actor is never told of their own step. Residents without a seat are never among them.
/// <para>
/// A handler of the events the entities raise (<see cref="MeetingStatusMoved"/>, <see cref="TopicScreened"/>,
/// <see cref="AdHocMeetingRequested"/>; decision 0023 "Handlers"): the notices are stored in the step's own transaction,
/// so a step is never saved without them (nor they without them). The actor is the one the save's audit trail names;
/// work without an account (the demo seed) is nobody's step and tells nobody. Singleton: it keeps no caller of its own.
/// </para>
/// </summary>
public sealed class CouncilNotifier(TimeProvider clock) : IDomainEventHandler
{
    public async Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
    {
        if (ActorOf(db) is not { } actorUserId) return;
        // Each arm awaits its queries: a notice started and then dropped would leave a command running on the save's
        // connection (PostgreSQL refuses the next one).
        Notice? notice = (source, domainEvent) switch
        {
            (Meeting meeting, MeetingStatusMoved { Action: MeetingAction.ConfirmAgenda }) => await AgendaConfirmedAsync(db, meeting, ct),
            (Meeting meeting, MeetingStatusMoved { Action: MeetingAction.Confirm or MeetingAction.Decline }) => await AdHocDecidedAsync(db, meeting, ct),
            (Topic topic, TopicScreened screened) => await TopicScreenedAsync(db, topic, screened.Action, ct),
            (Meeting meeting, AdHocMeetingRequested) => await AdHocRequestedAsync(db, meeting, ct),
            _ => null,
        };
        if (notice is not { Key: { } key }) return;
        var (_, args, recipients, linkPath) = notice;
        var now = clock.GetUtcNow().UtcDateTime;
        var argument = NotificationArguments.Join(args);
        NotificationDelivery.Add(db, recipients, actorUserId, userId => new Notification
        {
            UserId = userId, MessageKey = key, MessageArgument = argument, LinkPath = linkPath, CreatedAtUtc = now,
        });
    }

    /// <summary>The account the save's audit trail names (the unit of work's caller, else the ambient one); null for work without one.</summary>
    private static string? ActorOf(PortalDbContext db) => (db.Actor ?? db.GetService<IAuditActor>())?.UserId;

    private static async Task<Notice> AgendaConfirmedAsync(PortalDbContext db, Meeting meeting, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Id == meeting.CouncilId, ct);
        var recipients = await SittingAccountsAsync(db, council, CouncilAccess.DayOf(meeting), ct);
        return new(CouncilNotificationKeys.AgendaConfirmed, [meeting.Title, NotificationArguments.LocalTime(meeting.StartsAtUtc)], recipients,
            MeetingPath(meeting.Id));
    }

    private static async Task<Notice> TopicScreenedAsync(PortalDbContext db, Topic topic, TopicAction action, CancellationToken ct)
    {
        var key = action switch
        {
            TopicAction.Accept => CouncilNotificationKeys.TopicAccepted,
            TopicAction.Merge => CouncilNotificationKeys.TopicMerged,
            TopicAction.Defer => CouncilNotificationKeys.TopicDeferred,
            TopicAction.Withdraw => CouncilNotificationKeys.TopicWithdrawn,
            _ => null,
        };
        if (key is null) return Notice.None;
        var recipients = await NotificationRecipients.UnitLiaisonsAsync(db, [topic.ProposerUnitId], ct);
        if (topic.ProposedByUserId is { } by) recipients.Add(by);
        string[] args = topic.ScreeningReason is { } reason ? [topic.Title, reason] : [topic.Title];
        return new(key, args, recipients, TopicsPath(topic.MeetingId));
    }

    private static async Task<Notice> AdHocRequestedAsync(PortalDbContext db, Meeting meeting, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == meeting.CouncilId, ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == meeting.RequestedByUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var recipients = council.CommunityId is { } community
            ? await NotificationRecipients.SecretariesAsync(db, community, ct)
            : await NotificationRecipients.StreetAdministratorsAsync(db, council.StreetId, ct);
        return new(CouncilNotificationKeys.AdHocRequested, [unit, meeting.Title], recipients, TopicsPath(meeting.Id));
    }

    private static async Task<Notice> AdHocDecidedAsync(PortalDbContext db, Meeting meeting, CancellationToken ct)
    {
        var recipients = meeting.RequestedByUnitId is { } unit ? await NotificationRecipients.UnitLiaisonsAsync(db, [unit], ct) : [];
        recipients.AddRange(await db.Topics.AsNoTracking().Where(t => t.MeetingId == meeting.Id && t.ProposedByUserId != null)
            .Select(t => t.ProposedByUserId!).ToListAsync(ct));
        return meeting.Status == MeetingStatus.Declined
            ? new(CouncilNotificationKeys.AdHocDeclined, [meeting.Title, meeting.DecisionReason ?? ""], recipients, TopicsPath(meeting.Id))
            : new(CouncilNotificationKeys.AdHocConfirmed, [meeting.Title, NotificationArguments.LocalTime(meeting.StartsAtUtc)], recipients,
                TopicsPath(meeting.Id));
    }

    /// <summary>Accounts of people sitting on the council that day (member or liaison by person) and of the sitting units' liaison accounts.</summary>
    private static async Task<List<string>> SittingAccountsAsync(PortalDbContext db, Council council, DateOnly day, CancellationToken ct)
    {
        var seats = council.Members.Where(m => m.IsSittingOn(day)).ToList();
        var persons = seats.SelectMany(m => new[] { m.PersonId, m.LiaisonPersonId }).OfType<int>().Distinct().ToList();
        var ids = await NotificationRecipients.PersonAccountsAsync(db, persons, ct);
        ids.AddRange(await NotificationRecipients.UnitLiaisonsAsync(db, [.. CouncilRoster.MemberUnitsOn(council.Members, day)], ct));
        return ids.Distinct().ToList();
    }

    // The pages a notification opens (the routes of the live meeting page and of the topics page).
    private static string MeetingPath(int meetingId) => $"councils/meetings/{meetingId}";

    private static string TopicsPath(int meetingId) => $"councils/meetings/{meetingId}/topics";

    /// <summary>What to tell whom: a message key (none: nothing to tell), its arguments, the recipients, the page it opens.</summary>
    private sealed record Notice(string? Key, string[] Args, List<string> Recipients, string LinkPath)
    {
        public static Notice None { get; } = new(null, [], [], "");
    }
}

using Portal.Web.Kit.Notifications;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Notifications;

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
/// Called after the step is saved: a failure is logged, never thrown. Singleton (no caller of its own).
/// </summary>
public sealed class CouncilNotifier(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<CouncilNotifier> logger)
{
    public async Task<IReadOnlyList<string>> AgendaConfirmedAsync(int meetingId, string? actorUserId, CancellationToken ct = default) =>
        await SafeAsync(meetingId, MeetingPath(meetingId), "agenda confirmed", async db =>
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
            var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Id == meeting.CouncilId, ct);
            var recipients = await SittingAccountsAsync(db, council, CouncilAccess.DayOf(meeting), ct);
            return (CouncilNotificationKeys.AgendaConfirmed, [meeting.Title, NotificationArguments.LocalTime(meeting.StartsAtUtc)], recipients);
        }, actorUserId, ct);

    public async Task<IReadOnlyList<string>> TopicScreenedAsync(Topic topic, TopicAction action, string? actorUserId, CancellationToken ct = default) =>
        await SafeAsync(topic.MeetingId, TopicsPath(topic.MeetingId), "topic screened", async db =>
        {
            var key = action switch
            {
                TopicAction.Accept => CouncilNotificationKeys.TopicAccepted,
                TopicAction.Merge => CouncilNotificationKeys.TopicMerged,
                TopicAction.Defer => CouncilNotificationKeys.TopicDeferred,
                TopicAction.Withdraw => CouncilNotificationKeys.TopicWithdrawn,
                _ => null,
            };
            if (key is null) return (null, [], []);
            var recipients = await NotificationRecipients.UnitLiaisonsAsync(db, [topic.ProposerUnitId], ct);
            if (topic.ProposedByUserId is { } by) recipients.Add(by);
            string[] args = topic.ScreeningReason is { } reason ? [topic.Title, reason] : [topic.Title];
            return (key, args, recipients);
        }, actorUserId, ct);

    public async Task<IReadOnlyList<string>> AdHocRequestedAsync(int meetingId, string? actorUserId, CancellationToken ct = default) =>
        await SafeAsync(meetingId, TopicsPath(meetingId), "ad-hoc request", async db =>
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
            var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == meeting.CouncilId, ct);
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == meeting.RequestedByUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
            var recipients = council.CommunityId is { } community
                ? await NotificationRecipients.SecretariesAsync(db, community, ct)
                : await NotificationRecipients.StreetAdministratorsAsync(db, council.StreetId, ct);
            return (CouncilNotificationKeys.AdHocRequested, [unit, meeting.Title], recipients);
        }, actorUserId, ct);

    public async Task<IReadOnlyList<string>> AdHocDecidedAsync(int meetingId, string? actorUserId, CancellationToken ct = default) =>
        await SafeAsync(meetingId, TopicsPath(meetingId), "ad-hoc decision", async db =>
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
            var recipients = meeting.RequestedByUnitId is { } unit ? await NotificationRecipients.UnitLiaisonsAsync(db, [unit], ct) : [];
            recipients.AddRange(await db.Topics.AsNoTracking().Where(t => t.MeetingId == meetingId && t.ProposedByUserId != null)
                .Select(t => t.ProposedByUserId!).ToListAsync(ct));
            return meeting.Status == MeetingStatus.Declined
                ? (CouncilNotificationKeys.AdHocDeclined, [meeting.Title, meeting.DecisionReason ?? ""], recipients)
                : (CouncilNotificationKeys.AdHocConfirmed, [meeting.Title, NotificationArguments.LocalTime(meeting.StartsAtUtc)], recipients);
        }, actorUserId, ct);

    /// <summary>Accounts of people sitting on the council that day (member or liaison by person) and of the sitting units' liaison accounts.</summary>
    public static async Task<List<string>> SittingAccountsAsync(PortalDbContext db, Council council, DateOnly day, CancellationToken ct)
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

    private async Task<IReadOnlyList<string>> SafeAsync(int meetingId, string linkPath, string what,
        Func<PortalDbContext, Task<(string? Key, string[] Args, List<string> Recipients)>> build, string? actorUserId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (key, args, recipients) = await build(db);
            if (key is null) return [];
            var now = clock.GetUtcNow().UtcDateTime;
            var argument = NotificationArguments.Join(args);
            return await NotificationDelivery.SendAsync(db, recipients, actorUserId, userId => new Notification
            {
                UserId = userId, MessageKey = key, MessageArgument = argument, LinkPath = linkPath, CreatedAtUtc = now,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Notifying about {What} of meeting {Id} failed", what, meetingId);
            return [];
        }
    }
}

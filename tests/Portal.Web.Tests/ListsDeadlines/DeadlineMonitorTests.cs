using Portal.Web.Kit.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.Deadlines;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Tests.ListsDeadlines;

/// <summary>
/// The deadline monitor on the real portal and database, driven round by round with a settable clock: reminders once
/// per state change, only to the owner, and escalation to the secretary once beyond the grace period.
/// </summary>
public sealed class DeadlineMonitorTests(DeadlineTestServer server) : IClassFixture<DeadlineTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A fixed start well away from the real clock, so the hosted monitor's own (real-time) view of these items is "on time".
    private static readonly DateTime Start = DateTime.UtcNow.AddDays(30).Date.AddHours(2);

    private DeadlineMonitor MonitorWith(TimeProvider clock) => ActivatorUtilities.CreateInstance<DeadlineMonitor>(server.Services, clock);

    private async Task<List<Portal.Domain.WorkItems.Notification>> NotificationsOfAsync(int itemId)
    {
        await using var db = await server.DbAsync(Ct);
        return await db.Notifications.AsNoTracking().Where(n => n.WorkItemId == itemId).OrderBy(n => n.Id).ToListAsync(Ct);
    }

    private async Task<List<WorkItemEvent>> AutomaticEventsOfAsync(int itemId)
    {
        await using var db = await server.DbAsync(Ct);
        return await db.WorkItemEvents.AsNoTracking().Where(e => e.WorkItemId == itemId && e.IsAutomatic).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_general_item_is_reminded_once_when_due_soon_once_when_overdue_and_escalated_once_beyond_grace()
    {
        var community = await server.CommunityIdAsync(0, Ct);
        var unit = await server.LiaisonUnitIdAsync(Ct);
        var liaison = await server.UserIdAsync("liaison", Ct);
        var secretary = await server.UserIdAsync("secretary", Ct);
        var itemId = await server.SeedDispatchedAsync("监控测试：楼道灯维修", community, unit, Start, Urgency.General, Ct);
        var clock = new SettableTimeProvider(new DateTimeOffset(Start, TimeSpan.Zero));
        var monitor = MonitorWith(clock);

        var liaisonEvents = new List<LiveEvent>();
        using var liaisonFeed = server.Services.GetRequiredService<LiveEventBus>().Subscribe(UserChannels.For(liaison), e =>
        {
            lock (liaisonEvents) liaisonEvents.Add(e);
            return Task.CompletedTask;
        });

        // On time: a day after dispatch of a seven-day item.
        clock.Now = new DateTimeOffset(Start.AddDays(1), TimeSpan.Zero);
        await monitor.RunOnceAsync(Ct);
        Assert.Empty(await NotificationsOfAsync(itemId));

        // Due soon (the last fifth of seven days begins at 5.6 days): one reminder, and a second round sends no other.
        clock.Now = new DateTimeOffset(Start.AddDays(6), TimeSpan.Zero);
        await monitor.RunOnceAsync(Ct);
        await monitor.RunOnceAsync(Ct);
        var afterDueSoon = await NotificationsOfAsync(itemId);
        var dueSoon = Assert.Single(afterDueSoon);
        Assert.Equal(liaison, dueSoon.UserId);
        Assert.Equal(NotificationKeys.DueSoon, dueSoon.MessageKey);
        Assert.Equal("监控测试：楼道灯维修", dueSoon.MessageArgument);
        var chase = Assert.Single(await AutomaticEventsOfAsync(itemId));
        Assert.Equal(WorkItemAction.Chase, chase.Action);
        Assert.StartsWith("系统提醒：", chase.Note);
        Assert.Equal(WorkItemStatus.Dispatched, chase.ToStatus);
        lock (liaisonEvents) Assert.Contains(liaisonEvents, e => e.Type == UserChannels.NotificationsChanged);

        // Overdue: another reminder, once.
        clock.Now = new DateTimeOffset(Start.AddDays(7).AddHours(1), TimeSpan.Zero);
        await monitor.RunOnceAsync(Ct);
        await monitor.RunOnceAsync(Ct);
        var afterOverdue = await NotificationsOfAsync(itemId);
        Assert.Equal(2, afterOverdue.Count);
        Assert.Equal(NotificationKeys.Overdue, afterOverdue[1].MessageKey);
        Assert.Equal(liaison, afterOverdue[1].UserId);
        Assert.Equal(2, (await AutomaticEventsOfAsync(itemId)).Count);

        // Beyond the day of grace: escalated once, the secretary told, the status unchanged.
        clock.Now = new DateTimeOffset(Start.AddDays(8).AddHours(2), TimeSpan.Zero);
        await monitor.RunOnceAsync(Ct);
        await monitor.RunOnceAsync(Ct);
        var all = await NotificationsOfAsync(itemId);
        Assert.Equal(3, all.Count);
        Assert.Equal(secretary, all[2].UserId);
        Assert.Equal(NotificationKeys.Escalated, all[2].MessageKey);
        var events = await AutomaticEventsOfAsync(itemId);
        Assert.Equal(3, events.Count);
        Assert.Equal(WorkItemAction.Escalate, events[2].Action);
        await using var db = await server.DbAsync(Ct);
        var item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == itemId, Ct);
        Assert.Equal(WorkItemStatus.Dispatched, item.Status);
        Assert.Equal(clock.Now.UtcDateTime, item.EscalatedAtUtc);
    }

    [Fact]
    public async Task Closed_and_reported_items_are_ignored()
    {
        var community = await server.CommunityIdAsync(0, Ct);
        var unit = await server.LiaisonUnitIdAsync(Ct);
        var closed = await server.SeedDispatchedAsync("监控测试：已销号", community, unit, Start, Urgency.Emergency, Ct,
            WorkItemAction.Accept, WorkItemAction.ReportBack, WorkItemAction.Close);
        var reported = await server.SeedDispatchedAsync("监控测试：已反馈", community, unit, Start, Urgency.Emergency, Ct,
            WorkItemAction.Accept, WorkItemAction.ReportBack);
        var monitor = MonitorWith(new SettableTimeProvider(new DateTimeOffset(Start.AddDays(3), TimeSpan.Zero)));

        await monitor.RunOnceAsync(Ct);

        Assert.Empty(await NotificationsOfAsync(closed));
        Assert.Empty(await AutomaticEventsOfAsync(closed));
        Assert.Empty(await NotificationsOfAsync(reported));
    }

    [Fact]
    public async Task A_reminder_goes_only_to_the_owner_units_liaison_accounts()
    {
        var community = await server.CommunityIdAsync(0, Ct);
        var unit = await server.LiaisonUnitIdAsync(Ct);
        var liaison = await server.UserIdAsync("liaison", Ct);
        int otherUnit;
        await using (var db = await server.DbAsync(Ct))
        {
            otherUnit = await db.Units.Where(u => u.Id != unit).Select(u => u.Id).FirstAsync(Ct);
        }
        var mine = await server.SeedDispatchedAsync("监控测试：本单位", community, unit, Start, Urgency.Utilities, Ct);
        var theirs = await server.SeedDispatchedAsync("监控测试：他单位", community, otherUnit, Start, Urgency.Utilities, Ct);
        var monitor = MonitorWith(new SettableTimeProvider(new DateTimeOffset(Start.AddHours(23), TimeSpan.Zero)));

        await monitor.RunOnceAsync(Ct);

        var toMine = Assert.Single(await NotificationsOfAsync(mine));
        Assert.Equal(liaison, toMine.UserId);
        Assert.DoesNotContain(await NotificationsOfAsync(theirs), n => n.UserId == liaison);
        // Still chased (and logged) even when the unit has no account to tell.
        Assert.Single(await AutomaticEventsOfAsync(theirs));
    }

    [Fact]
    public async Task The_user_topic_rule_admits_only_the_users_own_topic()
    {
        var access = server.Services.GetRequiredService<LiveChannelAccess>();
        var liaison = await server.PrincipalAsync("liaison");
        var liaisonId = await server.UserIdAsync("liaison", Ct);
        var secretaryId = await server.UserIdAsync("secretary", Ct);

        Assert.True(await access.CanReadAsync(liaison, UserChannels.For(liaisonId), Ct));
        Assert.False(await access.CanReadAsync(liaison, UserChannels.For(secretaryId), Ct));
        Assert.False(await access.CanReadAsync(liaison, UserChannels.For(liaisonId) + "x", Ct));
        Assert.False(await access.CanReadAsync(new System.Security.Claims.ClaimsPrincipal(), UserChannels.For(liaisonId), Ct));
    }

    [Fact]
    public async Task A_user_sees_and_marks_read_only_their_own_notifications()
    {
        var community = await server.CommunityIdAsync(0, Ct);
        var unit = await server.LiaisonUnitIdAsync(Ct);
        var itemId = await server.SeedDispatchedAsync("监控测试：铃铛", community, unit, Start, Urgency.Emergency, Ct);
        await MonitorWith(new SettableTimeProvider(new DateTimeOffset(Start.AddHours(3), TimeSpan.Zero))).RunOnceAsync(Ct);
        var notification = Assert.Single(await NotificationsOfAsync(itemId));

        var summary = await server.AsAsync<UserNotificationService, NotificationSummary>("liaison", s => s.SummaryAsync(Ct));
        var row = Assert.Single(summary.Latest, r => r.Id == notification.Id);
        Assert.True(row.IsUnread);
        Assert.Equal("“监控测试：铃铛”已超过办理期限", row.Message);
        var english = await server.AsAsync<UserNotificationService, NotificationSummary>("liaison", s => s.SummaryAsync(Ct), "en");
        Assert.Equal("“监控测试：铃铛” is overdue", english.Latest.Single(r => r.Id == notification.Id).Message);

        // Another user can neither see nor mark it.
        var others = await server.AsAsync<UserNotificationService, NotificationSummary>("resident", s => s.SummaryAsync(Ct));
        Assert.DoesNotContain(others.Latest, r => r.Id == notification.Id);
        Assert.False(await server.AsAsync<UserNotificationService, bool>("resident", s => s.MarkReadAsync(notification.Id, Ct)));
        Assert.Null((await NotificationsOfAsync(itemId)).Single().ReadAtUtc);

        Assert.True(await server.AsAsync<UserNotificationService, bool>("liaison", s => s.MarkReadAsync(notification.Id, Ct)));
        var after = await server.AsAsync<UserNotificationService, NotificationSummary>("liaison", s => s.SummaryAsync(Ct));
        Assert.Equal(summary.UnreadCount - 1, after.UnreadCount);
        Assert.False(after.Latest.Single(r => r.Id == notification.Id).IsUnread);
    }
}

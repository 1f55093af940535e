using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Notifications;
using Portal.Web.Kit.Notifications;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Notifications;

/// <summary>The bell's own service: only the caller's rows, and a read mark tells the reader's other tabs with the change.</summary>
public sealed class UserNotificationServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Marking_read_stores_the_readers_bell_event_with_the_mark_once_and_another_user_changes_nothing()
    {
        var host = fixture.Host;
        int id;
        string userId;
        await using (var db = await host.NewDbContextAsync(Ct))
        {
            userId = await db.Users.Where(u => u.UserName == "liaison").Select(u => u.Id).SingleAsync(Ct);
            // Stored without Send(): no event of its own, so the events counted below are the read mark's.
            var notification = new Notification { UserId = userId, MessageKey = "WorkItem.Overdue", CreatedAtUtc = DateTime.UtcNow };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync(Ct);
            id = notification.Id;
        }
        var channel = UserChannels.For(userId);
        var payload = $"\"notificationId\":{id},";
        async Task<int> EventsAsync()
        {
            await using var db = await host.NewDbContextAsync(Ct);
            return (await db.LiveEvents.AsNoTracking().Where(e => e.Channel == channel && e.Type == UserChannels.NotificationsChanged)
                .Select(e => e.Payload).ToListAsync(Ct)).Count(p => p.Contains(payload, StringComparison.OrdinalIgnoreCase));
        }

        Assert.False(await host.AsAsync<UserNotificationService, bool>("resident", s => s.MarkReadAsync(id, Ct)));
        Assert.Equal(0, await EventsAsync());

        Assert.True(await host.AsAsync<UserNotificationService, bool>("liaison", s => s.MarkReadAsync(id, Ct)));
        Assert.True(await host.AsAsync<UserNotificationService, bool>("liaison", s => s.MarkReadAsync(id, Ct)));

        Assert.Equal(1, await EventsAsync());
        await using var after = await host.NewDbContextAsync(Ct);
        Assert.NotNull((await after.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, Ct)).ReadAtUtc);
    }
}

using Portal.Web.Kit.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Data.Live;

namespace Portal.Web.Features.Notifications;

/// <summary>One notification as the bell shows it, with the message already in the reader's language.</summary>
public sealed record NotificationRow(int Id, string Message, int? WorkItemId, DateTime CreatedAtUtc, bool IsUnread, string? LinkPath = null)
{
    /// <summary>The page the notification opens: its own link, else its work item's page; null when it opens nothing.</summary>
    public string? Target => LinkPath ?? (WorkItemId is { } itemId ? $"lists/items/{itemId}" : null);
}

public sealed record NotificationSummary(int UnreadCount, IReadOnlyList<NotificationRow> Latest);

/// <summary>
/// The signed-in user's own in-app notifications (named so to stay clear of the UI library's notification services). Every call
/// reads or changes only the caller's rows; there is no way to name another user. Scoped.
/// </summary>
public sealed class UserNotificationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    TimeProvider clock,
    IStringLocalizer<NotificationsText> text)
{
    public const int LatestCount = 8;

    /// <summary>The caller's user id, or null when anonymous (the bell then shows nothing).</summary>
    public async Task<string?> UserIdAsync() => (await callers.GetAsync()).UserId;

    public async Task<NotificationSummary> SummaryAsync(CancellationToken ct = default)
    {
        var userId = await UserIdAsync();
        if (userId is null) return new NotificationSummary(0, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, ct);
        var rows = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(LatestCount).ToListAsync(ct);
        return new NotificationSummary(unread, rows
            .Select(n => new NotificationRow(n.Id, text[n.MessageKey, NotificationArguments.Split(n.MessageArgument)], n.WorkItemId, n.CreatedAtUtc, n.ReadAtUtc is null, n.LinkPath))
            .ToList());
    }

    /// <summary>Marks one of the caller's notifications read; another user's id changes nothing and returns false.</summary>
    public async Task<bool> MarkReadAsync(int id, CancellationToken ct = default)
    {
        var userId = await UserIdAsync();
        if (userId is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (row is null) return false;
        if (row.ReadAtUtc is null)
        {
            row.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
            // The user's other open tabs update their bells too: the event is stored with the change (the outbox, decision 0023).
            db.Publish(LiveEventDraft.Of(UserChannels.For(userId), UserChannels.NotificationsChanged, new NotificationChanged(id, row.WorkItemId)));
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}

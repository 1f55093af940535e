using Portal.Domain.Access;
using System.Security.Claims;
using Portal.Web.Kit.Live;

namespace Portal.Web.Kit.Notifications;

/// <summary>Names of the per-user channels ("user/{userId}") that carry a user's own notifications.</summary>
public static class UserChannels
{
    public const string Prefix = "user/";

    public static string For(string userId) => Prefix + userId;

    /// <summary>The event type published when a notification was added for the user or read by them.</summary>
    public const string NotificationsChanged = "notifications.changed";
}

/// <summary>
/// A user may receive only their own channel: notifications name work items that only their owner should be told about.
/// Singleton.
/// </summary>
public sealed class UserChannelRule : ILiveChannelRule
{
    public string Prefix => UserChannels.Prefix;

    public Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return Task.FromResult(false);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return Task.FromResult(!string.IsNullOrEmpty(userId) && string.Equals(channel, UserChannels.For(userId), StringComparison.Ordinal));
    }
}

/// <summary>What a live event on "user/{id}" carries: the notification's id and item only, never the message text.</summary>
public sealed record NotificationChanged(int? NotificationId, int? WorkItemId);

/// <summary>
/// Message keys of notifications (in NotificationsText); the first argument is the work item's title, a second one (see
/// <see cref="NotificationArguments"/>) the note or the claimant where the key says so.
/// </summary>
public static class NotificationKeys
{
    public const string DueSoon = "Message.DueSoon";
    public const string Overdue = "Message.Overdue";
    public const string Escalated = "Message.Escalated";
    /// <summary>To the owner: dispatched to them.</summary>
    public const string Dispatched = "Message.Dispatched";
    /// <summary>To the owner: chased by the secretary; second argument the chase note.</summary>
    public const string Chased = "Message.Chased";
    /// <summary>To the requester: reported back, please rate.</summary>
    public const string Reported = "Message.Reported";
    /// <summary>To the owner: rated not satisfied and sent back.</summary>
    public const string NotSatisfied = "Message.NotSatisfied";
    /// <summary>As <see cref="NotSatisfied"/>; second argument the requester's comment.</summary>
    public const string NotSatisfiedNote = "Message.NotSatisfiedNote";
    /// <summary>To the community's secretaries: claimed; second argument the claiming unit or member.</summary>
    public const string Claimed = "Message.Claimed";
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Kit.Live;

/// <summary>
/// The live-event hub at <see cref="Path"/>. Signed-in clients join channels they may read and receive
/// <see cref="EventMethod"/> messages; after a reconnect they join again with the last sequence they saw and
/// get what they missed in the reply.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveChannelAccess access, ILiveEventStore store, CallerScope callers) : Hub
{
    public const string Path = "/hubs/live";
    public const string EventMethod = "liveEvent";

    /// <summary>Joins the channel's group. With <paramref name="afterSequence"/>, returns the events after it.</summary>
    public async Task<JoinResult> Join(string channel, long? afterSequence)
    {
        await EnsureCanReadAsync(channel);
        await Groups.AddToGroupAsync(Context.ConnectionId, channel, Context.ConnectionAborted);
        var missed = afterSequence is { } after
            ? await store.ReadAfterAsync(channel, after, LiveEventBus.MaxCatchUp, Context.ConnectionAborted)
            : [];
        var last = missed.Count > 0 ? missed[^1].Sequence : await store.LastSequenceAsync(channel, Context.ConnectionAborted);
        return new JoinResult(channel, last, missed);
    }

    /// <summary>Leaves the channel's group; leaving a channel never joined (or no channel at all) changes nothing.</summary>
    public Task Leave(string? channel) =>
        string.IsNullOrEmpty(channel) ? Task.CompletedTask : Groups.RemoveFromGroupAsync(Context.ConnectionId, channel, Context.ConnectionAborted);

    /// <summary>Events of the channel after the given sequence number.</summary>
    public async Task<IReadOnlyList<LiveEvent>> CatchUp(string channel, long afterSequence)
    {
        await EnsureCanReadAsync(channel);
        return await store.ReadAfterAsync(channel, afterSequence, LiveEventBus.MaxCatchUp, Context.ConnectionAborted);
    }

    private async Task EnsureCanReadAsync(string channel)
    {
        if (Context.User is null
            || !await access.CanReadAsync(Context.User, await callers.GetAsync(Context.ConnectionAborted), channel, Context.ConnectionAborted))
            throw new HubCallRefusedException("forbidden: you may not read this channel");
    }
}

/// <summary>Reply to <see cref="LiveHub.Join"/>: the channel's last sequence number and any missed events.</summary>
public sealed record JoinResult(string Channel, long LastSequence, IReadOnlyList<LiveEvent> Missed);

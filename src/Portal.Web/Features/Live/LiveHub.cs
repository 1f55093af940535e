using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Portal.Web.Features.Live;

/// <summary>
/// The live-event hub at <see cref="Path"/>. Signed-in clients join topics they may read and receive
/// <see cref="EventMethod"/> messages; after a reconnect they join again with the last sequence they saw and
/// get what they missed in the reply.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveTopicAccess access, ILiveEventStore store) : Hub
{
    public const string Path = "/hubs/live";
    public const string EventMethod = "liveEvent";

    /// <summary>Joins the topic's group. With <paramref name="afterSequence"/>, returns the events after it.</summary>
    public async Task<JoinResult> Join(string topic, long? afterSequence)
    {
        await EnsureCanReadAsync(topic);
        await Groups.AddToGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
        var missed = afterSequence is { } after
            ? await store.ReadAfterAsync(topic, after, LiveEventBus.MaxCatchUp, Context.ConnectionAborted)
            : [];
        var last = missed.Count > 0 ? missed[^1].Sequence : await store.LastSequenceAsync(topic, Context.ConnectionAborted);
        return new JoinResult(topic, last, missed);
    }

    /// <summary>Leaves the topic's group; leaving a topic never joined (or no topic at all) changes nothing.</summary>
    public Task Leave(string? topic) =>
        string.IsNullOrEmpty(topic) ? Task.CompletedTask : Groups.RemoveFromGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);

    /// <summary>Events of the topic after the given sequence number.</summary>
    public async Task<IReadOnlyList<LiveEvent>> CatchUp(string topic, long afterSequence)
    {
        await EnsureCanReadAsync(topic);
        return await store.ReadAfterAsync(topic, afterSequence, LiveEventBus.MaxCatchUp, Context.ConnectionAborted);
    }

    private async Task EnsureCanReadAsync(string topic)
    {
        if (Context.User is null || !await access.CanReadAsync(Context.User, topic, Context.ConnectionAborted))
            throw new HubCallRefusedException("forbidden: you may not read this topic");
    }
}

/// <summary>Reply to <see cref="LiveHub.Join"/>: the topic's last sequence number and any missed events.</summary>
public sealed record JoinResult(string Topic, long LastSequence, IReadOnlyList<LiveEvent> Missed);

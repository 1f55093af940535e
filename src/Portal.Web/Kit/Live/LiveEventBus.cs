using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Portal.Web.Kit.Live;

/// <summary>
/// Publishes events to channels and delivers them to in-process subscribers (Blazor components) and to the
/// SignalR group of the same name (browser and other hub clients). Singleton: one per app node.
/// </summary>
public sealed class LiveEventBus
{
    /// <summary>Most events a single catch-up returns; a client far behind reloads instead.</summary>
    public const int MaxCatchUp = 500;

    private readonly ILiveEventStore _store;
    private readonly IHubContext<LiveHub> _hub;
    private readonly ILogger<LiveEventBus> _logger;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public LiveEventBus(ILiveEventStore store, ILiveEventRelay relay, IHubContext<LiveHub> hub, ILogger<LiveEventBus> logger)
    {
        _store = store;
        _hub = hub;
        _logger = logger;
        relay.Attach(DeliverLocallyAsync);
    }

    /// <summary>
    /// Stores an event that no entity raised in a transaction of its own (assigning its sequence number) and, once
    /// committed, sends it to every subscriber of the channel through the node's <see cref="LiveEventDispatcher"/>.
    /// Changes of data publish through their entities' domain events instead, in the change's own transaction.
    /// </summary>
    public Task<LiveEvent> PublishAsync<T>(string channel, string type, T payload, CancellationToken ct = default) =>
        _store.AppendAsync(channel, type, JsonSerializer.Serialize(payload, LiveJson.Options), ct);

    /// <summary>Events of the channel after the given sequence number, oldest first (at most <see cref="MaxCatchUp"/>).</summary>
    public Task<IReadOnlyList<LiveEvent>> ReadAfterAsync(string channel, long afterSequence, CancellationToken ct = default) =>
        _store.ReadAfterAsync(channel, afterSequence, MaxCatchUp, ct);

    public Task<long> LastSequenceAsync(string channel, CancellationToken ct = default) => _store.LastSequenceAsync(channel, ct);

    /// <summary>
    /// Subscribes a handler to a channel until the returned subscription is disposed. Handlers run on a pool thread,
    /// concurrently with other subscribers and without the publisher's async-locals: Blazor components must marshal
    /// with <c>InvokeAsync</c>.
    /// </summary>
    public IDisposable Subscribe(string channel, Func<LiveEvent, Task> handler)
    {
        var subscription = new Subscription(this, channel, handler);
        _subscribers.GetOrAdd(channel, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    private async Task DeliverLocallyAsync(LiveEvent liveEvent)
    {
        var hubSend = _hub.Clients.Group(liveEvent.Channel).SendAsync(LiveHub.EventMethod, liveEvent);
        if (_subscribers.TryGetValue(liveEvent.Channel, out var subscribers))
            await Task.WhenAll(subscribers.Keys.Select(s => RunIsolatedAsync(s, liveEvent)));
        await hubSend;
    }

    /// <summary>
    /// Runs one subscriber on the thread pool without the publisher's execution context. The publisher's async-locals
    /// (above all <c>CurrentActor</c>, the user on whose behalf code runs and whom the audit trail records) must not
    /// leak into another user's circuit; and one slow subscriber must not hold up the others.
    /// </summary>
    private async Task RunIsolatedAsync(Subscription subscription, LiveEvent liveEvent)
    {
        Task run;
        using (ExecutionContext.SuppressFlow())
            run = Task.Run(() => subscription.Handler(liveEvent));
        try
        {
            await run;
        }
        catch (Exception ex)
        {
            // One faulty subscriber must not stop delivery to the others.
            _logger.LogWarning(ex, "Live event subscriber for {Channel} failed", liveEvent.Channel);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.Channel, out var subscribers))
            subscribers.TryRemove(subscription, out _);
    }

    private sealed class Subscription(LiveEventBus bus, string channel, Func<LiveEvent, Task> handler) : IDisposable
    {
        public string Channel { get; } = channel;
        public Func<LiveEvent, Task> Handler { get; } = handler;
        public void Dispose() => bus.Unsubscribe(this);
    }
}

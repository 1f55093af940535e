namespace Portal.Web.Kit.Live;

/// <summary>Assigns per-channel sequence numbers and keeps events for catch-up.</summary>
public interface ILiveEventStore
{
    Task<LiveEvent> AppendAsync(string channel, string type, string payloadJson, CancellationToken ct);
    Task<IReadOnlyList<LiveEvent>> ReadAfterAsync(string channel, long afterSequence, int max, CancellationToken ct);
    Task<long> LastSequenceAsync(string channel, CancellationToken ct);
}

/// <summary>
/// Carries published events to every app node, each of which then delivers them to its own subscribers.
/// Single node: <see cref="InProcessLiveEventRelay"/>. A PostgreSQL deployment with several nodes plugs in a
/// LISTEN/NOTIFY relay here without touching publishers or subscribers.
/// </summary>
public interface ILiveEventRelay
{
    Task SendAsync(LiveEvent liveEvent, CancellationToken ct);

    /// <summary>Called once at start-up with the local delivery callback.</summary>
    void Attach(Func<LiveEvent, Task> deliverLocally);
}

/// <summary>The single-node relay: delivery is a direct call.</summary>
public sealed class InProcessLiveEventRelay : ILiveEventRelay
{
    private Func<LiveEvent, Task>? _deliver;

    public void Attach(Func<LiveEvent, Task> deliverLocally) => _deliver = deliverLocally;

    public Task SendAsync(LiveEvent liveEvent, CancellationToken ct) =>
        _deliver?.Invoke(liveEvent) ?? Task.CompletedTask;
}

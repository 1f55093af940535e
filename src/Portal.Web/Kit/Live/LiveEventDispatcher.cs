using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Data.Live;

namespace Portal.Web.Kit.Live;

/// <summary>
/// The node's relay from the outbox to subscribers (decision 0023). Saves hand it their live events once their
/// transaction has committed; per channel, under a gate, it sends sequence <c>delivered + 1</c>, reads a jump's gap from the
/// store first and drops what it has delivered already, so each event reaches this node's subscribers once and in
/// order, however the hand-offs of concurrent commits race. A failed send leaves <c>delivered</c> where it was and a
/// retry loop (1 s, doubling to 30 s) re-reads the store; a sweep compares the channel heads with <c>delivered</c> and
/// catches up what no hand-off brought (a hand-off lost between commit and send, another node's commits).
/// What was committed before this process started is catch-up business (clients rejoin with their last sequence), so
/// <c>delivered</c> starts at the heads read at start-up. Singleton and hosted service: stops with the host.
/// </summary>
public sealed class LiveEventDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory,
    ILiveEventRelay relay,
    LiveEventBus bus,
    ILogger<LiveEventDispatcher> logger) : ICommittedLiveEvents, IHostedService, IDisposable
{
    /// <summary>How often the sweep compares the channel heads with what was delivered.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _sweep;
    private volatile bool _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            foreach (var head in await db.LiveChannels.AsNoTracking().ToListAsync(cancellationToken))
                _channels.GetOrAdd(head.Channel, _ => new ChannelState()).Delivered = head.LastSequence;
        }
        // Hand-offs that came before are in the store and under the heads just read, or the sweep finds them.
        _started = true;
        _sweep = Task.Run(() => SweepAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_sweep is { } sweep) await sweep.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    // Registered under three service types (itself, the hand-off, the hosted service), so disposed up to three times,
    // and a host may be disposed without being stopped. The token source is only cancelled, never disposed: a hand-off
    // or retry still running may read its token (it holds no timer, so there is nothing to free).
    public void Dispose() => _stopping.Cancel();

    /// <summary>What this node has delivered on the channel (0: nothing since start-up on a channel new since then).</summary>
    public long DeliveredOn(string channel) => _channels.TryGetValue(channel, out var state) ? state.Delivered : 0;

    public async Task HandOffAsync(IReadOnlyList<StoredLiveEvent> events)
    {
        if (!_started || _stopping.IsCancellationRequested) return;
        foreach (var channel in events.GroupBy(e => e.Channel, StringComparer.Ordinal))
            await DeliverAsync(channel.Key, channel.OrderBy(e => e.Sequence).ToList(), _stopping.Token);
    }

    private async Task DeliverAsync(string channel, IReadOnlyList<StoredLiveEvent> events, CancellationToken ct)
    {
        var state = _channels.GetOrAdd(channel, _ => new ChannelState());
        try
        {
            await state.Gate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            foreach (var stored in events)
            {
                if (stored.Sequence <= state.Delivered) continue;
                if (stored.Sequence > state.Delivered + 1) await CatchUpAsync(channel, state, stored.Sequence - 1, ct);
                await SendAsync(state, stored.ToLiveEvent(), ct);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Live events of {Channel} after {Sequence} were not delivered; retrying from the store", channel, state.Delivered);
            StartRetry(channel, state);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Sends what the store holds after <c>delivered</c> up to <paramref name="until"/>; under the channel's gate.</summary>
    private async Task CatchUpAsync(string channel, ChannelState state, long until, CancellationToken ct)
    {
        while (state.Delivered < until)
        {
            // The bus (which attached this node's delivery to the relay when it was built) reads the store.
            var missed = await bus.ReadAfterAsync(channel, state.Delivered, ct);
            if (missed.Count == 0) return;
            foreach (var liveEvent in missed)
            {
                if (liveEvent.Sequence > until) return;
                await SendAsync(state, liveEvent, ct);
            }
        }
    }

    private async Task SendAsync(ChannelState state, LiveEvent liveEvent, CancellationToken ct)
    {
        await relay.SendAsync(liveEvent, ct);
        state.Delivered = liveEvent.Sequence;
    }

    private void StartRetry(string channel, ChannelState state)
    {
        if (Interlocked.Exchange(ref state.Retrying, 1) == 1) return;
        _ = Task.Run(() => RetryAsync(channel, state, _stopping.Token), CancellationToken.None);
    }

    private async Task RetryAsync(string channel, ChannelState state, CancellationToken ct)
    {
        var delay = FirstRetry;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(delay, ct);
                await state.Gate.WaitAsync(ct);
                try
                {
                    await CatchUpAsync(channel, state, long.MaxValue, ct);
                    return;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Retrying live events of {Channel} after {Sequence} failed again", channel, state.Delivered);
                }
                finally
                {
                    state.Gate.Release();
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref state.Retrying, 0);
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    List<LiveChannel> heads;
                    await using (var db = await dbFactory.CreateDbContextAsync(ct))
                        heads = await db.LiveChannels.AsNoTracking().ToListAsync(ct);
                    foreach (var head in heads)
                    {
                        var state = _channels.GetOrAdd(head.Channel, _ => new ChannelState());
                        if (head.LastSequence > state.Delivered && Volatile.Read(ref state.Retrying) == 0)
                            await DeliverUpToAsync(head.Channel, state, head.LastSequence, ct);
                    }
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "The live event sweep failed; it runs again in {Interval}", SweepInterval);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task DeliverUpToAsync(string channel, ChannelState state, long head, CancellationToken ct)
    {
        await state.Gate.WaitAsync(ct);
        try
        {
            await CatchUpAsync(channel, state, head, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Live events of {Channel} after {Sequence} were not delivered; retrying from the store", channel, state.Delivered);
            StartRetry(channel, state);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private sealed class ChannelState
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Delivered;
        public int Retrying;
    }
}

using System.Diagnostics;

namespace Portal.Bench;

/// <summary>
/// Delivery latency of every message to every client of one stage, written by the clients' receive loops without
/// locks or allocation (one slot per client and message), and a completion per message once every client has it.
/// </summary>
public sealed class DeliveryRecorder
{
    private readonly long[] _latencyTicks;
    private readonly int[] _remaining;
    private readonly TaskCompletionSource[] _allDelivered;
    private int _duplicates;
    private int _frameBytes;

    public DeliveryRecorder(int clients, int messages)
    {
        Clients = clients;
        Messages = messages;
        _latencyTicks = new long[clients * messages];
        Array.Fill(_latencyTicks, -1);
        _remaining = Enumerable.Repeat(clients, messages).ToArray();
        _allDelivered = Enumerable.Range(0, messages).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
    }

    public int Clients { get; }
    public int Messages { get; }
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Size of one received hub message (the first one seen), to show what each server puts on the wire.</summary>
    public int FrameBytes => Volatile.Read(ref _frameBytes);

    /// <summary>Completes when every client has received the message.</summary>
    public Task AllDelivered(int message) => _allDelivered[message].Task;

    public void Record(int client, int message, long sentStamp, long receivedStamp, int frameBytes)
    {
        if ((uint)message >= (uint)Messages || (uint)client >= (uint)Clients) return;
        Interlocked.CompareExchange(ref _frameBytes, frameBytes, 0);
        if (Interlocked.CompareExchange(ref _latencyTicks[client * Messages + message], receivedStamp - sentStamp, -1) != -1)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        if (Interlocked.Decrement(ref _remaining[message]) == 0) _allDelivered[message].TrySetResult();
    }

    /// <summary>Ticks per client and message (client-major); -1 where the message has not arrived.</summary>
    public ReadOnlySpan<long> LatencyTicks => _latencyTicks;
}

public sealed record LatencySummary(int Expected, int Delivered, double P50Ms, double P95Ms, double MaxMs)
{
    public int Missing => Expected - Delivered;

    /// <param name="latencyTicks">Stopwatch ticks per delivery; -1 for a delivery that never happened.</param>
    public static LatencySummary From(long[] latencyTicks)
    {
        var delivered = latencyTicks.Where(t => t >= 0).Order().ToArray();
        return new LatencySummary(
            Expected: latencyTicks.Length,
            Delivered: delivered.Length,
            P50Ms: Percentile(delivered, 0.50),
            P95Ms: Percentile(delivered, 0.95),
            MaxMs: delivered.Length == 0 ? double.NaN : ToMs(delivered[^1]));
    }

    /// <summary>Nearest-rank percentile: the smallest latency that at least <paramref name="p"/> of deliveries did not exceed.</summary>
    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : ToMs(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)]);

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

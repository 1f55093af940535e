using System.Diagnostics;
using System.Net;
using System.Net.Http;

namespace Portal.Bench;

/// <summary>The result of one hub at one client count, over one or more rounds.</summary>
/// <param name="LatencyTicks">Stopwatch ticks per client and message; -1 where the message never arrived.</param>
/// <param name="PublishMs">How long each publish call took (for the portal: storing the event, then the group send).</param>
/// <param name="FirstArrivalMs">Per message, the latency of the first client to get it: the fixed cost before fan-out.</param>
/// <param name="ManagedBytesPerClient">Growth of the process's managed heap (after a full collection) from before connecting to
/// when all clients had joined, per client: the client's and the server's state of one connection together.</param>
/// <param name="WorkingSetBytesPerClient">The same for the process's working set (managed and native: sockets, buffers).</param>
public sealed record StageResult(
    string Target, ClientKind Client, int Clients, int Messages, TimeSpan ConnectTime, long[] LatencyTicks, double[] PublishMs, double[] FirstArrivalMs,
    int FrameBytes, int Duplicates, int TimedOutMessages, long ManagedBytesPerClient, long WorkingSetBytesPerClient)
{
    public LatencySummary Latency { get; } = LatencySummary.From(LatencyTicks);

    public double PublishMedianMs => Median(PublishMs);

    public double FirstArrivalMedianMs => Median(FirstArrivalMs);

    private static double Median(double[] values) => values.Length == 0 ? double.NaN : values.Order().ElementAt(values.Length / 2);

    /// <summary>The rounds of one hub at one client count as one result (connect time and memory: the largest round).</summary>
    public static StageResult Combine(IReadOnlyList<StageResult> rounds) => new(
        rounds[0].Target, rounds[0].Client, rounds[0].Clients, rounds.Sum(r => r.Messages), rounds.Max(r => r.ConnectTime),
        rounds.SelectMany(r => r.LatencyTicks).ToArray(), rounds.SelectMany(r => r.PublishMs).ToArray(), rounds.SelectMany(r => r.FirstArrivalMs).ToArray(),
        rounds[0].FrameBytes, rounds.Sum(r => r.Duplicates), rounds.Sum(r => r.TimedOutMessages),
        rounds.Max(r => r.ManagedBytesPerClient), rounds.Max(r => r.WorkingSetBytesPerClient));
}

/// <summary>
/// Connects N clients to one target in parallel batches, makes sure all joined, publishes M messages one at a time
/// (each waits until every client has it, or the timeout), then drops the connections.
/// </summary>
public sealed class Stage(IBroadcastTarget target, BenchOptions options, int clients, int messages, ClientKind kind)
{
    /// <summary>Well inside the server's 30-second client timeout.</summary>
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly List<IBenchConnection> _connections = new(clients);
    private readonly ReadOnlyMemory<byte> _joinInvocation = HubProtocol.Invocation(target.JoinMethod, target.JoinArguments);
    private readonly DeliveryRecorder _recorder = new(clients, messages);
    private long _lastPing = Stopwatch.GetTimestamp();

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(30) });
        try
        {
            var (managedBefore, workingSetBefore) = Memory();
            var connectTime = Stopwatch.StartNew();
            await ConnectAllAsync(invoker, ct);
            connectTime.Stop();
            var (managedAfter, workingSetAfter) = Memory();
            var timedOut = 0;
            var publishMs = new List<double>(messages);
            for (var message = 0; message < messages; message++)
            {
                await PingIfDueAsync();
                await Task.Delay(options.IntervalMs, ct);
                var sent = Stopwatch.GetTimestamp();
                await target.PublishAsync(message, sent, ct);
                publishMs.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                try
                {
                    await _recorder.AllDelivered(message).WaitAsync(options.Timeout, ct);
                }
                catch (TimeoutException)
                {
                    timedOut++;
                }
            }
            var ticks = _recorder.LatencyTicks.ToArray();
            var firstArrivalMs = Enumerable.Range(0, messages)
                .Select(m => Enumerable.Range(0, clients).Select(c => ticks[c * messages + m]).Where(t => t >= 0).DefaultIfEmpty(-1).Min())
                .Where(t => t >= 0)
                .Select(t => t * 1000.0 / Stopwatch.Frequency)
                .ToArray();
            return new StageResult(target.Name, kind, clients, messages, connectTime.Elapsed, ticks, publishMs.ToArray(), firstArrivalMs,
                _recorder.FrameBytes, _recorder.Duplicates, timedOut, (managedAfter - managedBefore) / clients, (workingSetAfter - workingSetBefore) / clients);
        }
        finally
        {
            await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
            _connections.Clear();
            // Let the server notice the dropped connections and leave the groups before the next stage starts.
            await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            GC.Collect();
        }
    }

    private async Task ConnectAllAsync(HttpMessageInvoker invoker, CancellationToken ct)
    {
        for (var first = 0; first < clients; first += options.Batch)
        {
            var batch = Enumerable.Range(first, Math.Min(options.Batch, clients - first))
                .Select(i => ConnectOneAsync(invoker, i, ct))
                .ToArray();
            try
            {
                _connections.AddRange(await Task.WhenAll(batch));
            }
            catch
            {
                _connections.AddRange(batch.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
                var failure = batch.First(t => t.IsFaulted || t.IsCanceled);
                throw new InvalidOperationException(
                    $"{target.Name}: connecting client {_connections.Count + 1} of {clients} failed: {failure.Exception?.GetBaseException().Message ?? "cancelled"}");
            }
            await PingIfDueAsync();
        }
    }

    private async Task<IBenchConnection> ConnectOneAsync(HttpMessageInvoker invoker, int index, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return kind switch
        {
            ClientKind.SignalR => await SignalRBenchConnection.ConnectAsync(target, index, _recorder, timeout.Token),
            _ => await LeanHubConnection.ConnectAsync(target.BaseAddress, target.HubPath, target.Cookies, invoker, _joinInvocation, index, _recorder, timeout.Token),
        };
    }

    /// <summary>Managed heap after a full collection, and the working set, of the whole process (servers and clients).</summary>
    private static (long Managed, long WorkingSet) Memory()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }

    /// <summary>Keep-alive pings go out between batches and between messages, never while a message is being delivered.</summary>
    private async Task PingIfDueAsync()
    {
        if (Stopwatch.GetElapsedTime(_lastPing) < PingEvery) return;
        _lastPing = Stopwatch.GetTimestamp();
        var open = _connections.Where(c => c.IsOpen).ToList();
        for (var i = 0; i < open.Count; i += options.Batch)
            await Task.WhenAll(open.Skip(i).Take(options.Batch).Select(SafePingAsync));
    }

    private static async Task SafePingAsync(IBenchConnection connection)
    {
        try
        {
            await connection.PingAsync();
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A dropped connection shows up as missing deliveries, which the report counts.
        }
    }
}

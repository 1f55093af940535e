using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Portal.Bench;
using Portal.Domain.Councils;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// WebApplicationFactory looks for MvcTestingAppManifest.json (the portal's content root) in the current directory,
// as a test runner would have it; `dotnet run --project` starts in the caller's directory instead.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// `Portal.Bench votes …`: issue 13's voting benchmark (VoteBench); otherwise issue 4's live-delivery benchmark.
if (args is ["votes", ..]) return await VoteBench.RunAsync(args[1..], cancel.Token);

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var report = new Report(options);
report.Header();
await using var portal = await PortalTarget.StartAsync(options.User);
await using var bare = await BareTarget.StartAsync(portal.Agenda);
var sample = LiveAgenda.Apply(portal.Agenda, BenchAgenda.Note(portal.Agenda.Revision, portal.Agenda.CurrentNumber!.Value, 0, Stopwatch.GetTimestamp()), DateTime.UtcNow);
report.Targets(portal, JsonSerializer.SerializeToUtf8Bytes(sample.Change, LiveJsonForBench.Options).Length);

try
{
    if (options.WarmupClients > 0)
    {
        // JIT, connection pools and the database file warm up here, for both hubs, before anything is recorded.
        Console.WriteLine($"warm-up: {options.WarmupClients} clients x 5 messages on each hub with each client (not recorded)");
        foreach (var kind in options.ClientKinds)
        {
            await new Stage(bare, options, options.WarmupClients, 5, kind).RunAsync(cancel.Token);
            await new Stage(portal, options, options.WarmupClients, 5, kind).RunAsync(cancel.Token);
        }
    }
    foreach (var clients in options.Clients)
    foreach (var kind in options.ClientKinds)
    {
        var bareRounds = new List<StageResult>();
        var portalRounds = new List<StageResult>();
        var failed = false;
        for (var round = 0; round < options.Rounds && !failed; round++)
        {
            // Messages of this round: an even share, the first rounds taking the remainder.
            var messages = options.Messages / options.Rounds + (round < options.Messages % options.Rounds ? 1 : 0);
            if (messages == 0) break;
            IBroadcastTarget[] order = round % 2 == 0 ? [bare, portal] : [portal, bare];
            foreach (var target in order)
            {
                var result = await RunAsync(target, clients, messages, kind);
                if (result is null) failed = true;
                else (target == bare ? bareRounds : portalRounds).Add(result);
            }
        }
        report.Add(
            bareRounds.Count > 0 ? StageResult.Combine(bareRounds) : null,
            portalRounds.Count > 0 ? StageResult.Combine(portalRounds) : null);
    }
}
catch (OperationCanceledException)
{
    Console.WriteLine("cancelled");
}
report.Summary();
return 0;

async Task<StageResult?> RunAsync(IBroadcastTarget target, int clients, int messages, ClientKind kind)
{
    Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {target.Name}: connecting {clients} {kind} clients, then {messages} messages (load {Report.LoadAverage()})");
    try
    {
        return await new Stage(target, options, clients, messages, kind).RunAsync(cancel.Token);
    }
    catch (InvalidOperationException ex)
    {
        Console.WriteLine($"  could not run: {ex.Message}");
        return null;
    }
}

namespace Portal.Bench
{
    internal static class LiveJsonForBench
    {
        /// <summary>The portal's payload serialization (web defaults), to report the payload's size.</summary>
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }

    /// <summary>Prints the run's conditions, a side-by-side table per client count and the verdict against issue 4's target.</summary>
    internal sealed class Report(BenchOptions options)
    {
        private readonly List<(StageResult? Bare, StageResult? Portal)> _rows = [];

        public void Header()
        {
            Console.WriteLine($"Portal.Bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  {Environment.ProcessorCount} cores  .NET {Environment.Version}  "
                + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC  open-files limit {OpenFilesLimit()}  load {LoadAverage()}");
            var needed = 2 * options.Clients.DefaultIfEmpty(0).Max() + 500;
            if (OpenFilesLimit() is { } limit && limit < needed)
                Console.WriteLine($"WARNING: {limit} open files allowed, about {needed} needed (client and server end of every connection); raise with `ulimit -n {needed}`.");
        }

        public void Targets(PortalTarget portal, int payloadBytes)
        {
            Console.WriteLine($"portal topic: {portal.Topic} (a meeting of the first demo council, {portal.Agenda.Items.Count} agenda items, in progress); "
                + $"every connection signed in as '{options.User}' with one shared auth cookie");
            Console.WriteLine($"payload: the recorder's notes on the current item (AgendaChange event), {payloadBytes} bytes of JSON with web defaults (Chinese \\u-escaped; the hubs write it unescaped, see frame bytes); {options.Messages} messages per hub and client count in {options.Rounds} round(s), "
                + $"{options.IntervalMs} ms apart, timeout {options.Timeout.TotalSeconds:0} s each");
        }

        public void Add(StageResult? bare, StageResult? portal)
        {
            _rows.Add((bare, portal));
            foreach (var result in new[] { bare, portal }.OfType<StageResult>())
                Console.WriteLine($"  {result.Target,-6} {result.Client,-7} {result.Clients,5} clients: p50 {result.Latency.P50Ms,7:0.0} ms  p95 {result.Latency.P95Ms,7:0.0} ms  "
                    + $"max {result.Latency.MaxMs,7:0.0} ms  missing {result.Latency.Missing}  (connect {result.ConnectTime.TotalSeconds:0.0} s, "
                    + $"{Kib(result.ManagedBytesPerClient)} KiB managed, {Kib(result.WorkingSetBytesPerClient)} KiB working set per client)");
        }

        public void Summary()
        {
            Console.WriteLine();
            Console.WriteLine("| clients | hub | client | deliveries | missing | p50 ms | p95 ms | max ms | first arrival ms (median) | publish call ms (median) | frame bytes | connect s (slowest round) | KiB per client: managed / working set |");
            Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (bare, portal) in _rows)
            {
                foreach (var r in new[] { bare, portal }.OfType<StageResult>())
                    Console.WriteLine($"| {r.Clients} | {r.Target} | {r.Client} | {r.Latency.Delivered} | {r.Latency.Missing} | {r.Latency.P50Ms:0.0} | {r.Latency.P95Ms:0.0} | "
                        + $"{r.Latency.MaxMs:0.0} | {r.FirstArrivalMedianMs:0.0} | {r.PublishMedianMs:0.0} | {(r.FrameBytes > 0 ? r.FrameBytes.ToString(CultureInfo.InvariantCulture) : "")} | {r.ConnectTime.TotalSeconds:0.0} | "
                        + $"{Kib(r.ManagedBytesPerClient)} / {Kib(r.WorkingSetBytesPerClient)} |");
                if (bare is not null && portal is not null)
                    Console.WriteLine($"| {bare.Clients} | **portal / bare** | {bare.Client} | | | {portal.Latency.P50Ms / bare.Latency.P50Ms:0.00}x | "
                        + $"{portal.Latency.P95Ms / bare.Latency.P95Ms:0.00}x | {portal.Latency.MaxMs / bare.Latency.MaxMs:0.00}x | | | | | |");
            }
            Console.WriteLine();
            Console.WriteLine("target (issue 4): portal p95 within 1.25x bare, and under 250 ms at 5,000 clients");
            foreach (var (bare, portal) in _rows)
            {
                if (bare is null || portal is null)
                {
                    Console.WriteLine($"  {(bare ?? portal)?.Clients} clients: not measured on both hubs");
                    continue;
                }
                var ratio = portal.Latency.P95Ms / bare.Latency.P95Ms;
                var verdict = ratio <= 1.25 ? "met" : "NOT met";
                var absolute = portal.Clients == 5000 ? $"; p95 {portal.Latency.P95Ms:0.0} ms {(portal.Latency.P95Ms < 250 ? "<" : ">=")} 250 ms: {(portal.Latency.P95Ms < 250 ? "met" : "NOT met")}" : "";
                var missing = portal.Latency.Missing + bare.Latency.Missing > 0 ? $"; MISSING deliveries: portal {portal.Latency.Missing}, bare {bare.Latency.Missing}" : "";
                var duplicates = portal.Duplicates + bare.Duplicates > 0 ? $"; duplicates: portal {portal.Duplicates}, bare {bare.Duplicates}" : "";
                Console.WriteLine($"  {portal.Clients,5} clients, {portal.Client} client: p95 ratio {ratio:0.00}x: {verdict}{absolute}{missing}{duplicates}");
            }
            Console.WriteLine($"load at end: {LoadAverage()}");
        }

        private static string Kib(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

        public static string LoadAverage()
        {
            try
            {
                return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        private static int? OpenFilesLimit()
        {
            try
            {
                var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
                var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
                return int.TryParse(soft, CultureInfo.InvariantCulture, out var n) ? n : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}

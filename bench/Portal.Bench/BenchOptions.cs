using System.Globalization;

namespace Portal.Bench;

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
public sealed record BenchOptions(
    IReadOnlyList<int> Clients, int Messages, int Rounds, string User, int Batch, int IntervalMs, TimeSpan Timeout, int WarmupClients,
    IReadOnlyList<ClientKind> ClientKinds)
{
    public const string Usage = """
        Portal.Bench: live-event delivery latency, the portal's LiveHub next to a bare SignalR hub, in one process.
          --clients 100,1000,5000   client counts to measure (both hubs at each)
          --messages 40             messages per hub and client count, published one at a time
          --rounds 4                the messages are split over this many rounds, alternating which hub goes
                                    first (bare-portal, portal-bare, ...) so load drifting on a shared
                                    machine affects both alike; each round connects its clients afresh
          --user liaison            demo account whose cookie every portal connection shares (a participant
                                    of the benchmark's meeting: it joins the topic "meeting/{id}")
          --batch 100               clients connected in parallel per batch
          --interval-ms 100         pause before each message, after the previous one reached everyone
          --timeout-seconds 10      how long a message may take to reach everyone before it counts as missing
          --warmup-clients 100      clients of the unrecorded warm-up round on each hub (0 to skip)
          --client signalr          client library of the connections: signalr (the .NET SignalR client),
                                    lean (a raw WebSocket, see LeanHubConnection: the client of the
                                    issue 4 figures), or both as lean,signalr (each client count
                                    measured with each, same run)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions([100, 1000, 5000], 40, 4, "liaison", 100, 100, TimeSpan.FromSeconds(10), 100, [ClientKind.SignalR]);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") throw new ArgumentException(Usage);
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--clients" => options with { Clients = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(PositiveInt).ToArray() },
                "--messages" => options with { Messages = PositiveInt(value) },
                "--rounds" => options with { Rounds = PositiveInt(value) },
                "--user" => options with { User = value },
                "--batch" => options with { Batch = PositiveInt(value) },
                "--interval-ms" => options with { IntervalMs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--timeout-seconds" => options with { Timeout = TimeSpan.FromSeconds(PositiveInt(value)) },
                "--warmup-clients" => options with { WarmupClients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--client" => options with { ClientKinds = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Kind).Distinct().ToArray() },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }
        return options;
    }

    private static ClientKind Kind(string text) => text switch
    {
        "lean" => ClientKind.Lean,
        "signalr" => ClientKind.SignalR,
        _ => throw new ArgumentException($"'{text}' is not a client (lean or signalr).\n{Usage}"),
    };

    private static int PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"'{text}' is not a positive whole number.\n{Usage}");
}

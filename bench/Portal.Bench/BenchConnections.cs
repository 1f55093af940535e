using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Portal.Bench;

/// <summary>One connected, joined benchmark client, whichever library speaks the protocol.</summary>
public interface IBenchConnection : IAsyncDisposable
{
    bool IsOpen { get; }

    /// <summary>A hub-protocol keep-alive, for clients that do not send their own.</summary>
    Task PingAsync();
}

/// <summary>Which client library the benchmark's connections use.</summary>
public enum ClientKind
{
    /// <summary><see cref="LeanHubConnection"/>: a raw WebSocket with a receive loop written for the benchmark.</summary>
    Lean,

    /// <summary><see cref="SignalRBenchConnection"/>: the .NET SignalR client (<c>Microsoft.AspNetCore.SignalR.Client</c>).</summary>
    SignalR,
}

/// <summary>
/// One benchmark client on the .NET SignalR client as an application would use it: <see cref="HubConnection"/> over
/// WebSockets, a typed handler per broadcast (the argument deserialized to a <see cref="JsonElement"/>), the client's
/// own keep-alive timer. The arrival time is taken when the handler runs, i.e. after the client parsed the message:
/// that is when an application sees it.
/// </summary>
public sealed class SignalRBenchConnection : IBenchConnection
{
    private readonly HubConnection _hub;
    private readonly int _index;
    private readonly DeliveryRecorder _recorder;

    private SignalRBenchConnection(HubConnection hub, int index, DeliveryRecorder recorder)
    {
        _hub = hub;
        _index = index;
        _recorder = recorder;
        _hub.On<JsonElement>(Portal.Web.Kit.Live.LiveHub.EventMethod, OnEvent);
    }

    public static async Task<SignalRBenchConnection> ConnectAsync(IBroadcastTarget target, int index, DeliveryRecorder recorder, CancellationToken ct)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(target.BaseAddress, target.HubPath), options =>
            {
                // As the lean client: straight to the WebSocket, one HTTP request per connection.
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (target.Cookies is not null) options.Cookies = target.Cookies;
            })
            .Build();
        var connection = new SignalRBenchConnection(hub, index, recorder);
        try
        {
            await hub.StartAsync(ct);
            await hub.InvokeCoreAsync(target.JoinMethod, typeof(JsonElement), target.JoinArguments, ct);
            return connection;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public bool IsOpen => _hub.State == HubConnectionState.Connected;

    /// <summary>The client pings by itself (every 15 s by default).</summary>
    public Task PingAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private void OnEvent(JsonElement message)
    {
        var arrived = Stopwatch.GetTimestamp();
        var text = message.GetRawText();
        if (TryReadNumber(text, BenchAgenda.StampMarker, out var stamp) && TryReadNumber(text, BenchAgenda.IndexMarker, out var index))
            _recorder.Record(_index, (int)index, stamp, arrived, frameBytes: 0);
    }

    private static bool TryReadNumber(string text, string marker, out long value)
    {
        value = 0;
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return false;
        var digits = text.AsSpan(at + marker.Length);
        var length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length])) length++;
        return long.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

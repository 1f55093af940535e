using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Portal.Bench;

/// <summary>
/// One benchmark client: a raw WebSocket speaking the SignalR JSON protocol (<see cref="HubProtocol"/>), with a
/// receive loop lighter than the .NET SignalR client's so thousands fit on two cores next to the servers:
/// one reused buffer per connection, no strings or JSON documents for broadcast messages (the two benchmark numbers
/// are read straight from the bytes), and the arrival time taken as soon as the socket read returns.
/// </summary>
public sealed class LeanHubConnection : IBenchConnection
{
    private const byte RecordSeparator = (byte)HubProtocol.RecordSeparator;
    private static readonly byte[] StampMarker = Encoding.UTF8.GetBytes(BenchAgenda.StampMarker);
    private static readonly byte[] IndexMarker = Encoding.UTF8.GetBytes(BenchAgenda.IndexMarker);

    private readonly ClientWebSocket _socket = new();
    private readonly int _index;
    private readonly DeliveryRecorder _recorder;
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _invocation;
    private byte[] _buffer = new byte[8 * 1024];
    private int _filled;
    private bool _handshakeDone;

    private LeanHubConnection(int index, DeliveryRecorder recorder)
    {
        _index = index;
        _recorder = recorder;
        // The hub protocol's own pings keep the connection alive; WebSocket-level pings would only add traffic.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>Connects, completes the handshake and invokes <paramref name="joinInvocation"/> (a full invocation message with id "1").</summary>
    public static async Task<LeanHubConnection> ConnectAsync(
        Uri baseAddress, string hubPath, CookieContainer? cookies, HttpMessageInvoker invoker,
        ReadOnlyMemory<byte> joinInvocation, int index, DeliveryRecorder recorder, CancellationToken ct)
    {
        var connection = new LeanHubConnection(index, recorder);
        try
        {
            HubProtocol.AddCookies(connection._socket, baseAddress, cookies);
            await connection._socket.ConnectAsync(HubProtocol.WebSocketUri(baseAddress, hubPath), invoker, ct);
            _ = connection.ReceiveLoopAsync();
            await connection._socket.SendAsync(HubProtocol.HandshakeRequest, WebSocketMessageType.Text, endOfMessage: true, ct);
            await connection._handshake.Task.WaitAsync(ct);
            connection._invocation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await connection._socket.SendAsync(joinInvocation, WebSocketMessageType.Text, endOfMessage: true, ct);
            await connection._invocation.Task.WaitAsync(ct);
            return connection;
        }
        catch
        {
            connection.Abort();
            throw;
        }
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public Task PingAsync() => _socket.SendAsync(HubProtocol.Ping, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).AsTask();

    /// <summary>Drops the connection at once; the server cleans up as after a network cut.</summary>
    public void Abort()
    {
        _socket.Abort();
        _socket.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }

    private async Task ReceiveLoopAsync()
    {
        var error = "connection closed";
        try
        {
            while (true)
            {
                if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), CancellationToken.None);
                var arrived = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close) break;
                _filled += result.Count;
                ProcessRecords(arrived);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            error = ex.Message;
        }
        var failure = new InvalidOperationException(error);
        _handshake.TrySetException(failure);
        _invocation?.TrySetException(failure);
    }

    private void ProcessRecords(long arrived)
    {
        var start = 0;
        while (true)
        {
            var span = _buffer.AsSpan(start, _filled - start);
            var end = span.IndexOf(RecordSeparator);
            if (end < 0) break;
            HandleRecord(span[..end], arrived);
            start += end + 1;
        }
        if (start > 0)
        {
            _buffer.AsSpan(start, _filled - start).CopyTo(_buffer);
            _filled -= start;
        }
    }

    private void HandleRecord(ReadOnlySpan<byte> record, long arrived)
    {
        if (!_handshakeDone)
        {
            _handshakeDone = true;
            if (record.Trim((byte)' ').SequenceEqual("{}"u8)) _handshake.TrySetResult();
            else _handshake.TrySetException(new InvalidOperationException("handshake refused: " + Encoding.UTF8.GetString(record)));
            return;
        }
        // Hot path: a broadcast carrying the benchmark's numbers.
        if (TryReadNumber(record, StampMarker, out var stamp) && TryReadNumber(record, IndexMarker, out var message))
        {
            _recorder.Record(_index, (int)message, stamp, arrived, record.Length + 1);
            return;
        }
        // Rare: the join's completion (type 3), pings (6), close (7). Parsing these properly costs nothing that matters.
        using var doc = JsonDocument.Parse(record.ToArray());
        var root = doc.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 3 when root.TryGetProperty("error", out var error):
                _invocation?.TrySetException(new InvalidOperationException("hub refused: " + error.GetString()));
                break;
            case 3:
                _invocation?.TrySetResult();
                break;
            case 7:
                var reason = root.TryGetProperty("error", out var closeError) ? closeError.GetString() : null;
                _invocation?.TrySetException(new InvalidOperationException("closed by server: " + reason));
                break;
        }
    }

    private static bool TryReadNumber(ReadOnlySpan<byte> record, ReadOnlySpan<byte> marker, out long value)
    {
        value = 0;
        var at = record.IndexOf(marker);
        return at >= 0 && Utf8Parser.TryParse(record[(at + marker.Length)..], out value, out _);
    }
}

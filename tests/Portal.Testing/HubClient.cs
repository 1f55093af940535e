using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Portal.Testing;

/// <summary>
/// A minimal SignalR client over a raw WebSocket speaking the JSON hub protocol (the .NET SignalR client
/// package cannot be restored here): handshake, invocations with completions, and server-sent messages.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private const char RecordSeparator = HubProtocol.RecordSeparator;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiveLoop;
    private int _nextId;

    /// <summary>Server-to-client invocations (type 1), e.g. liveEvent messages.</summary>
    public ChannelReader<JsonElement> Messages => _messages.Reader;

    public static Task<HubClient> ConnectAsync(Uri baseAddress, string hubPath, CookieContainer? cookies, CancellationToken ct = default) =>
        ConnectAsync(baseAddress, hubPath, cookies, accessToken: null, ct);

    /// <summary>
    /// Connects with a bearer token in the <c>access_token</c> query string, as the browser SignalR client's WebSocket
    /// transport sends it (the projector's display link), and optionally cookies too.
    /// </summary>
    public static async Task<HubClient> ConnectAsync(Uri baseAddress, string hubPath, CookieContainer? cookies, string? accessToken, CancellationToken ct = default)
    {
        var client = new HubClient();
        HubProtocol.AddCookies(client._socket, baseAddress, cookies);
        var uri = HubProtocol.WebSocketUri(baseAddress, hubPath);
        if (accessToken is not null) uri = new UriBuilder(uri) { Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        await client._socket.ConnectAsync(uri, ct);
        await client._socket.SendAsync(HubProtocol.HandshakeRequest, WebSocketMessageType.Text, endOfMessage: true, ct);
        var handshake = await client.ReceiveRecordsAsync(ct);
        if (handshake.Count == 0 || handshake[0].Trim() != "{}")
            throw new InvalidOperationException("SignalR handshake failed: " + string.Join("|", handshake));
        client._receiveLoop = Task.Run(() => client.ReceiveLoopAsync(client._stop.Token));
        return client;
    }

    /// <summary>Invokes a hub method; returns its result or throws <see cref="HubInvocationException"/> with the server's error.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString();
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending) _pending[id] = completion;
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments });
        await SendRawAsync(message, CancellationToken.None);
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>Waits for the next server-sent invocation of the given method.</summary>
    public async Task<JsonElement> NextMessageAsync(string method, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(cts.Token);
            if (message.GetProperty("target").GetString() == method) return message.GetProperty("arguments")[0];
        }
    }

    private async Task SendRawAsync(string json, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
    }

    private readonly StringBuilder _buffer = new();

    private async Task<List<string>> ReceiveRecordsAsync(CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var text = _buffer.ToString();
            var end = text.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                var records = new List<string>();
                while (end >= 0)
                {
                    records.Add(text[..end]);
                    text = text[(end + 1)..];
                    end = text.IndexOf(RecordSeparator);
                }
                _buffer.Clear().Append(text);
                return records;
            }
            var result = await _socket.ReceiveAsync(chunk, ct);
            if (result.MessageType == WebSocketMessageType.Close) return [];
            _buffer.Append(Encoding.UTF8.GetString(chunk, 0, result.Count));
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var records = await ReceiveRecordsAsync(ct);
                if (records.Count == 0) break;
                foreach (var record in records)
                {
                    using var doc = JsonDocument.Parse(record);
                    var root = doc.RootElement.Clone();
                    switch (root.GetProperty("type").GetInt32())
                    {
                        case 1:
                            await _messages.Writer.WriteAsync(root, ct);
                            break;
                        case 3:
                            var id = root.GetProperty("invocationId").GetString()!;
                            TaskCompletionSource<JsonElement>? completion;
                            lock (_pending) _pending.Remove(id, out completion);
                            if (root.TryGetProperty("error", out var error))
                                completion?.TrySetException(new HubInvocationException(error.GetString() ?? "error"));
                            else
                                completion?.TrySetResult(root.TryGetProperty("result", out var r) ? r : default);
                            break;
                        case 7:
                            _messages.Writer.TryComplete();
                            return;
                    }
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        finally
        {
            lock (_pending)
            {
                foreach (var p in _pending.Values) p.TrySetException(new HubInvocationException("connection closed"));
                _pending.Clear();
            }
            _messages.Writer.TryComplete();
        }
    }

    /// <summary>Drops the connection without a close handshake, as a network cut would.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_socket.State == WebSocketState.Open)
        {
            // Best effort: cancelling the receive loop just above aborts a socket with a receive in flight, so the close
            // handshake can find it already aborted (seen as OperationCanceledException under load).
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException) { }
        }
        if (_receiveLoop is not null) await _receiveLoop.ContinueWith(_ => { });
        _socket.Dispose();
        _stop.Dispose();
    }
}

public sealed class HubInvocationException(string message) : Exception(message);

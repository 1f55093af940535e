using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Portal.Bench;

/// <summary>
/// The parts of the SignalR JSON hub protocol over a raw WebSocket that <see cref="LeanHubConnection"/> needs: the
/// WebSocket address, the auth cookie, the handshake, pings and the one invocation it sends.
/// </summary>
public static class HubProtocol
{
    /// <summary>Ends every JSON hub protocol message.</summary>
    public const char RecordSeparator = '\u001e';

    public static ReadOnlyMemory<byte> HandshakeRequest { get; } = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);

    /// <summary>A keep-alive ping: the server drops a client it has not heard from for 30 seconds.</summary>
    public static ReadOnlyMemory<byte> Ping { get; } = Encoding.UTF8.GetBytes("{\"type\":6}" + RecordSeparator);

    public static Uri WebSocketUri(Uri baseAddress, string hubPath) =>
        new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = hubPath }.Uri;

    /// <summary>Sends the signed-in user's cookies with the upgrade request, as a browser would.</summary>
    public static void AddCookies(ClientWebSocket socket, Uri baseAddress, CookieContainer? cookies)
    {
        if (cookies is null) return;
        var header = cookies.GetCookieHeader(baseAddress);
        if (header.Length > 0) socket.Options.SetRequestHeader("Cookie", header);
    }

    /// <summary>An invocation message with id "1" (the only one a lean connection sends).</summary>
    public static byte[] Invocation(string target, object?[] arguments) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target, arguments }) + RecordSeparator);
}

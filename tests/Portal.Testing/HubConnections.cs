using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Portal.Testing;

/// <summary>
/// Connections to a hub of a <see cref="PortalHost"/> on Kestrel through the .NET SignalR client, over the WebSocket
/// transport that browsers use, with the cookies of a <see cref="PortalClient"/> sign-in or a display link's token.
/// </summary>
public static class HubConnections
{
    /// <summary>Builds and starts a connection; a refused upgrade throws the <see cref="WebSocketException"/> naming the status.</summary>
    /// <param name="cookies">The signed-in user's cookie jar (from <see cref="PortalClient.Create"/>), sent with the upgrade request.</param>
    /// <param name="accessToken">
    /// A token put in the <c>access_token</c> query string, as the browser client's WebSocket transport sends it (the
    /// .NET client would send an <c>Authorization</c> header instead, which would not prove the query string works).
    /// </param>
    /// <param name="socketCreated">Receives the underlying socket, so a test can cut the connection as a network would.</param>
    public static async Task<HubConnection> ConnectAsync(
        Uri baseAddress, string hubPath, CookieContainer? cookies, string? accessToken = null,
        Action<ClientWebSocket>? socketCreated = null, CancellationToken ct = default)
    {
        var url = new Uri(baseAddress, hubPath);
        if (accessToken is not null) url = new UriBuilder(url) { Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                // Straight to the WebSocket, so the upgrade request alone carries the credentials under test.
                options.SkipNegotiation = true;
                if (cookies is not null) options.Cookies = cookies;
                if (socketCreated is not null)
                {
                    options.WebSocketFactory = async (context, token) =>
                    {
                        var socket = new ClientWebSocket();
                        if (cookies is not null) socket.Options.Cookies = cookies;
                        socketCreated(socket);
                        await socket.ConnectAsync(context.Uri, token);
                        return socket;
                    };
                }
            })
            .Build();
        try
        {
            await connection.StartAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Every later server invocation of <paramref name="method"/> (its first argument), in arrival order. Call it before
    /// the invocation that makes the server send them.
    /// </summary>
    public static ChannelReader<JsonElement> Receive(this HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>(method, message => channel.Writer.TryWrite(message));
        connection.Closed += _ =>
        {
            channel.Writer.TryComplete();
            return Task.CompletedTask;
        };
        return channel.Reader;
    }

    /// <summary>The next message, or a <see cref="OperationCanceledException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> NextAsync(this ChannelReader<JsonElement> messages, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await messages.ReadAsync(cts.Token);
    }
}

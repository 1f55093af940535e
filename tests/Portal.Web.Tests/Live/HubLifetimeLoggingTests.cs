using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Testing;
using Portal.Web.Kit.Live;

namespace Portal.Web.Tests.Live;

/// <summary>
/// A hub's connect or disconnect that fails is logged once, by <see cref="HubErrorLogging"/> (rate-limited per connection):
/// SignalR's connection handler logged the same failure again, an error with its stack trace for every connection.
/// A filter behind the portal's own makes the live hub's connect and disconnect fail for one user each.
/// </summary>
public sealed class HubLifetimeLoggingTests : IDisposable
{
    private const string ConnectFailure = "test: connecting fails";
    private const string DisconnectFailure = "test: disconnecting fails";

    private readonly PortalHost _host = new(useKestrel: true,
        services: services => services.Configure<HubOptions>(o => o.AddFilter(new FailingLifetime())));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    /// <summary>Fails the connect of "resident" and the disconnect of "resident2".</summary>
    private sealed class FailingLifetime : IHubFilter
    {
        public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next) =>
            context.Context.User?.Identity?.Name == "resident" ? throw new InvalidOperationException(ConnectFailure) : next(context);

        public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next) =>
            context.Context.User?.Identity?.Name == "resident2" ? throw new InvalidOperationException(DisconnectFailure) : next(context, exception);
    }

    private async Task<Microsoft.AspNetCore.SignalR.Client.HubConnection?> ConnectAsAsync(string userName)
    {
        var (client, cookies) = PortalClient.Create(_host.BaseAddress);
        using (client)
        {
            using var response = await PortalClient.SignInAsync(client, userName);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        try
        {
            return await HubConnections.ConnectAsync(_host.BaseAddress, LiveHub.Path, cookies, ct: Ct);
        }
        catch (Exception) // the server may close the connection before the client has finished starting it
        {
            return null;
        }
    }

    /// <summary>The log entries of the failure, once it has been logged and a moment has passed for a second entry.</summary>
    private async Task<List<LogEntry>> LoggedAsync(string failure)
    {
        List<LogEntry> Entries() => [.. _host.Logs.Entries.Where(e => e.Exception?.Message == failure)];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Entries().Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
        await Task.Delay(500, Ct);
        return Entries();
    }

    [Fact]
    public async Task A_failed_connect_is_logged_once()
    {
        var connection = await ConnectAsAsync("resident");
        if (connection is not null) await connection.DisposeAsync();

        var logged = await LoggedAsync(ConnectFailure);

        var entry = Assert.Single(logged);
        Assert.Equal(typeof(HubErrorLogging).FullName, entry.Category);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("OnConnectedAsync", entry.Message);
    }

    [Fact]
    public async Task A_failed_disconnect_is_logged_once()
    {
        var connection = await ConnectAsAsync("resident2");
        Assert.NotNull(connection);
        await connection.StopAsync(Ct);
        await connection.DisposeAsync();

        var logged = await LoggedAsync(DisconnectFailure);

        var entry = Assert.Single(logged);
        Assert.Equal(typeof(HubErrorLogging).FullName, entry.Category);
        Assert.Contains("OnDisconnectedAsync", entry.Message);
    }
}

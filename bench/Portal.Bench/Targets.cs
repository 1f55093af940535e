using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Live;
using Portal.Web.Features.Platform;

namespace Portal.Bench;

/// <summary>A server the benchmark connects clients to and broadcasts through.</summary>
public interface IBroadcastTarget : IAsyncDisposable
{
    string Name { get; }
    Uri BaseAddress { get; }
    string HubPath { get; }
    CookieContainer? Cookies { get; }

    /// <summary>The invocation (id "1") each client sends after the handshake; its completion means the client is in the group.</summary>
    ReadOnlyMemory<byte> JoinInvocation { get; }

    Task PublishAsync(AgendaChange change, CancellationToken ct);
}

/// <summary>
/// The real portal (Kestrel, fresh SQLite file, demo data) reached as a signed-in user would: one sign-in, the auth
/// cookie reused by every connection, each joining <see cref="Topic"/> through <see cref="LiveHub"/>; messages go
/// through <see cref="LiveEventBus.PublishAsync{T}"/>, i.e. stored with a sequence number, then relayed.
/// </summary>
public sealed class PortalTarget : IBroadcastTarget
{
    private readonly PortalHost _host;
    private readonly LiveEventBus _bus;

    private PortalTarget(PortalHost host, CookieContainer cookies, string topic)
    {
        _host = host;
        Cookies = cookies;
        Topic = topic;
        _bus = host.Services.GetRequiredService<LiveEventBus>();
        JoinInvocation = Invocation("Join", topic, null);
    }

    public string Name => "portal";
    public Uri BaseAddress => _host.BaseAddress;
    public string HubPath => LiveHub.Path;
    public CookieContainer? Cookies { get; }
    public string Topic { get; }
    public ReadOnlyMemory<byte> JoinInvocation { get; }

    /// <param name="topic">The topic to join; null means the first demo community's topic, "community/{id}".</param>
    public static async Task<PortalTarget> StartAsync(string? topic, string userName)
    {
        // Development, as every test runs it (demo data, cookies without the Secure flag over loopback http);
        // logging at Warning so the console does not compete with delivery.
        var host = new PortalHost(useKestrel: true, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        try
        {
            if (topic is null)
            {
                await using var db = await host.NewDbContextAsync();
                var communityId = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync();
                topic = CommunityTopics.For(communityId);
            }
            var (client, cookies) = PortalClient.Create(host.BaseAddress);
            using (client)
            {
                using var response = await PortalClient.SignInAsync(client, userName);
                if (response.StatusCode != HttpStatusCode.Redirect)
                    throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}");
            }
            return new PortalTarget(host, cookies, topic);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public Task PublishAsync(AgendaChange change, CancellationToken ct) => _bus.PublishAsync(Topic, "agenda.changed", change, ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal static byte[] Invocation(string target, params object?[] arguments) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target, arguments }) + HubProtocol.RecordSeparator);
}

/// <summary>
/// The yardstick: a bare ASP.NET Core app with a minimal hub that puts every connection in one group, broadcasting
/// the same payload with a plain group send. Everything the portal does on top (storage, sequence numbers, topic
/// rules, authentication, its middleware) is what the ratio measures.
/// </summary>
public sealed class BareTarget : IBroadcastTarget
{
    private readonly WebApplication _app;
    private readonly IHubContext<BareHub> _hub;

    private BareTarget(WebApplication app)
    {
        _app = app;
        _hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        BaseAddress = new Uri(app.Urls.First());
    }

    public string Name => "bare";
    public Uri BaseAddress { get; }
    public string HubPath => "/hubs/bare";
    public CookieContainer? Cookies => null;

    /// <summary>Returns once OnConnectedAsync has run (the hub dispatches invocations only after it), so the client is in the group.</summary>
    public ReadOnlyMemory<byte> JoinInvocation { get; } = PortalTarget.Invocation(nameof(BareHub.Ready));

    public static async Task<BareTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        await app.StartAsync();
        return new BareTarget(app);
    }

    public Task PublishAsync(AgendaChange change, CancellationToken ct) =>
        _hub.Clients.Group(BareHub.Group).SendAsync(LiveHub.EventMethod, change, ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class BareHub : Hub
{
    public const string Group = "everyone";

    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, Group);

    public bool Ready() => true;
}

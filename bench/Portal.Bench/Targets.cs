using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Kit.Live;

namespace Portal.Bench;

/// <summary>A server the benchmark connects clients to and broadcasts through.</summary>
public interface IBroadcastTarget : IAsyncDisposable
{
    string Name { get; }
    Uri BaseAddress { get; }
    string HubPath { get; }
    CookieContainer? Cookies { get; }

    /// <summary>The hub method each client invokes after the handshake; its completion means the client is in the group.</summary>
    string JoinMethod { get; }

    object?[] JoinArguments { get; }

    /// <summary>Makes message <paramref name="index"/>'s agenda change, stamped with <paramref name="stamp"/>, and sends it to every client.</summary>
    Task PublishAsync(int index, long stamp, CancellationToken ct);
}

/// <summary>
/// The real portal (Kestrel, fresh SQLite file, demo data) reached as a participant would: one sign-in, the auth cookie
/// reused by every connection, each joining the meeting's topic "meeting/{id}" through <see cref="LiveHub"/> (which runs
/// the meeting topic's access rule). Each message is a real agenda change through <see cref="MeetingAgendaCoordinator"/>:
/// the meeting's lock, loading the meeting and its recent change log, <c>LiveAgenda.Apply</c>, saving the agenda and the
/// change entry, storing the live event with its sequence number, then the group send.
/// </summary>
public sealed class PortalTarget : IBroadcastTarget
{
    private readonly PortalHost _host;
    private readonly MeetingAgendaCoordinator _agenda;
    private readonly int _meetingId;
    private readonly int _itemNumber;
    private int _revision;

    private PortalTarget(PortalHost host, CookieContainer cookies, int meetingId, AgendaState agenda)
    {
        _host = host;
        Cookies = cookies;
        _meetingId = meetingId;
        _revision = agenda.Revision;
        _itemNumber = agenda.CurrentNumber!.Value;
        Agenda = agenda;
        Topic = MeetingChannels.For(meetingId);
        _agenda = host.Services.GetRequiredService<MeetingAgendaCoordinator>();
        JoinArguments = [Topic, null];
    }

    public string Name => "portal";
    public Uri BaseAddress => _host.BaseAddress;
    public string HubPath => LiveHub.Path;
    public CookieContainer? Cookies { get; }
    public string Topic { get; }
    public string JoinMethod => nameof(LiveHub.Join);
    public object?[] JoinArguments { get; }

    /// <summary>The meeting's agenda once started, with its first item current: where the bare hub's copy starts too.</summary>
    public AgendaState Agenda { get; }

    /// <summary>Starts the portal, creates a meeting of the first demo council with <see cref="BenchAgenda.Items"/>, starts it and signs in.</summary>
    public static async Task<PortalTarget> StartAsync(string userName)
    {
        // Development, as every test runs it (demo data, cookies without the Secure flag over loopback http);
        // logging at Warning so the console does not compete with delivery.
        var host = new PortalHost(useKestrel: true, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        try
        {
            var meetingId = await CouncilTestData.MeetingAboutToStartAsync(host, "性能测试：联席会议实时议程", TimeSpan.FromMinutes(5), BenchAgenda.Items);
            var coordinator = host.Services.GetRequiredService<MeetingAgendaCoordinator>();
            Check(await coordinator.StartAsync(meetingId));
            int first;
            await using (var db = await host.NewDbContextAsync())
                first = await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).Select(i => i.Number).FirstAsync();
            var started = await coordinator.ApplyAsync(meetingId, new SetCurrentItem(await RevisionAsync(host, meetingId), BenchAgenda.ActorName, first));
            Check(started);
            AgendaState agenda;
            await using (var db = await host.NewDbContextAsync())
                agenda = (await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == meetingId)).LoadAgenda();

            var (client, cookies) = PortalClient.Create(host.BaseAddress);
            using (client)
            {
                using var response = await PortalClient.SignInAsync(client, userName);
                if (response.StatusCode != HttpStatusCode.Redirect)
                    throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}");
            }
            return new PortalTarget(host, cookies, meetingId, agenda);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async Task PublishAsync(int index, long stamp, CancellationToken ct)
    {
        var outcome = await _agenda.ApplyAsync(_meetingId, BenchAgenda.Note(_revision, _itemNumber, index, stamp), ct);
        Check(outcome);
        _revision = outcome.Revision;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static async Task<int> RevisionAsync(PortalHost host, int meetingId)
    {
        await using var db = await host.NewDbContextAsync();
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.AgendaRevision).SingleAsync();
    }

    private static void Check(AgendaOutcome outcome)
    {
        if (!outcome.Applied) throw new InvalidOperationException("The portal refused the benchmark's agenda change: " + outcome.ErrorCode);
    }
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
    private AgendaState _agenda;

    private BareTarget(WebApplication app, AgendaState agenda)
    {
        _app = app;
        _agenda = agenda;
        _hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        BaseAddress = new Uri(app.Urls.First());
    }

    public string Name => "bare";
    public Uri BaseAddress { get; }
    public string HubPath => "/hubs/bare";
    public CookieContainer? Cookies => null;

    /// <summary>Returns once OnConnectedAsync has run (the hub dispatches invocations only after it), so the client is in the group.</summary>
    public string JoinMethod => nameof(BareHub.Ready);
    public object?[] JoinArguments => [];

    /// <param name="agenda">The portal meeting's agenda: the bare hub applies the same changes to a copy in memory.</param>
    public static async Task<BareTarget> StartAsync(AgendaState agenda)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        await app.StartAsync();
        return new BareTarget(app, agenda);
    }

    /// <summary>The same operation on the in-memory copy (microseconds, no storage), then a plain group send of the event.</summary>
    public Task PublishAsync(int index, long stamp, CancellationToken ct)
    {
        var result = LiveAgenda.Apply(_agenda, BenchAgenda.Note(_agenda.Revision, _agenda.CurrentNumber!.Value, index, stamp), DateTime.UtcNow);
        _agenda = result.State;
        return _hub.Clients.Group(BareHub.Group).SendAsync(LiveHub.EventMethod, result.Change, ct);
    }

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

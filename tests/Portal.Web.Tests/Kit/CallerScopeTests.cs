using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Testing;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Announcements;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.Kit;

/// <summary>
/// The one rule for who is calling (<see cref="CallerScope"/>), through each real entry point of the portal on Kestrel:
/// an HTTP request, a circuit's activity and a live-event callback between activities, a hub call, background work.
/// The host adds two probes that read the caller where a service would: an endpoint after the app's own pipeline,
/// and a hub filter after the portal's.
/// </summary>
public sealed class CallerScopeTests(CallerScopeTests.Host host) : IClassFixture<CallerScopeTests.Host>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalHost Portal => host.Portal;

    public sealed class Host : IDisposable
    {
        public const string ProbePath = "/test/caller";

        /// <summary>Each hub call's method and the caller its scope had.</summary>
        public ConcurrentQueue<(string Method, string UserName)> HubCalls { get; } = new();

        public Host()
        {
            Portal = new PortalHost(useKestrel: true, services: services =>
            {
                services.AddSingleton<IStartupFilter>(new ProbeEndpoint());
                services.Configure<HubOptions>(o => o.AddFilter(new ProbeHubFilter(HubCalls)));
            });
        }

        public PortalHost Portal { get; }

        public void Dispose() => Portal.Dispose();

        /// <summary>Answers <see cref="ProbePath"/> with the caller's sign-in name, after the whole pipeline of the app.</summary>
        private sealed class ProbeEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Run(async context =>
                {
                    if (context.Request.Path != ProbePath)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }
                    var caller = await context.RequestServices.GetRequiredService<CallerScope>().GetAsync(context.RequestAborted);
                    await context.Response.WriteAsync(caller.UserName, context.RequestAborted);
                });
            };
        }

        private sealed class ProbeHubFilter(ConcurrentQueue<(string, string)> calls) : IHubFilter
        {
            public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
            {
                var caller = await invocationContext.ServiceProvider.GetRequiredService<CallerScope>().GetAsync();
                calls.Enqueue((invocationContext.HubMethodName, caller.UserName));
                return await next(invocationContext);
            }
        }
    }

    private async Task<int> QingnianhuAsync()
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        var name = DemoDataSeeder.CommunityNames[0];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task An_http_request_runs_for_the_requests_user_each_in_its_own_scope()
    {
        using var secretary = await PortalClient.SignedInAsync(Portal.BaseAddress, "secretary");
        using var resident = await PortalClient.SignedInAsync(Portal.BaseAddress, "resident");

        // At the same time: each request's scope has its own caller.
        var answers = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? secretary : resident).GetStringAsync(Host.ProbePath, Ct)));

        Assert.Equal(["secretary", "resident", "secretary", "resident"], answers);
    }

    [Fact]
    public async Task A_circuit_runs_for_its_user_also_in_a_live_callback_between_activities_never_for_the_publisher()
    {
        var community = await QingnianhuAsync();
        var residentPrincipal = await Portal.PrincipalAsync("resident");
        var secretaryPrincipal = await Portal.PrincipalAsync("secretary");

        // A circuit: one scope for its lifetime, its authentication state set as Blazor sets it when the circuit starts.
        await using var circuit = Portal.Services.CreateAsyncScope();
        var services = circuit.ServiceProvider;
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(residentPrincipal)));
        var callers = services.GetRequiredService<CallerScope>();
        var handler = services.GetServices<CircuitHandler>().OfType<CallerCircuitHandler>().Single();

        // An inbound activity (an event of the page): its caller is the circuit's user.
        Caller? duringActivity = null;
        await handler.CreateInboundActivityHandler(async _ => duringActivity = await callers.GetAsync(Ct))(null!);
        Assert.Equal("resident", duringActivity!.UserName);

        // Between activities the page hears of the secretary's announcement and reloads its data: still the resident.
        var bus = Portal.Services.GetRequiredService<LiveEventBus>();
        var reloaded = new TaskCompletionSource<(Caller Caller, UnreadSummary Unread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = bus.Subscribe(CommunityChannels.For(community), async e =>
        {
            if (e.Type != AnnouncementEvents.Published) return;
            reloaded.TrySetResult((await callers.GetAsync(), await services.GetRequiredService<AnnouncementService>().UnreadAsync()));
        });
        var published = await Portal.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary",
            s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = "线路检修", Body = "周五停电" }, publish: true, Ct));
        Assert.True(published.Succeeded);

        var (callback, unread) = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("resident", callback.UserName);
        // The resident's own unread list (the author has read it; the resident has not).
        Assert.Contains(unread.Latest, r => r.Id == published.Id && r.IsUnread);

        // Even on the publisher's own flow, with the ambient actor set to the publisher (where DirectoryAccess looked
        // first), the circuit's scope answers with the circuit's user.
        var actor = Portal.Services.GetRequiredService<CurrentActor>();
        actor.Principal = secretaryPrincipal;
        try
        {
            Assert.Equal("resident", (await callers.GetAsync(Ct)).UserName);
        }
        finally
        {
            actor.Principal = null;
        }

        // A new principal for the circuit (revalidated, roles changed) is resolved again at the next activity.
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(secretaryPrincipal)));
        await handler.CreateInboundActivityHandler(async _ => duringActivity = await callers.GetAsync(Ct))(null!);
        Assert.Equal("secretary", duringActivity.UserName);
        Assert.Contains(community, duringActivity.Managed);
    }

    [Fact]
    public async Task A_hub_call_runs_for_the_connections_user()
    {
        var (liaisonClient, liaisonCookies) = PortalClient.Create(Portal.BaseAddress);
        var (memberClient, memberCookies) = PortalClient.Create(Portal.BaseAddress);
        using (liaisonClient) (await PortalClient.SignInAsync(liaisonClient, "liaison")).Dispose();
        using (memberClient) (await PortalClient.SignInAsync(memberClient, "member")).Dispose();
        await using var liaison = await HubConnections.ConnectAsync(Portal.BaseAddress, LiveHub.Path, liaisonCookies, ct: Ct);
        await using var member = await HubConnections.ConnectAsync(Portal.BaseAddress, LiveHub.Path, memberCookies, ct: Ct);

        await Task.WhenAll(liaison.InvokeAsync("Leave", (string?)null, Ct), member.InvokeAsync("Leave", (string?)null, Ct));

        var calls = host.HubCalls.Where(c => c.Method == "Leave").Select(c => c.UserName).Order().ToList();
        Assert.Equal(["liaison", "member"], calls);
    }

    [Fact]
    public async Task Background_work_runs_as_the_system_whatever_the_ambient_actor_and_the_audit_trail_names_it()
    {
        var community = await QingnianhuAsync();
        int id;
        await using (var db = await Portal.NewDbContextAsync(Ct))
        {
            var announcement = new Announcement { CommunityId = community, Title = "后台任务", BodyMarkdown = "正文", AuthorUserId = "x", AuthorName = "x" };
            db.Announcements.Add(announcement);
            await db.SaveChangesAsync(Ct);
            id = announcement.Id;
        }

        var actor = Portal.Services.GetRequiredService<CurrentActor>();
        actor.Principal = await Portal.PrincipalAsync("secretary");
        try
        {
            await using var scope = Portal.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
            var caller = await scope.ServiceProvider.GetRequiredService<CallerScope>().GetAsync(Ct);
            Assert.Same(Caller.System, caller);

            Guid version;
            await using (var db = await Portal.NewDbContextAsync(Ct))
                version = (await db.Announcements.SingleAsync(a => a.Id == id, Ct)).Version;
            var result = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ChangeAsync<Announcement, string>(
                (db, ct) => db.Announcements.FirstOrDefaultAsync(a => a.Id == id, ct), version,
                allow: (c, _) => c.IsSystem ? null : Result.NotAllowed(Message.Of<AnnouncementsText>("Error.Forbidden")),
                run: (_, a, _) => { a.Edit(a.Title, a.BodyMarkdown, true); return null; },
                a => a.Title, new CommandTexts(Message.Of<AnnouncementsText>("Error.NotFound"), Message.Of<AnnouncementsText>("Error.Conflict")),
                ct: Ct);
            Assert.True(result.Succeeded);
        }
        finally
        {
            actor.Principal = null;
        }

        await using var check = await Portal.NewDbContextAsync(Ct);
        var update = await check.AuditEntries.SingleAsync(e => e.EntityType == nameof(Announcement) && e.EntityId == id.ToString() && e.Action == AuditAction.Update, Ct);
        Assert.True(update.IsBySystem);
    }

    [Fact]
    public async Task A_scope_outside_any_entry_point_is_anonymous()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var actor = Portal.Services.GetRequiredService<CurrentActor>();
        actor.Principal = await Portal.PrincipalAsync("admin");
        try
        {
            // The ambient actor of some other flow does not leak into a scope nobody set.
            Assert.Same(Caller.Anonymous, await scope.ServiceProvider.GetRequiredService<CallerScope>().GetAsync(Ct));
        }
        finally
        {
            actor.Principal = null;
        }
    }

    [Fact]
    public async Task A_principal_set_on_the_scope_is_resolved_once_per_entry_with_the_linked_person()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var callers = scope.ServiceProvider.GetRequiredService<CallerScope>();
        var principal = await Portal.PrincipalAsync("gridworker");
        callers.Set(principal);

        var first = await callers.GetAsync(Ct);
        var second = await callers.GetAsync(Ct);

        Assert.Same(first, second);
        // The next entry (request, circuit activity, hub call) resolves again: the linked person or the directory may
        // have changed while a circuit stayed open.
        callers.Set(principal);
        Assert.NotSame(first, await callers.GetAsync(Ct));
        Assert.Equal(principal.FindFirstValue(ClaimTypes.NameIdentifier), first.UserId);
        Assert.NotEmpty(first.GridsWorked);
        await using var db = await Portal.NewDbContextAsync(Ct);
        Assert.Equal(await db.Users.Where(u => u.UserName == "gridworker").Select(u => u.PersonId).SingleAsync(Ct), first.PersonId);
    }
}

using Portal.Web.Kit.Callers;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Features.Accounts;
using Portal.Web.Kit.Live;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.Live;

public sealed class LiveEventBusTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LiveEventBus Bus => server.Portal.Services.GetRequiredService<LiveEventBus>();

    [Fact]
    public async Task Subscribers_do_not_run_as_the_publishing_user()
    {
        // Blazor components of other users subscribe; if they ran as the publisher, anything they saved would be
        // audited under the publisher's name.
        var actor = server.Portal.Services.GetRequiredService<CurrentActor>();
        var seen = new TaskCompletionSource<ClaimsPrincipal?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Bus.Subscribe("test/actor", _ =>
        {
            seen.TrySetResult(actor.Principal);
            return Task.CompletedTask;
        });

        actor.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "secretary")], "test"));
        try
        {
            await Bus.PublishAsync("test/actor", "test", new { }, Ct);
        }
        finally
        {
            actor.Principal = null;
        }

        Assert.Null(await seen.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task A_slow_or_failing_subscriber_does_not_stop_the_others()
    {
        var release = new TaskCompletionSource();
        var fastGotIt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slow = Bus.Subscribe("test/slow", async _ => await release.Task);
        using var failing = Bus.Subscribe("test/slow", _ => throw new InvalidOperationException("broken subscriber"));
        using var fast = Bus.Subscribe("test/slow", e =>
        {
            fastGotIt.TrySetResult(e.Sequence);
            return Task.CompletedTask;
        });

        var publishing = Bus.PublishAsync("test/slow", "test", new { }, Ct);

        Assert.Equal(1, await fastGotIt.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        release.SetResult();
        Assert.Equal(1, (await publishing).Sequence);
    }

    [Fact]
    public async Task Concurrent_publishers_on_one_topic_get_distinct_consecutive_sequence_numbers()
    {
        // Resolve the bus (and so start the host) once, before the racing publishers.
        var bus = Bus;
        var events = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => bus.PublishAsync("test/concurrent", "test", new { i }, Ct), Ct)));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), events.Select(e => e.Sequence).Order());
        var stored = await bus.ReadAfterAsync("test/concurrent", 0, Ct);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), stored.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more()
    {
        var count = 0;
        var subscription = Bus.Subscribe("test/dispose", _ =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        });
        await Bus.PublishAsync("test/dispose", "test", new { }, Ct);
        subscription.Dispose();
        await Bus.PublishAsync("test/dispose", "test", new { }, Ct);

        Assert.Equal(1, count);
    }
}

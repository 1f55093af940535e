using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Announcements;
using Portal.Testing;
using Portal.Domain.Common;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Features.Announcements;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.Live;

/// <summary>
/// The live event outbox (decision 0023): a change and its live event commit together or not at all, sequence numbers
/// come from the channel heads gap-free and in commit order, and the node's dispatcher delivers every committed event
/// once and in order, retrying from the store when a send fails.
/// </summary>
public sealed class OutboxTests(OutboxTests.Fixture server) : IClassFixture<OutboxTests.Fixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalHost Portal => server.Portal;

    private LiveEventBus Bus => Portal.Services.GetRequiredService<LiveEventBus>();

    private static string NewChannel(string purpose) => $"test/{purpose}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_change_and_its_live_event_are_stored_in_one_commit_and_delivered_after_it()
    {
        var community = await CommunityIdAsync();
        var channel = CommunityChannels.For(community);
        var head = await HeadAsync(channel);
        var received = Collect(channel);

        var commits = server.Commits.Watch();
        var result = await Portal.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary",
            s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = "出库通知：一次提交", Body = "正文" }, publish: true, Ct));

        Assert.Equal(Outcome.Succeeded, result.Outcome);
        Assert.Equal(1, commits.Count);
        await using var db = await Portal.NewDbContextAsync(Ct);
        var stored = await db.LiveEvents.AsNoTracking().SingleAsync(e => e.Channel == channel && e.Sequence > head, Ct);
        Assert.Equal(head + 1, stored.Sequence);
        Assert.Equal(AnnouncementEvents.Published, stored.Type);
        Assert.Contains($"\"announcementId\":{result.Id}", stored.Payload);
        Assert.True(await db.Announcements.AnyAsync(a => a.Id == result.Id && a.Status == AnnouncementStatus.Published, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Announcement) && a.EntityId == result.Id.ToString(), Ct));
        Assert.True(await db.AnnouncementReads.AnyAsync(r => r.AnnouncementId == result.Id, Ct));
        Assert.Equal(head + 1, await HeadAsync(channel));
        Assert.Equal(new long[] { head + 1 }, await received.WaitForAsync(1));
    }

    [Fact]
    public async Task A_commit_that_fails_stores_neither_the_change_nor_its_event_and_delivers_nothing()
    {
        var community = await CommunityIdAsync();
        var channel = CommunityChannels.For(community);
        var head = await HeadAsync(channel);
        var received = Collect(channel);

        var commits = server.Commits.Watch(failNext: true);
        await Assert.ThrowsAnyAsync<Exception>(() => Portal.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary",
            s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = "出库通知：提交失败", Body = "正文" }, publish: true, Ct)));
        Assert.Equal(0, commits.Fail);

        await using (var db = await Portal.NewDbContextAsync(Ct))
        {
            Assert.False(await db.Announcements.AnyAsync(a => a.Title == "出库通知：提交失败", Ct));
            Assert.False(await db.LiveEvents.AnyAsync(e => e.Channel == channel && e.Sequence > head, Ct));
        }
        Assert.Equal(head, await HeadAsync(channel));
        await Task.Delay(300, Ct);
        Assert.Empty(received.Sequences);

        // The next change continues without a hole, and only it is delivered.
        var result = await Portal.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary",
            s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = "出库通知：再次提交", Body = "正文" }, publish: true, Ct));
        Assert.Equal(Outcome.Succeeded, result.Outcome);
        Assert.Equal(new long[] { head + 1 }, await received.WaitForAsync(1));
        await Task.Delay(300, Ct);
        Assert.Equal(new long[] { head + 1 }, received.Sequences);
    }

    [Fact]
    public async Task What_a_handler_adds_is_saved_audited_and_published_in_the_same_commit_and_its_own_events_are_handled()
    {
        var community = await CommunityIdAsync();
        var channel = CommunityChannels.For(community);
        var head = await HeadAsync(channel);
        var received = Collect(channel);

        var commits = server.Commits.Watch();
        var result = await Portal.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary",
            s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = FollowUpHandler.FollowUp, Body = "正文" }, publish: true, Ct));

        Assert.Equal(Outcome.Succeeded, result.Outcome);
        Assert.Equal(1, commits.Count);
        await using var db = await Portal.NewDbContextAsync(Ct);
        var followUp = await db.Announcements.AsNoTracking().SingleAsync(a => a.Title == FollowUpHandler.FollowedUp, Ct);
        Assert.Equal(AnnouncementStatus.Published, followUp.Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Announcement) && a.EntityId == followUp.Id.ToString(), Ct));
        // Both publications, in the order they were raised; the follow-up's own event reached the handler too (which
        // ignores it): a handler chain settles.
        var events = await db.LiveEvents.AsNoTracking().Where(e => e.Channel == channel && e.Sequence > head).OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal([head + 1, head + 2], events.Select(e => e.Sequence));
        Assert.Contains($"\"announcementId\":{result.Id}", events[0].Payload);
        Assert.Contains($"\"announcementId\":{followUp.Id}", events[1].Payload);
        Assert.Equal([head + 1, head + 2], await received.WaitForAsync(2));
        Assert.Contains(server.Handler.Seen, t => t == FollowUpHandler.FollowedUp);
    }

    [Fact]
    public async Task A_handler_that_fails_fails_the_change_and_nothing_is_stored_or_delivered()
    {
        var community = await CommunityIdAsync();
        var channel = CommunityChannels.For(community);
        var head = await HeadAsync(channel);
        var received = Collect(channel);

        var commits = server.Commits.Watch();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Portal.AsAsync<AnnouncementService, Result<AnnouncementForm>>("secretary",
            s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = FollowUpHandler.Fail, Body = "正文" }, publish: true, Ct)));

        Assert.Equal(0, commits.Count);
        await using var db = await Portal.NewDbContextAsync(Ct);
        Assert.False(await db.Announcements.AnyAsync(a => a.Title == FollowUpHandler.Fail, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Announcement) && a.Changes.Contains(FollowUpHandler.Fail), Ct));
        Assert.Equal(head, await HeadAsync(channel));
        await Task.Delay(300, Ct);
        Assert.Empty(received.Sequences);
    }

    [Fact]
    public async Task A_relay_that_fails_twice_still_delivers_each_event_once_and_in_order()
    {
        var channel = NewChannel("flaky");
        var received = Collect(channel);
        server.Relay.FailNext(channel, 2);

        // Publishing reports success: the events are committed; delivery is the dispatcher's business.
        for (var i = 1; i <= 3; i++) await Bus.PublishAsync(channel, "test", new { i }, Ct);

        Assert.Equal(new long[] { 1, 2, 3 }, await received.WaitForAsync(3));
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // past the first retry
        Assert.Equal(new long[] { 1, 2, 3 }, received.Sequences);
    }

    [Fact]
    public async Task A_failed_send_is_retried_from_the_store_with_back_off()
    {
        var channel = NewChannel("retry");
        var received = Collect(channel);
        server.Relay.FailNext(channel, 2);

        var published = await Bus.PublishAsync(channel, "test", new { }, Ct);

        Assert.Equal(1, published.Sequence);
        // First send and the retry after 1 s fail; the retry 2 s later delivers.
        Assert.Equal(new long[] { 1 }, await received.WaitForAsync(1, TimeSpan.FromSeconds(15)));
        Assert.Equal(0, server.Relay.FailuresLeft(channel));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(new long[] { 1 }, received.Sequences);
        Assert.Contains(Portal.Logs.Entries, e => e.Message.Contains(channel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_hand_offs_in_reverse_order_deliver_N_then_N_plus_1()
    {
        var dispatcher = Portal.Services.GetRequiredService<LiveEventDispatcher>();
        foreach (var concurrently in new[] { false, true })
        {
            var channel = NewChannel("reverse");
            var received = Collect(channel);
            var (first, second) = await StoreWithoutHandOffAsync(channel);

            if (concurrently) await Task.WhenAll(dispatcher.HandOffAsync([second]), dispatcher.HandOffAsync([first]));
            else
            {
                await dispatcher.HandOffAsync([second]);
                await dispatcher.HandOffAsync([first]);
            }

            Assert.Equal(new long[] { 1, 2 }, await received.WaitForAsync(2));
            await Task.Delay(200, Ct);
            Assert.Equal(new long[] { 1, 2 }, received.Sequences);
        }
    }

    [Fact]
    public async Task Parallel_writers_on_one_channel_get_1_to_N_in_commit_order_on_SQLite()
    {
        await using (var db = await Portal.NewDbContextAsync(Ct))
        {
            // The upsert's RETURNING needs SQLite 3.35; this is the library the app loads.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            var version = Version.Parse((string)(await command.ExecuteScalarAsync(Ct))!);
            Assert.True(version >= new Version(3, 35), $"SQLite {version} has no RETURNING");
        }
        await ParallelWritersAsync(Portal);
    }

    [Fact]
    public async Task Parallel_writers_on_one_channel_get_1_to_N_in_commit_order_on_PostgreSQL()
    {
        await PostgresPortalTests.OnFreshPostgresAsync("outbox", ParallelWritersAsync);
    }

    /// <summary>
    /// Eight writers each store an event in a transaction they hold open a little after the save; the sequence each got
    /// must be its place in the commit order, and together 1..8.
    /// </summary>
    private static async Task ParallelWritersAsync(PortalHost host)
    {
        const int writers = 8;
        _ = host.Services; // started once, before the writers ask for contexts at the same time
        var channel = NewChannel("parallel");
        var committed = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(1, writers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await using var db = await host.NewDbContextAsync(Ct);
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Publish(LiveEventDraft.Of(channel, "test", new { writer = i }));
            await db.SaveChangesAsync(Ct);
            var sequence = db.LiveEvents.Local.Single().Sequence;
            await Task.Delay(20, Ct);
            await transaction.CommitAsync(Ct);
            return (Sequence: sequence, Committed: Interlocked.Increment(ref committed));
        }, Ct)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.Equal(r.Committed, r.Sequence));
        Assert.Equal(Enumerable.Range(1, writers).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        await using var check = await host.NewDbContextAsync(Ct);
        Assert.Equal(Enumerable.Range(1, writers).Select(i => (long)i),
            await check.LiveEvents.Where(e => e.Channel == channel).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(writers, await check.LiveChannels.Where(c => c.Channel == channel).Select(c => c.LastSequence).SingleAsync(Ct));
    }

    private async Task<(StoredLiveEvent First, StoredLiveEvent Second)> StoreWithoutHandOffAsync(string channel)
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        var now = DateTime.UtcNow;
        var first = new StoredLiveEvent { Channel = channel, Sequence = 1, Type = "test", Payload = "{}", ServerTimeUtc = now };
        var second = new StoredLiveEvent { Channel = channel, Sequence = 2, Type = "test", Payload = "{}", ServerTimeUtc = now };
        db.LiveEvents.AddRange(first, second);
        db.LiveChannels.Add(new LiveChannel { Channel = channel, LastSequence = 2 });
        await db.SaveChangesAsync(Ct);
        return (first, second);
    }

    private async Task<int> CommunityIdAsync()
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        var name = DemoDataSeeder.CommunityNames[0];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<long> HeadAsync(string channel)
    {
        await using var db = await Portal.NewDbContextAsync(Ct);
        return await db.LiveChannels.Where(c => c.Channel == channel).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync(Ct) ?? 0;
    }

    private Received Collect(string channel)
    {
        var received = new Received();
        _subscriptions.Add(Bus.Subscribe(channel, e =>
        {
            received.Add(e.Sequence);
            return Task.CompletedTask;
        }));
        return received;
    }

    private readonly ConcurrentBag<IDisposable> _subscriptions = [];

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }

    private sealed class Received
    {
        private readonly List<long> _sequences = [];

        public long[] Sequences
        {
            get { lock (_sequences) return [.. _sequences]; }
        }

        public void Add(long sequence)
        {
            lock (_sequences) _sequences.Add(sequence);
        }

        public async Task<long[]> WaitForAsync(int count, TimeSpan? timeout = null)
        {
            var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
            while (Sequences.Length < count && DateTime.UtcNow < until) await Task.Delay(20, Ct);
            return Sequences;
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public FlakyRelay Relay { get; } = new();

        public CommitProbe Commits { get; } = new();

        public FollowUpHandler Handler { get; } = new();

        public PortalHost Portal { get; }

        public Fixture() => Portal = new PortalHost(services: services =>
        {
            services.AddSingleton<ILiveEventRelay>(Relay);
            services.AddSingleton<IInterceptor>(Commits);
            services.AddSingleton<IDomainEventHandler>(Handler);
        });

        public ValueTask InitializeAsync()
        {
            _ = Portal.Services;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Portal.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// A slice's handler as the tests need one: an announcement published under <see cref="FollowUp"/> brings a second one
    /// (whose own publication raises an event in turn), one under <see cref="Fail"/> fails the save. Records the titles
    /// of the publications it was asked about.
    /// </summary>
    public sealed class FollowUpHandler : IDomainEventHandler
    {
        public const string FollowUp = "处理器测试：带出一条";
        public const string FollowedUp = "处理器测试：带出的那条";
        public const string Fail = "处理器测试：失败";

        public ConcurrentQueue<string> Seen { get; } = new();

        public Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
        {
            if (domainEvent is not AnnouncementChanged { Change: AnnouncementChange.Published } published || source is not Announcement announcement)
                return Task.CompletedTask;
            Seen.Enqueue(published.Title);
            if (published.Title == Fail) throw new InvalidOperationException("The handler refused.");
            if (published.Title != FollowUp) return Task.CompletedTask;
            var followUp = new Announcement
            {
                CommunityId = announcement.CommunityId, Title = FollowedUp, BodyMarkdown = "自动", AuthorUserId = announcement.AuthorUserId,
                AuthorName = announcement.AuthorName,
            };
            followUp.Publish(announcement.PublishedAtUtc ?? DateTime.UtcNow);
            db.Announcements.Add(followUp);
            return Task.CompletedTask;
        }
    }

    /// <summary>This node's delivery, failing the next sends on one channel as a broken relay would.</summary>
    public sealed class FlakyRelay : ILiveEventRelay
    {
        private readonly InProcessLiveEventRelay _inner = new();
        private readonly ConcurrentDictionary<string, int> _failures = new();

        public void FailNext(string channel, int sends) => _failures[channel] = sends;

        public int FailuresLeft(string channel) => _failures.GetValueOrDefault(channel);

        public void Attach(Func<LiveEvent, Task> deliverLocally) => _inner.Attach(deliverLocally);

        public Task SendAsync(LiveEvent liveEvent, CancellationToken ct)
        {
            if (_failures.TryGetValue(liveEvent.Channel, out var left) && left > 0)
            {
                _failures[liveEvent.Channel] = left - 1;
                throw new IOException($"The relay is down (test), {left - 1} more failure(s) to come");
            }
            return _inner.SendAsync(liveEvent, ct);
        }
    }

    /// <summary>Counts the commits of the watching flow, and fails the next commit when told (as a crash at commit would).</summary>
    public sealed class CommitProbe : DbTransactionInterceptor
    {
        private readonly AsyncLocal<Counter?> _watch = new();

        /// <summary>Watches the commits of the calling flow (not the host's background work) from now on.</summary>
        public Counter Watch(bool failNext = false) => _watch.Value = new Counter { Fail = failNext ? 1 : 0 };

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            FailIfTold();
            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            FailIfTold();
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (_watch.Value is { } counter) Interlocked.Increment(ref counter.Count);
            return Task.CompletedTask;
        }

        private void FailIfTold()
        {
            if (_watch.Value is { } counter && Interlocked.Exchange(ref counter.Fail, 0) == 1) throw new InvalidOperationException("The commit failed (test).");
        }

        public sealed class Counter
        {
            public int Count;
            public int Fail;
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data.Live;
using Portal.Web.Data;

namespace Portal.Web.Features.Live;

/// <summary>
/// Stores events in the portal database. Sequence numbers are unique per topic by a database index, so even
/// several nodes writing one topic cannot hand out the same number: a clash reloads the last number and retries.
/// </summary>
public sealed class EfLiveEventStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : ILiveEventStore
{
    private const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _topicLocks = new();

    public async Task<LiveEvent> AppendAsync(string topic, string type, string payloadJson, CancellationToken ct)
    {
        var gate = _topicLocks.GetOrAdd(topic, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var last = await db.LiveEvents.Where(e => e.Topic == topic).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
                var stored = new StoredLiveEvent
                {
                    Topic = topic,
                    Sequence = last + 1,
                    Type = type,
                    Payload = payloadJson,
                    ServerTimeUtc = clock.GetUtcNow().UtcDateTime,
                };
                db.LiveEvents.Add(stored);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return stored.ToLiveEvent();
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another node took this sequence number; read the new last one and try again.
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyList<LiveEvent>> ReadAfterAsync(string topic, long afterSequence, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.LiveEvents.AsNoTracking()
            .Where(e => e.Topic == topic && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(max)
            .ToListAsync(ct);
        return rows.Select(r => r.ToLiveEvent()).ToList();
    }

    public async Task<long> LastSequenceAsync(string topic, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LiveEvents.Where(e => e.Topic == topic).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
    }
}

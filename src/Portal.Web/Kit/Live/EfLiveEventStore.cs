using Microsoft.EntityFrameworkCore;
using Portal.Web.Data.Live;
using Portal.Web.Data;

namespace Portal.Web.Kit.Live;

/// <summary>
/// Stores events in the portal database. An append is a save of its own: the context claims the sequence number from
/// the channel head in the transaction that stores the event (the outbox, decision 0023) and hands it to the node's
/// dispatcher once committed, as every save with live events does.
/// </summary>
public sealed class EfLiveEventStore(IDbContextFactory<PortalDbContext> dbFactory) : ILiveEventStore
{
    public async Task<LiveEvent> AppendAsync(string channel, string type, string payloadJson, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Publish(new LiveEventDraft(channel, type, payloadJson));
        await db.SaveChangesAsync(ct);
        return db.LiveEvents.Local.Single().ToLiveEvent();
    }

    public async Task<IReadOnlyList<LiveEvent>> ReadAfterAsync(string channel, long afterSequence, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.LiveEvents.AsNoTracking()
            .Where(e => e.Channel == channel && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(max)
            .ToListAsync(ct);
        return rows.Select(r => r.ToLiveEvent()).ToList();
    }

    public async Task<long> LastSequenceAsync(string channel, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LiveChannels.LastSequenceAsync(channel, ct);
    }
}

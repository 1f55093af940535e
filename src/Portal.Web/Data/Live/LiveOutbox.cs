using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Common;

namespace Portal.Web.Data.Live;

/// <summary>
/// A live event about to be stored: its channel, type and JSON payload. The save gives it its sequence number.
/// </summary>
public sealed record LiveEventDraft(string Channel, string Type, string PayloadJson)
{
    /// <summary>The payload serialized as the live hub sends it (camelCase web JSON).</summary>
    public static LiveEventDraft Of<T>(string channel, string type, T payload) =>
        new(channel, type, JsonSerializer.Serialize(payload, Json));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// Turns a domain event into the live event its slice publishes (or null: not this mapper's). Slices register their
/// mappers as singletons; the save asks every mapper about every event, after the change's rows have their keys
/// (<paramref name="source"/> is the entity that raised it, so an event raised before its entity had a key still
/// names the stored row). Data owns the interface so that it never names a channel.
/// </summary>
public interface ILiveEventMapper
{
    LiveEventDraft? Map(Entity source, IDomainEvent domainEvent);
}

/// <summary>
/// Receives live events once the transaction that stored them has committed (the node's dispatcher). Never called
/// for a rolled-back transaction. Implementations must not throw: the change is committed.
/// </summary>
public interface ICommittedLiveEvents
{
    Task HandOffAsync(IReadOnlyList<StoredLiveEvent> events);
}

/// <summary>
/// Claims sequence numbers from the channel heads and adds the stored events, inside the current transaction.
/// </summary>
internal static class LiveChannelHeads
{
    /// <summary>
    /// One statement on SQLite (≥ 3.35, for RETURNING) and PostgreSQL alike. On PostgreSQL the upsert locks the head row
    /// until the transaction ends, so a second writer of the channel waits and continues from the committed head (or the
    /// rolled-back one: no hole). On SQLite the transaction holds the write lock from its BEGIN (Microsoft.Data.Sqlite
    /// begins IMMEDIATE), so writers are serial anyway.
    /// </summary>
    private const string ClaimSql = """
        INSERT INTO "LiveChannels" ("Channel", "LastSequence") VALUES (@channel, @count)
        ON CONFLICT ("Channel") DO UPDATE SET "LastSequence" = "LiveChannels"."LastSequence" + @count
        RETURNING "LastSequence"
        """;

    /// <summary>
    /// Adds the drafts as stored events with their sequence numbers to <paramref name="db"/> (unsaved). Channels are
    /// claimed in ordinal order, so two transactions that write the same channels cannot deadlock on their heads.
    /// </summary>
    public static async Task<List<StoredLiveEvent>> AddAsync(PortalDbContext db, IReadOnlyList<LiveEventDraft> drafts, DateTime nowUtc,
        bool async, CancellationToken ct)
    {
        var stored = new List<StoredLiveEvent>(drafts.Count);
        foreach (var channel in drafts.GroupBy(d => d.Channel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = channel.Count();
            var last = await ClaimAsync(db, channel.Key, count, async, ct);
            var sequence = last - count;
            foreach (var draft in channel)
            {
                stored.Add(new StoredLiveEvent
                {
                    Channel = draft.Channel,
                    Sequence = ++sequence,
                    Type = draft.Type,
                    Payload = draft.PayloadJson,
                    ServerTimeUtc = nowUtc,
                });
            }
        }
        db.LiveEvents.AddRange(stored);
        return stored;
    }

    private static async Task<long> ClaimAsync(PortalDbContext db, string channel, int count, bool async, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Sequence numbers are claimed inside the transaction that stores the events.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = ClaimSql;
        Add(command, "@channel", channel);
        Add(command, "@count", (long)count);
        var last = async ? await command.ExecuteScalarAsync(ct) : command.ExecuteScalar();
        return Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

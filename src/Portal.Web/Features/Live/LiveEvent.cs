using System.Text.Json;
using Portal.Domain.Text;

namespace Portal.Web.Features.Live;

/// <summary>
/// One event on a topic. <see cref="Sequence"/> increases by one per topic, so a client that saw sequence N
/// asks for everything after N when it reconnects and misses nothing.
/// </summary>
public sealed record LiveEvent(string Topic, long Sequence, string Type, JsonElement Payload, DateTime ServerTimeUtc)
{
    public T? PayloadAs<T>() => Payload.Deserialize<T>(LiveJson.Options);
}

/// <summary>
/// The persisted form of a <see cref="LiveEvent"/>, kept for catch-up after reconnects. Verbatim: the payload is JSON the
/// portal serialized, replayed to clients as it was sent live.
/// </summary>
[VerbatimText]
public sealed class StoredLiveEvent
{
    public long Id { get; set; }
    public required string Topic { get; set; }
    public long Sequence { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTime ServerTimeUtc { get; set; }

    public LiveEvent ToLiveEvent()
    {
        using var doc = JsonDocument.Parse(Payload);
        return new LiveEvent(Topic, Sequence, Type, doc.RootElement.Clone(), ServerTimeUtc);
    }
}

internal static class LiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

using System.Text.Json;
using Portal.Web.Data.Live;

namespace Portal.Web.Kit.Live;

/// <summary>
/// One event on a channel. <see cref="Sequence"/> increases by one per channel, so a client that saw sequence N
/// asks for everything after N when it reconnects and misses nothing.
/// </summary>
public sealed record LiveEvent(string Channel, long Sequence, string Type, JsonElement Payload, DateTime ServerTimeUtc)
{
    public T? PayloadAs<T>() => Payload.Deserialize<T>(LiveJson.Options);
}

/// <summary>Reads a stored event back as the event that was sent.</summary>
internal static class StoredLiveEvents
{
    public static LiveEvent ToLiveEvent(this StoredLiveEvent stored)
    {
        using var doc = JsonDocument.Parse(stored.Payload);
        return new LiveEvent(stored.Channel, stored.Sequence, stored.Type, doc.RootElement.Clone(), stored.ServerTimeUtc);
    }
}

internal static class LiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

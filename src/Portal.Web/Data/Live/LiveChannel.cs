using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Web.Data.Live;

/// <summary>
/// The head of one live channel: the last sequence number handed out on it. A save claims the next numbers of a
/// channel by one upsert on this row (<see cref="LiveChannelHeads"/>) in the transaction that stores the events, so the
/// numbers are gap-free and in commit order with any number of writers and nodes. Never tracked by a context.
/// </summary>
public sealed class LiveChannel
{
    public const int NameMaxLength = 200;

    public required string Channel { get; set; }
    public long LastSequence { get; set; }
}

/// <summary>Reads of the channel heads.</summary>
public static class LiveChannelQueries
{
    /// <summary>The last sequence number handed out on <paramref name="channel"/>; 0 for a channel nothing was published on.</summary>
    public static async Task<long> LastSequenceAsync(this IQueryable<LiveChannel> heads, string channel, CancellationToken ct) =>
        await heads.Where(c => c.Channel == channel).Select(c => (long?)c.LastSequence).SingleOrDefaultAsync(ct) ?? 0;
}

internal sealed class LiveChannelConfiguration : IEntityTypeConfiguration<LiveChannel>
{
    public void Configure(EntityTypeBuilder<LiveChannel> e)
    {
        e.ToTable("LiveChannels");
        e.HasKey(x => x.Channel);
        e.Property(x => x.Channel).HasMaxLength(LiveChannel.NameMaxLength);
    }
}

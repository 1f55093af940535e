using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Text;

namespace Portal.Web.Data.Live;

/// <summary>
/// The persisted form of a live event (the Live slice's <c>LiveEvent</c>), kept for catch-up after reconnects.
/// <see cref="Sequence"/> increases by one per channel. Verbatim: the payload is JSON the portal serialized, replayed to
/// clients as it was sent live. It lives in Data, not in the Live slice, so that the context depends on no slice.
/// </summary>
[VerbatimText]
public sealed class StoredLiveEvent
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public long Sequence { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTime ServerTimeUtc { get; set; }
}

internal sealed class StoredLiveEventConfiguration : IEntityTypeConfiguration<StoredLiveEvent>
{
    public void Configure(EntityTypeBuilder<StoredLiveEvent> e)
    {
        e.ToTable("LiveEvents");
        e.Property(x => x.Channel).HasMaxLength(LiveChannel.NameMaxLength);
        e.Property(x => x.Type).HasMaxLength(100);
        e.HasIndex(x => new { x.Channel, x.Sequence }).IsUnique();
    }
}

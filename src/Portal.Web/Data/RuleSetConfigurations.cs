using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Voting;

namespace Portal.Web.Data;

/// <summary>
/// Stored rule-set versions (decision 0032): the <see cref="RuleSet"/> is one JSON text column, enums by name so the
/// stored text reads as the rule. A record holding <c>ImmutableArray</c>s compares them by reference, so EF is given a
/// comparer by the JSON text (a row is never changed, but EF must not think it was).
/// </summary>
internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Write(RuleSet rules) => JsonSerializer.Serialize(rules, Json);

    public static RuleSet Read(string json) => JsonSerializer.Deserialize<RuleSet>(json, Json)!;

    public void Configure(EntityTypeBuilder<RuleSetVersion> e)
    {
        e.ToTable("RuleSetVersions");
        e.Property(x => x.Code).HasMaxLength(RuleSetVersion.CodeMaxLength);
        e.Property(x => x.Name).HasMaxLength(RuleSetVersion.NameMaxLength);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Rules).HasConversion(r => Write(r), s => Read(s),
            new ValueComparer<RuleSet>((a, b) => Write(a!) == Write(b!), r => Write(r).GetHashCode(), r => Read(Write(r))));
        e.HasOne<Portal.Domain.Directory.Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Portal.Domain.Directory.Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        e.HasIndex(x => x.StreetId);
        e.HasIndex(x => x.CommunityId);
    }
}

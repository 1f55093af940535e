using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Directory;
using Portal.Domain.Voting;

namespace Portal.Web.Data;

// Votes keep what they were decided by as JSON: the whole rule set (so stored rule-set versions plug in without a schema
// change), the option texts and, after closing, the verdict with its arithmetic. Records with ImmutableArrays compare
// by reference, so the comparers compare the JSON. The roll, participations, presence and ballots go with their vote
// (Cascade); a vote keeps its community (Restrict).

/// <summary>The JSON form of what a vote stores whole; one options instance (System.Text.Json caches per instance).</summary>
internal static class VotingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static ValueComparer<T> Comparer<T>() => new(
        (a, b) => Write(a) == Write(b),
        v => Write(v).GetHashCode(StringComparison.Ordinal),
        v => Read<T>(Write(v)));
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> e)
    {
        e.ToTable("Votes");
        e.Ignore(x => x.Scope);
        e.Ignore(x => x.Question);
        e.Ignore(x => x.ProxyAllowed);
        e.Property(x => x.Title).HasMaxLength(Vote.MaxTitle);
        e.Property(x => x.CreatedByUserId).HasMaxLength(450);
        e.Property(x => x.Options).HasConversion(v => VotingJson.Write(v), s => VotingJson.Read<ImmutableArray<string>>(s),
            VotingJson.Comparer<ImmutableArray<string>>());
        e.Property(x => x.RuleSet).HasColumnName("RuleSetData").HasConversion(v => VotingJson.Write(v), s => VotingJson.Read<RuleSet>(s),
            VotingJson.Comparer<RuleSet>());
        e.Property(x => x.RuleSetCode).HasMaxLength(100);
        e.Property(x => x.RuleSetName).HasMaxLength(200);
        e.Property(x => x.Verdict).HasColumnName("VerdictData").HasConversion(v => v == null ? null : VotingJson.Write(v),
            s => s == null ? null : VotingJson.Read<Verdict>(s), VotingJson.Comparer<Verdict?>());
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.Status });
        e.HasIndex(x => new { x.Status, x.ClosesAtUtc });
    }
}

internal sealed class VoteElectorConfiguration : IEntityTypeConfiguration<VoteElector>
{
    public void Configure(EntityTypeBuilder<VoteElector> e)
    {
        e.ToTable("VoteElectors");
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        // Kept as plain ids: the roll is frozen and must survive later changes of the directory.
        e.HasIndex(x => new { x.VoteId, x.Key }).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.OwnerId);
        e.HasIndex(x => x.HouseholdId);
    }
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> e)
    {
        e.ToTable("VoteParticipations");
        e.Property(x => x.ElectorKey).HasMaxLength(100);
        e.Property(x => x.RecordedByUserId).HasMaxLength(450);
        e.Property(x => x.PaperNumber).HasMaxLength(Participation.MaxPaperNumber);
        e.Property(x => x.EvidenceFile).HasMaxLength(260);
        e.Property(x => x.ProxyHolder).HasMaxLength(Participation.MaxProxyHolder);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        // One ballot per elector per vote, whatever the channel: the database decides between concurrent attempts.
        e.HasIndex(x => new { x.VoteId, x.ElectorKey }).IsUnique();
        e.HasIndex(x => new { x.VoteId, x.PaperNumber }).IsUnique();
    }
}

internal sealed class NamedBallotConfiguration : IEntityTypeConfiguration<NamedBallot>
{
    public void Configure(EntityTypeBuilder<NamedBallot> e)
    {
        e.ToTable("NamedBallots");
        e.Property(x => x.ElectorKey).HasMaxLength(100);
        e.Property(x => x.Choices).HasMaxLength(400);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.VoteId, x.ElectorKey }).IsUnique();
    }
}

internal sealed class SecretBallotConfiguration : IEntityTypeConfiguration<SecretBallot>
{
    public void Configure(EntityTypeBuilder<SecretBallot> e)
    {
        // Nothing that names an elector: the vote, the choices, the receipt, a random key (decision 0030). On SQLite the
        // migration makes the table WITHOUT ROWID, so no rowid keeps the order in which ballots came in.
        e.ToTable("SecretBallots");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Ignore(x => x.IsAudited);
        e.Property(x => x.Choices).HasMaxLength(400);
        e.Property(x => x.ReceiptCode).HasMaxLength(20);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.VoteId, x.ReceiptCode }).IsUnique();
    }
}

internal sealed class VotePresenceConfiguration : IEntityTypeConfiguration<VotePresence>
{
    public void Configure(EntityTypeBuilder<VotePresence> e)
    {
        e.ToTable("VotePresences");
        e.Property(x => x.ElectorKey).HasMaxLength(100);
        e.Property(x => x.MarkedByUserId).HasMaxLength(450);
        e.HasOne<Vote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.VoteId, x.ElectorKey }).IsUnique();
    }
}

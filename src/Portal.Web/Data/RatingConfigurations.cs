using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deliberation;

namespace Portal.Web.Data;

// Ratings of a session's result (群众评事, issue 13 item 10; decision 0036). A round and its ratings are part of the
// session's record, so neither is deleted while the other points at it (Restrict). The person is the directory's id
// without a foreign key, as on a vote's roll: the record keeps who rated even if the directory entry is edited away.

internal sealed class RatingRoundConfiguration : IEntityTypeConfiguration<RatingRound>
{
    public void Configure(EntityTypeBuilder<RatingRound> e)
    {
        e.ToTable("RatingRounds");
        e.Property(x => x.OpenedByUserId).HasMaxLength(450);
        e.Property(x => x.ClosedByUserId).HasMaxLength(450);
        e.HasOne<DeliberationSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        // One round per step: a step's ratings are one record, and of two managers opening it at once one succeeds.
        e.HasIndex(x => new { x.SessionId, x.StepIndex }).IsUnique();
    }
}

internal sealed class SessionRatingConfiguration : IEntityTypeConfiguration<SessionRating>
{
    public void Configure(EntityTypeBuilder<SessionRating> e)
    {
        e.ToTable("SessionRatings");
        e.Property(x => x.RatedByUserId).HasMaxLength(450);
        e.Property(x => x.Comment).HasMaxLength(RatingRound.CommentMaxLength);
        e.HasOne<RatingRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        // One rating per person per round: of two first ratings saved at once, exactly one is stored.
        e.HasIndex(x => new { x.RoundId, x.PersonId }).IsUnique();
    }
}

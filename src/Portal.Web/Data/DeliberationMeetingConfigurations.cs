using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deliberation;

namespace Portal.Web.Data;

// Deliberation meetings (issue 13 item 4, decision 0035). A meeting's speaking order (motions, requests, speeches) is read
// and written whole by the one meeting it belongs to, so it is three JSON columns like a session's steps (decision 0031);
// the sign-in sheet is rows of its own, because the database must hold one line per person and meeting however many sign
// in at once, and because it is the session's evidence that others count and list.

internal sealed class DeliberationMeetingConfiguration : IEntityTypeConfiguration<DeliberationMeeting>
{
    public void Configure(EntityTypeBuilder<DeliberationMeeting> e)
    {
        e.ToTable("DeliberationMeetings");
        e.Property(x => x.Title).HasMaxLength(DeliberationMeeting.TitleMaxLength);
        e.Property(x => x.Location).HasMaxLength(DeliberationMeeting.LocationMaxLength);
        e.Property(x => x.CreatedByUserId).HasMaxLength(450);
        e.Property(x => x.Motions).HasJsonConversion();
        e.Property(x => x.Requests).HasJsonConversion();
        e.Property(x => x.Speeches).HasJsonConversion();
        // A meeting is part of its session's record (its sign-in sheet is evidence): the session is kept while it has one.
        e.HasOne<DeliberationSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SessionId, x.StartsAtUtc });
    }
}

internal sealed class MeetingSignInConfiguration : IEntityTypeConfiguration<MeetingSignIn>
{
    public void Configure(EntityTypeBuilder<MeetingSignIn> e)
    {
        e.ToTable("MeetingSignIns");
        e.Property(x => x.Name).HasMaxLength(MeetingSignIn.NameMaxLength);
        e.Property(x => x.ByUserId).HasMaxLength(450);
        e.HasOne<DeliberationMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // One line per person and meeting, whatever the channel or the race; lines the chair copies from paper carry no
        // person and are not limited (two people may share a name).
        e.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Councils;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;

namespace Portal.Web.Data;

// Delete behaviour of the council tables: everything a council or meeting owns goes with it (Cascade); a unit or person
// that council history names is kept from deletion where the row would be meaningless without it (Restrict: a council's
// scope, a topic's proposer, a resolution's owner, an attendee), and otherwise only forgotten (SetNull: liaison, chair of
// the day, the need a topic concerns). Version tokens of the VersionedEntity types are configured once in PortalDbContext.

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> e)
    {
        e.ToTable("Councils");
        e.Property(x => x.Name).HasMaxLength(Council.NameMaxLength);
        e.Property(x => x.DefaultLocation).HasMaxLength(Meeting.LocationMaxLength);
        e.HasOne<Street>().WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.CommunityId);
        e.HasIndex(x => new { x.StreetId, x.Level });
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> e)
    {
        e.ToTable("CouncilMembers");
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.LiaisonPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.CouncilId, x.Role });
        e.HasIndex(x => x.UnitId);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("Meetings");
        e.Property(x => x.Title).HasMaxLength(Meeting.TitleMaxLength);
        e.Property(x => x.Location).HasMaxLength(Meeting.LocationMaxLength);
        e.Property(x => x.PeriodKey).HasMaxLength(7);
        e.Property(x => x.DecisionReason).HasMaxLength(Meeting.ReasonMaxLength);
        e.Property(x => x.DisplayTokenHash).HasMaxLength(64);
        // Status changes only through Meeting.Apply; EF still has to write it.
        e.Property(x => x.Status).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasOne<Council>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.RequestedByUnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.ChairPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.RecorderPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.AgendaItems).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Attendances).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Resolutions).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CouncilId, x.StartsAtUtc });
        // The calendar creates a regular meeting once per period; ad-hoc meetings have no period key (NULLs never collide).
        e.HasIndex(x => new { x.CouncilId, x.PeriodKey }).IsUnique();
        e.HasIndex(x => x.DisplayTokenHash).IsUnique();
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.ToTable("AgendaItems");
        e.Property(x => x.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        e.Property(x => x.Outcome).HasMaxLength(AgendaItem.TextMaxLength);
        e.Property(x => x.Notes).HasMaxLength(AgendaItem.TextMaxLength);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.SetNull);
        // The number is the item's identity inside its meeting.
        e.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
    }
}

internal sealed class AgendaChangeEntryConfiguration : IEntityTypeConfiguration<AgendaChangeEntry>
{
    public void Configure(EntityTypeBuilder<AgendaChangeEntry> e)
    {
        e.ToTable("AgendaChanges");
        e.Property(x => x.Touches).HasMaxLength(1_000);
        e.Property(x => x.ActorName).HasMaxLength(WorkItem.NameMaxLength);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // One entry per revision: catch-up reads "revision > n" of one meeting, and a second writer of a revision fails here.
        e.HasIndex(x => new { x.MeetingId, x.Revision }).IsUnique();
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> e)
    {
        e.ToTable("Attendances");
        e.Property(x => x.MarkedByUserId).HasMaxLength(450);
        e.Property(x => x.LeaveReason).HasMaxLength(Meeting.ReasonMaxLength);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
    }
}

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> e)
    {
        e.ToTable("Resolutions");
        e.Property(x => x.Decision).HasMaxLength(Resolution.DecisionMaxLength);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.ChaserPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.CoOwners).WithOne().HasForeignKey(x => x.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.MeetingId);
        e.HasIndex(x => x.WorkItemId);
    }
}

internal sealed class ResolutionCoOwnerConfiguration : IEntityTypeConfiguration<ResolutionCoOwner>
{
    public void Configure(EntityTypeBuilder<ResolutionCoOwner> e)
    {
        e.ToTable("ResolutionCoOwners");
        e.HasKey(x => new { x.ResolutionId, x.UnitId });
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> e)
    {
        e.ToTable("Topics");
        e.Property(x => x.Title).HasMaxLength(Topic.TitleMaxLength);
        e.Property(x => x.DescriptionMarkdown).HasMaxLength(Topic.DescriptionMaxLength);
        e.Property(x => x.ProposedByUserId).HasMaxLength(450);
        e.Property(x => x.ScreeningReason).HasMaxLength(Topic.ReasonMaxLength);
        // Screening state changes only through Topic.Apply; EF still has to write it.
        e.Property(x => x.Status).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.ProposerUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.MergedIntoTopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MeetingId, x.Status });
        e.HasIndex(x => x.ProposerUnitId);
    }
}

internal sealed class CouncilScoringRuleSetConfiguration : IEntityTypeConfiguration<CouncilScoringRuleSet>
{
    public void Configure(EntityTypeBuilder<CouncilScoringRuleSet> e)
    {
        e.ToTable("CouncilScoringRuleSets");
        e.HasOne<Council>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        // Not unique: editing a scored year's rules adds a row (the newest applies), see CouncilScoringRuleSet.
        e.HasIndex(x => new { x.CouncilId, x.Year });
    }
}

internal sealed class CarryOverConfiguration : IEntityTypeConfiguration<CarryOver>
{
    public void Configure(EntityTypeBuilder<CarryOver> e)
    {
        e.ToTable("CarryOvers");
        e.Property(x => x.Reason).HasMaxLength(CarryOver.ReasonMaxLength);
        e.Property(x => x.DecidedByUserId).HasMaxLength(450);
        e.HasOne<Council>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CouncilId, x.FromYear });
        e.HasIndex(x => x.WorkItemId);
    }
}

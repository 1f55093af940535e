using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;
using Portal.Web.Data.Identity;

namespace Portal.Web.Data;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> e)
    {
        e.ToTable("WorkItems");
        e.Property(x => x.Title).HasMaxLength(WorkItem.TitleMaxLength);
        e.Property(x => x.DescriptionMarkdown).HasMaxLength(WorkItem.DescriptionMaxLength);
        e.Property(x => x.Category).HasMaxLength(WorkItem.CategoryMaxLength);
        e.Property(x => x.Address).HasMaxLength(WorkItem.AddressMaxLength);
        e.Property(x => x.RaisedByName).HasMaxLength(WorkItem.NameMaxLength);
        e.Property(x => x.RaisedByUserId).HasMaxLength(450);
        e.Property(x => x.RequesterUserId).HasMaxLength(450);
        // Status changes only through WorkItem.Apply; EF still has to write it.
        e.Property(x => x.Status).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<DeadlineRuleSet>().WithMany().HasForeignKey(x => x.DeadlineRuleSetId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.CoOwners).WithOne().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CommunityId, x.Kind, x.Status });
        e.HasIndex(x => new { x.OwnerUnitId, x.Status });
        e.HasIndex(x => new { x.Status, x.DueAtUtc });
        e.HasIndex(x => x.RequesterUserId);
        // The kind's own data in its own table, one row per item of that kind, keyed by the item (decision 0026 for the
        // migration that moved the columns out of WorkItems).
        e.OwnsOne(x => x.Project, p =>
        {
            p.ToTable("WorkItemProjects");
            p.WithOwner().HasForeignKey("WorkItemId");
            p.HasKey("WorkItemId");
        });
        e.OwnsOne(x => x.Commitment, c =>
        {
            c.ToTable("WorkItemCommitments");
            c.WithOwner().HasForeignKey("WorkItemId");
            c.HasKey("WorkItemId");
            c.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.PartyOrganizationId).OnDelete(DeleteBehavior.SetNull);
            c.HasIndex(x => new { x.PartyOrganizationId, x.Year });
        });
    }
}

internal sealed class WorkItemCoOwnerConfiguration : IEntityTypeConfiguration<WorkItemCoOwner>
{
    public void Configure(EntityTypeBuilder<WorkItemCoOwner> e)
    {
        e.ToTable("WorkItemCoOwners");
        e.HasKey(x => new { x.WorkItemId, x.UnitId });
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkItemEventConfiguration : IEntityTypeConfiguration<WorkItemEvent>
{
    public void Configure(EntityTypeBuilder<WorkItemEvent> e)
    {
        e.ToTable("WorkItemEvents");
        e.Property(x => x.ActorUserId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(WorkItem.NameMaxLength);
        e.Property(x => x.Note).HasMaxLength(WorkItemEvent.NoteMaxLength);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.WorkItemEventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.WorkItemId, x.AtUtc });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.ToTable("Attachments");
        e.Property(x => x.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.StoredName).HasMaxLength(64);
        e.HasIndex(x => x.StoredName).IsUnique();
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.ToTable("Milestones");
        e.Property(x => x.Title).HasMaxLength(Milestone.TitleMaxLength);
        e.HasIndex(x => new { x.WorkItemId, x.SortOrder });
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> e)
    {
        e.ToTable("Resources");
        e.Property(x => x.Title).HasMaxLength(Resource.TitleMaxLength);
        e.Property(x => x.Description).HasMaxLength(Resource.DescriptionMaxLength);
        e.Property(x => x.Categories).HasMaxLength(Resource.CategoriesMaxLength);
        e.Property(x => x.CapacityUnit).HasMaxLength(Resource.CapacityUnitMaxLength);
        e.Ignore(x => x.RemainingCapacity);
        e.Ignore(x => x.CategorySet);
        e.HasOne<CoBuildingUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.UnitId, x.IsActive });
    }
}

internal sealed class ProjectResourceConfiguration : IEntityTypeConfiguration<ProjectResource>
{
    public void Configure(EntityTypeBuilder<ProjectResource> e)
    {
        e.ToTable("ProjectResources");
        e.HasKey(x => new { x.ProjectId, x.ResourceId });
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeadlineRuleSetConfiguration : IEntityTypeConfiguration<DeadlineRuleSet>
{
    public void Configure(EntityTypeBuilder<DeadlineRuleSet> e)
    {
        e.ToTable("DeadlineRuleSets");
        e.Property(x => x.CreatedByName).HasMaxLength(WorkItem.NameMaxLength);
        e.Property(x => x.DueSoonShare).HasPrecision(4, 3);
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CommunityId, x.VersionNumber }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("Notifications");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.MessageKey).HasMaxLength(100);
        e.Property(x => x.MessageArgument).HasMaxLength(Notification.TextMaxLength);
        e.Property(x => x.LinkPath).HasMaxLength(Notification.LinkMaxLength);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UserId, x.ReadAtUtc });
    }
}

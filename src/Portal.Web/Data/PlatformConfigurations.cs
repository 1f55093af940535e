using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Domain.Directory;
using Portal.Web.Data.Identity;

namespace Portal.Web.Data;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(DirectoryLimits.PersonName);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.RoleAssignments).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleAssignmentConfiguration : IEntityTypeConfiguration<UserRoleAssignment>
{
    public void Configure(EntityTypeBuilder<UserRoleAssignment> e)
    {
        e.HasIndex(x => new { x.UserId, x.Role, x.Scope, x.ScopeId }).IsUnique();
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> e)
    {
        e.Property(x => x.NormalizedUserName).HasMaxLength(SignInLock.UserNameMaxLength);
        e.Property(x => x.ClientAddress).HasMaxLength(SignInLock.ClientAddressMaxLength);
        e.Property(x => x.DeviceId).HasMaxLength(SignInFailure.DeviceIdMaxLength);
        // Counting one user name's failures (per address, or across addresses), and pruning the old ones.
        e.HasIndex(x => new { x.NormalizedUserName, x.AtUtc });
        e.HasIndex(x => x.AtUtc);
    }
}

internal sealed class SignInLockConfiguration : IEntityTypeConfiguration<SignInLock>
{
    public void Configure(EntityTypeBuilder<SignInLock> e)
    {
        e.Property(x => x.NormalizedUserName).HasMaxLength(SignInLock.UserNameMaxLength);
        e.Property(x => x.ClientAddress).HasMaxLength(SignInLock.ClientAddressMaxLength);
        e.Property(x => x.UserId).HasMaxLength(SignInLock.UserIdMaxLength);
        e.Property(x => x.LiftedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.NormalizedUserName, x.EndsAtUtc });
        e.HasIndex(x => x.EndsAtUtc);
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> e)
    {
        e.Property(x => x.Title).HasMaxLength(Announcement.TitleMaxLength);
        e.Property(x => x.BodyMarkdown).HasMaxLength(Announcement.BodyMaxLength);
        e.Property(x => x.AuthorUserId).HasMaxLength(450);
        e.Property(x => x.AuthorName).HasMaxLength(DirectoryLimits.PersonName);
        e.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.PublishedAtUtc });
    }
}

internal sealed class AnnouncementReadConfiguration : IEntityTypeConfiguration<AnnouncementRead>
{
    public void Configure(EntityTypeBuilder<AnnouncementRead> e)
    {
        e.HasKey(x => new { x.AnnouncementId, x.UserId });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.EntityType).HasMaxLength(100);
        e.Property(x => x.EntityId).HasMaxLength(100);
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

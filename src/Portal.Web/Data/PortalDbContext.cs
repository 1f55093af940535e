using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;
using Portal.Web.Data.Audit;
using Portal.Web.Data.Identity;
using Portal.Web.Data.Live;

namespace Portal.Web.Data;

/// <summary>
/// The portal's one database. Contexts are short-lived (one per operation, from <c>IDbContextFactory</c>).
/// Every save cleans the text it writes (<see cref="StoredText"/>), renews the concurrency token of modified
/// <see cref="VersionedEntity"/> rows and appends audit entries in the same transaction.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Owner> Owners => Set<Owner>();
    public DbSet<HouseholdOwnership> HouseholdOwnerships => Set<HouseholdOwnership>();
    public DbSet<CoBuildingUnit> Units => Set<CoBuildingUnit>();
    public DbSet<PartyOrganization> PartyOrganizations => Set<PartyOrganization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<UserRoleAssignment> RoleAssignments => Set<UserRoleAssignment>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<SignInLock> SignInLocks => Set<SignInLock>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<AnnouncementRead> AnnouncementReads => Set<AnnouncementRead>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredLiveEvent> LiveEvents => Set<StoredLiveEvent>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<WorkItemCoOwner> WorkItemCoOwners => Set<WorkItemCoOwner>();
    public DbSet<WorkItemEvent> WorkItemEvents => Set<WorkItemEvent>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ProjectResource> ProjectResources => Set<ProjectResource>();
    public DbSet<DeadlineRuleSet> DeadlineRuleSets => Set<DeadlineRuleSet>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaChangeEntry> AgendaChanges => Set<AgendaChangeEntry>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<ResolutionCoOwner> ResolutionCoOwners => Set<ResolutionCoOwner>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<CouncilScoringRuleSet> CouncilScoringRuleSets => Set<CouncilScoringRuleSet>();
    public DbSet<CarryOver> CarryOvers => Set<CarryOver>();

    /// <summary>
    /// Who the audit trail names for this context's saves. The unit of work sets it from the caller it runs for; when
    /// null, the ambient actor (the async-local <c>CurrentActor</c>) is asked, as saves outside the unit of work do.
    /// </summary>
    public IAuditActor? Actor { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC. SQLite has no time zone, so mark values read back as UTC; PostgreSQL maps to timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(VersionedEntity).IsAssignableFrom(t.ClrType)))
            builder.Entity(entityType.ClrType).Property(nameof(VersionedEntity.Version)).IsConcurrencyToken();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveWithAuditAsync(acceptAllChangesOnSuccess, CancellationToken.None, async: false).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken, async: true);

    private async Task<int> SaveWithAuditAsync(bool acceptAll, CancellationToken ct, bool async)
    {
        ChangeTracker.DetectChanges();
        // Before the audit capture, so the trail records what is stored rather than what was sent.
        StoredText.Clean(ChangeTracker);
        foreach (var entry in ChangeTracker.Entries<VersionedEntity>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.Version = Guid.NewGuid();
        }

        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
            return async ? await base.SaveChangesAsync(acceptAll, ct) : base.SaveChanges(acceptAll);

        var actor = Actor ?? this.GetService<IAuditActor>();
        var ownTransaction = Database.CurrentTransaction is null
            ? (async ? await Database.BeginTransactionAsync(ct) : Database.BeginTransaction())
            : null;
        try
        {
            // Save first so that generated keys of new rows are known, then append their audit entries.
            var result = async ? await base.SaveChangesAsync(acceptAll, ct) : base.SaveChanges(acceptAll);
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(actor)));
            if (async) await base.SaveChangesAsync(acceptAll, ct); else base.SaveChanges(acceptAll);
            if (ownTransaction is not null)
            {
                if (async) await ownTransaction.CommitAsync(ct); else ownTransaction.Commit();
            }
            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                if (async) await ownTransaction.DisposeAsync(); else ownTransaction.Dispose();
            }
        }
    }
}

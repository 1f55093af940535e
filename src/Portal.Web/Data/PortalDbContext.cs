using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Domain.Voting;
using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;
using Portal.Web.Data.Audit;
using Portal.Web.Data.Identity;
using Portal.Web.Data.Live;

namespace Portal.Web.Data;

/// <summary>
/// The portal's one database. Contexts are short-lived (one per operation, from <c>IDbContextFactory</c>).
/// Every save cleans the text it writes (<see cref="StoredText"/>), renews the concurrency token of modified
/// <see cref="VersionedEntity"/> rows, stores the live events of the change (the outbox, decision 0023) and appends audit
/// entries, all in one transaction; the live events go to the node's dispatcher once that transaction has committed.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<PropertyArea> PropertyAreas => Set<PropertyArea>();
    public DbSet<Portal.Domain.Voting.RuleSetVersion> RuleSetVersions => Set<Portal.Domain.Voting.RuleSetVersion>();
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
    public DbSet<LiveChannel> LiveChannels => Set<LiveChannel>();
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
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<VoteElector> VoteElectors => Set<VoteElector>();
    public DbSet<Participation> VoteParticipations => Set<Participation>();
    public DbSet<NamedBallot> NamedBallots => Set<NamedBallot>();
    public DbSet<SecretBallot> SecretBallots => Set<SecretBallot>();
    public DbSet<VotePresence> VotePresences => Set<VotePresence>();
    public DbSet<ProcedureTemplate> ProcedureTemplates => Set<ProcedureTemplate>();
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<DeliberationSession> DeliberationSessions => Set<DeliberationSession>();
    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();
    public DbSet<SessionVote> SessionVotes => Set<SessionVote>();
    public DbSet<DeliberationMeeting> DeliberationMeetings => Set<DeliberationMeeting>();
    public DbSet<MeetingSignIn> MeetingSignIns => Set<MeetingSignIn>();
    public DbSet<RatingRound> RatingRounds => Set<RatingRound>();
    public DbSet<SessionRating> SessionRatings => Set<SessionRating>();
    public DbSet<Opinion> Opinions => Set<Opinion>();
    public DbSet<OpinionSupport> OpinionSupports => Set<OpinionSupport>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();

    /// <summary>
    /// Who the audit trail names for this context's saves. The unit of work sets it from the caller it runs for; when
    /// null, the ambient actor (the async-local <c>CurrentActor</c>) is asked, as saves outside the unit of work do.
    /// </summary>
    public IAuditActor? Actor { get; set; }

    /// <summary>
    /// Who the audit trail names for one row, for a save that writes rows on behalf of several people at once (the ballot
    /// writer's batches, where each ballot was recorded by its own caller); null for a row: <see cref="Actor"/>.
    /// </summary>
    public Func<object, IAuditActor?>? ActorOf { get; set; }

    /// <summary>Live events queued for the next save that belong to no entity (<see cref="Publish"/>).</summary>
    private readonly List<LiveEventDraft> _queued = [];

    /// <summary>Stored by a save of the current transaction; handed off when it commits, dropped when it does not.</summary>
    private List<StoredLiveEvent> _uncommitted = [];

    /// <summary>
    /// Queues a live event that no entity raised (e.g. a test's or a background notice) for the next save, which stores
    /// it with its sequence number in the same transaction as whatever else it saves.
    /// </summary>
    public void Publish(LiveEventDraft draft) => _queued.Add(draft);

    /// <summary>The events the last saves stored, after their commit (called by the transaction interceptor).</summary>
    internal Task HandOffCommittedAsync()
    {
        if (_uncommitted.Count == 0) return Task.CompletedTask;
        var committed = _uncommitted;
        _uncommitted = [];
        return AppService<ICommittedLiveEvents>()?.HandOffAsync(committed) ?? Task.CompletedTask;
    }

    internal void DropUncommitted()
    {
        if (_uncommitted.Count > 0) _uncommitted = [];
    }

    /// <summary>A service of the application (the context's own provider answers only EF's).</summary>
    private T? AppService<T>() where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();

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
        PrepareChanges();
        // Taken before the save: a deleted row is no longer tracked after it. A failed save loses them with the change.
        var raised = TakeRaised();
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0 && raised.Count == 0 && _queued.Count == 0)
            return async ? await base.SaveChangesAsync(acceptAll, ct) : base.SaveChanges(acceptAll);

        var actor = Actor ?? this.GetService<IAuditActor>();
        var ownTransaction = Database.CurrentTransaction is null
            ? (async ? await Database.BeginTransactionAsync(ct) : Database.BeginTransaction())
            : null;
        try
        {
            // Save first so that generated keys of new rows are known (to the handlers, the mappers and the audit entries).
            var result = async ? await base.SaveChangesAsync(acceptAll, ct) : base.SaveChanges(acceptAll);
            raised.AddRange(await HandleAsync(raised, pending, async, acceptAll, ct));
            var drafts = Drafts(raised);
            if (drafts.Count > 0)
            {
                var now = (AppService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
                // Last, so that the channel heads (row-locked on PostgreSQL until commit) are held as briefly as possible.
                _uncommitted.AddRange(await LiveChannelHeads.AddAsync(this, drafts, now, async, ct));
            }
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(ActorOf?.Invoke(p.Entry.Entity) ?? actor)));
            if (async) await base.SaveChangesAsync(acceptAll, ct); else base.SaveChanges(acceptAll);
            if (ownTransaction is not null)
            {
                // Its commit hands the stored live events to the dispatcher (LiveHandOffInterceptor).
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

    /// <summary>
    /// Runs the slices' handlers over the raised events; what they add is saved (its audit entries captured into
    /// <paramref name="pending"/>) and the events its entities raise are handled in turn, to a bounded depth (a handler
    /// chain that never settles is a bug, not a workload). Returns the events raised by what the handlers added.
    /// </summary>
    private async Task<List<(Entity Source, IDomainEvent Event)>> HandleAsync(List<(Entity Source, IDomainEvent Event)> raised,
        List<AuditRecorder.PendingAudit> pending, bool async, bool acceptAll, CancellationToken ct)
    {
        var added = new List<(Entity Source, IDomainEvent Event)>();
        var handlers = raised.Count == 0 ? [] : AppService<IEnumerable<IDomainEventHandler>>()?.ToList() ?? [];
        if (handlers.Count == 0) return added;
        var round = raised;
        for (var depth = 0; round.Count > 0; depth++)
        {
            if (depth == MaxHandlerDepth) throw new InvalidOperationException($"Domain event handlers still raised events after {MaxHandlerDepth} rounds.");
            foreach (var (source, domainEvent) in round)
            {
                foreach (var handler in handlers)
                {
                    var handled = handler.HandleAsync(this, source, domainEvent, ct);
                    if (async) await handled; else handled.GetAwaiter().GetResult();
                }
            }
            PrepareChanges();
            round = TakeRaised();
            if (ChangeTracker.HasChanges())
            {
                pending.AddRange(AuditRecorder.Capture(ChangeTracker));
                if (async) await base.SaveChangesAsync(acceptAll, ct); else base.SaveChanges(acceptAll);
            }
            added.AddRange(round);
        }
        return added;
    }

    private const int MaxHandlerDepth = 4;

    /// <summary>Cleans stored text and renews the versions of changed rows, before the audit capture and the save.</summary>
    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        // Before the audit capture, so the trail records what is stored rather than what was sent.
        StoredText.Clean(ChangeTracker);
        foreach (var entry in ChangeTracker.Entries<VersionedEntity>())
        {
            // Data the entity owns in a table of its own (a project's progress, a commitment's scores) is the entity's
            // data: a change to only that is a change to the entity, so its version moves and is checked like any other.
            if (entry.State == EntityState.Unchanged && OwnedDataChanged(entry)) entry.Property(e => e.Version).IsModified = true;
            if (entry.State == EntityState.Modified) entry.Entity.Version = Guid.NewGuid();
        }
    }

    private List<(Entity Source, IDomainEvent Event)> TakeRaised() =>
        ChangeTracker.Entries<Entity>()
            .SelectMany(e => e.Entity.TakeEvents().Select(domainEvent => (Source: e.Entity, Event: domainEvent)))
            .ToList();

    private static bool OwnedDataChanged(EntityEntry entry) =>
        entry.References.Any(r => r.Metadata is INavigation { ForeignKey.IsOwnership: true }
                                  && r.TargetEntry?.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    /// <summary>The queued live events, then those the slices' mappers make of the raised domain events, in order.</summary>
    private List<LiveEventDraft> Drafts(List<(Entity Source, IDomainEvent Event)> raised)
    {
        var drafts = new List<LiveEventDraft>(_queued);
        _queued.Clear();
        if (raised.Count == 0) return drafts;
        var mappers = AppService<IEnumerable<ILiveEventMapper>>()?.ToList() ?? [];
        foreach (var (source, domainEvent) in raised)
        {
            foreach (var mapper in mappers)
            {
                if (mapper.Map(source, domainEvent) is { } draft) drafts.Add(draft);
            }
        }
        return drafts;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Web.Data;
using Portal.Web.Data.Audit;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Results;

namespace Portal.Web.Kit.Commands;

/// <summary>
/// What a command's refusals say, in the slice's own words: the row is not there (or not the caller's to see), someone
/// else saved it first, someone else deleted it meanwhile (the conflict's text when not given).
/// </summary>
public sealed record CommandTexts(Message NotFound, Message Conflict, Message? Deleted = null)
{
    /// <summary>The portal's words for "someone else changed this record meanwhile": the kit's, when a slice has none of its own.</summary>
    public static Message ConcurrencyConflict { get; } = Message.Of<SharedText>("Common.ConcurrencyConflict");

    /// <summary>The portal's words for "someone else deleted this record meanwhile".</summary>
    public static Message DeletedMeanwhile { get; } = Message.Of<SharedText>("Common.DeletedMeanwhile");

    /// <summary>The slice's not-found text with the portal's words for a conflict and a deletion meanwhile.</summary>
    public static CommandTexts Common(Message notFound) => new(notFound, ConcurrencyConflict, DeletedMeanwhile);
}

/// <summary>
/// The one way a command changes data (decision 0023): take the caller of the scope (<see cref="CallerScope"/>), load the
/// row, check the caller's right, hold the change to the version the caller saw, run the domain rule, save once (the
/// audit trail naming the caller), and turn a concurrent save into a conflict that carries what is saved now. The
/// entities' domain events become live events in the same transaction (the context's outbox, decision 0023); rows
/// that belong with the change but need its key (a read mark) are added by a <c>within</c> step in that transaction
/// too. Steps that may follow a committed change run <c>after</c> it; their failure is logged and does not undo or
/// misreport the change. Services say what is theirs (where the row is, who may, what the rule is) and nothing else.
/// Scoped.
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, ILogger<UnitOfWork> logger)
{
    /// <summary>The caller commands of this scope run for.</summary>
    public ValueTask<Caller> CallerAsync(CancellationToken ct = default) => callers.GetAsync(ct);

    /// <summary>
    /// Adds a new row: <paramref name="allow"/> says whether the caller may (null: yes), <paramref name="create"/> runs the
    /// rule and gives the new entity (or the refusal); then it is saved (with what <paramref name="within"/> adds, in
    /// the same transaction) and <paramref name="after"/> runs. When what <paramref name="within"/> changes was saved by
    /// someone else meanwhile, the answer is a conflict saying <paramref name="conflict"/> (the kit's words when not given).
    /// </summary>
    public async Task<Result<TCurrent>> AddAsync<TEntity, TCurrent>(
        Func<Caller, Result?> allow,
        Func<Caller, Result<TEntity>> create,
        Func<Caller, TEntity, PortalDbContext, CancellationToken, Task>? after = null,
        Func<Caller, TEntity, PortalDbContext, CancellationToken, Task>? within = null,
        Message? conflict = null,
        CancellationToken ct = default)
        where TEntity : Entity where TCurrent : class
    {
        var (caller, created) = await CreateAsync(allow, create, ct);
        if (created is not { Succeeded: true, Value: { } entity }) return Result<TCurrent>.From(created);
        await using var db = await OpenAsync(caller, ct);
        db.Add(entity);
        if (await SaveNewAsync(db, caller, entity, within, conflict, ct) is { } conflicted) return Result<TCurrent>.From(conflicted);
        await AfterAsync(after, caller, entity, db, ct);
        return Result<TCurrent>.Ok(entity.Id, (entity as VersionedEntity)?.Version);
    }

    /// <summary>
    /// Adds several new rows of one kind at once (a council's member units entered in one go, a directory import):
    /// <paramref name="allow"/> says whether the caller may (null: yes), <paramref name="create"/> runs the rule and gives
    /// the new entities (or the refusal; none: nothing to save); then they are saved together, all or none, with what
    /// <paramref name="within"/> adds once they have their keys (rows that point back at them) in the same transaction.
    /// Rows that each stand alone rather than a change of one versioned parent, so no version is held and none is given
    /// back; a concurrent save that <paramref name="within"/> runs into is a conflict in the kit's words.
    /// </summary>
    public async Task<Result> AddAllAsync<TEntity>(
        Func<Caller, Result?> allow,
        Func<Caller, Result<IReadOnlyList<TEntity>>> create,
        Func<Caller, IReadOnlyList<TEntity>, PortalDbContext, CancellationToken, Task>? within,
        CancellationToken ct = default)
        where TEntity : Entity
    {
        var (caller, created) = await CreateAsync(allow, create, ct);
        if (created is not { Succeeded: true, Value: { } entities }) return created;
        if (entities.Count == 0) return Result.Ok();
        await using var db = await OpenAsync(caller, ct);
        db.AddRange(entities);
        return await SaveNewAsync(db, caller, entities, within, conflict: null, ct) ?? Result.Ok();
    }

    /// <summary>Adds several new rows of one kind at once, with nothing beside them (see the overload with a <c>within</c> step).</summary>
    public Task<Result> AddAllAsync<TEntity>(Func<Caller, Result?> allow, Func<Caller, Result<IReadOnlyList<TEntity>>> create, CancellationToken ct = default)
        where TEntity : Entity =>
        AddAllAsync(allow, create, within: null, ct);

    /// <summary>
    /// Changes (or removes) an existing row that the caller loaded at <paramref name="version"/>:
    /// <list type="number">
    /// <item><paramref name="load"/> finds it, tracked; missing: <paramref name="missing"/>'s answer for the caller, else not found;</item>
    /// <item><paramref name="allow"/> checks the caller's right (null: allowed);</item>
    /// <item>a row at another version than <paramref name="version"/> is a conflict carrying the saved values; the version is
    /// also the UPDATE's (or DELETE's) condition, for a save that comes between this check and the write;</item>
    /// <item><paramref name="run"/> applies the rule to the entity (or removes it), or refuses (nothing is saved);</item>
    /// <item><paramref name="before"/> does what must precede the save but stay outside its transaction (writing files, so
    /// no database lock is held for disk work);</item>
    /// <item>one save (with what <paramref name="within"/> adds, in the same transaction); a concurrent save found there
    /// is a conflict with the values saved now (none: deleted meanwhile); the version moves even when only rows beside
    /// the entity were added;</item>
    /// <item><paramref name="after"/> runs once the change is committed.</item>
    /// </list>
    /// </summary>
    public async Task<Result<TCurrent>> ChangeAsync<TEntity, TCurrent>(
        Func<PortalDbContext, CancellationToken, Task<TEntity?>> load,
        Guid version,
        Func<Caller, TEntity, Result?> allow,
        Func<Caller, TEntity, PortalDbContext, Result?> run,
        Func<TEntity, TCurrent> current,
        CommandTexts texts,
        Func<Caller, Result?>? missing = null,
        Func<Caller, TEntity, PortalDbContext, CancellationToken, Task>? after = null,
        Func<Caller, TEntity, PortalDbContext, CancellationToken, Task>? within = null,
        Func<TEntity, CancellationToken, Task>? before = null,
        CancellationToken ct = default)
        where TEntity : VersionedEntity where TCurrent : class
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await OpenAsync(caller, ct);
        var entity = await load(db, ct);
        if (entity is null) return Result<TCurrent>.From(missing?.Invoke(caller) ?? Result.NotFound(texts.NotFound));
        if (allow(caller, entity) is { } refused) return Result<TCurrent>.From(refused);
        if (entity.Version != version) return Result<TCurrent>.Conflict(texts.Conflict, current(entity));
        if (run(caller, entity, db) is { Succeeded: false } ruled) return Result<TCurrent>.From(ruled);

        var entry = db.Entry(entity);
        entry.Property(nameof(VersionedEntity.Version)).OriginalValue = version;
        // A step that adds only rows beside the entity (a history step, a progress note) changes the entity all the same:
        // its version moves, and the UPDATE holds to the version the caller saw.
        if (entry.State == EntityState.Unchanged) entry.Property(nameof(VersionedEntity.Version)).IsModified = true;
        if (before is not null) await before(entity, ct);
        try
        {
            await SaveAsync(db, caller, entity, within, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await load(fresh, ct);
            return now is null
                ? Result<TCurrent>.Conflict(texts.Deleted ?? texts.Conflict, null)
                : Result<TCurrent>.Conflict(texts.Conflict, current(now));
        }
        await AfterAsync(after, caller, entity, db, ct);
        return Result<TCurrent>.Ok(entity.Id, db.Entry(entity).State == EntityState.Detached ? null : entity.Version);
    }

    /// <summary>The opening steps of an add: the scope's caller, their right, and the rule's new rows (or the refusal).</summary>
    private async Task<(Caller Caller, Result<T> Created)> CreateAsync<T>(Func<Caller, Result?> allow, Func<Caller, Result<T>> create,
        CancellationToken ct) where T : class
    {
        var caller = await callers.GetAsync(ct);
        return (caller, allow(caller) is { } refused ? Result<T>.From(refused) : create(caller));
    }

    /// <summary>
    /// Saves new rows; a concurrent save that a <paramref name="within"/> step ran into (a versioned row it changed, saved
    /// by someone else meanwhile) is a conflict, never an error: <paramref name="conflict"/>, or the kit's words.
    /// </summary>
    private static async Task<Result?> SaveNewAsync<T>(PortalDbContext db, Caller caller, T added,
        Func<Caller, T, PortalDbContext, CancellationToken, Task>? within, Message? conflict, CancellationToken ct)
    {
        try
        {
            await SaveAsync(db, caller, added, within, ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(conflict ?? CommandTexts.ConcurrencyConflict);
        }
    }

    private async Task<PortalDbContext> OpenAsync(Caller caller, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = new CallerActor(caller);
        return db;
    }

    /// <summary>
    /// Saves the change; with a <paramref name="within"/> step, in one transaction with what that step adds. The commit
    /// hands the change's live events to the dispatcher (the context's outbox).
    /// </summary>
    private static async Task SaveAsync<T>(PortalDbContext db, Caller caller, T saved,
        Func<Caller, T, PortalDbContext, CancellationToken, Task>? within, CancellationToken ct)
    {
        if (within is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await within(caller, saved, db, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task AfterAsync<TEntity>(Func<Caller, TEntity, PortalDbContext, CancellationToken, Task>? after, Caller caller, TEntity entity,
        PortalDbContext db, CancellationToken ct)
    {
        if (after is null) return;
        try
        {
            await after(caller, entity, db, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is committed: reporting it as failed would make the person do it twice. What follows is caught
            // up on the next load; live events are not among it (they are stored with the change).
            logger.LogError(ex, "A step after the committed change of {Entity} failed", typeof(TEntity).Name);
        }
    }

    /// <summary>The audit trail's actor for <paramref name="caller"/>, for a save made on their behalf outside the unit of work.</summary>
    public static IAuditActor AuditActor(Caller caller) => new CallerActor(caller);

    /// <summary>The audit trail's actor for the caller: their account, or the system for work without one.</summary>
    private sealed class CallerActor(Caller caller) : IAuditActor
    {
        public string? UserId => caller.UserId;

        public string UserName => caller.IsSignedIn ? caller.UserName : AuditEntry.SystemUserName;
    }
}

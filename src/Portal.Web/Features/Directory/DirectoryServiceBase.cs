using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Directory;

/// <summary>What every directory service needs: the database for reads, the caller's scope, and the unit of work.</summary>
public sealed class DirectoryServiceContext(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    DirectoryScopeCache scopeCache,
    UnitOfWork work,
    TimeProvider clock)
{
    public IDbContextFactory<PortalDbContext> DbFactory => dbFactory;
    public CallerScope Callers => callers;
    public DirectoryScopeCache ScopeCache => scopeCache;
    public UnitOfWork Work => work;
    public TimeProvider Clock => clock;
}

/// <summary>
/// The save and delete steps shared by all directory services, on the unit of work (decision 0023): the caller's
/// scope, optimistic concurrency against the version the user loaded, one save, and what only the directory has —
/// a unique name or a row still in use that a race past the service's own checks leaves to the database to refuse
/// (mapped here to the same messages), and the scope cache to reload after communities, grids or units change.
/// </summary>
public abstract class DirectoryServiceBase(DirectoryServiceContext context)
{
    private static readonly CommandTexts Texts = CommandTexts.Common(Text("Error.NotFound"));

    protected IDbContextFactory<PortalDbContext> DbFactory => context.DbFactory;

    /// <summary>The unit of work, for commands that are not one form's save or delete (an import).</summary>
    protected UnitOfWork Work => context.Work;

    /// <summary>Today in China (<see cref="PortalTime"/>): the day a birth date may not be after.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(PortalTime.ToLocal(context.Clock.GetUtcNow().UtcDateTime));

    protected static Message Text(string key, params object[] args) => Message.Of<DirectoryText>(key, args);

    /// <summary>What the scope's caller (<see cref="CallerScope"/>, the one rule) may manage in the directory.</summary>
    protected async Task<DirectoryAccess> ScopeAsync(CancellationToken ct) => new((await context.Callers.GetAsync(ct)).Policy);

    /// <summary>Communities, grids and units decide access; after changing them the cached hierarchy must be reloaded.</summary>
    protected void InvalidateScope() => context.ScopeCache.Invalidate();

    internal static FormChecks NewChecks() => new();

    protected static Result<TForm> NotFound<TForm>() where TForm : class => Result<TForm>.NotFound(Text("Error.NotFound"));

    private protected static Result<TForm> Invalid<TForm>(FormChecks checks) where TForm : class => Result<TForm>.Invalid(checks.Problems);

    protected static Result<TForm> InUse<TForm>() where TForm : class => Result<TForm>.Invalid(Text("Error.InUse"));

    /// <summary>
    /// Saves a checked form: a new row is <paramref name="create"/>d, an existing one <paramref name="load"/>ed (tracked,
    /// within the caller's scope, else not found: the one load of the row, so services do not look it up before) at the
    /// version the user loaded; <paramref name="apply"/> puts the form's checked values on it through the entity's methods.
    /// On a conflict, <paramref name="current"/> gives the values saved now. A unique index that refuses the row (a race
    /// past the service's duplicate check) blames <paramref name="uniqueField"/>.
    /// </summary>
    protected Task<Result<TForm>> SaveAsync<TEntity, TForm>(
        TForm form, Func<TEntity> create, Func<PortalDbContext, CancellationToken, Task<TEntity?>> load, Action<TEntity> apply,
        Func<TEntity, TForm> current, string uniqueField, string uniqueValue, bool changesScope, CancellationToken ct)
        where TEntity : VersionedEntity where TForm : VersionedForm =>
        MappedAsync(() => form.IsNew
                ? context.Work.AddAsync<TEntity, TForm>(
                    allow: _ => null,
                    create: _ =>
                    {
                        var entity = create();
                        apply(entity);
                        return Result<TEntity>.Ok(entity);
                    },
                    ct: ct)
                : context.Work.ChangeAsync<TEntity, TForm>(load, form.Version,
                    allow: (_, _) => null,
                    run: (_, entity, _) =>
                    {
                        apply(entity);
                        return null;
                    },
                    current, Texts, ct: ct),
            DatabaseErrors.IsUniqueViolation, Result<TForm>.Invalid(uniqueField, FormChecks.Duplicated(uniqueField, uniqueValue)), changesScope);

    /// <summary>
    /// Deletes a row the user loaded at <paramref name="version"/> (<paramref name="load"/>: tracked, within the caller's
    /// scope); refused while other rows still use it: <paramref name="inUse"/> asks on the row just loaded (in the same
    /// context, so the row is looked up once), and the database says so when a row is added meanwhile.
    /// </summary>
    protected Task<Result<TForm>> DeleteAsync<TEntity, TForm>(
        Func<PortalDbContext, CancellationToken, Task<TEntity?>> load, Guid version, Func<TEntity, TForm> current, bool changesScope,
        Func<PortalDbContext, TEntity, CancellationToken, Task<bool>>? inUse = null, CancellationToken ct = default)
        where TEntity : VersionedEntity where TForm : VersionedForm
    {
        var used = false;
        return MappedAsync(() => context.Work.ChangeAsync<TEntity, TForm>(
                async (db, ct) =>
                {
                    var entity = await load(db, ct);
                    used = entity is not null && inUse is not null && await inUse(db, entity, ct);
                    return entity;
                },
                version,
                allow: (_, _) => null,
                run: (_, entity, db) =>
                {
                    if (used) return InUse<TForm>();
                    db.Remove(entity);
                    return null;
                },
                current, Texts, ct: ct),
            DatabaseErrors.IsReferenced, InUse<TForm>(), changesScope);
    }

    /// <summary>
    /// Runs the command; the database's refusal that <paramref name="refuses"/> recognises (a duplicate on a save, rows
    /// still pointing at the row on a delete) becomes <paramref name="refused"/>. Communities, grids and units decide access: after a change to them the
    /// cached hierarchy is reloaded.
    /// </summary>
    private async Task<Result<TForm>> MappedAsync<TForm>(Func<Task<Result<TForm>>> command, Func<DbUpdateException, bool> refuses,
        Result<TForm> refused, bool changesScope)
        where TForm : class
    {
        Result<TForm> result;
        try
        {
            result = await command();
        }
        catch (DbUpdateException exception) when (refuses(exception))
        {
            return refused;
        }
        if (result.Succeeded && changesScope) context.ScopeCache.Invalidate();
        return result;
    }
}

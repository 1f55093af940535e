using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Web.Data;
using Portal.Domain.Directory;
using Portal.Web.Features.Accounts;
using Portal.Web.Kit.Callers;
using Portal.Web.Features.Localization;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Directory;

/// <summary>What every directory service needs: the database, the caller's scope, and localized messages.</summary>
public sealed class DirectoryServiceContext(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    DirectoryScopeCache scopeCache,
    IStringLocalizer<DirectoryText> text,
    IStringLocalizer<SharedText> shared)
{
    public IDbContextFactory<PortalDbContext> DbFactory => dbFactory;
    public CallerScope Callers => callers;
    public DirectoryScopeCache ScopeCache => scopeCache;
    public IStringLocalizer<DirectoryText> Text => text;
    public IStringLocalizer<SharedText> Shared => shared;
}

/// <summary>
/// The save and delete steps shared by all directory services: optimistic concurrency against the version the
/// user loaded, friendly messages for unique-name and still-referenced refusals, and scope-cache invalidation.
/// </summary>
public abstract class DirectoryServiceBase(DirectoryServiceContext context)
{
    protected IDbContextFactory<PortalDbContext> DbFactory => context.DbFactory;
    protected IStringLocalizer<DirectoryText> Text => context.Text;

    /// <summary>Communities, grids and units decide access; after changing them the cached hierarchy must be reloaded.</summary>
    protected void InvalidateScope() => context.ScopeCache.Invalidate();

    /// <summary>What the scope's caller (<see cref="CallerScope"/>, the one rule) may manage in the directory.</summary>
    protected async Task<DirectoryAccess> ScopeAsync(CancellationToken ct) => new((await context.Callers.GetAsync(ct)).Policy);

    internal FormChecks NewChecks() => new(context.Text, context.Shared);

    protected SaveResult<TForm> NotFound<TForm>() where TForm : class => SaveResult<TForm>.NotFound(Text["Error.NotFound"]);

    /// <summary>
    /// Saves a new or changed entity. For a change, the version the user loaded must still be current, both when
    /// checked here and (for a race between this check and the write) in the UPDATE's WHERE clause.
    /// </summary>
    /// <param name="loadCurrent">Reads the row as it is now, in a fresh context, to show next to the user's input on a conflict.</param>
    /// <param name="uniqueField">The field to blame when a unique index refuses the row.</param>
    protected async Task<SaveResult<TForm>> CommitAsync<TForm>(
        PortalDbContext db, VersionedEntity entity, Guid loadedVersion, Func<Task<TForm?>> loadCurrent,
        string uniqueField, string uniqueValue, bool changesScope, CancellationToken ct) where TForm : class
    {
        if (entity.Id != 0)
        {
            if (entity.Version != loadedVersion) return SaveResult<TForm>.Conflict(await loadCurrent());
            db.Entry(entity).Property(nameof(VersionedEntity.Version)).OriginalValue = loadedVersion;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<TForm>.Conflict(await loadCurrent());
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            var checks = NewChecks();
            checks.Duplicate(uniqueField, uniqueValue);
            return SaveResult<TForm>.Invalid(checks.Errors);
        }
        if (changesScope) context.ScopeCache.Invalidate();
        return SaveResult<TForm>.Saved(entity.Id);
    }

    /// <summary>Deletes an entity the user loaded at <paramref name="loadedVersion"/>; refuses while other rows still use it.</summary>
    protected async Task<SaveResult<TForm>> DeleteCoreAsync<TForm>(
        PortalDbContext db, VersionedEntity entity, Guid loadedVersion, Func<Task<TForm?>> loadCurrent, bool changesScope, CancellationToken ct)
        where TForm : class
    {
        if (entity.Version != loadedVersion) return SaveResult<TForm>.Conflict(await loadCurrent());
        db.Entry(entity).Property(nameof(VersionedEntity.Version)).OriginalValue = loadedVersion;
        db.Remove(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<TForm>.Conflict(await loadCurrent());
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsReferenced(exception))
        {
            return SaveResult<TForm>.Invalid(Text["Error.InUse"]);
        }
        if (changesScope) context.ScopeCache.Invalidate();
        return SaveResult<TForm>.Saved(entity.Id);
    }
}

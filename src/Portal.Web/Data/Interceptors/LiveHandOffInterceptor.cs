using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Web.Data.Interceptors;

/// <summary>
/// Hands the live events a save stored inside a caller's own transaction (<c>BeginTransaction</c> … <c>Commit</c>) to
/// the dispatcher when that transaction commits, and drops them when it rolls back or fails: subscribers hear only of
/// committed changes. Saves that open their own transaction go the same way.
/// </summary>
public sealed class LiveHandOffInterceptor : DbTransactionInterceptor
{
    public static readonly LiveHandOffInterceptor Instance = new();

    // A transaction disposed without commit or rollback rolled back silently: what it stored is gone, drop it here.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as PortalDbContext)?.DropUncommitted();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.DropUncommitted();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        _ = (eventData.Context as PortalDbContext)?.HandOffCommittedAsync();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        (eventData.Context as PortalDbContext)?.HandOffCommittedAsync() ?? Task.CompletedTask;

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as PortalDbContext)?.DropUncommitted();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.DropUncommitted();
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        (eventData.Context as PortalDbContext)?.DropUncommitted();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.DropUncommitted();
        return Task.CompletedTask;
    }
}

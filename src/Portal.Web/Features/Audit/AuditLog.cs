using Portal.Web.Kit.Callers;
using Portal.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Text;
using Portal.Web.Data;

namespace Portal.Web.Features.Audit;

/// <summary>What to look for in the audit log. Dates are local days (<see cref="PortalTime"/>), both inclusive.</summary>
public sealed record AuditFilter(
    string? UserName = null,
    string? EntityType = null,
    string? EntityId = null,
    AuditAction? Action = null,
    DateOnly? From = null,
    DateOnly? To = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Total);

/// <summary>
/// Reads the audit log for street administrators. Read-only by design: the log is append-only, and nothing in the
/// portal offers to change or delete entries. Checks the caller itself, whatever page or endpoint calls it. Scoped.
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers)
{
    public const int MaxPageSize = 200;

    /// <summary>The most rows one export holds, so that one request cannot exhaust the server's memory.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> QueryAsync(AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await EnsureReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await Newest(query).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new AuditPage(rows, total);
    }

    /// <summary>Entries for an export, newest first, at most <see cref="MaxExportRows"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ExportAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await EnsureReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Newest(Apply(db.AuditEntries.AsNoTracking(), filter)).Take(MaxExportRows).ToListAsync(ct);
    }

    /// <summary>The entity types present in the log, for the filter's drop-down.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await EnsureReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> query) =>
        query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);

    internal static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        // Typed or taken from the export's address: read by the one text rule like every other value given to a query.
        if (UserText.SingleLineOrNull(filter.UserName) is { } user) query = query.Where(e => e.UserName.Contains(user));
        if (UserText.SingleLineOrNull(filter.EntityType) is { } type) query = query.Where(e => e.EntityType == type);
        if (UserText.SingleLineOrNull(filter.EntityId) is { } id) query = query.Where(e => e.EntityId == id);
        if (filter.Action is { } action) query = query.Where(e => e.Action == action);
        if (filter.From is { } from)
        {
            var start = PortalTime.StartOfDayUtc(from);
            query = query.Where(e => e.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = PortalTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.AtUtc < end);
        }
        return query;
    }

    private async Task EnsureReaderAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.Policy.CanReadAuditLog) throw new UnauthorizedAccessException("The audit log is for street administrators.");
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Web.Data;

namespace Portal.Web.Features.Deliberation.Templates;

/// <summary>
/// Stores version 1 of each shipped procedure (<see cref="ShippedProcedures.Global"/>) once, under its fixed key; a key
/// already stored is left as it is, so it runs on every start without changing anything. Reference data, not demo data:
/// every community needs a procedure to start a session with.
/// </summary>
public sealed class ShippedProcedureSeeder(IDbContextFactory<PortalDbContext> dbFactory) : IStartupSeeder
{
    public bool IsReferenceData => true;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shipped = ShippedProcedures.Global();
        var keys = shipped.Select(t => t.Key).ToList();
        var stored = await db.ProcedureTemplates.Where(t => keys.Contains(t.Key)).Select(t => t.Key).Distinct().ToListAsync(ct);
        var missing = shipped.Where(t => !stored.Contains(t.Key)).ToList();
        if (missing.Count == 0) return;
        db.ProcedureTemplates.AddRange(missing);
        await db.SaveChangesAsync(ct);
    }
}

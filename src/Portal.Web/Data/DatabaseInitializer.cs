using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

/// <summary>Applies migrations at start-up, seeds the reference data, and, when configured (Development), the demo data.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    DatabaseOptions options,
    IEnumerable<IStartupSeeder> seeders,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(ct);
            }
        }

        foreach (var seeder in seeders.Where(s => s.IsReferenceData))
            await seeder.SeedAsync(ct);
        if (options.SeedDemoData)
        {
            foreach (var seeder in seeders.Where(s => !s.IsReferenceData))
                await seeder.SeedAsync(ct);
        }
    }
}

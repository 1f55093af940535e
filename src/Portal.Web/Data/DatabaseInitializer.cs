using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Platform;

namespace Portal.Web.Data;

/// <summary>Applies migrations at start-up and, when configured (Development), loads demo data into an empty database.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    DatabaseOptions options,
    DemoDataSeeder demoData,
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

        if (options.SeedDemoData)
        {
            await demoData.SeedIfEmptyAsync(ct);
            demoData.PrintAccounts();
        }
    }
}

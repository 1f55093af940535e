using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Portal.Web.Data;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// Starting the portal again on the same database file migrates nothing twice and adds no demo data twice; seeders are
/// whatever the app registers as <see cref="IStartupSeeder"/> (Data names no slice), run after the migrations.
/// </summary>
public sealed class DatabaseInitializerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_start_on_the_same_file_keeps_the_data_as_it_was()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Database:DataDirectory"] = dataDirectory };
        try
        {
            Dictionary<string, int> first;
            using (var host = new PortalHost(settings: settings))
                first = await CountsAsync(host.Services);
            Assert.True(first["Users"] >= 7 && first["Households"] >= 200, "demo data loaded on the first start");
            Assert.True(System.IO.Directory.EnumerateFiles(dataDirectory).Any(), "the database lives in the configured directory");

            using (var host = new PortalHost(settings: settings))
            {
                var second = await CountsAsync(host.Services);
                Assert.Equal(first, second);

                // Running the initializer once more, as a third start would, changes nothing either.
                await using (var scope = host.Services.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
                Assert.Equal(first, await CountsAsync(host.Services));

                // The demo password still works: the accounts were not recreated with new hashes or stamps.
                using var client = host.CreateClient(new() { AllowAutoRedirect = false });
                using var signIn = await PortalClient.SignInAsync(client, "admin");
                Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.DoesNotContain("/account/login", signIn.Headers.Location?.OriginalString ?? "/account/login");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Registered_seeders_run_on_the_migrated_database_when_seeding_is_on(bool seed)
    {
        using var host = new PortalHost(
            settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = seed ? "true" : "false" },
            services: s => s.AddSingleton<IStartupSeeder, RecordingSeeder>());
        var seeder = host.Services.GetServices<IStartupSeeder>().OfType<RecordingSeeder>().Single();

        Assert.Equal(seed ? [0] : [], seeder.PendingMigrationsWhenRun);
        await using var db = await host.NewDbContextAsync(Ct);
        Assert.Equal(seed, await db.Streets.AnyAsync(Ct)); // the demo data is a seeder like any other
    }

    /// <summary>Notes each run and how many migrations were still pending then.</summary>
    private sealed class RecordingSeeder(IDbContextFactory<PortalDbContext> dbFactory) : IStartupSeeder
    {
        public List<int> PendingMigrationsWhenRun { get; } = [];

        public async Task SeedAsync(CancellationToken ct)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            PendingMigrationsWhenRun.Add((await db.Database.GetPendingMigrationsAsync(ct)).Count());
        }
    }

    private static async Task<Dictionary<string, int>> CountsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        return new Dictionary<string, int>
        {
            ["Migrations"] = (await db.Database.GetAppliedMigrationsAsync(Ct)).Count(),
            ["Users"] = await db.Users.CountAsync(Ct),
            ["RoleAssignments"] = await db.RoleAssignments.CountAsync(Ct),
            ["Streets"] = await db.Streets.CountAsync(Ct),
            ["Communities"] = await db.Communities.CountAsync(Ct),
            ["Grids"] = await db.Grids.CountAsync(Ct),
            ["Buildings"] = await db.Buildings.CountAsync(Ct),
            ["Households"] = await db.Households.CountAsync(Ct),
            ["Owners"] = await db.Owners.CountAsync(Ct),
            ["Units"] = await db.Units.CountAsync(Ct),
            ["PartyOrganizations"] = await db.PartyOrganizations.CountAsync(Ct),
            ["People"] = await db.People.CountAsync(Ct),
            ["Announcements"] = await db.Announcements.CountAsync(Ct),
            ["AuditEntries"] = await db.AuditEntries.CountAsync(Ct),
        };
    }
}

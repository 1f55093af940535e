using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;

namespace Portal.Web.Tests.Data;

/// <summary>
/// A database from before 20261206100000_WorkItemKindDetails, holding a project and commitments in the old WorkItems
/// columns, upgrades with their values in WorkItemProjects and WorkItemCommitments (and the old columns gone), on both
/// providers: SQLite rebuilds WorkItems from the migration's target model, PostgreSQL drops in place.
/// </summary>
public sealed class WorkItemKindDetailsUpgradeTests
{
    private const string Previous = "20261128000000_SignInDevices";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_SQLite_projects_and_commitments_keep_their_data()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", "upgrade-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "old.db"), Pooling = false }.ToString();
            await UpgradeKeepsKindDataAsync(DatabaseProvider.Sqlite, connection);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task On_PostgreSQL_projects_and_commitments_keep_their_data()
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "upgrade");
        await UpgradeKeepsKindDataAsync(DatabaseProvider.PostgreSQL, database.ConnectionString);
    }

    private static async Task UpgradeKeepsKindDataAsync(DatabaseProvider provider, string connectionString)
    {
        await using (var db = MigrationSchemaTests.NewContext(provider, connectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous, Ct);
            Assert.Contains("20261206100000_WorkItemKindDetails", await db.Database.GetPendingMigrationsAsync(Ct));
            const string version = "'6f1c2b8e-0000-4000-8000-000000000001'";
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "Streets" ("Id", "Name", "Version") VALUES (701, '测试街道', {version});
                INSERT INTO "Communities" ("Id", "StreetId", "Name", "Version") VALUES (702, 701, '测试社区', {version});
                INSERT INTO "PartyOrganizations" ("Id", "Name", "Level", "CommunityId", "Version") VALUES (703, '测试党支部', 2, 702, {version});
                """, Ct);
            const string columns = """
                "Id", "Kind", "Status", "Title", "DescriptionMarkdown", "Category", "Urgency", "CommunityId", "Channel", "RaisedByName",
                "RaisedAtUtc", "IsPublic", "WasClaimed", "ReopenCount", "Version", "BudgetYuan", "ProgressPercent",
                "PartyOrganizationId", "CommitmentType", "CommitmentYear", "MemberScore", "ResidentScore", "OrganizationScore"
                """;
            const string common = $"'', 'ElderlyCare', 3, 702, 1, '书记', '2025-03-01 08:00:00', TRUE, FALSE, 0, {version}";
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "WorkItems" ({columns}) VALUES (801, 3, 3, '老旧小区加装电梯', {common}, 123456.50, 40, NULL, NULL, NULL, NULL, NULL, NULL);
                INSERT INTO "WorkItems" ({columns}) VALUES (802, 5, 6, '每月走访独居老人', {common}, NULL, 0, 703, 1, 2025, 90.50, 80, 85.25);
                INSERT INTO "WorkItems" ({columns}) VALUES (803, 5, 2, '临时承诺', {common}, NULL, 0, 703, NULL, NULL, NULL, NULL, NULL);
                INSERT INTO "WorkItems" ({columns}) VALUES (804, 1, 1, '楼道灯不亮', {common}, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL);
                """, Ct);
        }

        await using (var db = MigrationSchemaTests.NewContext(provider, connectionString))
        {
            await db.Database.MigrateAsync(Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }

        await using (var db = MigrationSchemaTests.NewContext(provider, connectionString))
        {
            var items = await db.WorkItems.AsNoTracking().OrderBy(w => w.Id).ToListAsync(Ct);
            Assert.Equal([801, 802, 803, 804], items.Select(w => w.Id));
            var project = items[0];
            Assert.Equal(("老旧小区加装电梯", WorkItemStatus.Dispatched), (project.Title, project.Status));
            Assert.Equal((123456.50m, 40), (project.Project?.BudgetYuan, project.Project?.ProgressPercent));
            Assert.Null(project.Commitment);

            var assessed = items[1].Commitment;
            Assert.NotNull(assessed);
            Assert.Equal((703, CommitmentType.Annual, 2025), (assessed.PartyOrganizationId, assessed.Type, assessed.Year));
            Assert.Equal((90.50m, 80m, 85.25m), (assessed.MemberScore, assessed.ResidentScore, assessed.OrganizationScore));
            Assert.Null(items[1].Project);

            // A commitment without type and year (never written by the app) is kept as an annual one of the year it was made.
            var bare = items[2].Commitment;
            Assert.NotNull(bare);
            Assert.Equal((703, CommitmentType.Annual, 2025, (decimal?)null), (bare.PartyOrganizationId, bare.Type, bare.Year, bare.MemberScore));

            Assert.Null(items[3].Project);
            Assert.Null(items[3].Commitment);
            Assert.Single(items, w => w.Project is not null);

            // The moved data keeps its foreign key: deleting the organisation clears it, as the old column did.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "PartyOrganizations" WHERE "Id" = 703""", Ct);
            Assert.Null((await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == 802, Ct)).Commitment?.PartyOrganizationId);
        }

        var schema = provider == DatabaseProvider.Sqlite
            ? await DatabaseSchema.ReadSqliteAsync(connectionString)
            : await DatabaseSchema.ReadPostgresAsync(connectionString);
        var workItems = schema.Tables["WorkItems"];
        Assert.DoesNotContain(workItems.Columns.Keys, c => c is "BudgetYuan" or "ProgressPercent" or "PartyOrganizationId" or "CommitmentType"
            or "CommitmentYear" or "MemberScore" or "ResidentScore" or "OrganizationScore");
        Assert.DoesNotContain("FK_WorkItems_PartyOrganizations_PartyOrganizationId", workItems.ForeignKeys.Keys);
        Assert.DoesNotContain("IX_WorkItems_PartyOrganizationId_CommitmentYear", workItems.Indexes.Keys);
    }
}

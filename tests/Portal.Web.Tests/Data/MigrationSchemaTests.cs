using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Testing;
using Portal.Web.Data;

namespace Portal.Web.Tests.Data;

/// <summary>
/// The migrations are written by hand (docs/decisions/0003-hand-written-migrations.md), so these tests prove that
/// they build exactly the schema that EF would build from the model: one database by <c>Migrate</c>, one by
/// <c>EnsureCreated</c> from the same model, both read back from the catalogue and compared fact by fact.
/// </summary>
public sealed class MigrationSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_migrations_create_the_schema_the_model_expects()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", "schema-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var migrated = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "migrated.db"), Pooling = false }.ToString();
            var created = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "created.db"), Pooling = false }.ToString();
            await AssertMigrationsMatchModelAsync(DatabaseProvider.Sqlite, migrated, created, DatabaseSchema.ReadSqliteAsync);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSQL_migrations_create_the_schema_the_model_expects()
    {
        var server = RequirePostgres();
        await using var migrated = await PostgresTestDatabase.CreateAsync(server, "migrated");
        await using var created = await PostgresTestDatabase.CreateAsync(server, "created");
        await AssertMigrationsMatchModelAsync(DatabaseProvider.PostgreSQL, migrated.ConnectionString, created.ConnectionString, DatabaseSchema.ReadPostgresAsync);
    }

    [Fact]
    public async Task Schema_comparison_reports_a_difference_readably()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", "schema-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var a = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "a.db"), Pooling = false }.ToString();
            var b = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "b.db"), Pooling = false }.ToString();
            await ExecuteSqliteAsync(a, "CREATE TABLE \"T\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_T\" PRIMARY KEY AUTOINCREMENT, \"Name\" TEXT NOT NULL); CREATE INDEX \"IX_T_Name\" ON \"T\" (\"Name\");");
            await ExecuteSqliteAsync(b, "CREATE TABLE \"T\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_T\" PRIMARY KEY AUTOINCREMENT, \"Name\" TEXT NULL); CREATE UNIQUE INDEX \"IX_T_Name\" ON \"T\" (\"Name\");");

            var diff = DatabaseSchema.Diff(await DatabaseSchema.ReadSqliteAsync(a), "model", await DatabaseSchema.ReadSqliteAsync(b), "migrations");

            Assert.Contains("only in model: column T.Name TEXT NOT NULL", diff);
            Assert.Contains("only in migrations: column T.Name TEXT NULL", diff);
            Assert.Contains("only in migrations: index T.IX_T_Name UNIQUE (Name)", diff);
            Assert.DoesNotContain("T.Id", diff);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static string RequirePostgres()
    {
        if (TestPostgres.ServerConnectionString is { } server) return server;
        if (TestPostgres.Required) Assert.Fail($"CI=true but {TestPostgres.Variable} is not set: .ci/run must start PostgreSQL and export it.");
        Assert.Skip(TestPostgres.SkipReason);
        return "";
    }

    private static async Task AssertMigrationsMatchModelAsync(DatabaseProvider provider, string migratedConnection, string createdConnection,
        Func<string, Task<DatabaseSchema>> read)
    {
        await using (var db = NewContext(provider, migratedConnection))
        {
            Assert.NotEmpty(db.Database.GetMigrations());
            await db.Database.MigrateAsync(Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }
        await using (var db = NewContext(provider, createdConnection))
        {
            Assert.True(await db.Database.EnsureCreatedAsync(Ct));
        }

        var fromMigrations = await read(migratedConnection);
        var fromModel = await read(createdConnection);

        // Every table and column of the model exists in the migrated database (no pending model changes).
        await using (var db = NewContext(provider, createdConnection))
        {
            var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
            var missing = new List<string>();
            foreach (var table in model.Tables)
            {
                if (!fromMigrations.Tables.TryGetValue(table.Name, out var migratedTable))
                {
                    missing.Add($"table {table.Name}");
                    continue;
                }
                missing.AddRange(table.Columns.Where(c => !migratedTable.Columns.ContainsKey(c.Name)).Select(c => $"column {table.Name}.{c.Name}"));
            }
            Assert.True(missing.Count == 0, "The migrations do not create these parts of the model (add a migration):\n  " + string.Join("\n  ", missing));
            Assert.Equal(model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), fromModel.Tables.Keys);
        }

        // The reader really reads the catalogue (so that equality is not two empty descriptions).
        var communities = fromModel.Tables["Communities"];
        Assert.NotNull(communities.PrimaryKey);
        Assert.Contains("FK_Communities_Streets_StreetId", communities.ForeignKeys.Keys);
        Assert.Contains("IX_Communities_StreetId_Name", communities.Indexes.Keys);
        Assert.Contains("UNIQUE", communities.Indexes["IX_Communities_StreetId_Name"]);
        Assert.DoesNotContain(fromMigrations.Tables.Keys, t => t.StartsWith("__EF", StringComparison.Ordinal));

        var diff = DatabaseSchema.Diff(fromModel, "model (EnsureCreated)", fromMigrations, "migrations (Migrate)");
        Assert.True(diff.Length == 0, $"{provider}: the migrations do not build the schema of the model.\n{diff}");
    }

    internal static PortalDbContext NewContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceExtensions.Configure(options, provider, connectionString);
        return new PortalDbContext(options.Options);
    }

    private static async Task ExecuteSqliteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}

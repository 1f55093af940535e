using Npgsql;

namespace Portal.Testing;

/// <summary>
/// The PostgreSQL server that tests may use, from the environment variable <see cref="Variable"/>: a connection
/// string for a role that may create databases (CI's .ci/run sets it). Tests create and drop their own uniquely
/// named databases on it and never touch the one named in the connection string.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Under CI (CI=true) a missing server is a configuration error, not a reason to skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string SkipReason =
        "No PostgreSQL configured: set " + Variable + " to a connection string of a role with CREATEDB " +
        "(e.g. Host=127.0.0.1;Username=portal_test;Password=...;Database=postgres) to run this test; CI's .ci/run does.";
}

/// <summary>A fresh database on the test server, dropped (with its open connections) on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(string serverConnectionString, string purpose)
    {
        var database = new PostgresTestDatabase(serverConnectionString, $"portal_test_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant());
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE may not terminate an autovacuum worker busy on the fresh tables (its process has no role this test
            // role belongs to). A plain DROP cancels autovacuum by itself; our own pooled connections are cleared above.
            await using var plain = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\"", connection);
            await plain.ExecuteNonQueryAsync();
        }
    }
}

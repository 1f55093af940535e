namespace Portal.Web.Data;

/// <summary>Configuration section "Database": which provider and where the data lives.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (embedded default) or "PostgreSQL".</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file (relative to the content root unless absolute).</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>SQLite file name inside <see cref="DataDirectory"/>.</summary>
    public string SqliteFileName { get; set; } = "portal.db";

    /// <summary>PostgreSQL connection string (required when Provider is PostgreSQL). Keep it out of the repo.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Load demo data on an empty database (Development only).</summary>
    public bool SeedDemoData { get; set; }
}

public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSQL = 1,
}

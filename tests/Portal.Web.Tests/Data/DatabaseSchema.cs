using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Web.Tests.Data;

/// <summary>
/// A provider's schema read back from the database catalogue and normalised so that two databases can be
/// compared: tables; columns with type, nullability, default and identity; the primary key; indexes with
/// uniqueness and columns; foreign keys with their delete rule. Column order is not part of it. EF's own
/// bookkeeping tables (__EFMigrationsHistory, __EFMigrationsLock) are left out.
/// </summary>
public sealed class DatabaseSchema
{
    public SortedDictionary<string, TableSchema> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>One line per fact, sorted: what a diff is made of.</summary>
    public IEnumerable<string> Facts() => Tables.Values.SelectMany(t => t.Facts());

    /// <summary>An empty string when equal; otherwise the facts only in one or the other, readable in a test failure.</summary>
    public static string Diff(DatabaseSchema expected, string expectedLabel, DatabaseSchema actual, string actualLabel)
    {
        var e = expected.Facts().ToHashSet(StringComparer.Ordinal);
        var a = actual.Facts().ToHashSet(StringComparer.Ordinal);
        var missing = e.Except(a).Order(StringComparer.Ordinal).ToList();
        var extra = a.Except(e).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0) return "";
        var sb = new StringBuilder();
        sb.AppendLine($"Schemas differ ({missing.Count + extra.Count} facts).");
        foreach (var line in missing) sb.AppendLine($"  only in {expectedLabel}: {line}");
        foreach (var line in extra) sb.AppendLine($"  only in {actualLabel}: {line}");
        return sb.ToString();
    }

    private static bool IsBookkeeping(string table) => table.StartsWith("__EFMigrations", StringComparison.Ordinal);

    private TableSchema Table(string name)
    {
        if (!Tables.TryGetValue(name, out var table)) Tables[name] = table = new TableSchema(name);
        return table;
    }

    // ---------------------------------------------------------------- SQLite

    public static async Task<DatabaseSchema> ReadSqliteAsync(string connectionString)
    {
        var schema = new DatabaseSchema();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (name, sql) in tables.Where(t => !IsBookkeeping(t.Name)))
        {
            var table = schema.Table(name);
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info({Literal(name)})",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) != 0, Default: r.IsDBNull(3) ? null : r.GetString(3), Pk: r.GetInt64(4)));
            var pkColumns = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            var autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            foreach (var c in columns)
            {
                var identity = autoincrement && pkColumns is [var only] && only == c.Name ? " AUTOINCREMENT" : "";
                table.Columns[c.Name] = $"{c.Type.ToUpperInvariant()}{(c.NotNull ? " NOT NULL" : " NULL")}{(c.Default is null ? "" : " DEFAULT " + c.Default)}{identity}";
            }
            if (pkColumns.Count > 0)
            {
                var pkName = Regex.Match(sql, "CONSTRAINT \"([^\"]+)\" PRIMARY KEY") is { Success: true } m ? m.Groups[1].Value : "(unnamed)";
                table.PrimaryKey = $"{pkName} ({string.Join(", ", pkColumns)})";
            }

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list({Literal(name)})",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2), Partial: r.GetInt64(3) != 0));
            foreach (var index in indexes.Where(i => i.Origin != "pk"))
            {
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info({Literal(index.Name)}) ORDER BY seqno", r => r.GetString(0));
                var filter = "";
                if (index.Partial)
                {
                    var indexSql = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = {Literal(index.Name)}", r => r.GetString(0))).Single();
                    filter = " WHERE " + indexSql[(indexSql.LastIndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) + 7)..];
                }
                // Indexes behind UNIQUE constraints get generated names (sqlite_autoindex_*): identify them by their columns.
                var key = index.Origin == "u" ? $"UNIQUE CONSTRAINT ({string.Join(", ", indexColumns)})" : index.Name;
                table.Indexes[key] = $"{(index.Unique ? "UNIQUE " : "")}({string.Join(", ", indexColumns)}){filter}";
            }

            var fkNames = Regex.Matches(sql, "CONSTRAINT \"([^\"]+)\" FOREIGN KEY \\(([^)]*)\\)")
                .ToDictionary(m => m.Groups[2].Value.Replace("\"", "").Replace(" ", ""), m => m.Groups[1].Value);
            // A key added later with ALTER TABLE ADD COLUMN is a column constraint: "Col" INTEGER NULL CONSTRAINT "FK_…" REFERENCES …
            foreach (Match m in Regex.Matches(sql, "\"([^\"]+)\" [^,\"]*CONSTRAINT \"([^\"]+)\" REFERENCES"))
                fkNames.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
            var fks = await QueryAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list({Literal(name)}) ORDER BY id, seq",
                r => (Id: r.GetInt64(0), Table: r.GetString(2), From: r.GetString(3), To: r.IsDBNull(4) ? "" : r.GetString(4), OnDelete: r.GetString(5)));
            foreach (var fk in fks.GroupBy(f => f.Id))
            {
                var from = fk.Select(f => f.From).ToList();
                var fkName = fkNames.GetValueOrDefault(string.Join(",", from), "(unnamed)");
                table.ForeignKeys[fkName] = $"({string.Join(", ", from)}) REFERENCES {fk.First().Table} ({string.Join(", ", fk.Select(f => f.To))}) ON DELETE {fk.First().OnDelete.ToUpperInvariant()}";
            }
        }
        return schema;
    }

    // ---------------------------------------------------------------- PostgreSQL

    public static async Task<DatabaseSchema> ReadPostgresAsync(string connectionString)
    {
        var schema = new DatabaseSchema();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var tables = await QueryAsync(connection,
            """
            SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname
            """,
            r => (Oid: Convert.ToInt64(r.GetValue(0)), Name: r.GetString(1)));
        foreach (var (oid, name) in tables.Where(t => !IsBookkeeping(t.Name)))
        {
            var table = schema.Table(name);
            var columns = await QueryAsync(connection,
                $"""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = {oid} AND a.attnum > 0 AND NOT a.attisdropped
                """,
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetBoolean(2), Default: r.IsDBNull(3) ? null : r.GetString(3),
                      Identity: r.IsDBNull(4) ? "" : r.GetString(4), Generated: r.IsDBNull(5) ? "" : r.GetString(5)));
            foreach (var c in columns)
            {
                var identity = c.Identity switch { "d" => " GENERATED BY DEFAULT AS IDENTITY", "a" => " GENERATED ALWAYS AS IDENTITY", _ => "" };
                var generated = c.Generated == "s" ? " GENERATED (stored)" : "";
                table.Columns[c.Name] = $"{c.Type}{(c.NotNull ? " NOT NULL" : " NULL")}{(c.Default is null ? "" : " DEFAULT " + c.Default)}{identity}{generated}";
            }

            var constraints = await QueryAsync(connection,
                $"SELECT conname, contype::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = {oid}",
                r => (Name: r.GetString(0), Type: r.GetString(1), Definition: r.GetString(2)));
            foreach (var con in constraints)
            {
                switch (con.Type)
                {
                    case "p":
                        table.PrimaryKey = $"{con.Name} {Unquote(con.Definition["PRIMARY KEY ".Length..])}";
                        break;
                    case "f":
                        var definition = Unquote(con.Definition["FOREIGN KEY ".Length..]);
                        // PostgreSQL leaves out the default rule; spell it out like SQLite does.
                        if (!definition.Contains("ON DELETE", StringComparison.Ordinal)) definition += " ON DELETE NO ACTION";
                        table.ForeignKeys[con.Name] = Regex.Replace(definition, @"\) REFERENCES (\S+)\(", ") REFERENCES $1 (");
                        break;
                    default:
                        table.Constraints[con.Name] = $"{con.Type}: {Unquote(con.Definition)}";
                        break;
                }
            }

            var indexes = await QueryAsync(connection,
                $"""
                SELECT i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid)
                FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
                WHERE ix.indrelid = {oid} AND NOT ix.indisprimary
                """,
                r => (Name: r.GetString(0), Unique: r.GetBoolean(1), Definition: r.GetString(2)));
            foreach (var index in indexes)
            {
                // "CREATE UNIQUE INDEX name ON public.table USING btree (a, b) WHERE ..." -> "UNIQUE btree (a, b) WHERE ..."
                var usingAt = index.Definition.IndexOf(" USING ", StringComparison.Ordinal);
                table.Indexes[index.Name] = (index.Unique ? "UNIQUE " : "") + Unquote(index.Definition[(usingAt + 7)..]);
            }
        }
        return schema;
    }

    // ---------------------------------------------------------------- helpers

    private static string Unquote(string sql) => sql.Replace("\"", "");

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}

public sealed class TableSchema(string name)
{
    public string Name { get; } = name;
    public SortedDictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);
    public string? PrimaryKey { get; set; }
    public SortedDictionary<string, string> Indexes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> ForeignKeys { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Constraints { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Facts()
    {
        yield return $"table {Name}";
        foreach (var (column, definition) in Columns) yield return $"column {Name}.{column} {definition}";
        yield return $"primary key {Name}: {PrimaryKey ?? "(none)"}";
        foreach (var (index, definition) in Indexes) yield return $"index {Name}.{index} {definition}";
        foreach (var (fk, definition) in ForeignKeys) yield return $"foreign key {Name}.{fk} {definition}";
        foreach (var (constraint, definition) in Constraints) yield return $"constraint {Name}.{constraint} {definition}";
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Portal.Web.Data;

// Drafts the Up() body of a hand-written migration (EF's design-time tools cannot be restored here; see
// docs/decisions/0003-hand-written-migrations.md). It applies the existing migrations to a scratch SQLite
// database, compares that schema with the current model, and prints provider-neutral C# for the tables and
// indexes the migrations do not create yet. A developer reviews the draft, completes what it cannot express
// (changed columns, data moves) and commits it as an ordinary migration class.
//
//   dotnet run --project tools/Portal.MigrationDraft > /tmp/draft.cs
//
// With --target-model it prints instead the target model of a new migration (EF's "Designer" part, BuildTargetModel):
// the current model, which a migration needs when SQLite must rebuild a table for it (dropping a column or a foreign
// key; decision 0026). Generate it when the model already is what the migration leads to, commit it beside the
// migration as <Id>.Designer.cs, and never regenerate it afterwards.
//
//   dotnet run --project tools/Portal.MigrationDraft -- --target-model 20261206100000_WorkItemKindDetails WorkItemKindDetails > …Designer.cs

var file = Path.Combine(Path.GetTempPath(), $"portal-draft-{Guid.NewGuid():N}.db");
var options = new DbContextOptionsBuilder<PortalDbContext>();
DataServiceExtensions.Configure(options, DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
await using var db = new PortalDbContext(options.Options);
await db.Database.MigrateAsync();

if (args is ["--target-model", var migrationId, var className])
{
    Console.Write(TargetModel.Generate(db, migrationId, className));
    SqliteConnection.ClearAllPools();
    File.Delete(file);
    return;
}

var existingTables = new HashSet<string>();
var existingColumns = new HashSet<(string, string)>();
var existingIndexes = new HashSet<string>();
var existingForeignKeys = new HashSet<(string, string)>();
await using (var connection = new SqliteConnection(db.Database.GetConnectionString()))
{
    await connection.OpenAsync();
    await using var cmd = connection.CreateCommand();
    cmd.CommandText = "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table','index')";
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        if (reader.GetString(0) == "table") existingTables.Add(reader.GetString(1)); else existingIndexes.Add(reader.GetString(1));
    }
    foreach (var table in existingTables)
    {
        await using var cols = connection.CreateCommand();
        cols.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var r = await cols.ExecuteReaderAsync();
        while (await r.ReadAsync()) existingColumns.Add((table, r.GetString(0)));
        await using var fks = connection.CreateCommand();
        fks.CommandText = $"SELECT id, \"from\" FROM pragma_foreign_key_list('{table}') ORDER BY id, seq";
        await using var f = await fks.ExecuteReaderAsync();
        var byId = new Dictionary<long, List<string>>();
        while (await f.ReadAsync())
        {
            if (!byId.TryGetValue(f.GetInt64(0), out var columns)) byId[f.GetInt64(0)] = columns = [];
            columns.Add(f.GetString(1));
        }
        foreach (var columns in byId.Values) existingForeignKeys.Add((table, string.Join(",", columns)));
    }
}

var model = db.GetService<IDesignTimeModel>().Model;
var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
var output = new StringBuilder();
foreach (var operation in operations)
{
    switch (operation)
    {
        case CreateTableOperation table when !existingTables.Contains(table.Name):
            WriteCreateTable(output, table);
            break;
        case CreateTableOperation table:
            foreach (var column in table.Columns.Where(c => !existingColumns.Contains((table.Name, c.Name))))
                output.AppendLine($"        // TODO: new column {table.Name}.{column.Name} ({column.ClrType.Name}, nullable: {column.IsNullable}): migrationBuilder.AddColumn<{TypeName(column.ClrType)}>(...)");
            break;
        // The differ creates tables in dependency order and adds the foreign keys that point forward (or round a
        // cycle, e.g. Units <-> People) afterwards. PostgreSQL needs them added after both tables exist; on SQLite,
        // EF folds an AddForeignKey on a table created in the same migration into its CREATE TABLE.
        case AddForeignKeyOperation fk when existingTables.Contains(fk.Table) && !existingForeignKeys.Contains((fk.Table, string.Join(",", fk.Columns))):
            output.AppendLine($"        // TODO: new foreign key {fk.Name} on the existing table {fk.Table}: on SQLite this rebuilds the table; review it.");
            WriteAddForeignKey(output, fk);
            break;
        case AddForeignKeyOperation fk when !existingTables.Contains(fk.Table):
            WriteAddForeignKey(output, fk);
            break;
        case CreateIndexOperation index when !existingIndexes.Contains(index.Name):
            output.AppendLine($"        migrationBuilder.CreateIndex(name: {Q(index.Name)}, table: {Q(index.Table)}, {ColumnsArg(index.Columns, "column")}{(index.IsUnique ? ", unique: true" : "")}{(index.Filter is null ? "" : $", filter: {Q(index.Filter)}")});");
            output.AppendLine();
            break;
    }
}
Console.Write(output.Length == 0 ? "// The migrations already create everything in the model.\n" : output.ToString());
SqliteConnection.ClearAllPools();
File.Delete(file);

static void WriteCreateTable(StringBuilder sb, CreateTableOperation table)
{
    sb.AppendLine("        migrationBuilder.CreateTable(");
    sb.AppendLine($"            name: {Q(table.Name)},");
    sb.AppendLine("            columns: table => new");
    sb.AppendLine("            {");
    foreach (var c in table.Columns)
    {
        var args = new List<string>();
        if (c.MaxLength is { } max) args.Add($"maxLength: {max}");
        if (c.Precision is { } p) args.Add($"precision: {p}");
        if (c.Scale is { } s) args.Add($"scale: {s}");
        args.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
        if (c.DefaultValue is not null) args.Add($"defaultValue: {Literal(c.DefaultValue)}");
        var line = $"                {c.Name} = table.Column<{TypeName(c.ClrType)}>({string.Join(", ", args)})";
        if (c["Sqlite:Autoincrement"] is true)
        {
            line += "\n                    .Annotation(\"Sqlite:Autoincrement\", true)" +
                    "\n                    .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)";
        }
        sb.AppendLine(line + ",");
    }
    sb.AppendLine("            },");
    sb.AppendLine("            constraints: table =>");
    sb.AppendLine("            {");
    if (table.PrimaryKey is { } pk)
        sb.AppendLine($"                table.PrimaryKey({Q(pk.Name)}, {Lambda(pk.Columns)});");
    foreach (var fk in table.ForeignKeys)
    {
        sb.AppendLine("                table.ForeignKey(");
        sb.AppendLine($"                    name: {Q(fk.Name)},");
        sb.AppendLine($"                    column: {Lambda(fk.Columns)},");
        sb.AppendLine($"                    principalTable: {Q(fk.PrincipalTable)},");
        sb.AppendLine(fk.PrincipalColumns!.Length == 1
            ? $"                    principalColumn: {Q(fk.PrincipalColumns[0])},"
            : $"                    principalColumns: new[] {{ {string.Join(", ", fk.PrincipalColumns.Select(Q))} }},");
        sb.AppendLine($"                    onDelete: ReferentialAction.{fk.OnDelete});");
    }
    sb.AppendLine("            });");
    sb.AppendLine();
}

static void WriteAddForeignKey(StringBuilder sb, AddForeignKeyOperation fk)
{
    var principal = fk.PrincipalColumns!.Length == 1 ? $"principalColumn: {Q(fk.PrincipalColumns[0])}" : $"principalColumns: new[] {{ {string.Join(", ", fk.PrincipalColumns.Select(Q))} }}";
    sb.AppendLine($"        migrationBuilder.AddForeignKey(name: {Q(fk.Name)}, table: {Q(fk.Table)}, {ColumnsArg(fk.Columns, "column")}, principalTable: {Q(fk.PrincipalTable)}, {principal}, onDelete: ReferentialAction.{fk.OnDelete});");
    sb.AppendLine();
}

static string Lambda(string[] columns) =>
    columns.Length == 1 ? $"x => x.{columns[0]}" : $"x => new {{ {string.Join(", ", columns.Select(c => "x." + c))} }}";

static string ColumnsArg(string[] columns, string single) =>
    columns.Length == 1 ? $"{single}: {Q(columns[0])}" : $"columns: new[] {{ {string.Join(", ", columns.Select(Q))} }}";

static string Q(string? s) => s is null ? "null" : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

static string Literal(object value) => value switch
{
    string s => Q(s),
    bool b => b ? "true" : "false",
    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
    _ => value.ToString()!,
};

static string TypeName(Type t)
{
    var underlying = Nullable.GetUnderlyingType(t);
    if (underlying is not null) return TypeName(underlying) + "?";
    return t switch
    {
        _ when t == typeof(int) => "int",
        _ when t == typeof(long) => "long",
        _ when t == typeof(string) => "string",
        _ when t == typeof(bool) => "bool",
        _ when t == typeof(decimal) => "decimal",
        _ when t == typeof(double) => "double",
        _ when t == typeof(byte[]) => "byte[]",
        _ => t.Name,
    };
}

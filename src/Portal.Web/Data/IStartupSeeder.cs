namespace Portal.Web.Data;

/// <summary>
/// Loads data into the database at start-up, after the migrations, when <see cref="DatabaseOptions.SeedDemoData"/> is
/// set. Implemented where the data is known (the demo data in Platform) and registered there, so that Data names no
/// slice. A seeder must leave a database that already has data as it is: it runs on every start.
/// </summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken ct);
}

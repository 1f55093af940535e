namespace Portal.Web.Data;

/// <summary>
/// Loads data into the database at start-up, after the migrations: demo data when <see cref="DatabaseOptions.SeedDemoData"/>
/// is set, reference data (<see cref="IsReferenceData"/>: what the portal ships, such as the deliberation procedures)
/// always, first. Implemented where the data is known and registered there, so that Data names no slice. A seeder must
/// leave a database that already has its data as it is: it runs on every start.
/// </summary>
public interface IStartupSeeder
{
    /// <summary>True for data every installation needs (seeded on every start, before the demo data).</summary>
    bool IsReferenceData => false;

    Task SeedAsync(CancellationToken ct);
}

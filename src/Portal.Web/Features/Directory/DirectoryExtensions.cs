using Portal.Domain.Text;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Directory;

public static class DirectoryExtensions
{
    public const string ApiPrefix = "/api/directory";

    public static IServiceCollection AddPortalDirectory(this IServiceCollection services)
    {
        services.AddScoped<DirectoryServiceContext>();
        services.AddScoped<GeographyService>();
        services.AddScoped<HouseholdService>();
        services.AddScoped<UnitService>();
        services.AddScoped<PersonService>();
        services.AddScoped<DirectoryImportService>();
        services.AddScoped<DirectoryExportService>();

        return services;
    }

    /// <summary>
    /// CSV exports and import templates. Exports answer only with rows of the caller's scope (the services
    /// filter), so a secretary gets their own community's rows.
    /// </summary>
    public static WebApplication MapPortalDirectory(this WebApplication app)
    {
        var api = app.MapGroup(ApiPrefix).RequireAuthorization(PortalPolicies.ManageCommunity);
        api.MapGet("/households.csv", async (DirectoryExportService export, CancellationToken ct) =>
            Csv(await export.HouseholdsCsvAsync(ct), "households"));
        api.MapGet("/units.csv", async (DirectoryExportService export, CancellationToken ct) =>
            Csv(await export.UnitsCsvAsync(ct), "units"));
        api.MapGet("/templates/{kind}.csv", (string kind) =>
            Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var parsed)
                ? Results.File(DirectoryImportService.Template(parsed), "text/csv; charset=utf-8", $"{parsed.ToString().ToLowerInvariant()}-template.csv")
                : Results.NotFound());
        return app;
    }

    private static IResult Csv(string csv, string name) =>
        Results.File(CsvWriter.ToUtf8WithBom(csv), "text/csv; charset=utf-8", $"{name}-{DateTime.UtcNow:yyyyMMdd}.csv");
}

using Portal.Web.Features.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Domain.Auditing;
using Portal.Domain.Text;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Audit;

public static class AuditExtensions
{
    public const string ExportPath = "/api/audit.csv";

    public static IServiceCollection AddPortalAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        return services;
    }

    /// <summary>
    /// GET /api/audit.csv?user=&amp;entityType=&amp;entityId=&amp;action=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd exports the filtered log.
    /// Only a GET: the log is append-only and no endpoint changes or deletes entries.
    /// </summary>
    public static WebApplication MapPortalAudit(this WebApplication app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(PortalPolicies.StreetAdministration);
        return app;
    }

    /// <summary>The export address for a filter, with the same parameter names <see cref="ExportAsync"/> reads.</summary>
    public static string ExportUrl(AuditFilter filter)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
        Add("user", filter.UserName);
        Add("entityType", filter.EntityType);
        Add("entityId", filter.EntityId);
        Add("action", filter.Action?.ToString());
        Add("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return query.Count == 0 ? ExportPath : ExportPath + "?" + string.Join("&", query);
    }

    private static async Task<IResult> ExportAsync(
        [FromQuery] string? user, [FromQuery] string? entityType, [FromQuery] string? entityId, [FromQuery] string? action,
        [FromQuery] string? from, [FromQuery] string? to,
        AuditLog log, IStringLocalizer<AuditText> text, CancellationToken ct)
    {
        // A file export names what it could not read (400) rather than quietly exporting something else.
        var parsedAction = QueryValue.Enum<AuditAction>(action);
        if (!string.IsNullOrEmpty(action) && parsedAction is null) return Results.BadRequest("action");
        var fromDay = QueryValue.Day(from);
        if (!string.IsNullOrEmpty(from) && fromDay is null) return Results.BadRequest("from");
        var toDay = QueryValue.Day(to);
        if (!string.IsNullOrEmpty(to) && toDay is null) return Results.BadRequest("to");

        var filter = new AuditFilter(user, entityType, entityId, parsedAction, fromDay, toDay);
        var entries = await log.ExportAsync(filter, ct);
        var rows = new List<IReadOnlyList<string?>>(entries.Count + 1)
        {
            new[] { text["Column.Time"].Value, text["Column.User"].Value, text["Column.EntityType"].Value, text["Column.EntityId"].Value, text["Column.Action"].Value, text["Column.Changes"].Value },
        };
        rows.AddRange(entries.Select(e => (IReadOnlyList<string?>)
        [
            PortalTime.ToLocal(e.AtUtc).ToString(PortalTime.FileFormat, System.Globalization.CultureInfo.InvariantCulture),
            AuditNames.User(text, e), AuditNames.Entity(text, e.EntityType), e.EntityId, text[$"Action.{e.Action}"], AuditChanges.Summarize(e.Changes),
        ]));
        var bytes = CsvWriter.ToUtf8WithBom(CsvWriter.Write(rows));
        return Results.File(bytes, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }
}

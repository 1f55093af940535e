using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// GET /api/lists/export?format=csv|docx&amp;&lt;the /lists query&gt;: any filtered list as a file. The rows are exactly what
/// WorkItemService.ListAsync selects for the caller with the same filters (so a resident's file holds only what the
/// resident may see), without paging, up to <see cref="WorkItemService.ExportLimit"/> rows.
/// </summary>
public static class ListExportExtensions
{
    public const string ExportPath = "/api/lists/export";
    private const string FileDateFormat = "yyyy-MM-dd HH:mm";

    public static WebApplication MapPortalListsExport(this WebApplication app)
    {
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The export address for a list's filters (the same query string the /lists page reads).</summary>
    public static string ExportUrl(WorkItemQuery query, ExportFormat format)
    {
        var filters = ListQueryString.Format(query);
        return $"{ExportPath}?format={ExportFile.QueryValue(format)}" + (filters.Length == 0 ? string.Empty : "&" + filters);
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, WorkItemService items, TimeProvider clock,
        IStringLocalizer<ExportText> export, IStringLocalizer<ListExportText> text, IStringLocalizer<WorkItemsText> itemsText, IStringLocalizer<ListsText> lists,
        IStringLocalizer<WorkItemWords> words, CancellationToken ct)
    {
        if (!ExportFile.TryParseFormat(http.Request.Query["format"], out var format))
            return Results.Text(export["Error.Format"], "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);

        var list = await items.ListAllAsync(ListQueryString.Parse(http.Request.Query), WorkItemService.ExportLimit, ct);
        var names = await items.CapabilitiesAsync(ct);
        var filters = AppliedFilters.Of(list.Applied, itemsText, lists, words, names);
        var now = PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var truncated = list.Total > list.Items.Count;
        var count = truncated ? text["List.Truncated", list.Total, list.Items.Count].Value : text["List.Count", list.Total].Value;

        var rows = list.Items.Select((r, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            r.Title,
            lists[$"Kind.{r.Kind}"],
            lists[$"Category.{r.Category}"],
            words.StatusOf(r.Kind, r.Status),
            r.GridName ?? string.Empty,
            r.OwnerUnitName ?? string.Empty,
            Time(r.RaisedAtUtc),
            r.DueAtUtc is { } due ? Time(due) : string.Empty,
            r.IsOverdue ? text["Value.Yes"] : text["Value.No"],
        ]).ToList();
        // CSV carries no preamble, so a cut-off list says so in its last line rather than silently ending.
        if (truncated && format == ExportFormat.Csv) rows.Add([count]);

        var table = new ExportTable(
            text["List.Title"],
            [
                text["List.ExportedAt", now.ToString(FileDateFormat, CultureInfo.InvariantCulture)],
                filters.Count == 0 ? text["List.NoFilters"] : text["List.Filters", string.Join(text["List.Separator"], filters.Select(f => f.Label))],
                count,
            ],
            [
                new(text["Column.Number"], 0.6), new(text["Column.Title"], 3.2), new(text["Column.Kind"], 1), new(text["Column.Category"], 1),
                new(text["Column.Status"], 1), new(text["Column.Grid"], 1.2), new(text["Column.Unit"], 1.8), new(text["Column.RaisedAt"], 1.5),
                new(text["Column.DueAt"], 1.5), new(text["Column.Overdue"], 0.8),
            ],
            rows,
            [text["Signature.Preparer"], text["Signature.Reviewer"], text["Signature.Date"]]);
        return ExportFile.Result(table, format, text["List.FileName"] + "-" + now.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
    }

    private static string Time(DateTime utc) => PortalTime.ToLocal(utc).ToString(FileDateFormat, CultureInfo.InvariantCulture);
}

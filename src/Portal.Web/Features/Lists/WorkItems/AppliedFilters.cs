using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Lists;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>One filter the list applied, as a person reads it, and the query without it (the chip's "clear").</summary>
public sealed record AppliedFilter(string Key, string Label, WorkItemQuery Without);

/// <summary>
/// Describes the filters a list applied — the chips above the needs list and the "筛选条件" line of an export — in the
/// request's language. Names come from what the caller may pick from (<see cref="WorkItemCapabilities"/>); an id they
/// cannot name shows as "#id" rather than being looked up, so a crafted link reveals no names.
/// </summary>
public static class AppliedFilters
{
    public static IReadOnlyList<AppliedFilter> Of(
        WorkItemQuery applied, IStringLocalizer<WorkItemsText> t, IStringLocalizer<ListsText> l, IStringLocalizer<WorkItemWords> words,
        WorkItemCapabilities? names)
    {
        var filters = new List<AppliedFilter>();
        var query = ListQueryString.FiltersOf(applied);
        void Add(string key, string label, WorkItemQuery without) => filters.Add(new AppliedFilter(key, label, without));

        if (query.CommunityId is { } community && query.Metric is null)
            Add("community", t["Chip.Community", Name(names?.Communities.FirstOrDefault(c => c.Id == community)?.Name, community)], query with { CommunityId = null });
        if (query.Metric is { } metric)
        {
            var communityName = Name(names?.Communities.FirstOrDefault(c => c.Id == query.CommunityId)?.Name, query.CommunityId ?? 0);
            Add("metric", t["Chip.Community", communityName] + " · " + t["Chip.Metric", t[$"Metric.{metric}"], t[$"Part.{query.Part}"], Day(query.From), Day(query.To)],
                query with { Metric = null, Part = MetricPart.All, From = null, To = null });
        }
        if (query.Kind is { } kind) Add("kind", t["Chip.Kind", l[$"Kind.{kind}"]], query with { Kind = null });
        if (query.Status is { } status) Add("status", t["Chip.Status", words[$"Status.{status}"]], query with { Status = null });
        else if (query.OpenOnly) Add("status", t["Chip.Status", t["List.OpenStatuses"]], query with { OpenOnly = false });
        if (query.Category is { } category) Add("category", t["Chip.Category", l[$"Category.{category}"]], query with { Category = null });
        if (query.GridId is { } grid)
            Add("grid", t["Chip.Grid", Name(names?.Grids.FirstOrDefault(g => g.Id == grid)?.Name, grid)], query with { GridId = null });
        if (query.OwnerUnitId is { } unit)
            Add("unit", t["Chip.Unit", Name(names?.Units.FirstOrDefault(u => u.Id == unit)?.Name, unit)], query with { OwnerUnitId = null });
        if (query.Deadline is { } deadline) Add("deadline", t["Chip.Deadline", t[$"Deadline.{deadline}"]], query with { Deadline = null });
        if (query.Metric is null && (query.From is not null || query.To is not null))
        {
            var label = (query.From, query.To) switch
            {
                ({ } from, { } to) => t["Chip.RaisedRange", Day(from), Day(to)],
                ({ } from, null) => t["Chip.RaisedFrom", Day(from)],
                _ => t["Chip.RaisedTo", Day(query.To)],
            };
            Add("raised", label, query with { From = null, To = null });
        }
        if (query.Term is { } term) Add("q", t["Chip.Search", term], query with { Search = null });
        if (query.MineOnly) Add("mine", t["Chip.Mine"], query with { MineOnly = false });
        return filters;
    }

    private static string Name(string? name, int id) => name ?? "#" + id.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// The /lists query string contract, read and written in one place for the page, the export endpoint and the tests:
/// community, kind, status (an enum name or "open"), category, grid, unit, deadline (overdue | dueSoon), from/to
/// (yyyy-MM-dd, local days inclusive), metric with part (all | met), q and mine. Every parameter is optional; a value
/// that does not parse is ignored rather than refused, because these addresses are shared and bookmarked — an old or
/// mistyped link still opens the list, and the page shows which filters it applied.
/// </summary>
public static class ListQueryString
{
    public const string ListPath = "lists";
    private const string DayFormat = QueryValue.DayFormat;

    /// <summary>Reads a query string ("?a=1&amp;b=2" or "a=1&amp;b=2", or a whole URL).</summary>
    /// <param name="mineByDefault">What an absent <c>mine</c> means: the needs page starts residents on "my needs".</param>
    public static WorkItemQuery Parse(string? queryOrUrl, bool mineByDefault = false)
    {
        var query = queryOrUrl ?? string.Empty;
        var mark = query.IndexOf('?', StringComparison.Ordinal);
        if (mark >= 0) query = query[(mark + 1)..];
        else if (query.Contains("://", StringComparison.Ordinal)) query = string.Empty;
        var hash = query.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) query = query[..hash];
        return Parse(QueryHelpers.ParseQuery(query), mineByDefault);
    }

    public static WorkItemQuery Parse(IEnumerable<KeyValuePair<string, StringValues>> values, bool mineByDefault = false)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            // A repeated parameter keeps its first value, as model binding does for a scalar.
            var first = value.FirstOrDefault();
            if (!string.IsNullOrWhiteSpace(first) && !map.ContainsKey(key)) map[key] = first.Trim();
        }
        string? Get(string name) => map.GetValueOrDefault(name);

        var status = Get("status");
        var open = string.Equals(status, "open", StringComparison.OrdinalIgnoreCase);
        var category = Get("category");
        return new WorkItemQuery
        {
            CommunityId = QueryValue.Id(Get("community")),
            Kind = QueryValue.Enum<WorkItemKind>(Get("kind")),
            Status = open ? null : QueryValue.Enum<WorkItemStatus>(status),
            OpenOnly = open,
            Category = category is not null && WorkItemCategories.All.Contains(category, StringComparer.OrdinalIgnoreCase)
                ? WorkItemCategories.All.First(c => string.Equals(c, category, StringComparison.OrdinalIgnoreCase))
                : null,
            GridId = QueryValue.Id(Get("grid")),
            OwnerUnitId = QueryValue.Id(Get("unit")),
            Deadline = QueryValue.Enum<DeadlineFilter>(Get("deadline")),
            From = QueryValue.Day(Get("from")),
            To = QueryValue.Day(Get("to")),
            Metric = QueryValue.Enum<DashboardMetric>(Get("metric")),
            Part = QueryValue.Enum<MetricPart>(Get("part")) ?? MetricPart.All,
            Search = QueryValue.Search(Get("q")),
            MineOnly = QueryValue.Flag(Get("mine")) ?? mineByDefault,
        };
    }

    /// <summary>The query string (without "?") for the filters; paging is not part of a link.</summary>
    /// <param name="mineByDefault">Must match the value the reader will parse with, so "not mine" survives as mine=0.</param>
    public static string Format(WorkItemQuery query, bool mineByDefault = false)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("community", Number(query.CommunityId));
        Add("kind", Name(query.Kind));
        Add("status", query.Status is { } s ? Name(s) : query.OpenOnly ? "open" : null);
        Add("category", query.Category);
        Add("grid", Number(query.GridId));
        Add("unit", Number(query.OwnerUnitId));
        Add("deadline", Name(query.Deadline));
        Add("from", query.From?.ToString(DayFormat, CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString(DayFormat, CultureInfo.InvariantCulture));
        if (query.Metric is { } metric)
        {
            Add("metric", Name(metric));
            Add("part", Name(query.Part));
        }
        Add("q", query.Term);
        if (query.MineOnly != mineByDefault) Add("mine", query.MineOnly ? "1" : "0");
        return string.Join('&', parts);
    }

    /// <summary>The list page's address for the filters, relative to the base href ("lists?status=open").</summary>
    public static string ListUrl(WorkItemQuery query, bool mineByDefault = false)
    {
        var text = Format(query, mineByDefault);
        return text.Length == 0 ? ListPath : ListPath + "?" + text;
    }

    /// <summary>The filters only: paging reset, so two queries that select the same items compare equal.</summary>
    public static WorkItemQuery FiltersOf(WorkItemQuery query) => query with { Skip = 0, Take = new WorkItemQuery().Take };

    // The contract spells values as the dashboard's links do (microWish, onTime, dueSoon); reading ignores case.
    private static string? Name<T>(T? value) where T : struct, Enum => value is { } v ? Name(v) : null;

    private static string Name<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

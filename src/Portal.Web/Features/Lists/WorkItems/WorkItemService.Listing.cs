using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Deadlines;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>The filtered lists: the /lists page (one page at a time) and the export (all rows up to a cap).</summary>
public sealed partial class WorkItemService
{
    /// <summary>The most rows one export carries; the export says so when the list is longer.</summary>
    public const int ExportLimit = 5000;

    /// <summary>One page of the items the caller may see, filtered by <paramref name="query"/>, newest first.</summary>
    public Task<WorkItemList> ListAsync(WorkItemQuery query, CancellationToken ct = default) =>
        ListCoreAsync(query, query.SafeSkip, query.SafeTake, ct);

    /// <summary>
    /// The same selection as <see cref="ListAsync"/> without paging, at most <paramref name="limit"/> rows (capped at
    /// <see cref="ExportLimit"/>); <see cref="WorkItemList.Total"/> tells whether rows were left out.
    /// </summary>
    public Task<WorkItemList> ListAllAsync(WorkItemQuery query, int limit = ExportLimit, CancellationToken ct = default) =>
        ListCoreAsync(query, 0, Math.Clamp(limit, 1, ExportLimit), ct);

    private async Task<WorkItemList> ListCoreAsync(WorkItemQuery query, int skip, int take, CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        var applied = Applicable(query, caller);
        if (!caller.IsSignedIn) return new WorkItemList([], 0, applied);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var rows = Visible(db, caller);
        if (applied.CommunityId is { } community) rows = rows.Where(w => w.CommunityId == community);
        if (applied.Kind is { } kind) rows = rows.Where(w => w.Kind == kind);
        if (applied.Status is { } status) rows = rows.Where(w => w.Status == status);
        else if (applied.OpenOnly)
        {
            var open = Enum.GetValues<WorkItemStatus>().Where(WorkItemWorkflow.IsOpen).ToList();
            rows = rows.Where(w => open.Contains(w.Status));
        }
        if (applied.Category is { Length: > 0 } category) rows = rows.Where(w => w.Category == category);
        if (applied.GridId is { } grid) rows = rows.Where(w => w.GridId == grid);
        if (applied.OwnerUnitId is { } unit) rows = rows.Where(w => w.OwnerUnitId == unit);
        if (applied.MineOnly)
        {
            var userId = caller.UserId;
            rows = rows.Where(w => w.RequesterUserId == userId || w.RaisedByUserId == userId);
        }
        if (applied.Term is { } term)
        {
            var lowered = term.ToLower();
            rows = rows.Where(w => w.Title.ToLower().Contains(lowered) || w.DescriptionMarkdown.ToLower().Contains(lowered));
        }
        if (applied.Metric is not null)
        {
            var counted = await MetricItemsAsync(db, applied, ct);
            rows = rows.Where(w => counted.Contains(w.Id));
        }
        else
        {
            // Without a metric, from/to select by the day raised (local days, inclusive).
            if (applied.From is { } from)
            {
                var fromUtc = PortalTime.StartOfDayUtc(from);
                rows = rows.Where(w => w.RaisedAtUtc >= fromUtc);
            }
            if (applied.To is { } to)
            {
                var toUtc = PortalTime.StartOfDayUtc(to.AddDays(1));
                rows = rows.Where(w => w.RaisedAtUtc < toUtc);
            }
        }
        if (applied.Deadline is { } deadline)
        {
            var matching = await DeadlineItemsAsync(db, rows, deadline, now, ct);
            rows = rows.Where(w => matching.Contains(w.Id));
        }

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id)
            .Skip(skip).Take(take)
            .Select(w => new
            {
                w.Id, w.Kind, w.Status, w.Title, w.Category, w.Urgency, w.CommunityId, w.RaisedAtUtc, w.DueAtUtc,
                Grid = db.Grids.Where(g => g.Id == w.GridId).Select(g => g.Name).FirstOrDefault(),
                Unit = db.Units.Where(u => u.Id == w.OwnerUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = page.Select(w => new WorkItemRow(w.Id, w.Kind, w.Status, w.Title, w.Category, w.Urgency, w.CommunityId, w.Grid, w.Unit,
            w.RaisedAtUtc, w.DueAtUtc, WorkItemMetrics.IsOverdue(w.Status, w.DueAtUtc, now))).ToList();
        return new WorkItemList(items, total, applied);
    }

    /// <summary>
    /// The filters as they will be applied for this caller: a dashboard metric only for those who manage the community
    /// (the figures are the secretary's) and only when community, from and to are all given; otherwise it is dropped and
    /// from/to fall back to "raised in".
    /// </summary>
    private static WorkItemQuery Applicable(WorkItemQuery query, Caller caller)
    {
        var applied = query.Status is not null ? query with { OpenOnly = false } : query;
        if (applied.Metric is not null && !(applied.HasMetric && caller.Manages(applied.CommunityId!.Value)))
            applied = applied with { Metric = null, Part = MetricPart.All };
        return applied with { Search = applied.Term, Category = WorkItemCategories.IsKnown(applied.Category) ? applied.Category : null };
    }

    /// <summary>
    /// The ids WorkItemMetrics.IsCounted selects for the figure — computed on the same facts, the whole community's, the
    /// dashboard loads, so the list has as many rows as the figure shows.
    /// </summary>
    private static async Task<List<int>> MetricItemsAsync(PortalDbContext db, WorkItemQuery applied, CancellationToken ct)
    {
        var community = applied.CommunityId!.Value;
        var period = MetricsPeriod.Days(applied.From!.Value, applied.To!.Value, PortalTime.Zone);
        var facts = await db.WorkItems.AsNoTracking().Where(w => w.CommunityId == community)
            .Select(w => new WorkItemFacts(w.Id, w.Kind, w.Status, w.OwnerUnitId, w.IsPublic, w.RaisedAtUtc, w.DispatchedAtUtc, w.DueAtUtc,
                w.AcceptedAtUtc, w.WasClaimed, w.ReportedAtUtc, w.Rating, w.RatedAtUtc, w.ClosedAtUtc))
            .ToListAsync(ct);
        return facts.Where(f => WorkItemMetrics.IsCounted(f, applied.Metric!.Value, applied.Part, period)).Select(f => f.Id).ToList();
    }

    /// <summary>
    /// The ids of the (already filtered) items that stand overdue or due soon now, by WorkItemMetrics.DeadlineStateOf with
    /// each community's current rules — the dashboard's definition. Only items waiting on their owner can match, so
    /// only those are loaded.
    /// </summary>
    private static async Task<List<int>> DeadlineItemsAsync(
        PortalDbContext db, IQueryable<WorkItem> rows, DeadlineFilter deadline, DateTime now, CancellationToken ct)
    {
        var running = rows.Where(w => (w.Status == WorkItemStatus.Dispatched || w.Status == WorkItemStatus.InProgress) && w.DueAtUtc != null);
        var candidates = await running.Select(w => new
        {
            w.CommunityId,
            Facts = new WorkItemFacts(w.Id, w.Kind, w.Status, w.OwnerUnitId, w.IsPublic, w.RaisedAtUtc, w.DispatchedAtUtc, w.DueAtUtc,
                w.AcceptedAtUtc, w.WasClaimed, w.ReportedAtUtc, w.Rating, w.RatedAtUtc, w.ClosedAtUtc),
        }).ToListAsync(ct);
        var wanted = deadline == DeadlineFilter.Overdue ? DeadlineState.Overdue : DeadlineState.DueSoon;
        var matching = new List<int>();
        foreach (var group in candidates.GroupBy(c => c.CommunityId))
        {
            var rules = (await DeadlineCalculator.CurrentAsync(db, group.Key, ct))?.ToRules() ?? DeadlineRules.Default;
            matching.AddRange(group.Where(c => WorkItemMetrics.DeadlineStateOf(c.Facts, now, rules) == wanted).Select(c => c.Facts.Id));
        }
        return matching;
    }
}

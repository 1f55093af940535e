using Portal.Web.Kit.Callers;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Deadlines;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.Dashboard;

public enum DashboardPeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
    Custom = 4,
}

/// <summary>An owner unit's open load with its name (null id: owned by a person or not yet assigned).</summary>
public sealed record UnitLoadRow(int? UnitId, string? UnitName, int Open, int DueSoon, int Overdue);

/// <summary>Everything the dashboard shows for one community and period.</summary>
public sealed record DashboardView(
    int CommunityId,
    MetricsPeriod Period,
    DateOnly FromDay,
    DateOnly ToDay,
    PeriodFigures Figures,
    IReadOnlyList<UnitLoadRow> Units,
    IReadOnlyList<MonthTrend> Trends);

/// <summary>
/// The secretary dashboard's figures for a community: only the community's secretaries and the street's administrators
/// may see them (the figures name owner units and their backlogs). The arithmetic is WorkItemMetrics'; this loads the
/// facts once per call and checks access every time. Scoped.
/// </summary>
public sealed class DashboardService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    TimeProvider clock)
{
    public const string ErrorForbidden = "Dashboard.Error.Forbidden";
    public const string ErrorPeriod = "Dashboard.Error.Period";

    /// <summary>The communities whose dashboard the caller may open; empty for everyone else.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CommunitiesAsync(CancellationToken ct = default)
    {
        var managed = await ManagedAsync(ct);
        if (managed.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Communities.AsNoTracking().Where(c => managed.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>The period's figures, the open load per owner unit now and the last twelve months' trends.</summary>
    /// <summary>Not allowed: a community the caller may not open; invalid: a period that is none (its message says which).</summary>
    public async Task<Result<DashboardView>> LoadAsync(int communityId, DashboardPeriodKind kind, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        if (!(await ManagedAsync(ct)).Contains(communityId)) return Result<DashboardView>.NotAllowed(Message.Of<DashboardText>(ErrorForbidden));
        var now = clock.GetUtcNow().UtcDateTime;
        MetricsPeriod period;
        switch (kind)
        {
            case DashboardPeriodKind.Month: period = MetricsPeriod.Month(now, PortalTime.Zone); break;
            case DashboardPeriodKind.Quarter: period = MetricsPeriod.Quarter(now, PortalTime.Zone); break;
            case DashboardPeriodKind.Year: period = MetricsPeriod.Year(now, PortalTime.Zone); break;
            case DashboardPeriodKind.Custom when from is { } f && to is { } t && f <= t && t.DayNumber - f.DayNumber <= 3660:
                period = MetricsPeriod.Days(f, t, PortalTime.Zone); break;
            default: return Result<DashboardView>.Invalid(Message.Of<DashboardText>(ErrorPeriod));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await db.WorkItems.AsNoTracking().Where(w => w.CommunityId == communityId)
            .Select(w => new WorkItemFacts(w.Id, w.Kind, w.Status, w.OwnerUnitId, w.IsPublic, w.RaisedAtUtc, w.DispatchedAtUtc, w.DueAtUtc,
                w.AcceptedAtUtc, w.WasClaimed, w.ReportedAtUtc, w.Rating, w.RatedAtUtc, w.ClosedAtUtc))
            .ToListAsync(ct);
        var rules = (await DeadlineCalculator.CurrentAsync(db, communityId, ct))?.ToRules() ?? DeadlineRules.Default;
        var loads = WorkItemMetrics.ByOwnerUnit(facts, now, rules);
        var unitIds = loads.Where(l => l.UnitId is not null).Select(l => l.UnitId!.Value).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = loads.Select(l => new UnitLoadRow(l.UnitId, l.UnitId is { } id ? names.GetValueOrDefault(id) : null, l.Open, l.DueSoon, l.Overdue)).ToList();

        var fromDay = DateOnly.FromDateTime(PortalTime.ToLocal(period.FromUtc));
        var toDay = DateOnly.FromDateTime(PortalTime.ToLocal(period.ToUtc)).AddDays(-1);
        return Result<DashboardView>.Ok(new DashboardView(communityId, period, fromDay, toDay, WorkItemMetrics.For(facts, period), rows,
            WorkItemMetrics.MonthlyTrends(facts, now, PortalTime.Zone)));
    }

    /// <summary>
    /// The drill-down address of a figure on the lists page, in the lists page's query contract: community, kind, status
    /// (an enum name or "open"), unit, deadline (overdue | dueSoon), from and to (local days, inclusive) and, for a
    /// dashboard figure, metric with part — the exact items WorkItemMetrics.IsCounted selects (part all: the rate's
    /// denominator, met: its numerator), so the list has as many rows as the figure says.
    /// </summary>
    public static string ListLink(int communityId, string? status = null, int? unit = null, string? deadline = null, DateOnly? from = null,
        DateOnly? to = null, DashboardMetric? metric = null, MetricPart part = MetricPart.All, WorkItemKind? kind = null)
    {
        var query = new List<string> { "community=" + communityId.ToString(CultureInfo.InvariantCulture) };
        if (kind is not null) query.Add("kind=" + CamelCase(kind.Value.ToString()));
        if (status is not null) query.Add("status=" + Uri.EscapeDataString(status));
        if (unit is not null) query.Add("unit=" + unit.Value.ToString(CultureInfo.InvariantCulture));
        if (deadline is not null) query.Add("deadline=" + Uri.EscapeDataString(deadline));
        if (metric is not null)
        {
            query.Add("metric=" + CamelCase(metric.Value.ToString()));
            query.Add("part=" + (part == MetricPart.Met ? "met" : "all"));
        }
        if (from is not null) query.Add("from=" + from.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (to is not null) query.Add("to=" + to.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return "lists?" + string.Join('&', query);
    }

    /// <summary>The drill-down of a dashboard figure for the period shown.</summary>
    public static string MetricLink(int communityId, DashboardMetric metric, MetricPart part, DateOnly from, DateOnly to) =>
        ListLink(communityId, metric: metric, part: part, from: from, to: to);

    // The contract spells enum values the way the page's own links do (onTime, microWish); parsing is case-insensitive anyway.
    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private async Task<IReadOnlySet<int>> ManagedAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        return caller.IsSignedIn ? caller.Policy.ManagedCommunities : new HashSet<int>();
    }
}

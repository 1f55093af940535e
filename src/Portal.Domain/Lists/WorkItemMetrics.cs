using Portal.Domain.WorkItems;

namespace Portal.Domain.Lists;

/// <summary>The dates, status, owner and rating of one work item: all the secretary dashboard's figures need.</summary>
public sealed record WorkItemFacts(
    int Id,
    WorkItemKind Kind,
    WorkItemStatus Status,
    int? OwnerUnitId,
    bool IsPublic,
    DateTime RaisedAtUtc,
    DateTime? DispatchedAtUtc,
    DateTime? DueAtUtc,
    DateTime? AcceptedAtUtc,
    bool WasClaimed,
    DateTime? ReportedAtUtc,
    Satisfaction? Rating,
    DateTime? RatedAtUtc,
    DateTime? ClosedAtUtc);

/// <summary>A half-open span of time [FromUtc, ToUtc).</summary>
public readonly record struct MetricsPeriod(DateTime FromUtc, DateTime ToUtc)
{
    public bool Contains(DateTime? utc) => utc is { } t && t >= FromUtc && t < ToUtc;

    /// <summary>The local calendar month containing <paramref name="nowUtc"/>.</summary>
    public static MetricsPeriod Month(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var start = new DateTime(local.Year, local.Month, 1);
        return Local(start, start.AddMonths(1), zone);
    }

    /// <summary>The local calendar quarter containing <paramref name="nowUtc"/>.</summary>
    public static MetricsPeriod Quarter(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var start = new DateTime(local.Year, (local.Month - 1) / 3 * 3 + 1, 1);
        return Local(start, start.AddMonths(3), zone);
    }

    /// <summary>The local calendar year containing <paramref name="nowUtc"/>.</summary>
    public static MetricsPeriod Year(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var start = new DateTime(local.Year, 1, 1);
        return Local(start, start.AddYears(1), zone);
    }

    /// <summary>Local days <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    public static MetricsPeriod Days(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        Local(from.ToDateTime(TimeOnly.MinValue), to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

    private static MetricsPeriod Local(DateTime fromLocal, DateTime toLocal, TimeZoneInfo zone) => new(
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(fromLocal, DateTimeKind.Unspecified), zone),
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(toLocal, DateTimeKind.Unspecified), zone));
}

/// <summary>A rate as its two counts, so the page can show "12 / 15" and drill down to either side.</summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    /// <summary>The rate in percent rounded to one decimal; null when nothing was counted (no "0 %" for an empty period).</summary>
    public double? Percent => Denominator == 0 ? null : Math.Round(100.0 * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The headline figures of a period.</summary>
public sealed record PeriodFigures(int Raised, Rate Response, Rate Resolution, Rate OnTime, Rate Satisfaction, Rate Claim);

/// <summary>Open items of one owner unit (null: owned by a person only, or not yet assigned) against their deadlines.</summary>
public sealed record UnitLoad(int? UnitId, int Open, int DueSoon, int Overdue);

/// <summary>One month of the trend charts; <see cref="Month"/> is the local first day of the month.</summary>
public sealed record MonthTrend(DateOnly Month, int Raised, int Closed, Rate Satisfaction);

/// <summary>A figure of the dashboard that can be drilled down to the items behind it.</summary>
public enum DashboardMetric
{
    Raised = 1,
    Response = 2,
    Resolution = 3,
    OnTime = 4,
    Satisfaction = 5,
    Claim = 6,
    /// <summary>Items closed in the period (the trend chart's "closed" series).</summary>
    Closed = 7,
}

/// <summary>Which side of a rate: every item counted (the denominator) or only those that met it (the numerator).</summary>
public enum MetricPart
{
    All = 1,
    Met = 2,
}

/// <summary>
/// The secretary dashboard's figures, computed from <see cref="WorkItemFacts"/> only (no database, no UI), so every
/// definition below is unit-tested with hand-computed numbers. Items rejected at triage count as raised but are left
/// out of every rate: refusing a duplicate is not a failure to respond or resolve.
/// </summary>
public static class WorkItemMetrics
{
    /// <summary>Items raised in the period.</summary>
    public static bool IsRaisedIn(WorkItemFacts f, MetricsPeriod p) => p.Contains(f.RaisedAtUtc);

    /// <summary>
    /// Response rate (响应率) — denominator: items handed to an owner in the period, i.e. dispatched in it, or claimed in it
    /// without a dispatch; numerator: those of them the owner accepted or claimed before the period ended.
    /// </summary>
    public static bool IsAssignedIn(WorkItemFacts f, MetricsPeriod p) =>
        f.Status != WorkItemStatus.Rejected &&
        (p.Contains(f.DispatchedAtUtc) || (f.DispatchedAtUtc is null && f.WasClaimed && p.Contains(f.AcceptedAtUtc)));

    public static bool IsRespondedBy(WorkItemFacts f, MetricsPeriod p) => f.AcceptedAtUtc is { } t && t < p.ToUtc;

    /// <summary>
    /// Resolution rate (解决率) — denominator: items raised in the period and not rejected; numerator: those of them that
    /// now stand reported back, rated or closed, with the report (or closing) before the period ended. An item sent back
    /// by a "not satisfied" rating is not resolved until it is reported again.
    /// </summary>
    public static bool IsResolvableIn(WorkItemFacts f, MetricsPeriod p) => IsRaisedIn(f, p) && f.Status != WorkItemStatus.Rejected;

    public static bool IsResolvedBy(WorkItemFacts f, MetricsPeriod p) =>
        f.Status is WorkItemStatus.Reported or WorkItemStatus.Rated or WorkItemStatus.Closed && CompletedAt(f) is { } t && t < p.ToUtc;

    /// <summary>
    /// On-time rate (按时办结率) — denominator: items with a deadline completed in the period (now reported, rated or
    /// closed, with the report — or the closing when there was no report — in the period); numerator: those completed
    /// no later than their deadline.
    /// </summary>
    public static bool IsCompletedWithDeadlineIn(WorkItemFacts f, MetricsPeriod p) =>
        f.DueAtUtc is not null && f.Status is WorkItemStatus.Reported or WorkItemStatus.Rated or WorkItemStatus.Closed && p.Contains(CompletedAt(f));

    public static bool IsOnTime(WorkItemFacts f) => CompletedAt(f) is { } t && f.DueAtUtc is { } due && t <= due;

    /// <summary>
    /// Satisfaction rate (满意率) — denominator: items whose (latest) rating was given in the period; numerator: those
    /// rated satisfied or fairly satisfied.
    /// </summary>
    public static bool IsRatedIn(WorkItemFacts f, MetricsPeriod p) => f.Rating is not null && p.Contains(f.RatedAtUtc);

    public static bool IsSatisfied(WorkItemFacts f) => f.Rating is Satisfaction.Satisfied or Satisfaction.FairlySatisfied;

    /// <summary>
    /// Claim rate (认领率) — denominator: public items raised in the period that passed triage (not raised-only, not
    /// rejected), i.e. those open for claiming; numerator: those a unit or Party member claimed.
    /// </summary>
    public static bool IsClaimableIn(WorkItemFacts f, MetricsPeriod p) =>
        f.IsPublic && IsRaisedIn(f, p) && f.Status is not (WorkItemStatus.Raised or WorkItemStatus.Rejected);

    public static PeriodFigures For(IEnumerable<WorkItemFacts> items, MetricsPeriod period)
    {
        int raised = 0;
        int assigned = 0, responded = 0, resolvable = 0, resolved = 0, completed = 0, onTime = 0, rated = 0, satisfied = 0, claimable = 0, claimed = 0;
        foreach (var f in items)
        {
            if (IsRaisedIn(f, period)) raised++;
            if (IsAssignedIn(f, period)) { assigned++; if (IsRespondedBy(f, period)) responded++; }
            if (IsResolvableIn(f, period)) { resolvable++; if (IsResolvedBy(f, period)) resolved++; }
            if (IsCompletedWithDeadlineIn(f, period)) { completed++; if (IsOnTime(f)) onTime++; }
            if (IsRatedIn(f, period)) { rated++; if (IsSatisfied(f)) satisfied++; }
            if (IsClaimableIn(f, period)) { claimable++; if (f.WasClaimed) claimed++; }
        }
        return new PeriodFigures(raised, new(responded, assigned), new(resolved, resolvable), new(onTime, completed),
            new(satisfied, rated), new(claimed, claimable));
    }

    /// <summary>
    /// True when the item is counted in the figure (<see cref="MetricPart.All"/>: the denominator; <see cref="MetricPart.Met"/>:
    /// the numerator) for the period, by exactly the definitions <see cref="For"/> uses, so a drill-down list always has as
    /// many rows as the figure says. For counts (raised, closed) both parts are the same.
    /// </summary>
    public static bool IsCounted(WorkItemFacts f, DashboardMetric metric, MetricPart part, MetricsPeriod p)
    {
        var met = part == MetricPart.Met;
        return metric switch
        {
            DashboardMetric.Raised => IsRaisedIn(f, p),
            DashboardMetric.Closed => IsClosedIn(f, p),
            DashboardMetric.Response => IsAssignedIn(f, p) && (!met || IsRespondedBy(f, p)),
            DashboardMetric.Resolution => IsResolvableIn(f, p) && (!met || IsResolvedBy(f, p)),
            DashboardMetric.OnTime => IsCompletedWithDeadlineIn(f, p) && (!met || IsOnTime(f)),
            DashboardMetric.Satisfaction => IsRatedIn(f, p) && (!met || IsSatisfied(f)),
            DashboardMetric.Claim => IsClaimableIn(f, p) && (!met || f.WasClaimed),
            _ => false,
        };
    }

    /// <summary>Items closed (销号) in the period and still closed.</summary>
    public static bool IsClosedIn(WorkItemFacts f, MetricsPeriod p) => f.Status == WorkItemStatus.Closed && p.Contains(f.ClosedAtUtc);

    /// <summary>
    /// How an open item stands against its deadline now: only items with a deadline waiting on their owner (dispatched
    /// or in progress) can be due soon or overdue — once reported back, the wait is the resident's, not the owner's.
    /// Escalated items count as overdue. Null when the item has no running deadline.
    /// </summary>
    public static DeadlineState? DeadlineStateOf(WorkItemFacts f, DateTime nowUtc, DeadlineRules rules)
    {
        if (!WaitsOnOwner(f.Status) || f.DueAtUtc is not { } due) return null;
        var start = f.DispatchedAtUtc ?? f.AcceptedAtUtc ?? f.RaisedAtUtc;
        var state = rules.StateAt(Utc(nowUtc), Utc(start), Utc(due));
        return state == DeadlineState.Escalated ? DeadlineState.Overdue : state;
    }

    /// <summary>
    /// Overdue now: past its deadline while it waits on its owner (dispatched or in progress), as <see cref="DeadlineStateOf"/>
    /// counts it — the marker wherever such an item (a project, say) is shown.
    /// </summary>
    public static bool IsOverdue(WorkItemStatus status, DateTime? dueAtUtc, DateTime nowUtc) =>
        WaitsOnOwner(status) && dueAtUtc is { } due && nowUtc > due;

    private static bool WaitsOnOwner(WorkItemStatus status) => status is WorkItemStatus.Dispatched or WorkItemStatus.InProgress;

    /// <summary>
    /// Open items (any open status) per owner unit with how many are due soon and overdue now; busiest units first.
    /// <paramref name="rules"/> are the community's current rules (only the due-soon share matters; due dates are stored).
    /// </summary>
    public static IReadOnlyList<UnitLoad> ByOwnerUnit(IEnumerable<WorkItemFacts> items, DateTime nowUtc, DeadlineRules rules)
    {
        var loads = new Dictionary<int, (int Open, int DueSoon, int Overdue)>();
        const int none = int.MinValue;
        foreach (var f in items)
        {
            if (!WorkItemWorkflow.IsOpen(f.Status)) continue;
            var key = f.OwnerUnitId ?? none;
            var (open, dueSoon, overdue) = loads.GetValueOrDefault(key);
            switch (DeadlineStateOf(f, nowUtc, rules))
            {
                case DeadlineState.DueSoon: dueSoon++; break;
                case DeadlineState.Overdue: overdue++; break;
            }
            loads[key] = (open + 1, dueSoon, overdue);
        }
        return loads
            .Select(kv => new UnitLoad(kv.Key == none ? null : kv.Key, kv.Value.Open, kv.Value.DueSoon, kv.Value.Overdue))
            .OrderBy(l => l.UnitId is null)
            .ThenByDescending(l => l.Overdue).ThenByDescending(l => l.DueSoon).ThenByDescending(l => l.Open).ThenBy(l => l.UnitId)
            .ToList();
    }

    /// <summary>
    /// The last <paramref name="months"/> local calendar months up to and including the current one, oldest first and
    /// every one of them (a month where nothing happened is there with zeros): items raised in the month, items closed in
    /// the month and the month's satisfaction rate (as above). A month without ratings has the rate 0 / 0, whose
    /// <see cref="Rate.Percent"/> is null — a gap in the series, never 0 %: the trend chart draws it as a break in the line.
    /// </summary>
    public static IReadOnlyList<MonthTrend> MonthlyTrends(IEnumerable<WorkItemFacts> items, DateTime nowUtc, TimeZoneInfo zone, int months = 12)
    {
        var current = MetricsPeriod.Month(nowUtc, zone);
        var firstLocal = TimeZoneInfo.ConvertTimeFromUtc(current.FromUtc, zone).AddMonths(-(months - 1));
        var periods = Enumerable.Range(0, months)
            .Select(i => MetricsPeriod.Month(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(firstLocal.AddMonths(i), DateTimeKind.Unspecified), zone), zone))
            .ToList();
        var list = items as IReadOnlyCollection<WorkItemFacts> ?? items.ToList();
        return periods.Select(p =>
        {
            int raised = 0, closed = 0, rated = 0, satisfied = 0;
            foreach (var f in list)
            {
                if (IsRaisedIn(f, p)) raised++;
                if (IsClosedIn(f, p)) closed++;
                if (IsRatedIn(f, p)) { rated++; if (IsSatisfied(f)) satisfied++; }
            }
            return new MonthTrend(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(p.FromUtc, zone)), raised, closed, new(satisfied, rated));
        }).ToList();
    }

    private static DateTime? CompletedAt(WorkItemFacts f) => f.ReportedAtUtc ?? f.ClosedAtUtc;

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

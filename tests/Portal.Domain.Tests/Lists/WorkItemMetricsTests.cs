using Portal.Domain.Lists;
using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.Lists;

public sealed class WorkItemMetricsTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");

    // November 2026 in China: 2026-10-31 16:00 UTC to 2026-11-30 16:00 UTC.
    private static readonly MetricsPeriod November = MetricsPeriod.Month(new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc), China);

    private static DateTime Nov(int day, int hour = 12) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);
    private static DateTime Oct(int day, int hour = 12) => new(2026, 10, day, hour, 0, 0, DateTimeKind.Utc);
    private static DateTime Dec(int day, int hour = 12) => new(2026, 12, day, hour, 0, 0, DateTimeKind.Utc);

    private static WorkItemFacts Item(int id, WorkItemStatus status, DateTime raised, DateTime? dispatched = null, DateTime? due = null,
        DateTime? accepted = null, bool claimed = false, DateTime? reported = null, Satisfaction? rating = null, DateTime? rated = null,
        DateTime? closed = null, int? unit = null, bool isPublic = true) =>
        new(id, WorkItemKind.Need, status, unit, isPublic, raised, dispatched, due, accepted, claimed, reported, rating, rated, closed);

    [Fact]
    public void Periods_are_local_calendar_spans()
    {
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0), November.FromUtc);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0), November.ToUtc);
        // 2026-11-30 20:00 UTC is already December 1st in China.
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0), MetricsPeriod.Month(Nov(30, 20), China).FromUtc);
        var quarter = MetricsPeriod.Quarter(Nov(15), China);
        Assert.Equal(new DateTime(2026, 9, 30, 16, 0, 0), quarter.FromUtc);
        Assert.Equal(new DateTime(2026, 12, 31, 16, 0, 0), quarter.ToUtc);
        var year = MetricsPeriod.Year(Nov(15), China);
        Assert.Equal(new DateTime(2025, 12, 31, 16, 0, 0), year.FromUtc);
        var days = MetricsPeriod.Days(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), China);
        Assert.Equal(November, days);
        Assert.False(November.Contains(November.ToUtc));
        Assert.True(November.Contains(November.FromUtc));
    }

    [Fact]
    public void Rates_are_counted_exactly_as_documented()
    {
        WorkItemFacts[] items =
        [
            // 1: raised, dispatched, accepted, reported on time, rated satisfied and closed — all in November.
            Item(1, WorkItemStatus.Closed, Nov(2), Nov(2, 14), Nov(9, 14), Nov(3), reported: Nov(6), rating: Satisfaction.Satisfied, rated: Nov(7), closed: Nov(8), unit: 10),
            // 2: raised and dispatched in November, never accepted.
            Item(2, WorkItemStatus.Dispatched, Nov(3), Nov(3, 14), Nov(10, 14), unit: 10),
            // 3: raised in October, dispatched in November, accepted in December (after the period): not responded.
            Item(3, WorkItemStatus.InProgress, Oct(28), Nov(29), Dec(6), Dec(1), unit: 11),
            // 4: claimed in November without a dispatch; reported late; rated not satisfied → back in progress.
            Item(4, WorkItemStatus.InProgress, Nov(4), due: Nov(5), accepted: Nov(4, 20), claimed: true, reported: Nov(12), rating: Satisfaction.NotSatisfied, rated: Nov(13), unit: 11),
            // 5: rejected in November: raised, but in no rate.
            Item(5, WorkItemStatus.Rejected, Nov(5)),
            // 6: raised in November, triaged only, not public.
            Item(6, WorkItemStatus.Triaged, Nov(6), isPublic: false),
            // 7: raised in October, reported in November late, rated fairly satisfied in November.
            Item(7, WorkItemStatus.Rated, Oct(1), Oct(1, 14), Oct(8, 14), Oct(2), reported: Nov(1), rating: Satisfaction.FairlySatisfied, rated: Nov(3), unit: 12),
            // 8: raised in November, still only raised.
            Item(8, WorkItemStatus.Raised, Nov(20)),
            // 9: raised in November, public and triaged, claimed, reported in December (after the period).
            Item(9, WorkItemStatus.Reported, Nov(21), due: Dec(2), accepted: Nov(22), claimed: true, reported: Dec(1), unit: 12),
        ];
        var figures = WorkItemMetrics.For(items, November);

        // Raised in November: 1, 2, 4, 5, 6, 8, 9.
        Assert.Equal(7, figures.Raised);
        // Assigned in November: 1, 2, 3 (dispatched), 4 (claimed, no dispatch); 9 was claimed in November too → 5.
        // Responded before the end of November: 1, 4, 9 → 3 of 5.
        Assert.Equal(new Rate(3, 5), figures.Response);
        Assert.Equal(60.0, figures.Response.Percent);
        // Resolvable (raised in November, not rejected): 1, 2, 4, 6, 8, 9 → 6. Resolved now and before the end: 1 only
        // (4 was sent back, 9 was reported in December).
        Assert.Equal(new Rate(1, 6), figures.Resolution);
        Assert.Equal(16.7, figures.Resolution.Percent);
        // Completed with a deadline in November: 1 (on time), 7 (late; reported Nov 1 after its Oct 8 deadline) → 1 of 2.
        Assert.Equal(new Rate(1, 2), figures.OnTime);
        // Rated in November: 1 satisfied, 4 not satisfied, 7 fairly satisfied → 2 of 3.
        Assert.Equal(new Rate(2, 3), figures.Satisfaction);
        // Claimable (public, raised in November, past triage, not rejected): 1, 2, 4, 9 → claimed: 4, 9.
        Assert.Equal(new Rate(2, 4), figures.Claim);
    }

    [Fact]
    public void An_empty_period_has_no_rates_rather_than_zero()
    {
        var figures = WorkItemMetrics.For([], November);
        Assert.Equal(0, figures.Raised);
        Assert.Null(figures.Response.Percent);
        Assert.Null(figures.Satisfaction.Percent);
    }

    [Fact]
    public void Open_items_per_unit_count_due_soon_and_overdue_by_the_rules()
    {
        var now = Nov(20);
        var rules = DeadlineRules.Default; // due soon in the last fifth of the allowed time
        WorkItemFacts[] items =
        [
            // Unit 10: dispatched Nov 11 12:00, due Nov 21 12:00 (10 days; last fifth starts Nov 19 12:00) → due soon.
            Item(1, WorkItemStatus.InProgress, Nov(10), Nov(11), Nov(21), Nov(11), unit: 10),
            // Unit 10: due Nov 19 → overdue.
            Item(2, WorkItemStatus.Dispatched, Nov(10), Nov(12), Nov(19), unit: 10),
            // Unit 10: due Nov 10 → past the grace day, escalated, counted as overdue.
            Item(3, WorkItemStatus.InProgress, Nov(1), Nov(1), Nov(10), Nov(2), unit: 10),
            // Unit 10: reported back after its deadline: open (awaiting the rating) but not the owner's overdue.
            Item(4, WorkItemStatus.Reported, Nov(1), Nov(1), Nov(5), Nov(2), reported: Nov(8), unit: 10),
            // Unit 11: on time.
            Item(5, WorkItemStatus.InProgress, Nov(19), Nov(19), Nov(29), Nov(19), unit: 11),
            // Unit 11: closed: not open.
            Item(6, WorkItemStatus.Closed, Nov(1), Nov(1), Nov(5), Nov(2), reported: Nov(3), closed: Nov(4), unit: 11),
            // No unit: triaged, waiting for dispatch or a claim.
            Item(7, WorkItemStatus.Triaged, Nov(19)),
            // Rejected: not open.
            Item(8, WorkItemStatus.Rejected, Nov(19)),
        ];
        var loads = WorkItemMetrics.ByOwnerUnit(items, now, rules);
        Assert.Equal(
            [new UnitLoad(10, Open: 4, DueSoon: 1, Overdue: 2), new UnitLoad(11, 1, 0, 0), new UnitLoad(null, 1, 0, 0)],
            loads);
        Assert.Equal(DeadlineState.DueSoon, WorkItemMetrics.DeadlineStateOf(items[0], now, rules));
        Assert.Equal(DeadlineState.Overdue, WorkItemMetrics.DeadlineStateOf(items[2], now, rules));
        Assert.Null(WorkItemMetrics.DeadlineStateOf(items[3], now, rules));
        Assert.Equal(DeadlineState.OnTime, WorkItemMetrics.DeadlineStateOf(items[4], now, rules));
    }

    [Fact]
    public void Monthly_trends_cover_the_last_twelve_local_months_oldest_first()
    {
        WorkItemFacts[] items =
        [
            Item(1, WorkItemStatus.Closed, Nov(2), closed: Nov(8), rating: Satisfaction.Satisfied, rated: Nov(7)),
            Item(2, WorkItemStatus.Closed, Oct(2), closed: Nov(1), rating: Satisfaction.NotSatisfied, rated: Oct(20)),
            // Raised 2025-12-31 20:00 UTC = 2026-01-01 04:00 in China: counts for January.
            Item(3, WorkItemStatus.Raised, new DateTime(2025, 12, 31, 20, 0, 0, DateTimeKind.Utc)),
            // Raised 2025-11-30 12:00 UTC: before the twelve months.
            Item(4, WorkItemStatus.Raised, new DateTime(2025, 11, 30, 12, 0, 0, DateTimeKind.Utc)),
            // Reopened after closing: its old closing no longer counts.
            Item(5, WorkItemStatus.InProgress, Oct(3), closed: null),
        ];
        var trends = WorkItemMetrics.MonthlyTrends(items, Nov(20), China);
        Assert.Equal(12, trends.Count);
        Assert.Equal(new DateOnly(2025, 12, 1), trends[0].Month);
        Assert.Equal(new DateOnly(2026, 11, 1), trends[^1].Month);
        Assert.Equal(0, trends[0].Raised);
        Assert.Equal(1, trends[1].Raised); // January
        var october = trends[10];
        Assert.Equal((2, 0, new Rate(0, 1)), (october.Raised, october.Closed, october.Satisfaction));
        var november = trends[11];
        Assert.Equal((1, 2, new Rate(1, 1)), (november.Raised, november.Closed, november.Satisfaction));
        Assert.Equal(5 - 1, trends.Sum(t => t.Raised)); // item 4 is outside the window
    }

    [Fact]
    public void The_satisfaction_series_keeps_every_month_and_leaves_months_without_ratings_as_gaps_not_zero()
    {
        // Ratings in January, March and November only; an unhappy rating in March.
        WorkItemFacts[] items =
        [
            Item(1, WorkItemStatus.Closed, new DateTime(2026, 1, 5, 4, 0, 0, DateTimeKind.Utc), rating: Satisfaction.Satisfied,
                rated: new DateTime(2026, 1, 20, 4, 0, 0, DateTimeKind.Utc)),
            Item(2, WorkItemStatus.InProgress, new DateTime(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc), rating: Satisfaction.NotSatisfied,
                rated: new DateTime(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc)),
            Item(3, WorkItemStatus.Rated, Nov(2), rating: Satisfaction.FairlySatisfied, rated: Nov(9)),
        ];

        var trends = WorkItemMetrics.MonthlyTrends(items, Nov(20), China);

        // Every month from December 2025 to November 2026, one after the other.
        Assert.Equal(Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 12, 1).AddMonths(i)), trends.Select(t => t.Month));
        double?[] expected = [null, 100, null, 0, null, null, null, null, null, null, null, 100];
        Assert.Equal(expected, trends.Select(t => t.Satisfaction.Percent));
    }

    [Theory]
    [InlineData(WorkItemStatus.InProgress, true)]
    [InlineData(WorkItemStatus.Dispatched, true)]
    [InlineData(WorkItemStatus.Reported, false)]
    [InlineData(WorkItemStatus.Closed, false)]
    public void An_item_is_overdue_past_its_deadline_while_its_owner_still_owes_it(WorkItemStatus status, bool overdue)
    {
        Assert.Equal(overdue, WorkItemMetrics.IsOverdue(status, Nov(14), Nov(20)));
        Assert.False(WorkItemMetrics.IsOverdue(status, Nov(21), Nov(20)));
        Assert.False(WorkItemMetrics.IsOverdue(status, null, Nov(20)));
        // The same verdict as the dashboard's deadline state.
        var facts = Item(1, status, Nov(1), Nov(1), Nov(14), unit: 1);
        Assert.Equal(overdue, WorkItemMetrics.DeadlineStateOf(facts, Nov(20), DeadlineRules.Default) == DeadlineState.Overdue);
    }
}

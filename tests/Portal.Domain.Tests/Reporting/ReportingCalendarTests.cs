using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>The 30 June deadline, every six months after, month ends and the 95 % rule at their boundaries.</summary>
public sealed class ReportingCalendarTests
{
    private static readonly ServiceRules Rules = ShippedServiceRules.PerActivity;

    [Fact]
    public void The_first_report_is_due_on_30_June_and_the_next_at_the_end_of_December()
    {
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31)], ReportingCalendar.DeadlinesIn(Rules, 2026));
        Assert.Equal(new DateOnly(2026, 6, 30), ReportingCalendar.FirstDeadline(Rules, 2026));
    }

    [Fact]
    public void Reporting_on_the_deadline_is_on_time_and_a_day_later_is_not()
    {
        var deadline = ReportingCalendar.FirstDeadline(Rules, 2026);
        Assert.True(ReportingCalendar.IsOnTime(new DateOnly(2026, 6, 30), deadline));
        Assert.False(ReportingCalendar.IsOnTime(new DateOnly(2026, 7, 1), deadline));
        Assert.True(ReportingCalendar.IsOnTime(new DateOnly(2026, 1, 1), deadline));
    }

    [Fact]
    public void The_next_deadline_is_the_day_itself_on_a_deadline_and_wraps_into_the_next_year()
    {
        Assert.Equal(new DateOnly(2026, 6, 30), ReportingCalendar.NextDeadline(Rules, new DateOnly(2026, 6, 30)));
        Assert.Equal(new DateOnly(2026, 12, 31), ReportingCalendar.NextDeadline(Rules, new DateOnly(2026, 7, 1)));
        Assert.Equal(new DateOnly(2027, 6, 30), ReportingCalendar.NextDeadline(Rules, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Quarterly_deadlines_from_a_mid_month_day_keep_the_day_and_clip_to_short_months()
    {
        var quarterly = Rules with { FirstReportMonth = 3, FirstReportDay = 15, MonthsBetweenReports = 3 };
        Assert.Equal([new DateOnly(2026, 3, 15), new DateOnly(2026, 6, 15), new DateOnly(2026, 9, 15), new DateOnly(2026, 12, 15)],
            ReportingCalendar.DeadlinesIn(quarterly, 2026));
        var lastOfAugust = Rules with { FirstReportMonth = 8, FirstReportDay = 31 };
        Assert.Equal([new DateOnly(2028, 2, 29), new DateOnly(2028, 8, 31)], ReportingCalendar.DeadlinesIn(lastOfAugust, 2028));
        Assert.Equal([new DateOnly(2027, 2, 28), new DateOnly(2027, 8, 31)], ReportingCalendar.DeadlinesIn(lastOfAugust, 2027));
    }

    [Theory]
    [InlineData(95, 100, true)]    // exactly 95 %
    [InlineData(94, 100, false)]
    [InlineData(19, 20, true)]     // 95 % exactly again
    [InlineData(18, 19, false)]    // 94.7 %
    [InlineData(38, 40, true)]
    [InlineData(0, 0, true)]       // nobody to report
    [InlineData(0, 1, false)]
    public void A_unit_meets_the_95_percent_rule_at_exactly_95_percent(int reported, int members, bool meets) =>
        Assert.Equal(meets, UnitReportingRate.Of(Rules, reported, members).MeetsThreshold);

    [Fact]
    public void The_rate_reads_to_one_decimal_and_a_unit_without_members_has_none()
    {
        Assert.Equal(94.7m, UnitReportingRate.Of(Rules, 18, 19).Percent);
        Assert.Null(UnitReportingRate.Of(Rules, 0, 0).Percent);
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitReportingRate.Of(Rules, 3, 2));
    }
}

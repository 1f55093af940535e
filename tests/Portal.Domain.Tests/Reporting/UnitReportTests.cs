using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>A unit's yearly report with its co-building agreement: the term must reach into the year; verified once.</summary>
public sealed class UnitReportTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static UnitReport.Agreement Agreement(DateOnly? signed = null, DateOnly? from = null, DateOnly? to = null, string file = "a1b2.pdf") =>
        new(signed ?? new DateOnly(2026, 3, 1), from ?? new DateOnly(2026, 3, 1), to ?? new DateOnly(2028, 2, 28), file, "共建内容：义诊、助学");

    [Fact]
    public void A_unit_reports_for_the_year_with_its_agreement_and_the_community_verifies_it_once()
    {
        var (report, error) = UnitReport.Submit(500, 10, 2026, Agreement(), Today, "u-l");
        Assert.Null(error);
        Assert.True(report!.InForceOn(new DateOnly(2028, 2, 28)));
        Assert.False(report.InForceOn(new DateOnly(2028, 2, 29)));
        Assert.Null(report.Verify("sec", DateTime.UtcNow));
        Assert.Equal(UnitReport.ErrorNotPending, report.Verify("sec", DateTime.UtcNow));
        Assert.Equal(UnitReport.ErrorNotPending, report.Change(Agreement(), Today));
    }

    public static TheoryData<int, UnitReport.Agreement, string> Bad => new()
    {
        { 2024, Agreement(), UnitReport.ErrorYear },
        { 2026, Agreement(signed: Today.AddDays(1)), UnitReport.ErrorSigned },
        { 2026, Agreement(from: new DateOnly(2026, 5, 1), to: new DateOnly(2026, 4, 30)), UnitReport.ErrorTerm },
        { 2026, Agreement(signed: new DateOnly(2024, 1, 1), from: new DateOnly(2024, 1, 1), to: new DateOnly(2025, 12, 31)), UnitReport.ErrorTerm },
        { 2026, Agreement(file: " "), UnitReport.ErrorAgreement },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void A_report_is_refused_for_the_first_broken_rule(int year, UnitReport.Agreement agreement, string error) =>
        Assert.Equal(error, UnitReport.Submit(500, 10, year, agreement, Today, "u-l").Error);

    [Fact]
    public void A_term_ending_on_the_first_day_of_the_year_still_reaches_into_it()
    {
        var agreement = Agreement(signed: new DateOnly(2025, 1, 1), from: new DateOnly(2025, 1, 1), to: new DateOnly(2026, 1, 1));
        Assert.Null(UnitReport.Submit(500, 10, 2026, agreement, Today, "u-l").Error);
    }
}

using Portal.Domain.Reporting;

namespace Portal.Domain.Tests.Reporting;

/// <summary>A member's report: what is checked, verify or return, correct and resend, end when moving, and when it counts.</summary>
public sealed class MemberReportTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly DateTime Now = new(2026, 7, 2, 2, 0, 0, DateTimeKind.Utc);

    internal static MemberReport.Details Details(string name = "王建国", string? phone = "13812345678", int unit = 500) =>
        new(name, phone, unit, null, 100, "法律咨询", [ServiceCategory.LegalAdvice, ServiceCategory.PolicyExplaining]);

    internal static MemberReport Submitted(DateOnly? on = null) =>
        MemberReport.Submit(7, 10, Details(), ReportChannel.Self, on ?? Today, Today, "u-7").Report!;

    [Fact]
    public void A_report_keeps_what_the_member_stated_and_waits_for_the_community()
    {
        var report = Submitted();
        Assert.Equal(MemberReportStatus.Pending, report.Status);
        Assert.Equal(("王建国", "13812345678", 500, 100), (report.Name, report.Phone, report.HomeUnitId, report.GridId));
        Assert.Equal([ServiceCategory.LegalAdvice, ServiceCategory.PolicyExplaining], report.Categories);
        Assert.False(report.CountsAsReportedOn(Today));
    }

    public static TheoryData<MemberReport.Details, string> BadDetails => new()
    {
        { Details(name: " "), MemberReport.ErrorName },
        { Details(name: new string('王', MemberReport.NameMaxLength + 1)), MemberReport.ErrorName },
        { Details(phone: "abc"), MemberReport.ErrorPhone },
        { Details(phone: null), MemberReport.ErrorPhone },
        { Details(unit: 0), MemberReport.ErrorHomeUnit },
        { Details() with { Categories = Enum.GetValues<ServiceCategory>().Take(MemberReport.MaxCategories + 1).ToList() }, MemberReport.ErrorCategories },
        { Details() with { Categories = [(ServiceCategory)42] }, MemberReport.ErrorCategories },
        { Details() with { Skills = new string('法', MemberReport.SkillsMaxLength + 1) }, MemberReport.ErrorSkills },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public void Bad_details_are_refused_with_the_field_s_error(MemberReport.Details details, string error) =>
        Assert.Equal(error, MemberReport.Submit(7, 10, details, ReportChannel.Self, Today, Today, "u-7").Error);

    [Fact]
    public void A_report_cannot_be_dated_after_today()
    {
        Assert.Equal(MemberReport.ErrorReportedOn, MemberReport.Submit(7, 10, Details(), ReportChannel.Staff, Today.AddDays(1), Today, "s").Error);
        Assert.NotNull(MemberReport.Submit(7, 10, Details(), ReportChannel.Staff, Today, Today, "s").Report);
    }

    [Fact]
    public void Verified_on_2_July_a_report_made_on_30_June_counts_from_30_June()
    {
        var report = Submitted(new DateOnly(2026, 6, 30));
        Assert.Null(report.Verify("sec", Now));
        Assert.True(report.CountsAsReportedOn(new DateOnly(2026, 6, 30)));
        Assert.False(report.CountsAsReportedOn(new DateOnly(2026, 6, 29)));
        Assert.Equal(MemberReport.ErrorNotPending, report.Verify("sec", Now));
    }

    [Fact]
    public void A_returned_report_needs_a_reason_and_is_corrected_and_sent_again()
    {
        var report = Submitted();
        Assert.Equal(MemberReport.ErrorReasonRequired, report.Return("  ", "sec", Now));
        Assert.Null(report.Return("请填写报到单位党支部", "sec", Now));
        Assert.Equal(MemberReportStatus.Returned, report.Status);
        Assert.Equal("请填写报到单位党支部", report.ReturnReason);
        Assert.Equal(MemberReport.ErrorNotPending, report.Verify("sec", Now));

        Assert.Equal(MemberReport.ErrorPhone, report.Resubmit(Details(phone: "x"), new DateOnly(2026, 7, 3)));
        Assert.Equal(MemberReportStatus.Returned, report.Status);
        Assert.Null(report.Resubmit(Details() with { HomeBranchId = 3 }, new DateOnly(2026, 7, 3)));
        Assert.Equal((MemberReportStatus.Pending, 3, new DateOnly(2026, 7, 3)), (report.Status, report.HomeBranchId, report.ReportedOn));
        Assert.Equal(MemberReport.ErrorNotReturned, report.Resubmit(Details(), new DateOnly(2026, 7, 3)));
    }

    [Fact]
    public void A_member_who_moves_keeps_the_report_as_history_counted_up_to_the_day_it_ended()
    {
        var report = Submitted(new DateOnly(2026, 3, 1));
        report.Verify("sec", Now);
        Assert.Equal(MemberReport.ErrorReportedOn, report.End(new DateOnly(2026, 2, 28), "sec", Now));
        Assert.Null(report.End(new DateOnly(2026, 9, 30), "sec", Now));
        Assert.False(report.IsLive);
        Assert.True(report.CountsAsReportedOn(new DateOnly(2026, 9, 30)));
        Assert.False(report.CountsAsReportedOn(new DateOnly(2026, 10, 1)));
        Assert.Equal(MemberReport.ErrorEnded, report.End(new DateOnly(2026, 10, 1), "sec", Now));
    }

    [Fact]
    public void A_report_ended_before_it_was_verified_never_counts()
    {
        var report = Submitted(new DateOnly(2026, 3, 1));
        Assert.Null(report.End(new DateOnly(2026, 4, 1), "sec", Now));
        Assert.False(report.CountsAsReportedOn(new DateOnly(2026, 3, 15)));
    }
}

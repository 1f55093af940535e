using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Localization;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Councils;

/// <summary>
/// The secretariat puts a council's regular meetings of the coming year on the calendar: exactly the calendar rule's
/// meetings that are not there yet, each with the chair of its day and the recorder; never twice; managers only.
/// </summary>
public sealed class ScheduleMeetingsTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<Result<ScheduledMeetings>> ScheduleAsync(string user, int councilId) =>
        TestAccounts.AsAsync(Host, user, s => s.GetRequiredService<CouncilService>().ScheduleMeetingsAsync(councilId, Ct));

    private Task<int> CountAsync(int councilId) => TestAccounts.DbAsync(Host, db => db.Meetings.CountAsync(m => m.CouncilId == councilId, Ct));

    [Fact]
    public async Task The_secretary_adds_the_missing_regular_meetings_of_the_next_twelve_months_once()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        var existing = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.CouncilId == council.Id && m.PeriodKey != null).Select(m => m.PeriodKey!).ToListAsync(Ct));
        // What the rule gives, computed with the domain: the demo holds six months, so the second half-year is missing.
        var expected = MeetingCalendar.Generate(council.CalendarRule(), today, today.AddMonths(CouncilService.ScheduleMonthsAhead), now, PortalTime.Zone, existing);
        Assert.NotEmpty(expected);
        var before = await CountAsync(council.Id);

        Assert.Equal(expected.Count, (await ScheduleAsync("secretary", council.Id)).Value?.Added);

        var added = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == council.Id && expected.Select(p => p.PeriodKey).Contains(m.PeriodKey!)).OrderBy(m => m.StartsAtUtc).ToListAsync(Ct));
        Assert.Equal(expected.Select(p => (p.PeriodKey, p.StartsAtUtc)), added.Select(m => (m.PeriodKey!, m.StartsAtUtc)));
        Assert.All(added, m =>
        {
            Assert.Equal(MeetingStatus.Scheduled, m.Status);
            Assert.Equal(MeetingKind.Regular, m.Kind);
            Assert.NotNull(m.ChairPersonId);
            Assert.NotNull(m.RecorderPersonId);
            Assert.EndsWith("党建联席会议", m.Title, StringComparison.Ordinal);
        });
        // A second time adds nothing.
        Assert.Equal(0, (await ScheduleAsync("secretary", council.Id)).Value?.Added);
        Assert.Equal(before + expected.Count, await CountAsync(council.Id));
    }

    [Theory]
    [InlineData("liaison")]
    [InlineData("gridworker")]
    [InlineData("resident")]
    [InlineData("resident2")]
    public async Task Only_managers_schedule_and_others_change_nothing(string user)
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var before = await CountAsync(council.Id);

        var refused = await ScheduleAsync(user, council.Id);

        Assert.Equal(Outcome.NotFound, refused.Outcome);
        Assert.Equal("联席会议不存在，或您无权查看。", Host.TextOf(refused));

        Assert.Equal(before, await CountAsync(council.Id));
    }
}

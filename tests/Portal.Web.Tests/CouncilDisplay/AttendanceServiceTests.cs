using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.CouncilDisplay;

/// <summary>
/// Attendance through the real portal (service, database, live bus): the expected list, self check-in by QR code, marking
/// by those who steer, guests, and who is refused. Demo: "secretary" holds the secretariat seat (expected, steers),
/// "gridworker" the recorder seat (expected, does not steer), "liaison" is the liaison of a member unit (a participant,
/// not expected), "resident" sees the council but takes no part, "resident2" lives in another community.
/// </summary>
public sealed class AttendanceServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<AttendanceService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<AttendanceService>()));

    private Task<int> PersonOfAsync(string userName) =>
        TestAccounts.DbAsync(Host, db => db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId!.Value).SingleAsync(Ct));

    private async Task<IReadOnlyList<int>> ExpectedPersonsAsync(int meetingId)
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var meeting = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, Ct));
        return CouncilRoster.ExpectedPersonsOn(council.Members, CouncilAccess.DayOf(meeting));
    }

    [Fact]
    public async Task The_expected_list_is_everyone_with_a_seat_on_the_day_created_once_with_units_from_the_seats()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "签到名单测试");
        var expected = await ExpectedPersonsAsync(meetingId);

        var first = await As("secretary", s => s.LoadAsync(meetingId, Ct));
        var second = await As("gridworker", s => s.LoadAsync(meetingId, Ct));

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(expected.Order(), first.Rows.Select(r => r.PersonId).Order());
        Assert.All(first.Rows, r => Assert.True(r.IsExpected));
        Assert.Equal(new AttendanceFigures(expected.Count, 0, 0), first.Figures);
        Assert.Equal(expected.Count, second.Rows.Count);
        var rows = await TestAccounts.DbAsync(Host, db => db.Attendances.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(Ct));
        Assert.Equal(expected.Count, rows.Count);
        // Unit seats bring their unit; the secretariat and the recorder sit without one.
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        foreach (var row in rows)
        {
            var seatUnit = council.Members.FirstOrDefault(m => m.PersonId == row.PersonId && m.UnitId is not null)?.UnitId;
            Assert.Equal(seatUnit, row.UnitId);
        }
        Assert.True(first.CanSteer);
        Assert.True(first.CanMark);
        Assert.False(second.CanSteer);
        Assert.False(second.CanMark);
    }

    [Fact]
    public async Task A_participant_checks_in_once_by_QR_code_and_the_change_is_published_after_the_save()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "扫码签到测试");
        var expected = await ExpectedPersonsAsync(meetingId);
        var gridworker = await PersonOfAsync("gridworker");
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Host.Services.GetRequiredService<LiveEventBus>()
            .Subscribe(MeetingChannels.For(meetingId), e => { received.TrySetResult(e); return Task.CompletedTask; });

        var outcome = await As("gridworker", s => s.SelfCheckInAsync(meetingId, Ct));

        Assert.True(outcome.Succeeded, Host.TextOf(outcome));
        var change = outcome.Value!.Change;
        Assert.Equal(gridworker, change.PersonId);
        Assert.Equal("孙志强", change.PersonName);
        Assert.True(change.IsExpected);
        Assert.Equal(CheckInWay.QrCode, change.Way);
        Assert.Equal(expected.Count, change.Expected);
        Assert.Equal(1, change.Present);
        Assert.Equal(Math.Round(100.0 / expected.Count, 1, MidpointRounding.AwayFromZero), change.RatePercent);
        var liveEvent = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(MeetingChannels.AttendanceChangedType, liveEvent.Type);
        Assert.Equal(change, liveEvent.PayloadAs<AttendanceChanged>());
        var stored = await TestAccounts.DbAsync(Host, db => db.Attendances.AsNoTracking().SingleAsync(a => a.MeetingId == meetingId && a.PersonId == gridworker, Ct));
        Assert.NotNull(stored.CheckedInAtUtc);
        Assert.Equal(CheckInWay.QrCode, stored.Way);
        Assert.Null(stored.MarkedByUserId);

        // A second check-in is refused with the domain's message and moves nothing.
        var again = await As("gridworker", s => s.SelfCheckInAsync(meetingId, Ct));
        Assert.Equal(Outcome.Invalid, again.Outcome);
        Assert.Equal(AttendanceRules.AlreadyCheckedIn, again.FormMessage?.Key);
        Assert.Equal("已签到，无需重复签到。", Host.TextOf(again));
        var after = await TestAccounts.DbAsync(Host, db => db.Attendances.AsNoTracking().SingleAsync(a => a.MeetingId == meetingId && a.PersonId == gridworker, Ct));
        Assert.Equal(stored.CheckedInAtUtc, after.CheckedInAtUtc);
    }

    [Fact]
    public async Task Self_check_in_opens_an_hour_before_the_start()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "未到签到时间", startsIn: TimeSpan.FromHours(3));

        var early = await As("secretary", s => s.SelfCheckInAsync(meetingId, Ct));

        Assert.Equal(Outcome.Invalid, early.Outcome);
        Assert.Equal(AttendanceRules.OutsideWindow, early.FormMessage?.Key);
        Assert.False(string.IsNullOrWhiteSpace(Host.TextOf(early)));
        Assert.NotEqual(AttendanceRules.OutsideWindow, Host.TextOf(early));
        var present = await TestAccounts.DbAsync(Host, db => db.Attendances.CountAsync(a => a.MeetingId == meetingId && a.CheckedInAtUtc != null, Ct));
        Assert.Equal(0, present);
        // The secretary may still mark someone present ahead of time (someone arrived early without a phone).
        var gridworker = await PersonOfAsync("gridworker");
        Assert.True((await As("secretary", s => s.MarkPresentAsync(meetingId, gridworker, Ct))).Succeeded);
    }

    [Fact]
    public async Task A_participant_without_a_seat_checks_in_as_a_guest_who_does_not_count_in_the_rate()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "列席签到测试");
        var expected = await ExpectedPersonsAsync(meetingId);
        var liaison = await PersonOfAsync("liaison");
        Assert.DoesNotContain(liaison, expected);

        var outcome = await As("liaison", s => s.SelfCheckInAsync(meetingId, Ct));

        Assert.True(outcome.Succeeded, Host.TextOf(outcome));
        var change = outcome.Value!.Change;
        Assert.False(change.IsExpected);
        Assert.Equal(0, change.Present);
        Assert.Equal(1, change.Guests);
        Assert.Equal(expected.Count, change.Expected);
        // The liaison's unit comes from the seat they handle.
        Assert.NotNull(change.UnitName);
        var view = await As("secretary", s => s.LoadAsync(meetingId, Ct));
        var row = Assert.Single(view!.Rows, r => r.PersonId == liaison);
        Assert.False(row.IsExpected);
        Assert.True(row.IsPresent);
        Assert.Equal(new AttendanceFigures(expected.Count, 0, 1), view.Figures);
    }

    [Fact]
    public async Task Only_those_who_steer_mark_people_present_and_the_mark_names_who_did_it()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "标记出席测试");
        var expected = await ExpectedPersonsAsync(meetingId);
        var gridworker = await PersonOfAsync("gridworker");
        var secretary = await PersonOfAsync("secretary");

        // The recorder records but does not steer; a liaison takes part but does not steer.
        var byRecorder = await As("gridworker", s => s.MarkPresentAsync(meetingId, secretary, Ct));
        var byLiaison = await As("liaison", s => s.MarkPresentAsync(meetingId, secretary, Ct));
        var byResident = await As("resident", s => s.MarkPresentAsync(meetingId, secretary, Ct));
        Assert.All([byRecorder, byLiaison, byResident], r =>
        {
            Assert.Equal(Outcome.NotAllowed, r.Outcome);
            Assert.Equal(AttendanceService.NotSteering, r.FormMessage?.Key);
        });
        Assert.Equal("只有会议主持人或秘书处可以标记出席。", Host.TextOf(byRecorder));

        var marked = await As("secretary", s => s.MarkPresentAsync(meetingId, gridworker, Ct));
        Assert.True(marked.Succeeded, Host.TextOf(marked));
        Assert.Equal(CheckInWay.MarkedBySecretary, marked.Value!.Change.Way);
        Assert.Equal(1, marked.Value.Change.Present);
        var secretaryUser = await TestAccounts.FindAsync(Host, "secretary");
        var stored = await TestAccounts.DbAsync(Host, db => db.Attendances.AsNoTracking().SingleAsync(a => a.MeetingId == meetingId && a.PersonId == gridworker, Ct));
        Assert.Equal(secretaryUser.Id, stored.MarkedByUserId);

        // Marking twice is refused; someone not on the list cannot be marked.
        Assert.Equal(AttendanceRules.AlreadyCheckedIn, (await As("secretary", s => s.MarkPresentAsync(meetingId, gridworker, Ct))).FormMessage?.Key);
        var resident = await PersonOfAsync("resident");
        Assert.Equal(AttendanceService.PersonNotListed, (await As("secretary", s => s.MarkPresentAsync(meetingId, resident, Ct))).FormMessage?.Key);
        // The figures count the secretary's own QR check-in and the mark.
        Assert.True((await As("secretary", s => s.SelfCheckInAsync(meetingId, Ct))).Succeeded);
        var view = await As("secretary", s => s.LoadAsync(meetingId, Ct));
        Assert.Equal(new AttendanceFigures(expected.Count, 2, 0), view!.Figures);
    }

    [Fact]
    public Task Marks_made_at_the_same_time_publish_figures_in_the_order_of_their_events_on_SQLite() =>
        ConcurrentMarksAsync(Host);

    [Fact]
    public async Task Marks_made_at_the_same_time_publish_figures_in_the_order_of_their_events_on_PostgreSQL()
    {
        await PostgresPortalTests.OnFreshPostgresAsync("attendance", ConcurrentMarksAsync);
    }

    /// <summary>
    /// The secretary's panel and the projector take the figures of each attendance event as they come. Everyone on the
    /// list is marked at once (a double click, two stewards); event N must then say N present, so the last one says all.
    /// Each mark used to compute its figures from the list it read before the others were saved: all said "1 present".
    /// </summary>
    private static async Task ConcurrentMarksAsync(PortalHost host)
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(host, "同时标记出席测试");
        var first = await TestAccounts.AsAsync(host, "secretary", s => s.GetRequiredService<AttendanceService>().LoadAsync(meetingId, Ct));
        var persons = first!.Rows.Where(r => r.IsExpected).Select(r => r.PersonId).ToList();
        Assert.True(persons.Count >= 3, $"the demo council lists {persons.Count}");
        var channel = MeetingChannels.For(meetingId);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var marks = persons.Select(person => Task.Run(async () =>
        {
            await start.Task;
            return await TestAccounts.AsAsync(host, "secretary", s => s.GetRequiredService<AttendanceService>().MarkPresentAsync(meetingId, person, Ct));
        }, Ct)).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(marks);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, host.TextOf(o)));
        var events = await TestAccounts.DbAsync(host, db => db.LiveEvents.AsNoTracking()
            .Where(e => e.Channel == channel && e.Type == MeetingChannels.AttendanceChangedType)
            .OrderBy(e => e.Sequence).Select(e => e.Payload).ToListAsync(Ct));
        var present = events.Select(p => JsonSerializer.Deserialize<AttendanceChanged>(p, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Present).ToList();
        Assert.Equal(Enumerable.Range(1, persons.Count), present);
        Assert.Equal(persons.Count, outcomes.Max(o => o.Value!.Change.Present));
    }

    [Fact]
    public async Task A_resident_without_a_part_in_the_council_is_refused_and_sees_no_list()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "非参会人员测试");

        var resident = await As("resident", s => s.SelfCheckInAsync(meetingId, Ct));
        var resident2 = await As("resident2", s => s.SelfCheckInAsync(meetingId, Ct));

        Assert.Equal(Outcome.NotAllowed, resident.Outcome);
        Assert.Equal(AttendanceService.NotParticipant, resident.FormMessage?.Key);
        Assert.Equal("您不是这次会议的参会人员，不能签到。", Host.TextOf(resident));
        // Another community's resident cannot even see the meeting: refused like one that does not exist.
        Assert.Equal(Outcome.NotFound, resident2.Outcome);
        Assert.Equal(AttendanceService.NotFound, resident2.FormMessage?.Key);
        Assert.Null(await As("resident", s => s.LoadAsync(meetingId, Ct)));
        Assert.Null(await As("resident2", s => s.LoadAsync(meetingId, Ct)));
        var info = await As("resident", s => s.CheckInInfoAsync(meetingId, Ct));
        Assert.False(info!.IsParticipant);
        Assert.Null(await As("resident2", s => s.CheckInInfoAsync(meetingId, Ct)));
        var guests = await TestAccounts.DbAsync(Host, db => db.Attendances.CountAsync(a => a.MeetingId == meetingId && !a.IsExpected, Ct));
        Assert.Equal(0, guests);
    }

    [Fact]
    public async Task Errors_are_in_English_for_an_English_user()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(Host, "English errors");

        var outcome = await Host.AsAsync<AttendanceService, Result<AttendanceStored>>("resident", s => s.SelfCheckInAsync(meetingId, Ct), "en");

        Assert.Equal("You are not a participant of this meeting, so you cannot check in.", Host.TextOf(outcome, culture: "en"));
    }
}

using Portal.Web.Kit.Callers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Councils;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Councils;

/// <summary>
/// Who may view, participate in, steer and record a meeting of the first demo council, per demo account — the one
/// definition every council page, service and hub rule uses.
/// </summary>
public sealed class CouncilAccessTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<MeetingAccess?> LoadAsync(string user, int meetingId) => TestAccounts.AsAsync(fixture.Host, user, async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var caller = await services.GetRequiredService<CallerScope>().GetAsync(Ct);
        return await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, Ct);
    });

    [Theory]
    // user,        view,  participate, steer, record, manage
    [InlineData("secretary", true, true, true, true, true)]     // manages the community and holds the secretariat seat
    [InlineData("admin", true, true, true, true, true)]         // street administrator: manages every community of the street
    [InlineData("gridworker", true, true, false, true, false)]  // the recorder seat
    [InlineData("liaison", true, true, false, false, false)]    // liaison of a member unit (the hospital)
    [InlineData("resident", true, false, false, false, false)]  // sees the council of their community, holds no seat
    public async Task Rights_per_demo_account(string user, bool view, bool participate, bool steer, bool record, bool manage)
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(fixture.Host, "权限测试会议");

        var access = await LoadAsync(user, meetingId);

        Assert.NotNull(access);
        Assert.Equal(new MeetingRights(view, participate, steer, record, manage), access.Rights);
    }

    [Theory]
    // participate, view, status → edition read (decision 0016)
    [InlineData(true, true, MeetingStatus.Ended, MinutesEdition.Full)]
    [InlineData(true, true, MeetingStatus.MinutesApproved, MinutesEdition.Full)]
    [InlineData(false, true, MeetingStatus.MinutesApproved, MinutesEdition.Public)]
    [InlineData(false, true, MeetingStatus.Ended, null)]
    [InlineData(false, false, MeetingStatus.MinutesApproved, null)]
    public void Participants_read_the_full_minutes_other_viewers_the_public_version_of_approved_ones(bool participate, bool view,
        MeetingStatus status, MinutesEdition? expected)
    {
        var rights = new MeetingRights(view, participate, false, false, false);

        Assert.Equal(participate, rights.CanReadFullMinutes);
        Assert.Equal(expected, CouncilAccess.MinutesEditionFor(rights, status));
    }

    [Fact]
    public async Task Another_community_s_resident_and_a_missing_meeting_get_nothing()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(fixture.Host, "他社区不可见");

        Assert.Null(await LoadAsync("resident2", meetingId));
        Assert.Null(await LoadAsync("secretary", int.MaxValue));
    }

    [Fact]
    public async Task Someone_on_the_attendance_list_participates_without_a_seat()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(fixture.Host, "列席人员");
        var residentPersonId = await TestAccounts.DbAsync(fixture.Host, db => db.Users.Where(u => u.UserName == "resident").Select(u => u.PersonId).SingleAsync(Ct));
        await TestAccounts.DbAsync(fixture.Host, async db =>
        {
            db.Attendances.Add(new Domain.Councils.Attendance { MeetingId = meetingId, PersonId = residentPersonId!.Value, IsExpected = false });
            return await db.SaveChangesAsync(Ct);
        });

        var access = await LoadAsync("resident", meetingId);

        Assert.True(access!.Rights.CanParticipate);
        Assert.False(access.Rights.CanSteer);
    }
}

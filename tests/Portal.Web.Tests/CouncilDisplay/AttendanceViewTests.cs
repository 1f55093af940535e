using Portal.Domain.Councils;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;

namespace Portal.Web.Tests.CouncilDisplay;

/// <summary>The attendance panel applies a published check-in to the list it shows instead of reloading it.</summary>
public sealed class AttendanceViewTests
{
    private static readonly DateTime At = new(2026, 12, 5, 6, 0, 0, DateTimeKind.Utc);

    private static AttendanceView View() => new(1, "测试会议", MeetingStatus.InProgress, new AttendanceFigures(2, 0, 0),
        [new AttendanceRow(10, "王芳", "东城区第二人民医院", true, null, null, null), new AttendanceRow(11, "李强", null, true, null, null, "出差")],
        CanSteer: true, CanMark: true, Sequence: 4);

    [Fact]
    public void A_check_in_updates_that_persons_row_and_the_figures_and_keeps_the_others()
    {
        var after = View().With(new AttendanceChanged(11, "李强", null, true, At, CheckInWay.MarkedBySecretary, 2, 1, 0, 50), 5);

        Assert.Equal(new AttendanceFigures(2, 1, 0), after.Figures);
        Assert.Equal([10, 11], after.Rows.Select(r => r.PersonId));
        var li = after.Rows[1];
        Assert.Equal((At, CheckInWay.MarkedBySecretary, "出差"), (li.CheckedInAtUtc!.Value, li.Way!.Value, li.LeaveReason));
        Assert.Equal(View().Rows[0], after.Rows[0]);
    }

    [Fact]
    public void A_guest_who_checks_in_is_added_to_the_list_and_counted_apart()
    {
        var after = View().With(new AttendanceChanged(12, "赵敏", "和平里第四小学", false, At, CheckInWay.QrCode, 2, 0, 1, 0), 5);

        Assert.Equal(3, after.Rows.Count);
        Assert.Equal((12, false, true), (after.Rows[2].PersonId, after.Rows[2].IsExpected, after.Rows[2].IsPresent));
        Assert.Equal(new AttendanceFigures(2, 0, 1), after.Figures);
    }

    [Fact]
    public void Figures_older_than_those_shown_are_not_taken_but_the_persons_row_is()
    {
        // Event 6 (both present) arrived before the outcome of the command behind event 5 (one present).
        var newer = View().With(new AttendanceChanged(10, "王芳", "东城区第二人民医院", true, At, CheckInWay.QrCode, 2, 2, 0, 100), 6);
        var after = newer.With(new AttendanceChanged(11, "李强", null, true, At, CheckInWay.MarkedBySecretary, 2, 1, 0, 50), 5);

        Assert.Equal(new AttendanceFigures(2, 2, 0), after.Figures);
        Assert.Equal(6, after.Sequence);
        Assert.All(after.Rows, r => Assert.True(r.IsPresent));
        // Figures the loaded list already includes are not taken either.
        Assert.Equal(new AttendanceFigures(2, 0, 0), View().With(new AttendanceChanged(11, "李强", null, true, At, CheckInWay.MarkedBySecretary, 2, 1, 0, 50), 4).Figures);
    }
}

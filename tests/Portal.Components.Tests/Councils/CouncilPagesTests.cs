using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Councils;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Pages;

namespace Portal.Components.Tests.Councils;

/// <summary>The council pages' presentational pieces: meeting status chips, the meeting list, the roster and the rotation.</summary>
public sealed class CouncilPagesTests : PortalComponentTest
{
    private static MeetingRow Meeting(int id, string title, MeetingStatus status, string? chair = null, AttendanceFigures attendance = default) =>
        new(id, title, MeetingKind.Regular, status, new DateTime(2026, 3, 10, 6, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc),
            "党群服务中心", chair, attendance);

    private static RosterRow Seat(string unit, CouncilRole role, DateOnly? termTo = null, bool partTime = true) =>
        new(unit.Length, Guid.NewGuid(), unit, unit + "书记", unit + "联络员", role, partTime, new DateOnly(2026, 1, 1), termTo, null, termTo is null);

    [Theory]
    [InlineData(MeetingStatus.Scheduled, "已排期", Color.Info)]
    [InlineData(MeetingStatus.InProgress, "进行中", Color.Warning)]
    [InlineData(MeetingStatus.Ended, "已结束（纪要起草中）", Color.Warning)]
    [InlineData(MeetingStatus.MinutesApproved, "纪要已审定", Color.Success)]
    [InlineData(MeetingStatus.Cancelled, "已取消", Color.Default)]
    public void A_meeting_status_is_named_and_coloured_by_its_one_meaning(MeetingStatus status, string name, Color color)
    {
        var chip = Render<MeetingStatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(name, chip.Find("[data-testid=meeting-status]").TextContent.Trim());
        Assert.Equal(color, StatusTones.ColorOf(CouncilStatusTone.Of(status)));
        Assert.Equal(status.ToString(), chip.Find("[data-testid=meeting-status]").GetAttribute("data-status"));
        Assert.Contains($"mud-chip-color-{color.ToString().ToLowerInvariant()}", chip.Find(".mud-chip").ClassName);
    }

    [Fact]
    public void The_status_chip_speaks_english_too_and_takes_another_test_id()
    {
        UseCulture("en");

        var chip = Render<MeetingStatusChip>(p => p.Add(c => c.Status, MeetingStatus.InProgress).Add(c => c.TestId, "minutes-status"));

        Assert.Equal("In progress", chip.Find("[data-testid=minutes-status]").TextContent.Trim());
    }

    [Fact]
    public void An_empty_meeting_list_says_so_under_its_own_test_id()
    {
        var list = Render<MeetingList>(p => p.Add(l => l.Meetings, []).Add(l => l.TestId, "meetings-upcoming").Add(l => l.EmptyText, "暂无即将召开的会议。"));

        Assert.Equal("暂无即将召开的会议。", list.Find("[data-testid=meetings-upcoming-empty]").TextContent.Trim());
        Assert.Empty(list.FindAll("[data-testid=meeting-row]"));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Meetings_are_listed_with_title_link_status_chair_and_attendance_only_where_asked(bool showAttendance, int attendanceLines)
    {
        var meetings = new[]
        {
            Meeting(7, "三月例会", MeetingStatus.Ended, chair: "王主任", attendance: new AttendanceFigures(10, 8, 1)),
            Meeting(8, "四月例会", MeetingStatus.Scheduled),
        };

        var list = Render<MeetingList>(p => p.Add(l => l.Meetings, meetings).Add(l => l.TestId, "meetings-past")
            .Add(l => l.EmptyText, "—").Add(l => l.ShowAttendance, showAttendance));

        var rows = list.FindAll("[data-testid=meetings-past] [data-testid=meeting-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("三月例会", rows[0].QuerySelector("[data-testid=meeting-title]")!.TextContent.Trim());
        Assert.EndsWith("councils/meetings/7", rows[0].QuerySelector("[data-testid=meeting-title]")!.GetAttribute("href"));
        Assert.Equal("已结束（纪要起草中）", rows[0].QuerySelector("[data-testid=meeting-status]")!.TextContent.Trim());
        Assert.Contains("主持：王主任", rows[0].TextContent);
        Assert.DoesNotContain("主持", rows[1].TextContent);
        Assert.Equal(attendanceLines, list.FindAll("[data-testid=meeting-attendance]").Count);
        if (showAttendance)
            Assert.Equal("应到10人，实到8人，出席率80%", list.Find("[data-testid=meeting-attendance]").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "暂无成员。")]
    [InlineData("en", "No members yet.")]
    public void An_empty_roster_says_so(string culture, string text)
    {
        var roster = RenderIn<RosterTable>(culture, p => p.Add(r => r.Rows, []));

        Assert.Equal(text, roster.Find("[data-testid=roster-empty]").TextContent.Trim());
        Assert.Empty(roster.FindAll("[data-testid=roster]"));
    }

    [Fact]
    public void The_roster_lists_each_seat_with_its_post_and_term_and_has_no_action_column_for_readers()
    {
        var roster = Render<RosterTable>(p => p.Add(r => r.Rows, [Seat("第一中学", CouncilRole.Chair), Seat("区医院", CouncilRole.Member, new DateOnly(2026, 6, 30))]));

        var rows = roster.FindAll("[data-testid=roster] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("主任", rows[0].QuerySelector("[data-testid=roster-post]")!.TextContent);
        Assert.Contains("第一中学书记", rows[0].TextContent);
        Assert.Contains("兼职委员", rows[0].TextContent);
        Assert.Contains("至今", rows[0].TextContent);
        Assert.DoesNotContain("至今", rows[1].TextContent);
        Assert.DoesNotContain("操作", roster.Find("[data-testid=roster] thead").TextContent);
        // On a phone each row stacks as a labelled card.
        Assert.Equal("单位", rows[0].QuerySelectorAll("td")[1].GetAttribute("data-label"));
    }

    [Fact]
    public void Managers_get_the_seat_actions_in_a_column_of_their_own()
    {
        var roster = Render<RosterTable>(p => p.Add(r => r.Rows, [Seat("第一中学", CouncilRole.Member)])
            .Add(r => r.Actions, (RenderFragment<RosterRow>)(seat => b => b.AddMarkupContent(0, $"<button data-testid=\"act\">{seat.UnitName}</button>"))));

        Assert.Equal("第一中学", roster.Find("[data-testid=roster] tbody [data-testid=act]").TextContent);
        Assert.Contains("操作", roster.Find("[data-testid=roster] thead").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "2026 (本年度)", "无（由牵头单位主持）")]
    [InlineData("en", "2026 (this year)", null)]
    public void The_rotation_marks_this_year_in_words_and_says_when_no_unit_chairs(string culture, string current, string? noChair)
    {
        UseCulture(culture);
        RotationRow[] rows = [new(2026, "第一中学", "区医院", true), new(2027, "第一中学", null, false)];

        var schedule = Render<RotationSchedule>(p => p.Add(r => r.Rows, rows));

        var years = schedule.FindAll("[data-testid=rotation-year]");
        Assert.Equal("true", years[0].GetAttribute("data-current"));
        Assert.Equal(current, years[0].QuerySelector("td")!.TextContent);
        Assert.Equal("区医院", years[0].QuerySelector("[data-testid=rotation-chair]")!.TextContent);
        Assert.Equal("false", years[1].GetAttribute("data-current"));
        if (noChair is not null) Assert.Equal(noChair, years[1].QuerySelector("[data-testid=rotation-chair]")!.TextContent);
    }

    [Fact]
    public void A_council_card_links_to_the_council_and_names_its_facts()
    {
        var card = Render<CouncilCard>(p => p.Add(c => c.Council,
            new CouncilSummary(3, "青年湖社区共建联席会", "青年湖社区", ChairArrangement.LeadUnitWithRotatingChair, MeetingFrequency.Quarterly, 5, null)));

        var link = card.Find("[data-testid=council-link]");
        Assert.Equal("青年湖社区共建联席会", link.TextContent.Trim());
        Assert.EndsWith("councils/3", link.GetAttribute("href"));
        Assert.Contains("青年湖社区", card.Markup);
        Assert.Contains("每季度", card.Markup);
        Assert.Contains("牵头单位 + 年度轮值主席", card.Markup);
    }
}

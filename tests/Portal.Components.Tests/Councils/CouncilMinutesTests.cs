using Portal.Domain.WorkItems;
using Portal.Web.Features.Councils.Minutes;

namespace Portal.Components.Tests.Councils;

/// <summary>The minutes page's presentational pieces: the resolutions table (read and edit) and a council's task list.</summary>
public sealed class CouncilMinutesTests : PortalComponentTest
{
    private static ResolutionRow Resolution(int id, string decision, int? task = null) =>
        new(id, 1, "社区助餐点扩容", decision, 11, "区民政局", [12, 13], ["区卫健委", "街道办"], new DateOnly(2026, 4, 30), 21, "李督办", task);

    [Fact]
    public void Readers_see_each_resolution_with_its_owner_due_date_and_task_but_no_edit_buttons()
    {
        var table = Render<ResolutionTable>(p => p.Add(t => t.Rows, [Resolution(1, "一个月内完成选址", task: 99), Resolution(2, "两周内报送意见")]));

        var rows = table.FindAll("[data-testid=resolution-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("一个月内完成选址", rows[0].QuerySelector("[data-testid=resolution-decision]")!.TextContent);
        Assert.Equal("区民政局", rows[0].QuerySelector("[data-testid=resolution-owner]")!.TextContent);
        Assert.Contains("区卫健委、街道办", rows[0].TextContent);
        Assert.EndsWith("lists/items/99", rows[0].QuerySelector("[data-testid=resolution-task-link]")!.GetAttribute("href"));
        Assert.Contains("纪要审定后生成", rows[1].TextContent);
        Assert.Empty(table.FindAll("[data-testid=resolution-edit]"));
        Assert.Empty(table.FindAll("[data-testid=resolution-delete]"));
    }

    [Fact]
    public void The_recorder_edits_or_deletes_a_resolution_through_the_callbacks()
    {
        ResolutionRow? edited = null, deleted = null;
        var rows = new[] { Resolution(1, "一个月内完成选址"), Resolution(2, "两周内报送意见") };
        var table = Render<ResolutionTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Editable, true)
            .Add(t => t.Edit, r => edited = r).Add(t => t.Delete, r => deleted = r));

        table.FindAll("[data-testid=resolution-edit]")[1].Click();
        table.FindAll("[data-testid=resolution-delete]")[0].Click();

        Assert.Same(rows[1], edited);
        Assert.Same(rows[0], deleted);
        Assert.Equal("修改", table.FindAll("[data-testid=resolution-edit]")[0].GetAttribute("aria-label"));
    }

    [Fact]
    public void In_english_the_table_and_its_buttons_are_english()
    {
        UseCulture("en");

        var table = Render<ResolutionTable>(p => p.Add(t => t.Rows, [Resolution(1, "Site chosen within a month")]).Add(t => t.Editable, true));

        Assert.Contains("Created on approval", table.Markup);
        Assert.Equal("Delete", table.Find("[data-testid=resolution-delete]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_task_list_links_each_task_and_shows_the_reason_only_where_asked()
    {
        CouncilTaskRow[] rows =
        [
            new(5, "助餐点选址", WorkItemStatus.InProgress, "区民政局", new DateOnly(2026, 2, 1), "场地协调中", new DateTime(2026, 2, 3, 2, 0, 0, DateTimeKind.Utc)),
            new(6, "供暖巡检", WorkItemStatus.Dispatched, null, null, null, null),
        ];

        var overdue = Render<CouncilTaskList>(p => p.Add(l => l.Rows, rows).Add(l => l.ShowReason, true).Add(l => l.TestId, "tasks-overdue"));
        var recent = Render<CouncilTaskList>(p => p.Add(l => l.Rows, rows).Add(l => l.TestId, "tasks-recent"));

        var links = overdue.FindAll("[data-testid=tasks-overdue] [data-testid=task-link]");
        Assert.Equal("助餐点选址", links[0].TextContent.Trim());
        Assert.EndsWith("lists/items/5", links[0].GetAttribute("href"));
        var reasons = overdue.FindAll("[data-testid=task-reason]");
        Assert.StartsWith("原因：场地协调中", reasons[0].TextContent.Trim());
        Assert.Equal("尚无进展说明", reasons[1].TextContent.Trim());
        Assert.Empty(recent.FindAll("[data-testid=task-reason]"));
    }
}

using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Meetings;
using static Portal.Components.Tests.CouncilMeetings.AgendaTestData;

namespace Portal.Components.Tests.CouncilMeetings;

/// <summary>What every participant sees of one agenda item, in its states: waiting, current, urgent, done and recorded.</summary>
public sealed class AgendaItemSummaryTests : PortalComponentTest
{
    public AgendaItemSummaryTests() => UseClock(Now);

    private IRenderedComponent<AgendaItemSummary> RenderItem(AgendaView view, AgendaItemState item, bool draggable = false) =>
        Render<AgendaItemSummary>(p => p.Add(s => s.View, view).Add(s => s.Item, item).Add(s => s.Draggable, draggable));

    [Fact]
    public void A_waiting_item_shows_its_place_title_and_time_box_and_nothing_else()
    {
        var first = Item(4, "社区停车秩序整治");
        var second = Item(2, "老年助餐点选址", 15);
        var view = View(MeetingStatus.InProgress, null, first, second);

        var row = RenderItem(view, second);

        Assert.Equal("2", row.Find("[data-testid=agenda-item-place]").TextContent);
        Assert.Equal("老年助餐点选址", row.Find("[data-testid=agenda-item-title]").TextContent);
        Assert.Equal("限时 15 分钟", row.Find("[data-testid=agenda-item-timebox]").TextContent);
        foreach (var absent in new[] { "agenda-item-urgent", "agenda-item-current", "agenda-countdown", "agenda-item-start", "agenda-item-end",
                     "agenda-item-outcome", "agenda-item-notes", "item-drag" })
            Assert.Empty(row.FindAll($"[data-testid={absent}]"));
    }

    [Fact]
    public void The_current_item_says_so_in_words_beside_the_colour_and_counts_down()
    {
        var item = Item(1, "社区停车秩序整治", 20, started: Now.AddMinutes(-5), timerSince: Now.AddMinutes(-5));

        var row = RenderItem(View(MeetingStatus.InProgress, 1, item), item);

        var chip = row.Find("[data-testid=agenda-item-current]");
        Assert.Equal("正在讨论", chip.TextContent.Trim());
        Assert.Contains("mud-chip-color-warning", chip.ClassName);
        Assert.Equal("15:00", row.Find("[data-countdown-text]").TextContent);
        Assert.Equal("开始 09:55", row.Find("[data-testid=agenda-item-start]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "临时动议", "限时 5 分钟")]
    [InlineData("en", "Urgent", "5 min")]
    public void An_urgent_item_is_marked_in_the_reader_s_language(string culture, string urgent, string timeBox)
    {
        UseCulture(culture);
        var item = Item(3, "燃气安全紧急通报", 5, urgent: true);

        var row = RenderItem(View(MeetingStatus.InProgress, null, item), item);

        Assert.Equal(urgent, row.Find("[data-testid=agenda-item-urgent]").TextContent.Trim());
        Assert.Equal(timeBox, row.Find("[data-testid=agenda-item-timebox]").TextContent);
    }

    [Fact]
    public void A_finished_item_shows_its_times_outcome_and_notes_as_written()
    {
        var item = Item(1, "社区停车秩序整治", started: Now.AddMinutes(-40), ended: Now.AddMinutes(-18),
            outcome: "同意实施", notes: "物业、交警、社区三方联合巡查\n每周一次");

        var row = RenderItem(View(MeetingStatus.Ended, null, item), item);

        Assert.Equal("开始 09:20", row.Find("[data-testid=agenda-item-start]").TextContent);
        Assert.Equal("结束 09:42", row.Find("[data-testid=agenda-item-end]").TextContent);
        Assert.Equal("同意实施", row.Find("[data-testid=agenda-item-outcome]").TextContent);
        Assert.Equal("物业、交警、社区三方联合巡查\n每周一次", row.Find("[data-testid=agenda-item-notes]").TextContent);
        Assert.Empty(row.FindAll("[data-testid=agenda-countdown]"));
    }

    [Fact]
    public void Only_those_who_steer_get_the_drag_handle_named_for_screen_readers()
    {
        var item = Item(1, "社区停车秩序整治");
        var view = View(MeetingStatus.InProgress, null, item);

        Assert.Empty(RenderItem(view, item).FindAll("[data-drag-handle]"));
        var handle = RenderItem(view, item, draggable: true).Find("[data-testid=item-drag]");
        Assert.Equal("true", handle.GetAttribute("draggable"));
        Assert.Equal("拖动调整顺序", handle.GetAttribute("title"));
    }
}

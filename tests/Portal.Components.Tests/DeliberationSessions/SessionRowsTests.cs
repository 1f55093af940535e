using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Sessions.Pages;

namespace Portal.Components.Tests.DeliberationSessions;

/// <summary>The landing page's session cards: the current step, the overdue mark, finished, and the empty state.</summary>
public sealed class SessionRowsTests : PortalComponentTest
{
    private static SessionRow Row(int id, bool overdue, bool finished = false) => new(id, 10 + id, $"议题{id}", "白银七步法", 1,
        new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), 7, finished ? null : 2, finished ? null : "公开议事",
        finished ? null : new DateTime(2026, 11, 8, 0, 0, 0, DateTimeKind.Utc), overdue, finished ? new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) : null);

    [Fact]
    public void A_card_links_to_its_session_and_says_which_step_it_is_at_and_whether_it_is_late()
    {
        var rows = Render<SessionRows>(p => p.Add(r => r.Rows, [Row(1, overdue: true), Row(2, overdue: false), Row(3, false, finished: true)])
            .Add(r => r.EmptyText, "无"));

        var cards = rows.FindAll("[data-testid=session-row]");
        Assert.Equal(3, cards.Count);
        Assert.EndsWith("deliberation/sessions/1", cards[0].GetAttribute("href"));
        Assert.Equal("第3/7步：公开议事", cards[0].QuerySelector("[data-testid=session-current]")!.TextContent.Trim());
        Assert.Equal("已逾期", cards[0].QuerySelector("[data-testid=session-overdue]")!.TextContent.Trim());
        Assert.Null(cards[1].QuerySelector("[data-testid=session-overdue]"));
        Assert.Equal("已完成", cards[2].QuerySelector("[data-testid=session-finished]")!.TextContent.Trim());
    }

    [Fact]
    public void No_sessions_shows_the_empty_text()
    {
        var rows = Render<SessionRows>(p => p.Add(r => r.Rows, []).Add(r => r.EmptyText, "目前没有正在进行的议事。"));

        Assert.Contains("目前没有正在进行的议事。", rows.Markup);
        Assert.Empty(rows.FindAll("[data-testid=session-row]"));
    }
}

using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Topics;

namespace Portal.Components.Tests.CouncilTopics;

/// <summary>
/// The topic's action buttons for each kind of reader, as the topic service hands out the actions: a screener of a new
/// topic, the proposer of a deferred one, a member who may do nothing. Which button opens what is proved in the browser.
/// </summary>
public sealed class TopicActionButtonsTests : PortalComponentTest
{
    private IRenderedComponent<TopicActionButtons> RenderButtons(TopicAction[] actions, TopicAction? open = null, bool busy = false,
        Action<TopicAction>? onAction = null) =>
        Render<TopicActionButtons>(p => p.Add(b => b.Actions, actions).Add(b => b.Open, open).Add(b => b.Busy, busy)
            .Add(b => b.OnAction, onAction ?? (_ => { })));

    [Fact]
    public void A_screener_of_a_new_topic_gets_accept_merge_defer_and_withdraw_with_accept_green_and_withdraw_red()
    {
        var bar = RenderButtons([TopicAction.Accept, TopicAction.Merge, TopicAction.Defer, TopicAction.Withdraw]);

        var buttons = bar.FindAll("button");
        Assert.Equal(["采纳", "合并", "暂缓", "撤回"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(["topic-action-accept", "topic-action-merge", "topic-action-defer", "topic-action-withdraw"], buttons.Select(b => b.GetAttribute("data-testid")));
        Assert.Contains("mud-button-outlined-success", buttons[0].ClassName);
        Assert.Contains("mud-button-outlined-secondary", buttons[1].ClassName);
        Assert.Contains("mud-button-outlined-error", buttons[3].ClassName);
    }

    [Theory]
    [InlineData("zh-CN", "改报其他会议", "撤回")]
    [InlineData("en", "Resubmit for another meeting", "Withdraw")]
    public void The_proposer_of_a_deferred_topic_may_resubmit_or_withdraw_it(string culture, string resubmit, string withdraw)
    {
        UseCulture(culture);

        var bar = RenderButtons([TopicAction.Resubmit, TopicAction.Withdraw]);

        Assert.Equal([resubmit, withdraw], bar.FindAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void A_member_who_may_do_nothing_gets_no_buttons()
    {
        Assert.Empty(RenderButtons([]).FindAll("button"));
    }

    [Fact]
    public void The_action_whose_panel_is_open_is_filled_and_while_busy_none_can_be_pressed()
    {
        var open = RenderButtons([TopicAction.Accept, TopicAction.Defer], open: TopicAction.Defer);
        Assert.Contains("mud-button-filled", open.Find("[data-testid=topic-action-defer]").ClassName);
        Assert.DoesNotContain("mud-button-filled", open.Find("[data-testid=topic-action-accept]").ClassName);

        var busy = RenderButtons([TopicAction.Accept, TopicAction.Defer], busy: true);
        Assert.All(busy.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Pressing_a_button_reports_its_action()
    {
        var pressed = new List<TopicAction>();
        var bar = RenderButtons([TopicAction.Accept, TopicAction.Merge], onAction: pressed.Add);

        bar.Find("[data-testid=topic-action-merge]").Click();
        bar.Find("[data-testid=topic-action-accept]").Click();

        Assert.Equal([TopicAction.Merge, TopicAction.Accept], pressed);
    }
}

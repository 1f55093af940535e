using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Topics;
using static Portal.Components.Tests.CouncilTopics.TopicTestData;

namespace Portal.Components.Tests.CouncilTopics;

/// <summary>
/// One topic as a member of the council reads it: status in words and colour, whose it is, the linked list item, and the
/// screening note the proposer is owed. The action bar (which calls the topic service) is proved per role in the browser.
/// </summary>
public sealed class TopicCardTests : PortalComponentTest
{
    private IRenderedComponent<TopicCard> RenderCard(TopicView topic) =>
        Render<TopicCard>(p => p.Add(c => c.Topic, topic).Add(c => c.Model, Model(topics: [topic])));

    [Theory]
    [InlineData(TopicStatus.Submitted, "待筛选", "info")]
    [InlineData(TopicStatus.Deferred, "暂缓", "warning")]
    [InlineData(TopicStatus.Accepted, "已采纳", "success")]
    [InlineData(TopicStatus.Merged, "已合并", "default")]
    [InlineData(TopicStatus.Withdrawn, "已撤回", "default")]
    public void The_status_is_a_word_with_one_colour_meaning_each(TopicStatus status, string word, string colour)
    {
        var card = RenderCard(Topic(5, "医院义诊进社区", status));

        var chip = card.Find("[data-testid=topic-status]");
        Assert.Equal(word, chip.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", chip.ClassName);
        Assert.Equal(status.ToString(), card.Find("[data-testid=topic-card]").GetAttribute("data-status"));
    }

    [Fact]
    public void Another_unit_s_topic_shows_its_proposer_and_time_but_no_mine_mark_and_no_actions()
    {
        var card = RenderCard(Topic(5, "医院义诊进社区"));

        Assert.Equal("医院义诊进社区", card.Find("[data-testid=topic-title-text]").TextContent);
        Assert.Equal("东城区第二人民医院 提议", card.Find("[data-testid=topic-proposer]").TextContent);
        Assert.Contains("15 分钟", card.Find(".tc-meta").TextContent);
        Assert.Empty(card.FindAll("[data-testid=topic-mine]"));
        Assert.Empty(card.FindAll("[data-testid^=topic-action]"));
        Assert.Empty(card.FindAll("[data-testid=topic-reason]"));
    }

    [Theory]
    [InlineData("zh-CN", "本单位", "筛选意见：需先完成场地安全评估", "关联：老旧小区加装电梯")]
    [InlineData("en", "Ours", "Screening note: 需先完成场地安全评估", "Linked: 老旧小区加装电梯")]
    public void The_proposer_sees_its_own_topic_marked_with_the_note_it_is_owed_and_the_linked_item(string culture, string mine, string reason, string link)
    {
        UseCulture(culture);

        var card = RenderCard(Topic(5, "医院义诊进社区", TopicStatus.Deferred, mine: true, reason: "需先完成场地安全评估", workItemId: 88, workItemTitle: "老旧小区加装电梯"));

        Assert.Equal(mine, card.Find("[data-testid=topic-mine]").TextContent.Trim());
        Assert.Contains("tc-mine", card.Find("[data-testid=topic-card]").ClassName);
        Assert.Equal(reason, card.Find("[data-testid=topic-reason]").TextContent);
        var item = card.Find("[data-testid=topic-link-item]");
        Assert.Equal(link, item.TextContent.Trim());
        Assert.Equal("/lists/items/88", item.GetAttribute("href"));
    }

    [Fact]
    public void A_merged_topic_says_where_it_went()
    {
        var card = RenderCard(Topic(6, "停车难", TopicStatus.Merged, mergedInto: "停车秩序整治"));

        Assert.Equal("已并入“停车秩序整治”", card.Find("[data-testid=topic-merged-into]").TextContent);
    }
}

using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Topics;
using static Portal.Components.Tests.CouncilTopics.TopicTestData;

namespace Portal.Components.Tests.CouncilTopics;

/// <summary>The meeting's topics grouped by screening status, open ones first, and what an empty list says.</summary>
public sealed class TopicListTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "暂无议题。")]
    [InlineData("en", "No topics yet.")]
    public void With_no_topics_the_list_says_so(string culture, string text)
    {
        var list = RenderIn<TopicList>(culture, p => p.Add(l => l.Model, Model()));

        Assert.Equal(text, list.Find("[data-testid=topic-list-empty]").TextContent.Trim());
        Assert.Empty(list.FindAll("[data-testid=topic-group]"));
    }

    [Fact]
    public void Topics_are_grouped_open_ones_first_with_their_counts()
    {
        var model = Model(topics:
        [
            Topic(1, "停车难", TopicStatus.Withdrawn),
            Topic(2, "老年助餐点选址", TopicStatus.Accepted),
            Topic(3, "医院义诊进社区"),
            Topic(4, "停车秩序整治", TopicStatus.Accepted),
        ]);

        var list = Render<TopicList>(p => p.Add(l => l.Model, model));

        var groups = list.FindAll("[data-testid=topic-group]");
        Assert.Equal(["Submitted", "Accepted", "Withdrawn"], groups.Select(g => g.GetAttribute("data-status")));
        Assert.Equal("已采纳 (2)", groups[1].QuerySelector(".tl-group-heading")!.TextContent.Trim());
        Assert.Equal(["老年助餐点选址", "停车秩序整治"], groups[1].QuerySelectorAll("[data-testid=topic-title-text]").Select(t => t.TextContent));
        Assert.Empty(list.FindAll("[data-testid=topic-list-empty]"));
    }
}

using Portal.Domain.Lists;
using Portal.Web.Features.Lists.Dashboard;

namespace Portal.Components.Tests.ListsDashboard;

/// <summary>One headline figure: a count links to its items; a rate shows its two counts, each linking to its items.</summary>
public sealed class KpiCardTests : PortalComponentTest
{
    [Fact]
    public void A_count_links_to_its_items_and_shows_no_counts_beneath()
    {
        var card = Render<KpiCard>(p => p.Add(x => x.TestId, "kpi-raised").Add(x => x.Label, "提出").Add(x => x.Value, "42").Add(x => x.Link, "lists?metric=raised"));

        Assert.Equal("42", card.Find("[data-testid=kpi-raised-value]").TextContent);
        Assert.Equal("lists?metric=raised", card.Find("[data-testid=kpi-raised-value]").GetAttribute("href"));
        Assert.Empty(card.FindAll("[data-testid=kpi-raised-met]"));
    }

    [Theory]
    [InlineData("zh-CN", "满意率：达标 3 项，点击查看", "满意率：共统计 4 项，点击查看")]
    [InlineData("en", "满意率: 3 items met it, open them", "满意率: 4 items counted, open them")]
    public void A_rate_links_its_numerator_and_denominator_with_names_for_screen_readers(string culture, string met, string all)
    {
        var card = RenderIn<KpiCard>(culture, p => p.Add(x => x.TestId, "kpi-satisfaction").Add(x => x.Label, "满意率").Add(x => x.Value, "75%")
            .Add(x => x.Rate, new Rate(3, 4)).Add(x => x.Link, "lists?part=all").Add(x => x.MetLink, "lists?part=met").Add(x => x.Help, "评价为满意的比例"));

        Assert.Equal("3", card.Find("[data-testid=kpi-satisfaction-met]").TextContent);
        Assert.Equal("lists?part=met", card.Find("[data-testid=kpi-satisfaction-met]").GetAttribute("href"));
        Assert.Equal(met, card.Find("[data-testid=kpi-satisfaction-met]").GetAttribute("aria-label"));
        Assert.Equal("4", card.Find("[data-testid=kpi-satisfaction-all]").TextContent);
        Assert.Equal(all, card.Find("[data-testid=kpi-satisfaction-all]").GetAttribute("aria-label"));
        Assert.Equal("评价为满意的比例", card.Find("[data-testid=kpi-satisfaction]").GetAttribute("title"));
    }
}

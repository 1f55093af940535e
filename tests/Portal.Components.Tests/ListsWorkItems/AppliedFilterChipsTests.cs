using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Lists.WorkItems.Pages;

namespace Portal.Components.Tests.ListsWorkItems;

/// <summary>The chips above the needs list: one per applied filter, each with a link that removes only it, and "clear all".</summary>
public sealed class AppliedFilterChipsTests : PortalComponentTest
{
    private static readonly WorkItemQuery Open = new() { OpenOnly = true };

    [Fact]
    public void Without_filters_nothing_is_shown()
    {
        var chips = Render<AppliedFilterChips>(p => p.Add(c => c.Filters, []));

        Assert.Empty(chips.FindAll("[data-testid=needs-chips]"));
    }

    [Fact]
    public void Each_filter_is_a_chip_whose_link_removes_only_it_and_clear_all_leaves_the_bare_list()
    {
        var filters = new[]
        {
            new AppliedFilter("status", "状态：未办结", new WorkItemQuery { Kind = WorkItemKind.Need }),
            new AppliedFilter("kind", "类型：需求", Open),
        };

        var chips = Render<AppliedFilterChips>(p => p.Add(c => c.Filters, filters));

        var status = chips.Find("[data-testid=needs-chip][data-key=status]");
        Assert.Contains("状态：未办结", status.TextContent);
        var clear = status.QuerySelector("[data-testid=needs-chip-clear]")!;
        Assert.Equal("lists?kind=need", clear.GetAttribute("href"));
        Assert.Equal("清除筛选：状态：未办结", clear.GetAttribute("aria-label"));
        Assert.Equal("lists?status=open", chips.Find("[data-testid=needs-chip][data-key=kind] [data-testid=needs-chip-clear]").GetAttribute("href"));
        Assert.Equal("lists", chips.Find("[data-testid=needs-chips-clear-all]").GetAttribute("href"));
        Assert.Contains("当前筛选：", chips.Markup);
    }

    [Theory]
    [InlineData("zh-CN", "清除全部筛选", "清除筛选：Only mine")]
    [InlineData("en", "Clear all filters", "Remove filter: Only mine")]
    public void A_residents_default_only_mine_is_left_with_mine_0_in_their_language(string culture, string clearAll, string clearOne)
    {
        UseCulture(culture);
        var filters = new[] { new AppliedFilter("mine", "Only mine", new WorkItemQuery()) };

        var chips = Render<AppliedFilterChips>(p => p.Add(c => c.Filters, filters).Add(c => c.MineByDefault, true));

        var clear = chips.Find("[data-testid=needs-chip-clear]");
        Assert.Equal("lists?mine=0", clear.GetAttribute("href"));
        Assert.Equal(clearOne, clear.GetAttribute("aria-label"));
        var all = chips.Find("[data-testid=needs-chips-clear-all]");
        Assert.Equal("lists?mine=0", all.GetAttribute("href"));
        Assert.Equal(clearAll, all.TextContent.Trim());
    }
}

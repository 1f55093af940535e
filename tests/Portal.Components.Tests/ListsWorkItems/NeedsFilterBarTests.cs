using Portal.Web.Components.Shared;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Lists.WorkItems.Pages;

namespace Portal.Components.Tests.ListsWorkItems;

/// <summary>The needs list's filters: what each person is offered, the dashboard's fixed days, and the two callbacks.</summary>
public sealed class NeedsFilterBarTests : PortalComponentTest
{
    private static readonly WorkItemCapabilities Resident = new(
        CanRaise: true, CanEnterOnBehalf: false, ManagesAny: false, WorksOnOthersItems: false,
        Communities: [new Option(1, "青年湖社区")], Grids: [new WorkItemGridOption(1, 1, "第一网格")], Units: []);

    private static readonly WorkItemCapabilities Secretary = new(
        CanRaise: true, CanEnterOnBehalf: true, ManagesAny: true, WorksOnOthersItems: true,
        Communities: [new Option(1, "青年湖社区"), new Option(2, "安德里社区")], Grids: [new WorkItemGridOption(1, 1, "第一网格")],
        Units: [new Option(7, "东城区第二人民医院")]);

    private IRenderedComponent<NeedsFilterBar> RenderBar(WorkItemCapabilities capabilities, bool metric = false, Action? apply = null, Action? reset = null) =>
        Render<NeedsFilterBar>(p => p
            .Add(b => b.Model, new NeedsFilterModel { Mine = true })
            .Add(b => b.Capabilities, capabilities)
            .Add(b => b.MetricActive, metric)
            .Add(b => b.OnApply, () => apply?.Invoke())
            .Add(b => b.OnReset, () => reset?.Invoke()));

    [Fact]
    public void A_resident_is_offered_no_managers_filters_and_starts_on_only_mine()
    {
        var bar = RenderBar(Resident);

        foreach (var offered in new[] { "needs-search", "needs-status", "needs-kind", "needs-category", "needs-deadline", "needs-from", "needs-to" })
            Assert.Single(bar.FindAll($"[data-testid={offered}]"));
        foreach (var withheld in new[] { "needs-community", "needs-unit", "needs-grid" })
            Assert.Empty(bar.FindAll($"[data-testid={withheld}]"));
        Assert.True(bar.Find("[data-testid=needs-mine]").HasAttribute("checked"));
    }

    [Fact]
    public void A_secretary_picks_the_community_unit_and_grid_too()
    {
        var bar = RenderBar(Secretary);

        foreach (var offered in new[] { "needs-community", "needs-unit", "needs-grid" })
            Assert.Single(bar.FindAll($"[data-testid={offered}]"));
    }

    [Fact]
    public void A_dashboard_figure_keeps_its_own_days_so_no_date_range_is_offered()
    {
        var bar = RenderBar(Secretary, metric: true);

        Assert.Empty(bar.FindAll("[data-testid=needs-from]"));
        Assert.Empty(bar.FindAll("[data-testid=needs-to]"));
    }

    [Fact]
    public void Submitting_applies_and_reset_resets()
    {
        var (applied, reset) = (0, 0);
        var bar = RenderBar(Resident, apply: () => applied++, reset: () => reset++);

        bar.Find("[data-testid=needs-filters]").Submit();
        Assert.Equal((1, 0), (applied, reset));
        bar.Find("[data-testid=needs-reset]").Click();
        Assert.Equal((1, 1), (applied, reset));
    }

    [Theory]
    [InlineData("zh-CN", "筛选", "重置", "只看我的诉求")]
    [InlineData("en", "Filter", "Reset", "My needs only")]
    public void The_buttons_speak_the_users_language(string culture, string apply, string reset, string mine)
    {
        UseCulture(culture);

        var bar = RenderBar(Resident);

        Assert.Equal(apply, bar.Find("[data-testid=needs-apply]").TextContent.Trim());
        Assert.Equal(reset, bar.Find("[data-testid=needs-reset]").TextContent.Trim());
        Assert.Contains(mine, bar.Markup);
    }

    [Fact]
    public void On_a_phone_the_drop_downs_and_dates_wait_behind_more_filters_and_the_search_and_mine_stay()
    {
        var bar = RenderBar(Resident);
        var form = bar.Find("[data-testid=needs-filters]");
        Assert.DoesNotContain("kit-filters-open", form.ClassList);
        // The four drop-downs and two dates a resident has are the ones a phone folds away; the search and "only mine" are not.
        Assert.Equal(6, bar.FindAll(".kit-filter-more").Count);
        Assert.Empty(bar.FindAll(".kit-filter-more [data-testid=needs-search], .kit-filter-more[data-testid=needs-search]"));
        Assert.Empty(bar.FindAll(".kit-filter-more [data-testid=needs-mine]"));
        var toggle = bar.Find("[data-testid=needs-more-filters]");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("更多筛选", toggle.TextContent);

        toggle.Click();

        Assert.Contains("kit-filters-open", bar.Find("[data-testid=needs-filters]").ClassList);
        Assert.Equal("true", bar.Find("[data-testid=needs-more-filters]").GetAttribute("aria-expanded"));
        Assert.Contains("收起筛选", bar.Find("[data-testid=needs-more-filters]").TextContent);
    }
}

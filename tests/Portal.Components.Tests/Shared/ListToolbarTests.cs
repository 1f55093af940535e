using Microsoft.AspNetCore.Components.Web;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

/// <summary>The search box and buttons above a list, and the edit and delete buttons of a row.</summary>
public sealed class ListToolbarTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "搜索", "新增")]
    [InlineData("en", "Search", "Add")]
    public void Typing_searching_and_adding_reach_the_list(string culture, string search, string add)
    {
        UseCulture(culture);
        var typed = new List<string>();
        var searches = 0;
        var adds = 0;
        var toolbar = Render<ListToolbar>(p => p
            .Add(t => t.Placeholder, "名称或编码")
            .Add(t => t.SearchChanged, value => typed.Add(value))
            .Add(t => t.OnSearch, () => searches++)
            .Add(t => t.OnAdd, () => adds++));

        var box = toolbar.Find("[data-testid=search]");
        Assert.Equal(search, box.GetAttribute("aria-label"));
        Assert.Equal("名称或编码", box.GetAttribute("placeholder"));
        box.Input("青年湖");
        box.KeyDown(new KeyboardEventArgs { Key = "a" });
        Assert.Equal("青年湖", Assert.Single(typed));
        Assert.Equal(0, searches);

        box.KeyDown(new KeyboardEventArgs { Key = "Enter" });
        toolbar.Find("[data-testid=search-button]").Click();
        Assert.Equal(2, searches);

        Assert.Contains(add, toolbar.Find("[data-testid=add]").TextContent);
        toolbar.Find("[data-testid=add]").Click();
        Assert.Equal(1, adds);
    }

    [Fact]
    public void The_search_box_is_a_search_input_that_stops_at_the_search_limit_and_shows_the_term()
    {
        var toolbar = Render<ListToolbar>(p => p.Add(t => t.Search, "路灯"));

        var box = toolbar.Find("input[data-testid=search]");
        Assert.Equal("search", box.GetAttribute("type"));
        Assert.Equal(QueryValue.SearchMaxLength.ToString(), box.GetAttribute("maxlength"));
        Assert.Equal("路灯", box.GetAttribute("value"));
    }

    [Fact]
    public void Filters_and_actions_of_the_list_sit_in_the_toolbar()
    {
        var toolbar = Render<ListToolbar>(p => p
            .Add(t => t.Filters, "<span data-testid=\"filter-community\">社区</span>")
            .Add(t => t.Actions, "<a data-testid=\"export\" href=\"/api/directory/units.csv\">导出</a>"));

        Assert.NotNull(toolbar.Find(".list-toolbar [data-testid=filter-community]"));
        Assert.NotNull(toolbar.Find(".list-toolbar [data-testid=export]"));
    }

    [Fact]
    public void Who_may_not_add_sees_no_add_button()
    {
        var toolbar = Render<ListToolbar>(p => p.Add(t => t.CanAdd, false));

        Assert.Empty(toolbar.FindAll("[data-testid=add]"));
        Assert.NotNull(toolbar.Find("[data-testid=search]"));
    }

    [Theory]
    [InlineData("zh-CN", "编辑", "删除")]
    [InlineData("en", "Edit", "Delete")]
    public void Row_actions_are_named_and_call_back(string culture, string edit, string delete)
    {
        UseCulture(culture);
        var calls = new List<string>();
        var actions = Render<RowActions>(p => p.Add(a => a.OnEdit, () => calls.Add("edit")).Add(a => a.OnDelete, () => calls.Add("delete")));

        Assert.Equal(edit, actions.Find("[data-testid=edit]").GetAttribute("aria-label"));
        Assert.Equal(delete, actions.Find("[data-testid=delete]").GetAttribute("aria-label"));
        actions.Find("[data-testid=edit]").Click();
        actions.Find("[data-testid=delete]").Click();
        Assert.Equal(new[] { "edit", "delete" }, calls);
    }

    [Theory]
    [InlineData(true, false, 1)]
    [InlineData(false, true, 0)]
    public void A_row_the_user_may_only_read_has_no_buttons_and_one_that_may_not_be_deleted_has_no_delete(bool canEdit, bool canDelete, int buttons)
    {
        var actions = Render<RowActions>(p => p.Add(a => a.CanEdit, canEdit).Add(a => a.CanDelete, canDelete));

        Assert.Equal(buttons, actions.FindAll("button").Count);
        Assert.Empty(actions.FindAll("[data-testid=delete]"));
    }
}

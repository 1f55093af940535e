using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

public sealed class EmptyStateTests : PortalComponentTest
{
    [Fact]
    public void An_empty_list_says_so_with_an_icon_of_what_it_would_hold()
    {
        var empty = Render<EmptyState>(p => p.Add(e => e.Text, "还没有楼栋。请先新增。").Add(e => e.Icon, Icons.Material.Outlined.Apartment));

        var state = empty.Find("[data-testid=empty-state]");
        Assert.Equal("还没有楼栋。请先新增。", state.QuerySelector("p")?.TextContent);
        Assert.Equal(IconMarkup(Icons.Material.Outlined.Apartment), state.QuerySelector("svg")?.InnerHtml);
    }

    [Fact]
    public void Without_an_icon_of_its_own_it_shows_an_empty_tray()
    {
        var empty = Render<EmptyState>(p => p.Add(e => e.Text, "暂无记录。"));

        Assert.Equal(IconMarkup(Icons.Material.Outlined.Inbox), empty.Find("svg").InnerHtml);
    }

    private string IconMarkup(string icon) => Render<MudIcon>(p => p.Add(i => i.Icon, icon)).Find("svg").InnerHtml;
}

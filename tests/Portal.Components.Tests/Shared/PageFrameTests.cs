using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

/// <summary>The kit's page pieces: the home tiles, the placeholder of an area still being built, and the refusal page.</summary>
public sealed class PageFrameTests : PortalComponentTest
{
    private string IconMarkup(string icon) => Render<MudIcon>(p => p.Add(i => i.Icon, icon)).Find("svg").InnerHtml;

    [Fact]
    public void A_home_tile_is_one_link_with_its_icon_title_and_text()
    {
        var tile = Render<HomeTile>(p => p.Add(t => t.Href, "/lists").Add(t => t.Icon, Icons.Material.Outlined.Checklist)
            .Add(t => t.Title, "三张清单").Add(t => t.Text, "需求清单、资源清单、项目清单"));

        var link = tile.Find("a.home-tile");
        Assert.Equal("/lists", link.GetAttribute("href"));
        Assert.Equal("三张清单", link.QuerySelector(".home-tile-title")?.TextContent);
        Assert.Equal("需求清单、资源清单、项目清单", link.QuerySelector(".home-tile-text")?.TextContent);
        Assert.Equal(IconMarkup(Icons.Material.Outlined.Checklist), link.QuerySelector("svg")?.InnerHtml);
    }

    [Theory]
    [InlineData("campaign")]
    [InlineData("how_to_vote")]
    public void A_tile_given_a_material_icon_name_as_written_for_radzen_shows_that_icon_not_the_name(string name)
    {
        var tile = Render<HomeTile>(p => p.Add(t => t.Href, "/").Add(t => t.Icon, name).Add(t => t.Title, "公告"));

        Assert.Equal(IconMarkup(KitIcon.Of(name)), tile.Find("svg").InnerHtml);
        Assert.DoesNotContain(name, tile.Find("a").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "此功能正在建设中，即将上线。")]
    [InlineData("en", "This area is being built and will open soon.")]
    public void An_area_still_being_built_says_so_in_the_users_language(string culture, string lead)
    {
        var page = RenderIn<ComingSoon>(culture, p => p.Add(c => c.Title, "双报到").Add(c => c.Description, "在职党员到社区报到。").Add(c => c.Icon, "how_to_reg"));

        Assert.Equal("双报到", page.Find("h1").TextContent.Trim());
        var card = page.Find("[data-testid=coming-soon]");
        Assert.Contains(lead, card.TextContent);
        Assert.Contains("在职党员到社区报到。", card.TextContent);
        Assert.Equal(IconMarkup(Icons.Material.Outlined.HowToReg), card.QuerySelector("svg")?.InnerHtml);
    }

    [Theory]
    [InlineData("zh-CN", "无权访问", "返回首页")]
    [InlineData("en", "Access denied", "Back to home")]
    public void A_refused_page_says_why_and_leads_home(string culture, string title, string home)
    {
        var page = RenderIn<AccessDenied>(culture);

        var denied = page.Find("[data-testid=access-denied]");
        Assert.Equal(title, denied.QuerySelector("h1")?.TextContent.Trim());
        var button = page.Find("[data-testid=access-denied-home]");
        Assert.Equal("/", button.GetAttribute("href"));
        Assert.Contains(home, button.TextContent);
    }
}

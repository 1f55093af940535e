using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

public sealed class CultureSwitchTests : PortalComponentTest
{
    [Theory]
    [InlineData("zh-CN", "English", "en", "切换到 English")]
    [InlineData("en", "中文", "zh-CN", "Switch to 中文")]
    public void The_switch_offers_the_other_language_and_returns_to_the_same_page(string culture, string label, string target, string name)
    {
        UseCulture(culture);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/lists/board?community=2");

        var link = Render<CultureSwitch>().Find("[data-testid=culture-switch]");

        Assert.Equal("a", link.TagName.ToLowerInvariant());
        Assert.Equal($"/culture/set?culture={target}&returnUrl=%2Flists%2Fboard%3Fcommunity%3D2", link.GetAttribute("href"));
        Assert.Equal(label, link.TextContent.Trim());
        Assert.Equal(name, link.GetAttribute("aria-label"));
    }
}

using MudBlazor;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

/// <summary>The one theme: Party red, white on red in the app bar, Chinese type first, no shouting capitals.</summary>
public sealed class PortalThemeTests : PortalComponentTest
{
    [Fact]
    public void The_theme_provider_writes_party_red_as_primary_and_white_on_red_for_the_app_bar()
    {
        var css = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme)).Markup;

        Assert.Matches("--mud-palette-primary: *(#c62828|rgba\\(198,40,40,1\\))", css);
        Assert.Matches("--mud-palette-appbar-background: *(#c62828|rgba\\(198,40,40,1\\))", css);
        Assert.Matches("--mud-palette-appbar-text: *(#ffffff|#fff|rgba\\(255,255,255,1\\))", css);
        Assert.Matches("--mud-palette-secondary: *(#a0522d|rgba\\(160,82,45,1\\))", css);
    }

    [Fact]
    public void Chinese_faces_come_first_with_room_between_lines()
    {
        var css = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme)).Markup;

        Assert.Contains("--mud-typography-default-family: 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif", css.Replace(", ", ","));
        Assert.Contains("--mud-typography-default-lineheight: 1.7", css);
        Assert.Contains("--mud-typography-button-text-transform: none", css);
    }

    [Fact]
    public void The_theme_is_light()
    {
        var css = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme)).Markup;

        Assert.Matches("--mud-palette-background: *(#f6f6f8|rgba\\(246,246,248,1\\))", css);
    }
}

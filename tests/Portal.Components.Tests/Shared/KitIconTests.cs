using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.Components.Tests.Shared;

/// <summary>Kit components take MudBlazor icons, and still understand the Material icon names pages wrote for Radzen.</summary>
public sealed class KitIconTests
{
    [Theory]
    [InlineData("home", Icons.Material.Outlined.Home)]
    [InlineData("how_to_vote", Icons.Material.Outlined.HowToVote)]
    [InlineData("groups", Icons.Material.Outlined.Groups)]
    public void A_material_icon_name_becomes_the_same_mudblazor_icon(string name, string icon) => Assert.Equal(icon, KitIcon.Of(name));

    [Fact]
    public void A_mudblazor_icon_is_used_as_it_is() => Assert.Equal(Icons.Material.Filled.Campaign, KitIcon.Of(Icons.Material.Filled.Campaign));

    [Theory]
    [InlineData("no_such_icon_at_all")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_or_missing_name_shows_the_fallback_icon_rather_than_text(string? name) => Assert.Equal(KitIcon.Fallback, KitIcon.Of(name));
}

using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using MudBlazor;
using Portal.Web.Features.Localization;

namespace Portal.Components.Tests.Layout;

/// <summary>MudBlazor's own texts in Chinese: every key is one MudBlazor asks for, with the same placeholders.</summary>
public sealed partial class MudTextLocalizerTests : PortalComponentTest
{
    private static readonly ResourceManager MudEnglish = new("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);

    [Fact]
    public void Every_translated_key_is_one_of_MudBlazors_with_the_same_placeholders()
    {
        Assert.NotEmpty(MudTextLocalizer.Keys);
        foreach (var key in MudTextLocalizer.Keys)
        {
            var english = MudEnglish.GetString(key, CultureInfo.InvariantCulture);
            Assert.True(english is not null, $"{key} is not a MudBlazor text");
            var chinese = new MudTextLocalizer()[key].Value;
            Assert.Equal(Placeholders(english), Placeholders(chinese));
        }
    }

    [Fact]
    public void Chinese_in_chinese_and_mudblazors_own_english_otherwise()
    {
        var localizer = new MudTextLocalizer();

        Assert.Equal("展开或收起三张清单", localizer["MudNavGroup_ToggleExpand", "三张清单"].Value);
        UseCulture("en");
        Assert.True(localizer["MudNavGroup_ToggleExpand", "Lists"].ResourceNotFound);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}

using System.Collections;
using System.Globalization;
using Portal.Web.Features.Localization;
using Radzen;
using Radzen.Blazor;

namespace Portal.Web.Tests.Platform;

/// <summary>
/// Radzen's own texts (the pager's "Page 1 of 7 (132 items)", a drop-down's "Search", a numeric's "Up") come in Chinese
/// from one place, <see cref="RadzenLocalizer"/> (issue 10, item 8).
/// </summary>
public sealed class RadzenLocalizerTests
{
    private static readonly IReadOnlySet<string> RadzenKeys =
        RadzenStrings.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Radzen_asks_the_portal_and_gets_Chinese_in_Chinese_and_its_own_English_otherwise()
    {
        ILocalizer localizer = new RadzenLocalizer();

        Assert.Equal("第 {0} 页，共 {1} 页（{2} 条）", localizer.Get(nameof(RadzenStrings.Pager_PagingSummaryFormat), CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("搜索", localizer.Get(nameof(RadzenStrings.DropDown_SearchAriaLabel), CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Null(localizer.Get(nameof(RadzenStrings.Pager_PagingSummaryFormat), CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Every_translated_text_is_one_of_Radzens_and_each_translated_component_has_all_its_texts()
    {
        Assert.NotEmpty(RadzenKeys);
        var translated = RadzenLocalizer.Keys;

        var unknown = translated.Where(k => !RadzenKeys.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, "Not Radzen keys (typo, or removed by a Radzen update): " + string.Join(", ", unknown));

        // A component is translated as a whole: a key Radzen adds to it in an update must not stay English.
        var components = translated.Select(Component).ToHashSet();
        var untranslated = RadzenKeys.Where(k => components.Contains(Component(k)) && !translated.Contains(k)).Order().ToList();
        Assert.True(untranslated.Count == 0, "Radzen texts of translated components without Chinese: " + string.Join(", ", untranslated));
        Assert.All(["Pager", "DataGrid", "DropDown", "DatePicker", "Numeric", "PanelMenu", "Dialog"], c => Assert.Contains(c, components));
    }

    private static string Component(string key) => key[..key.IndexOf('_')];
}

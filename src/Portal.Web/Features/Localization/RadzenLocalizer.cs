using System.Globalization;
using System.Resources;

namespace Portal.Web.Features.Localization;

/// <summary>
/// Radzen's own texts (pager, grid, drop-down, date picker, numeric, dialogs …) in Chinese, for every component at
/// once: Radzen asks the registered <see cref="Radzen.ILocalizer"/> before its built-in English, so no page has to set
/// PagingSummaryFormat, EmptyText and the like. <c>RadzenLocalizer.resx</c> holds Radzen's keys (<c>Pager_PagingSummaryFormat</c>)
/// for the components the portal uses. English has no .en.resx on purpose: Radzen's built-in texts are the English
/// ones, so for English this answers null and Radzen uses its own.
/// </summary>
public sealed class RadzenLocalizer : Radzen.ILocalizer
{
    private static readonly ResourceManager Chinese = new(typeof(RadzenLocalizer));

    public string? Get(string key, CultureInfo culture) =>
        LocalizationExtensions.IsChineseCulture(culture) ? Chinese.GetString(key, CultureInfo.InvariantCulture) : null;

    /// <summary>The keys this portal translates, for the test that each is one of Radzen's.</summary>
    public static IReadOnlyList<string> Keys =>
        Chinese.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
}

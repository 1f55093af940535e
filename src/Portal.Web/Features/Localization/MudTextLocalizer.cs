using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Web.Features.Localization;

/// <summary>
/// MudBlazor's own texts (a nav group's expand button, the snackbar's and dialogs' close buttons, grid and pager labels …)
/// in Chinese, for every component at once: MudBlazor asks the registered <see cref="MudLocalizer"/> before its built-in
/// English. <c>MudTextLocalizer.resx</c> holds MudBlazor's keys (<c>MudNavGroup_ToggleExpand</c>) for the components the
/// portal uses; a slice that starts using another Mud component adds its keys there. English has no .en.resx on purpose:
/// MudBlazor's built-in texts are the English ones, so for English this answers "not found" and MudBlazor uses its own.
/// </summary>
public sealed class MudTextLocalizer : MudLocalizer
{
    private static readonly ResourceManager Chinese = new(typeof(MudTextLocalizer));

    public override LocalizedString this[string key] => Find(key, CultureInfo.CurrentUICulture) is { } value
        ? new LocalizedString(key, value)
        : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] => Find(key, CultureInfo.CurrentUICulture) is { } value
        ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, value, arguments))
        : new LocalizedString(key, key, resourceNotFound: true);

    private static string? Find(string key, CultureInfo culture) =>
        LocalizationExtensions.IsChineseCulture(culture) ? Chinese.GetString(key, CultureInfo.InvariantCulture) : null;

    /// <summary>The keys this portal translates, for the test that each is one of MudBlazor's.</summary>
    public static IReadOnlyList<string> Keys =>
        Chinese.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
}

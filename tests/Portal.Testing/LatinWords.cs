using System.Text.RegularExpressions;
using Portal.Web.Features.Platform;

namespace Portal.Testing;

/// <summary>
/// Finds English left in the Chinese UI: Latin words in text a person reads, outside a short allow-list. Knows nothing
/// of the component library or the browser, so it outlives a change of either (the Radzen to MudBlazor move among them).
/// </summary>
public static partial class LatinWords
{
    /// <summary>
    /// Latin words that belong in the Chinese UI. Each is here for a reason; a word is added only when Chinese users
    /// really read it in Latin letters, never to silence an untranslated text.
    /// </summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        // File formats, programs and encodings go by their Latin names in Chinese offices too ("导出 CSV", "导出 Word",
        // "二维码 QR", "用 Excel/WPS 另存为 CSV", "UTF-8 或 GBK 编码", "不支持 HTML", "支持 Markdown"), and Excel's own
        // name of a file type its Chinese version offers when saving ("Unicode 文本").
        "CSV", "Word", "QR", "Excel", "WPS", "UTF", "GBK", "HTML", "Markdown", "Unicode",
        // Key names as printed on the keyboard ("Ctrl+P").
        "Ctrl",
        // The language switch offers English in English, as language pickers do, so that an English reader finds it.
        "English",
    }
    // Demo account names are user names people type at sign-in and see in the header; they are data, not UI text.
    .Concat(DemoDataSeeder.DemoAccounts.Select(a => a.UserName))
    .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The Latin words of <paramref name="text"/> that are not allowed, each once, in order of appearance. A word is a
    /// run of two or more Latin letters that does not touch a digit or another Latin letter: single letters (the "m"
    /// of m², a grade "A") and codes mixing letters and digits (a version, a hash) are not language. Web addresses and
    /// e-mail addresses are skipped (the check-in link printed under a QR code is an address, not English).
    /// </summary>
    public static IReadOnlyList<string> Find(string text, IReadOnlySet<string>? allowed = null)
    {
        allowed ??= Allowed;
        var withoutAddresses = Address().Replace(text, " ");
        return Word().Matches(withoutAddresses)
            .Select(m => m.Value)
            .Where(w => !allowed.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Address();
}

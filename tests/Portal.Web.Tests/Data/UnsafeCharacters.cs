using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Data;

/// <summary>
/// The characters no stored or exported text may hold, spelled out here independently of the portal's own rule
/// (<c>UserText</c>), so that a test fails if that rule lets one through.
/// </summary>
public static partial class UnsafeCharacters
{
    /// <summary>
    /// A value that looks filled in to .NET (<c>string.IsNullOrWhiteSpace</c> is false) but holds nothing a reader sees:
    /// zero-width, control, bidi and line-break characters only. Stored, it is empty; every form must refuse it as missing.
    /// </summary>
    public const string Only = "\u200B\0\r\n\u202E\u2060\uFEFF\u0007\u2066";

    /// <summary>C0 controls except tab and line ends, DEL, C1 controls, bidi embeddings/overrides/isolates, zero-width characters.</summary>
    [GeneratedRegex("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u200B\\u200C\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]")]
    private static partial Regex Pattern();

    /// <summary>Fails with the offending character's code when <paramref name="text"/> holds one.</summary>
    public static void AssertNone(string text)
    {
        var match = Pattern().Match(text);
        Assert.False(match.Success, match.Success ? $"U+{(int)match.Value[0]:X4} at {match.Index}: …{text[Math.Max(0, match.Index - 20)..Math.Min(text.Length, match.Index + 20)]}…" : "");
    }
}

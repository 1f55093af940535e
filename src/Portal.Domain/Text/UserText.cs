using System.Globalization;
using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// The one rule for text people give the portal (typed, pasted, imported, uploaded names), applied before it is stored and
/// again before it is exported. It removes what no reader can see but software acts on, and keeps everything a person wrote:
/// <list type="bullet">
/// <item>C0 and C1 control characters (NUL, ESC, BEL, DEL, …) are removed. They break PostgreSQL (NUL), XML and Word
/// files, terminals that show logs, and spreadsheets.</item>
/// <item>Line breaks (CR LF, CR, LF, VT, FF, NEL, U+2028, U+2029) and tabs: a single-line value turns each run of them into
/// one space; a multi-line value keeps tabs and turns every line break into LF.</item>
/// <item>Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they reorder what follows
/// them, so "照片\u202Egnp.exe" reads as an image name. The implicit marks (LRM, RLM, ALM) stay: they only nudge
/// neutral characters and are needed by right-to-left text.</item>
/// <item>Zero-width and invisible characters (U+200B, U+200C, U+2060–U+2064, U+FEFF) are removed: they make two equal-looking
/// names differ and hide text from search. U+200D (zero-width joiner) stays only between emoji, where it builds one picture
/// (👩‍💻); elsewhere it is removed. Tag characters (U+E0000–U+E007F) stay only in an emoji tag sequence (the flags of
/// England, Scotland, Wales), where they follow a black flag; elsewhere they carry invisible text and are removed. Variation
/// selectors stay: ideographic variation sequences pick the exact glyph of a rare character in a name.</item>
/// <item>Lone surrogates and noncharacters (U+FFFE, U+FFFF, …) are removed: they are not text, and UTF-8 cannot hold lone
/// surrogates.</item>
/// <item>The result is normalized to NFC, so equal-looking text compares equal — unless NFC would make it longer (a few
/// characters excluded from composition expand): the rule never lengthens a value, so a length checked before cleaning holds.</item>
/// <item>Single-line values are trimmed; multi-line values are not (Markdown indentation and trailing spaces mean something).</item>
/// </list>
/// Cleaning is idempotent: cleaning a clean value changes nothing.
/// </summary>
public static class UserText
{
    /// <summary>A name, title, number, address: one line, trimmed. Null becomes empty.</summary>
    public static string SingleLine(string? text) => Clean(text, multiLine: false);

    /// <summary>A note, description, Markdown body: lines (LF) and tabs kept, not trimmed. Null becomes empty.</summary>
    public static string MultiLine(string? text) => Clean(text, multiLine: true);

    /// <summary>
    /// An optional one-line value — a form's optional field, a search term, a name to look up: <see cref="SingleLine"/>, or
    /// null when nothing is left. A value of invisible characters only is no value, as it would be stored.
    /// </summary>
    public static string? SingleLineOrNull(string? text) => SingleLine(text) is { Length: > 0 } line ? line : null;

    /// <summary>
    /// A name or title as it is stored and compared — typed by different people, imported, pasted: <see cref="SingleLine"/>
    /// with every inner run of whitespace collapsed to one space, so "青年湖  社区" and "青年湖 社区" are one name.
    /// </summary>
    public static string CollapsedLine(string? text) =>
        string.Join(' ', SingleLine(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A multi-line form field as it is kept — a description, reason, note or decision: <see cref="MultiLine"/> with the
    /// blank lines and spaces around it removed (inside, every line stays as written).
    /// </summary>
    public static string MultiLineTrimmed(string? text) => MultiLine(text).Trim();

    /// <summary>An optional multi-line value: <see cref="MultiLineTrimmed"/>, or null when nothing is left.</summary>
    public static string? MultiLineTrimmedOrNull(string? text) => MultiLineTrimmed(text) is { Length: > 0 } lines ? lines : null;

    /// <summary>True when <see cref="SingleLine"/> or <see cref="MultiLine"/> would leave the value as it is.</summary>
    public static bool IsClean(string? text, bool multiLine) => text is null || Clean(text, multiLine) == text;

    private const int ZeroWidthJoiner = 0x200D;
    private const int BlackFlag = 0x1F3F4;

    private static string Clean(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (IsPlain(text, multiLine)) return multiLine ? text : text.Trim();

        var sb = new StringBuilder(text.Length);
        var last = -1;          // the last code point kept, for the joiner and tag rules
        var pendingBreak = false; // single-line: a run of breaks and tabs waiting to become one space
        for (var i = 0; i < text.Length; i++)
        {
            int cp;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                continue;
            }
            else
            {
                cp = text[i];
            }

            if (IsLineBreak(cp) || cp == '\t')
            {
                if (multiLine)
                {
                    // CR LF is one break.
                    if (cp == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    sb.Append(cp == '\t' ? '\t' : '\n');
                    last = cp;
                }
                else
                {
                    pendingBreak = true;
                }
                continue;
            }
            if (!Keeps(cp, last, NextCodePoint(text, i + 1))) continue;

            if (pendingBreak)
            {
                sb.Append(' ');
                pendingBreak = false;
            }
            if (cp < 0x10000) sb.Append((char)cp);
            else sb.Append(char.ConvertFromUtf32(cp));
            last = cp;
        }

        var cleaned = multiLine ? sb.ToString() : sb.ToString().Trim();
        return Normalized(cleaned);
    }

    /// <summary>
    /// Most text (plain Chinese, Latin, digits, punctuation) holds nothing to remove: answer it without building a new string.
    /// Anything in a range that may hold a character to remove (controls, general punctuation, surrogates, specials) takes
    /// the full path.
    /// </summary>
    private static bool IsPlain(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (c < 0x20)
            {
                if (!multiLine || c is not ('\n' or '\t')) return false;
            }
            else if (c is (>= '\u007F' and <= '\u009F') or (>= '\u2000' and <= '\u206F') or (>= '\uD800' and <= '\uDFFF')
                     or (>= '\uFDD0' and <= '\uFDEF') or '\uFEFF' or '\uFFFE' or '\uFFFF') return false;
        }
        return text.IsNormalized(NormalizationForm.FormC);
    }

    private static bool IsLineBreak(int cp) => cp is '\n' or '\r' or '\v' or '\f' or 0x85 or 0x2028 or 0x2029;

    private static bool Keeps(int cp, int previous, int next) => cp switch
    {
        < 0x20 or (>= 0x7F and <= 0x9F) => false,
        >= 0x202A and <= 0x202E => false,
        >= 0x2066 and <= 0x2069 => false,
        0x200B or 0x200C or 0xFEFF => false,
        >= 0x2060 and <= 0x2064 => false,
        ZeroWidthJoiner => IsEmojiBefore(previous) && IsEmoji(next),
        >= 0xE0020 and <= 0xE007F => previous == BlackFlag || previous is >= 0xE0020 and <= 0xE007E,
        >= 0xE0000 and <= 0xE001F => false,
        >= 0xFDD0 and <= 0xFDEF => false,
        _ when (cp & 0xFFFE) == 0xFFFE => false,
        _ => true,
    };

    /// <summary>Emoji are "other symbols" (So): 👩 💻 ❤ ⚕ 🏳 🌈; Chinese, letters and punctuation are not.</summary>
    private static bool IsEmoji(int cp) => cp > 0 && CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.OtherSymbol;

    /// <summary>What may stand before a joiner inside an emoji: an emoji, its presentation selector, or a skin tone.</summary>
    private static bool IsEmojiBefore(int cp) => IsEmoji(cp) || cp == 0xFE0F || cp is >= 0x1F3FB and <= 0x1F3FF;

    private static int NextCodePoint(string text, int index)
    {
        if (index >= text.Length) return -1;
        if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            return char.ConvertToUtf32(text[index], text[index + 1]);
        return char.IsSurrogate(text[index]) ? -1 : text[index];
    }

    private static string Normalized(string text)
    {
        if (text.IsNormalized(NormalizationForm.FormC)) return text;
        var nfc = text.Normalize(NormalizationForm.FormC);
        return nfc.Length <= text.Length ? nfc : text;
    }
}

using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Decodes uploaded text files. A byte order mark decides first: UTF-8, UTF-16 LE/BE (Excel's and WPS's "Unicode text"),
/// UTF-32 LE/BE.
/// Without one, the file is UTF-8 or GB18030/GBK, which is what Excel on Chinese Windows writes for "CSV"; strict UTF-8
/// decoding decides, since GB18030 text is almost never valid UTF-8. Every decoding is strict: a file that is valid in none
/// of these, a workbook instead of a CSV file, or text full of zero characters (UTF-16 without a byte order mark, a binary
/// file) is reported as such (<see cref="DecodedText.Problem"/>) rather than guessed into garbage that then fails with
/// "missing columns".
/// </summary>
public static class TextFileDecoder
{
    static TextFileDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// More zero characters than this share of the text means the bytes are not text in the encoding tried. UTF-16 without a
    /// byte order mark has one in every ASCII character (each comma and line end); a NUL or two typed into a cell do not
    /// come near this, and are removed by <see cref="UserText"/> like any control character.
    /// </summary>
    private const double MaxZeroShare = 0.1;

    private static readonly (byte[] Mark, string Name, Func<Encoding> Encoding)[] ByteOrderMarks =
    [
        // The UTF-32 LE mark starts with the UTF-16 LE one, so it is tried first.
        ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE", () => new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE", () => new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0xEF, 0xBB, 0xBF], "UTF-8", () => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)),
        ([0xFF, 0xFE], "UTF-16LE", () => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
        ([0xFE, 0xFF], "UTF-16BE", () => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
    ];

    /// <summary>How spreadsheet workbooks start: ZIP (.xlsx, .et of recent WPS) and OLE compound files (.xls, older .et).</summary>
    private static readonly byte[][] WorkbookSignatures = [[0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]];

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        foreach (var signature in WorkbookSignatures)
            if (bytes.StartsWith(signature)) return DecodedText.Refused(TextFileProblem.Workbook);

        foreach (var (mark, name, encoding) in ByteOrderMarks)
            if (bytes.StartsWith(mark)) return Checked(TryDecode(encoding(), bytes[mark.Length..]), name);

        return TryDecode(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), bytes) is { } utf8
            ? Checked(utf8, "UTF-8")
            : Checked(TryDecode(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes), "GB18030");
    }

    public static Encoding Gb18030
    {
        get { return Encoding.GetEncoding("GB18030"); }
    }

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static DecodedText Checked(string? text, string encodingName)
    {
        if (text is null) return DecodedText.Refused(TextFileProblem.UnknownEncoding);
        var zeros = text.AsSpan().Count('\0');
        return zeros > text.Length * MaxZeroShare ? DecodedText.Refused(TextFileProblem.UnknownEncoding) : new DecodedText(text, encodingName);
    }
}

/// <summary>Why an uploaded file could not be read as text.</summary>
public enum TextFileProblem
{
    /// <summary>Not valid in any encoding the portal reads (UTF-8, GB18030, UTF-16/32 with a byte order mark), or not text.</summary>
    UnknownEncoding,
    /// <summary>A spreadsheet workbook (.xlsx, .xls) instead of a CSV file.</summary>
    Workbook,
}

/// <summary>The text of a file and the encoding it was read in; or, when it could not be read, why (and no text).</summary>
public sealed record DecodedText(string Text, string EncodingName, TextFileProblem? Problem = null)
{
    public static DecodedText Refused(TextFileProblem problem) => new(string.Empty, string.Empty, problem);
}

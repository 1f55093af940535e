using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Decodes uploaded text files that come either as UTF-8 (with or without BOM) or as GB18030/GBK, which is
/// what Excel on Chinese Windows writes for "CSV". Strict UTF-8 decoding decides: GB18030 text is almost never
/// valid UTF-8.
/// </summary>
public static class TextFileDecoder
{
    static TextFileDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "UTF-8");

        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            return new DecodedText(strict.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(Encoding.GetEncoding("GB18030").GetString(bytes), "GB18030");
        }
    }

    public static Encoding Gb18030
    {
        get { return Encoding.GetEncoding("GB18030"); }
    }
}

public sealed record DecodedText(string Text, string EncodingName);

using System.Text;
using Portal.Domain.Text;

namespace Portal.Domain.Tests.Text;

public sealed class TextFileDecoderTests
{
    private const string Roster = "楼栋,单元,门牌,专有面积,业主\r\n1号楼,1单元,101,88.50,王秀英\r\n";

    [Fact]
    public void Decodes_UTF8_without_a_byte_order_mark()
    {
        var decoded = TextFileDecoder.Decode(Encoding.UTF8.GetBytes(Roster));

        Assert.Equal(Roster, decoded.Text);
        Assert.Equal("UTF-8", decoded.EncodingName);
    }

    [Fact]
    public void Decodes_UTF8_with_a_byte_order_mark_and_drops_the_mark()
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Roster)];

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal(Roster, decoded.Text);
        Assert.False(decoded.Text.StartsWith('\uFEFF'));
        Assert.Equal("UTF-8", decoded.EncodingName);
    }

    [Fact]
    public void Decodes_GB18030_bytes_of_Chinese_text_written_by_Excel_on_Chinese_Windows()
    {
        var bytes = TextFileDecoder.Gb18030.GetBytes(Roster);
        Assert.NotEqual(Encoding.UTF8.GetBytes(Roster), bytes);

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal(Roster, decoded.Text);
        Assert.Equal("GB18030", decoded.EncodingName);
    }

    [Fact]
    public void Decodes_GB18030_four_byte_characters_outside_GBK()
    {
        // 𠮷 (U+20BB7) and the euro sign need GB18030's four-byte sequences or its extensions beyond GBK.
        const string text = "吉𠮷野家,€5";
        var bytes = TextFileDecoder.Gb18030.GetBytes(text);

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal(text, decoded.Text);
        Assert.Equal("GB18030", decoded.EncodingName);
    }

    [Fact]
    public void Decodes_the_GBK_bytes_that_famously_look_like_UTF8_as_GB18030()
    {
        // "联通" in GBK is C1 AA CD A8, which lenient detectors mistake for UTF-8; strict UTF-8 refuses C1 (overlong).
        var bytes = TextFileDecoder.Gb18030.GetBytes("联通");
        Assert.Equal([0xC1, 0xAA, 0xCD, 0xA8], bytes);

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal("联通", decoded.Text);
        Assert.Equal("GB18030", decoded.EncodingName);
    }

    [Fact]
    public void Falls_back_to_GB18030_when_the_bytes_are_not_valid_UTF8()
    {
        // Valid UTF-8 for the header, then a GB18030 row: one invalid sequence is enough to decide.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("name\r\n"), .. TextFileDecoder.Gb18030.GetBytes("和平里街道")];

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal("name\r\n和平里街道", decoded.Text);
        Assert.Equal("GB18030", decoded.EncodingName);
        Assert.DoesNotContain('\uFFFD', decoded.Text);
    }

    [Fact]
    public void Plain_ASCII_and_empty_files_decode_as_UTF8()
    {
        Assert.Equal(new DecodedText("a,b\r\n1,2\r\n", "UTF-8"), TextFileDecoder.Decode("a,b\r\n1,2\r\n"u8));
        Assert.Equal(new DecodedText("", "UTF-8"), TextFileDecoder.Decode([]));
        Assert.Equal(new DecodedText("", "UTF-8"), TextFileDecoder.Decode(Encoding.UTF8.Preamble));
    }

    [Fact]
    public void Decoded_GB18030_file_parses_into_the_same_records_as_its_UTF8_twin()
    {
        var fromGb = CsvReader.Parse(TextFileDecoder.Decode(TextFileDecoder.Gb18030.GetBytes(Roster)).Text);
        var fromUtf8 = CsvReader.Parse(TextFileDecoder.Decode(CsvWriter.ToUtf8WithBom(Roster)).Text);

        Assert.Equal(fromUtf8.Select(r => r.Fields), fromGb.Select(r => r.Fields));
        Assert.Equal("王秀英", fromGb[1][4]);
    }

    public static TheoryData<string, string> Utf16 => new() { { "utf-16LE", "UTF-16LE" }, { "utf-16BE", "UTF-16BE" } };

    [Theory]
    [MemberData(nameof(Utf16))]
    public void Decodes_UTF16_with_a_byte_order_mark_and_drops_the_mark(string encoding, string name)
    {
        var utf16 = Encoding.GetEncoding(encoding);
        byte[] bytes = [.. utf16.GetPreamble(), .. utf16.GetBytes(Roster)];

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal(Roster, decoded.Text);
        Assert.Equal(name, decoded.EncodingName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_UTF32_with_a_byte_order_mark(bool bigEndian)
    {
        var utf32 = new UTF32Encoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. utf32.GetPreamble(), .. utf32.GetBytes(Roster)];

        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal(Roster, decoded.Text);
        Assert.Equal(bigEndian ? "UTF-32BE" : "UTF-32LE", decoded.EncodingName);
    }

    public static TheoryData<byte[]> Unreadable => new()
    {
        // Neither UTF-8 nor GB18030: 0xFF and 0x80 are not valid in either.
        new byte[] { 0x61, 0x2C, 0x62, 0x0D, 0x0A, 0xFF, 0x80, 0xFF },
        // A GB18030 lead byte with nothing after it.
        new byte[] { 0x61, 0x2C, 0x81 },
        // A UTF-8 byte order mark, then bytes that are not UTF-8.
        new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xC0, 0xAF },
        // A UTF-16 byte order mark, then a lone surrogate.
        new byte[] { 0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00 },
        // UTF-16 without a byte order mark: every ASCII character carries a zero byte.
        Encoding.Unicode.GetBytes(Roster),
        Encoding.BigEndianUnicode.GetBytes(Roster),
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Bytes_in_no_encoding_the_portal_reads_are_named_as_such_not_guessed(byte[] bytes)
    {
        var decoded = TextFileDecoder.Decode(bytes);

        Assert.Equal(TextFileProblem.UnknownEncoding, decoded.Problem);
        Assert.Equal("", decoded.Text);
    }

    [Fact]
    public void A_workbook_instead_of_a_CSV_file_is_named_as_such()
    {
        Assert.Equal(TextFileProblem.Workbook, TextFileDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).Problem);
        Assert.Equal(TextFileProblem.Workbook, TextFileDecoder.Decode([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]).Problem);
    }

    [Fact]
    public void A_NUL_or_two_in_a_cell_do_not_make_a_file_unreadable()
    {
        // Typed or pasted into a cell, they are removed with the other control characters when the value is stored.
        var text = Roster.Replace("101", "1\u00000\u00001");

        var decoded = TextFileDecoder.Decode(Encoding.UTF8.GetBytes(text));

        Assert.Null(decoded.Problem);
        Assert.Equal(text, decoded.Text);
    }
}

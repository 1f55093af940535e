using System.Text;
using Portal.Domain.Text;

namespace Portal.Domain.Tests.Text;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("青年湖社区", "青年湖社区")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("5\u53f7\u697c", "5号楼")]
    public void Quotes_only_cells_that_need_it(string? cell, string expected) =>
        Assert.Equal(expected, CsvWriter.EscapeCell(cell));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+8613800000000", "'+8613800000000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\n=1+1\"")]
    [InlineData("=cmd|' /C calc'!A0,x", "\"'=cmd|' /C calc'!A0,x\"")]
    public void Defuses_cells_a_spreadsheet_would_evaluate(string cell, string expected)
    {
        Assert.True(CsvWriter.IsFormulaLike(cell));
        Assert.Equal(expected, CsvWriter.EscapeCell(cell));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("1-2")]
    [InlineData("user@example.com")]
    [InlineData("'=already")]
    [InlineData(" =1")]
    public void Leaves_cells_that_do_not_start_like_a_formula(string cell) =>
        Assert.False(CsvWriter.IsFormulaLike(cell));

    [Fact]
    public void Writes_rows_with_CRLF_line_ends()
    {
        var csv = CsvWriter.Write([["楼栋", "面积"], ["1号楼", "88.50"], ["2号楼", null]]);

        Assert.Equal("楼栋,面积\r\n1号楼,88.50\r\n2号楼,\r\n", csv);
    }

    [Fact]
    public void Round_trips_through_the_reader_with_formulas_kept_inert()
    {
        string?[][] rows =
        [
            ["名称", "备注", "电话"],
            ["北京和平置业有限公司,二期", "他说：\"好\"", "010-64211234"],
            ["多行\r\n地址", " 前后空格 ", "=1+1"],
            ["", null, "@cmd"],
            ["-5", "+1", "\tx"],
        ];

        var parsed = CsvReader.Parse(CsvWriter.Write(rows));

        Assert.Equal(rows.Length, parsed.Count);
        for (var r = 0; r < rows.Length; r++)
        {
            // Cells come back as the text rule cleans them (CR LF inside a cell becomes LF, as Excel writes it).
            var expected = rows[r].Select(UserText.MultiLine).Select(c => CsvWriter.IsFormulaLike(c) ? "'" + c : c);
            Assert.Equal(expected, parsed[r].Fields);
        }
        // Ordinary text comes back unchanged.
        Assert.Equal("北京和平置业有限公司,二期", parsed[1].Fields[0]);
        Assert.Equal("多行\n地址", parsed[2].Fields[0]);
        Assert.Equal(" 前后空格 ", parsed[2].Fields[1]);
        Assert.Equal("'=1+1", parsed[2].Fields[2]);
    }

    [Fact]
    public void Encodes_as_UTF8_with_a_byte_order_mark_that_the_decoder_understands()
    {
        var bytes = CsvWriter.ToUtf8WithBom("楼栋,门牌\r\n");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("楼栋,门牌\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
        var decoded = TextFileDecoder.Decode(bytes);
        Assert.Equal("楼栋,门牌\r\n", decoded.Text);
        Assert.Equal("UTF-8", decoded.EncodingName);
    }

    [Theory]
    [InlineData("门牌\u0000101", "门牌101")]
    [InlineData("\u202E导出\u001B测试\u0007\u200B", "导出测试")]
    [InlineData("第一行\r\n第二行\u0085", "\"第一行\n第二行\n\"")]
    [InlineData("\u0000=1+1", "'=1+1")]
    [InlineData("\u200B@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\u2066-2+3\u2069", "'-2+3")]
    [InlineData("\n=1+1", "\"'\n=1+1\"")]
    public void Writes_no_control_or_invisible_characters_and_guards_what_they_hid(string cell, string expected) =>
        Assert.Equal(expected, CsvWriter.EscapeCell(cell));
}

using Portal.Domain.Text;

namespace Portal.Domain.Tests.Text;

public sealed class CsvReaderTests
{
    private static string[][] Fields(string text) => CsvReader.Parse(text).Select(r => r.Fields.ToArray()).ToArray();

    [Fact]
    public void Splits_plain_records_on_commas_and_line_ends()
    {
        Assert.Equal([["楼栋", "单元", "门牌"], ["1号楼", "1单元", "101"]], Fields("楼栋,单元,门牌\n1号楼,1单元,101\n"));
    }

    [Fact]
    public void Reads_CRLF_LF_and_mixed_line_ends_alike()
    {
        string[][] expected = [["a", "b"], ["c", "d"], ["e", "f"]];

        Assert.Equal(expected, Fields("a,b\r\nc,d\r\ne,f\r\n"));
        Assert.Equal(expected, Fields("a,b\nc,d\ne,f\n"));
        Assert.Equal(expected, Fields("a,b\r\nc,d\ne,f"));
    }

    [Fact]
    public void Keeps_commas_quotes_and_line_breaks_inside_quoted_fields()
    {
        var records = Fields("名称,备注\r\n\"北京和平置业有限公司,二期\",\"他说：\"\"好\"\"\"\r\n\"多行\r\n地址\",\"a\nb\"\r\n");

        Assert.Equal(["名称", "备注"], records[0]);
        Assert.Equal(["北京和平置业有限公司,二期", "他说：\"好\""], records[1]);
        Assert.Equal(["多行\r\n地址", "a\nb"], records[2]);
        Assert.Equal(3, records.Length);
    }

    [Fact]
    public void Keeps_empty_fields_including_quoted_and_trailing_ones()
    {
        Assert.Equal([["a", "", "c", ""], ["", "", "x"]], Fields("a,,c,\n\"\",,x\n"));
    }

    [Fact]
    public void Skips_blank_lines_and_an_empty_trailing_line()
    {
        Assert.Equal([["a"], ["b"]], Fields("a\r\n\r\n\nb\r\n\r\n"));
        Assert.Empty(CsvReader.Parse(""));
        Assert.Empty(CsvReader.Parse("\r\n\r\n"));
    }

    [Fact]
    public void Reports_the_line_each_record_starts_on_counting_breaks_inside_quotes()
    {
        var records = CsvReader.Parse("header\r\n\"two\r\nlines\",x\r\n\r\nlast\r\n");

        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
        Assert.Equal("last", records[2][0]);
    }

    [Fact]
    public void Ignores_a_byte_order_mark_at_the_start()
    {
        // Text decoded without stripping the BOM (e.g. Encoding.UTF8.GetString) must still match header names.
        var records = Fields("\uFEFF楼栋,门牌\r\n1号楼,101\r\n");

        Assert.Equal([["楼栋", "门牌"], ["1号楼", "101"]], records);
    }

    [Fact]
    public void Indexer_trims_and_answers_empty_for_missing_columns()
    {
        var record = Assert.Single(CsvReader.Parse(" 1号楼 ,\" 101 \"\r\n"));

        Assert.Equal("1号楼", record[0]);
        Assert.Equal("101", record[1]);
        Assert.Equal(string.Empty, record[2]);
        Assert.Equal(" 101 ", record.Fields[1]);
    }

    [Fact]
    public void Reads_a_last_record_without_a_line_end()
    {
        Assert.Equal([["a", "b"], ["c", "\"d\""]], Fields("a,b\r\nc,\"\"\"d\"\"\""));
    }

    [Fact]
    public void Treats_a_quote_inside_an_unquoted_field_as_text()
    {
        Assert.Equal([["5\"门", "x"]], Fields("5\"门,x"));
    }

    [Theory]
    [InlineData("a,b\r\n\"unclosed,c\r\nd,e\r\n", 2)]
    [InlineData("\"one\r\ntwo\",x\r\ny,\"never\r\nclosed", 3)]
    [InlineData("\"", 1)]
    [InlineData("a,\"b\"\"", 1)]
    public void An_unclosed_quote_is_an_error_naming_the_line_it_opened_on(string text, int line)
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvReader.Parse(text));

        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Reads_tab_separated_text_when_asked()
    {
        var records = CsvReader.Parse("楼栋\t门牌\r\n1号楼\t\"1,01\"\r\n", '\t');

        Assert.Equal([["楼栋", "门牌"], ["1号楼", "1,01"]], records.Select(r => r.Fields.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("楼栋\t门牌\r\n1\t2", '\t')]
    [InlineData("楼栋,门牌\r\n1\t2,3", ',')]
    [InlineData("楼栋,门\t牌\n", ',')]
    [InlineData("楼栋", ',')]
    [InlineData("", ',')]
    public void Detects_tabs_as_the_separator_only_when_the_first_line_has_tabs_and_no_comma(string text, char expected) =>
        Assert.Equal(expected, CsvReader.DetectDelimiter(text));
}

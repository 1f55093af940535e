using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Text;
using Portal.Web.Components.Shared.Export;

namespace Portal.Web.Tests.Shared;

/// <summary>The export files read back: CSV through the domain reader, Word through the Open XML SDK and its validator.</summary>
public sealed class ExportWriterTests
{
    private static ExportTable Ledger(int rows = 3) => new(
        "青年湖社区党员承诺践诺台账",
        ["填报单位：青年湖社区党委", "年度：2026"],
        [new("序号", 0.5), new("标题", 3), new("状态"), new("备注", 2)],
        Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
            [i.ToString(CultureInfo.InvariantCulture), $"为楼道安装照明 {i}", "办理中", i == 1 ? "=HYPERLINK(\"http://x\")" : "第一行\n第二行"]).ToList(),
        ["填表人：", "审核人：", "日期："]);

    [Fact]
    public void Csv_has_a_bom_the_header_and_every_row_with_formulas_defused()
    {
        var bytes = ExportWriter.ToCsv(Ledger());

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = CsvReader.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(4, records.Count);
        Assert.Equal(["序号", "标题", "状态", "备注"], records[0].Fields);
        Assert.Equal("为楼道安装照明 2", records[2][1]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", records[1][3]);
        Assert.Equal("第一行\n第二行", records[2].Fields[3]);
        // Title, preamble and signatures belong to the printed ledger only; a spreadsheet wants the bare table.
        Assert.DoesNotContain(records, r => r.Fields.Any(f => f.Contains("填表人", StringComparison.Ordinal)));
    }

    [Fact]
    public void Docx_is_valid_and_reads_back_as_a_landscape_ledger()
    {
        var bytes = ExportWriter.ToDocx(Ledger(rows: 40));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, TestContext.Current.CancellationToken).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var title = paragraphs[0];
        Assert.Equal("青年湖社区党员承诺践诺台账", title.InnerText);
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        var titleRun = title.Elements<Run>().Single().RunProperties!;
        Assert.NotNull(titleRun.Bold);
        Assert.Equal("黑体", titleRun.RunFonts!.EastAsia!.Value);
        Assert.Equal("36", titleRun.FontSize!.Val!.Value);
        Assert.Equal("填报单位：青年湖社区党委", paragraphs[1].InnerText);
        Assert.Equal("年度：2026", paragraphs[2].InnerText);

        var table = body.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(41, rows.Count);
        Assert.Equal(["序号", "标题", "状态", "备注"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Equal(["1", "为楼道安装照明 1"], rows[1].Elements<TableCell>().Take(2).Select(c => c.InnerText));
        // The multi-line cell keeps its line break.
        Assert.NotEmpty(rows[2].Elements<TableCell>().Last().Descendants<Break>());
        Assert.Equal("宋体", rows[1].Descendants<RunFonts>().First().EastAsia!.Value);
        Assert.Equal("21", rows[1].Descendants<FontSize>().First().Val!.Value);
        Assert.NotNull(table.GetFirstChild<TableProperties>()!.TableBorders!.InsideHorizontalBorder);

        // Widths follow WidthShare: the title column is six times the number column.
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(grid[1] / (double)grid[0], 5.9, 6.1);

        var signature = body.Elements<Paragraph>().Last();
        Assert.Equal("填表人：审核人：日期：", signature.InnerText);
        Assert.Equal(2, signature.Descendants<TabChar>().Count());

        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);

        var footer = document.MainDocumentPart.FooterParts.Single().Footer;
        var codes = footer.Descendants<FieldCode>().Select(c => c.Text.Trim()).ToList();
        Assert.Contains(codes, c => c.StartsWith("PAGE ", StringComparison.Ordinal));
        Assert.Contains(codes, c => c.StartsWith("NUMPAGES ", StringComparison.Ordinal));
        Assert.StartsWith("第 ", footer.InnerText, StringComparison.Ordinal);
        Assert.Contains(" 页 共 ", footer.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_with_a_single_signature_entry_is_valid()
    {
        // The commitments ledger signs with one entry ("填表日期：…"); a tab-stop list with no stops is invalid OOXML.
        var table = Ledger(1) with { Signatures = ["填表日期：2026-11-23"] };

        var bytes = ExportWriter.ToDocx(table);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, TestContext.Current.CancellationToken));
        Assert.Equal("填表日期：2026-11-23", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Last().InnerText);
    }

    [Fact]
    public void Docx_with_no_rows_and_hostile_text_is_still_valid()
    {
        var table = new ExportTable("标题\u0001\uD800", [], [new("列", 0), new("列2", double.NaN)], [], []);

        var bytes = ExportWriter.ToDocx(table);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document, TestContext.Current.CancellationToken));
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Equal("标题", body.Elements<Paragraph>().First().InnerText);
        Assert.Single(body.Elements<Table>().Single().Elements<TableRow>());
    }

    [Fact]
    public void English_culture_gets_an_english_page_footer()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(ExportWriter.ToDocx(Ledger())), false);
            Assert.StartsWith("Page ", document.MainDocumentPart!.FooterParts.Single().Footer.InnerText, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("DOCX", ExportFormat.Docx)]
    [InlineData(" docx ", ExportFormat.Docx)]
    public void Known_formats_parse(string value, ExportFormat expected)
    {
        Assert.True(ExportFile.TryParseFormat(value, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pdf")]
    [InlineData("1")]
    [InlineData("xlsx")]
    public void Unknown_formats_are_refused(string? value) => Assert.False(ExportFile.TryParseFormat(value, out _));

    [Theory]
    [InlineData(ExportFormat.Csv, "text/csv; charset=utf-8", ".csv")]
    [InlineData(ExportFormat.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    public async Task Result_is_a_download_with_a_utf8_file_name(ExportFormat format, string contentType, string extension)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        await ExportFile.Result(Ledger(), format, "需求清单/2026").ExecuteAsync(http);

        Assert.Equal(contentType, http.Response.ContentType);
        var disposition = http.Response.Headers.ContentDisposition.ToString();
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("需求清单_2026" + extension), disposition, StringComparison.Ordinal);
        Assert.True(http.Response.Body.Length > 0);
    }
}

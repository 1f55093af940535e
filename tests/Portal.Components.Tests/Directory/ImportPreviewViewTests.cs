using Portal.Web.Features.Directory;
using Portal.Web.Features.Directory.Components;

namespace Portal.Components.Tests.Directory;

/// <summary>The checked import file as the user reads it: first what to fix, then the lines as they were read.</summary>
public sealed class ImportPreviewViewTests : PortalComponentTest
{
    private static readonly string[] Headers = ["社区", "楼栋", "门牌号"];

    private static ImportPreview Preview(params ImportMessage[] errors) => new(ImportKind.Households, "GB18030", Headers,
        [new ImportPreviewLine(2, ["青年湖社区", "1号楼", "101"], true), new ImportPreviewLine(3, ["青年湖社区", "1号楼", ""], errors.Length == 0)],
        errors);

    [Theory]
    [InlineData("zh-CN", "发现 1 个问题，文件未导入", "行号", "有错误")]
    [InlineData("en", "1 problems found; nothing was imported", "Line", "Error")]
    public void A_file_with_errors_lists_each_with_line_column_and_message_and_marks_its_lines(string culture, string summary, string line, string bad)
    {
        var view = RenderIn<ImportPreviewView>(culture, p => p.Add(v => v.Preview, Preview(new ImportMessage(3, "门牌号", "“门牌号”为必填项。")))
            .Add(v => v.FileName, "住户.csv"));

        Assert.Contains(summary, view.Find("[data-testid=import-errors-summary]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=import-ready]"));
        var error = Assert.Single(view.FindAll("[data-testid=import-error]"));
        Assert.Equal(["3", "门牌号", "“门牌号”为必填项。"], error.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(line, view.Find("[data-testid=import-errors] th").TextContent);
        var lines = view.FindAll("[data-testid=import-line]");
        Assert.Equal(2, lines.Count);
        Assert.Single(view.FindAll("[data-testid=import-line].import-line-bad"));
        Assert.Equal(bad, lines[1].QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("住户.csv", view.Find("[data-testid=import-file-info]").TextContent);
        Assert.Contains("GB18030", view.Find("[data-testid=import-file-info]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "全部 2 行检查通过，可以导入。")]
    [InlineData("en", "All 2 lines are valid and can be imported.")]
    public void A_clean_file_says_it_is_ready_with_its_line_count(string culture, string ready)
    {
        var view = RenderIn<ImportPreviewView>(culture, p => p.Add(v => v.Preview, Preview()).Add(v => v.FileName, "住户.csv"));

        Assert.Equal(ready, view.Find("[data-testid=import-ready]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=import-errors]"));
        Assert.Empty(view.FindAll("[data-testid=import-line].import-line-bad"));
    }

    [Fact]
    public void A_file_that_could_not_be_read_shows_only_its_error_without_encoding_or_lines()
    {
        var unreadable = new ImportPreview(ImportKind.Units, "", [], [], [new ImportMessage(0, "", "文件不是 CSV 文本。")]);

        var view = Render<ImportPreviewView>(p => p.Add(v => v.Preview, unreadable).Add(v => v.FileName, "表格.xlsx"));

        Assert.Empty(view.FindAll("[data-testid=import-file-info]"));
        Assert.Empty(view.FindAll("[data-testid=import-lines]"));
        Assert.Single(view.FindAll("[data-testid=import-error]"));
    }
}

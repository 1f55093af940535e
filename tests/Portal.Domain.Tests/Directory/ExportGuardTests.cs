using Portal.Domain.Directory.Import;
using Portal.Domain.Text;

namespace Portal.Domain.Tests.Directory;

/// <summary>Formula-like cells must stay text when an exported roster is opened in a spreadsheet or imported again.</summary>
public sealed class ExportGuardTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 138 0013 8000", "'+86 138 0013 8000")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("张伟", "张伟")]
    [InlineData("a=b", "a=b")]
    public void Formula_like_cells_are_written_behind_an_apostrophe(string cell, string written) =>
        Assert.Equal(written, CsvWriter.EscapeCell(cell));

    [Fact]
    public void An_exported_household_line_imports_the_original_text_and_exports_identically_again()
    {
        string?[] cells = ["青年湖社区", "第一网格", "1号楼", "1单元", "101", "80.00", "不动产登记", "=cmd|' /C calc'!A0", "+86 138 0013 8000"];
        var exported = CsvWriter.Write([HouseholdCsvFormat.Instance.TemplateHeader, cells]);

        var row = Assert.Single(HouseholdCsvFormat.Instance.Read(exported).ValidRows);
        Assert.Equal("=cmd|' /C calc'!A0", row.OwnerName);
        Assert.Equal("+86 138 0013 8000", row.OwnerPhone);

        string?[] again = [row.Community, row.Grid, row.Building, row.Entrance, row.DoorNumber, "80.00", "不动产登记", row.OwnerName, row.OwnerPhone];
        Assert.Equal(exported, CsvWriter.Write([HouseholdCsvFormat.Instance.TemplateHeader, again]));
    }
}

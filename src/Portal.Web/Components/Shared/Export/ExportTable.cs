namespace Portal.Web.Components.Shared.Export;

/// <summary>The two file formats every list and ledger can be exported to.</summary>
public enum ExportFormat
{
    Csv = 1,
    Docx = 2,
}

/// <summary>A column of an exported table. WidthShare: relative column width in the Word table (CSV ignores it).</summary>
public sealed record ExportColumn(string Header, double WidthShare = 1);

/// <summary>
/// What an export contains, independent of the format. Preamble: lines under the title (填报单位：…, 年度：…);
/// Signatures: the line under the table (填表人： 审核人： 日期：…). CSV carries only the header and the rows, since
/// spreadsheets re-import it; the Word document carries everything, laid out as an office ledger.
/// </summary>
public sealed record ExportTable(
    string Title,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Signatures);

using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Writes CSV that spreadsheets open safely: UTF-8 with BOM (so Excel detects Chinese correctly), CRLF line
/// ends, cell text cleaned by <see cref="UserText.MultiLine"/> (values stored before that rule may still hold control or
/// invisible characters; line breaks inside a cell become LF, as Excel writes them), and cells that a spreadsheet would
/// evaluate as a formula neutralised with a leading apostrophe.
/// </summary>
public static class CsvWriter
{
    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(EscapeCell(row[i]));
            }
            sb.Append("\r\n");
        }
        return sb.ToString();
    }

    public static byte[] ToUtf8WithBom(string csv) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    /// <summary>Cleans a cell, quotes it when needed and defuses formula-like content (OWASP "CSV injection").</summary>
    public static string EscapeCell(string? value)
    {
        // Cleaned first: a formula hidden behind an invisible or control character is a formula once that is gone.
        var text = UserText.MultiLine(value);
        if (IsFormulaLike(text)) text = "'" + text;
        var needsQuotes = text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim();
        return needsQuotes ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>Cells starting with = + - @ (or a tab or line break that hides them) are evaluated by spreadsheets.</summary>
    public static bool IsFormulaLike(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}

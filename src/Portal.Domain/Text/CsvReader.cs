using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Reads RFC 4180 CSV: comma separated, double-quoted fields that may hold commas, quotes ("") and line breaks.
/// Spreadsheet exports from Excel and WPS are the expected source; so is their "Unicode text", the same with tabs.
/// </summary>
public static class CsvReader
{
    /// <summary>
    /// Splits the text into records of fields. Blank lines and a leading byte order mark are skipped. A quoted field that
    /// never closes is an error (<see cref="CsvFormatException"/>) naming the line it opened on: read to the end of the file,
    /// it would swallow the fields and records after it and still look like a file that parsed.
    /// </summary>
    /// <param name="text">The decoded file.</param>
    /// <param name="delimiter">The field separator: a comma, or a tab for "Unicode text" (see <see cref="DetectDelimiter"/>).</param>
    public static IReadOnlyList<CsvRecord> Parse(string text, char delimiter = ',')
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
        }

        void EndRecord()
        {
            EndField();
            if (!(fields.Count == 1 && fields[0].Length == 0))
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            fields.Clear();
        }

        // A byte order mark that survived decoding (Encoding.GetString keeps it) would otherwise stick to the first header.
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case var _ when c == delimiter:
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes) throw new CsvFormatException(quoteLine);
        if (field.Length > 0 || fields.Count > 0) EndRecord();
        return records;
    }

    /// <summary>
    /// The field separator of a file: a tab when its first line holds tabs and no comma (Excel's and WPS's "Unicode text",
    /// UTF-16 with tabs), else a comma.
    /// </summary>
    public static char DetectDelimiter(string text)
    {
        var end = text.IndexOf('\n');
        var first = end < 0 ? text : text[..end];
        return first.Contains('\t') && !first.Contains(',') ? '\t' : ',';
    }
}

/// <summary>The text is not CSV that can be read safely: a quoted field opened on <see cref="Line"/> never closes.</summary>
public sealed class CsvFormatException(int line) : FormatException($"A quoted field opened on line {line} is never closed.")
{
    /// <summary>The line (1-based) where the unclosed quoted field starts.</summary>
    public int Line { get; } = line;
}

/// <summary>One CSV record and the line of the file it starts on (1-based), for error reports.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public string this[int index] => index < Fields.Count ? Fields[index].Trim() : string.Empty;
}

using System.Text;

namespace Portal.Domain.Text;

/// <summary>
/// Reads RFC 4180 CSV: comma separated, double-quoted fields that may hold commas, quotes ("") and line breaks.
/// Spreadsheet exports from Excel and WPS are the expected source.
/// </summary>
public static class CsvReader
{
    /// <summary>Splits the text into records of fields. Blank lines and a leading byte order mark are skipped.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;

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
                    break;
                case ',':
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

        if (field.Length > 0 || fields.Count > 0) EndRecord();
        return records;
    }
}

/// <summary>One CSV record and the line of the file it starts on (1-based), for error reports.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public string this[int index] => index < Fields.Count ? Fields[index].Trim() : string.Empty;
}

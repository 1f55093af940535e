using System.Globalization;
using Portal.Domain.Text;

namespace Portal.Domain.Directory.Import;

/// <summary>
/// The common part of the CSV import formats: header recognition (Chinese or English, any order, extra columns
/// ignored), required-column checks, per-cell reading with length limits, and a row limit.
/// </summary>
public abstract class CsvImportFormat<TRow> where TRow : class
{
    /// <summary>Street offices import rosters of a community or a street; more than this is a mistake or an attack.</summary>
    public const int MaxRows = 5000;

    public abstract IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The header line of a template file, in Chinese.</summary>
    public IReadOnlyList<string> TemplateHeader => Columns.Select(c => c.ChineseHeader).ToList();

    /// <summary>
    /// Reads a value written by one of its accepted names (<paramref name="names"/>: case-insensitive, trimmed); an empty
    /// cell is <paramref name="empty"/>. False, with <paramref name="empty"/>, for a name no value has.
    /// </summary>
    protected static bool TryParseNamed<TValue>(string? text, IReadOnlyDictionary<TValue, string[]> names, TValue empty, out TValue value)
        where TValue : struct, Enum
    {
        value = empty;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var (candidate, spellings) in names)
        {
            if (spellings.Any(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads decoded file text into lines with their problems. Never throws on bad content.</summary>
    public ImportFile<TRow> Read(string text)
    {
        var file = new ImportFile<TRow> { Columns = Columns };
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvReader.Parse(text, CsvReader.DetectDelimiter(text));
        }
        catch (CsvFormatException e)
        {
            // Nothing after the open quote can be trusted, so the file is refused as a whole (imports are all or nothing).
            file.FileIssues.Add(new ImportIssue(e.Line, string.Empty, ImportProblem.UnclosedQuote, e.Line.ToString(CultureInfo.InvariantCulture)));
            return file;
        }
        if (records.Count == 0)
        {
            file.FileIssues.Add(new ImportIssue(1, string.Empty, ImportProblem.EmptyFile));
            return file;
        }

        var header = records[0];
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = NormalizeHeader(header.Fields[i]);
            var column = Columns.FirstOrDefault(c => NormalizeHeader(c.ChineseHeader) == name || NormalizeHeader(c.EnglishHeader) == name || NormalizeHeader(c.Key) == name);
            if (column is not null) positions.TryAdd(column.Key, i);
        }
        foreach (var missing in Columns.Where(c => c.Required && !positions.ContainsKey(c.Key)))
            file.FileIssues.Add(new ImportIssue(header.Line, missing.Key, ImportProblem.MissingColumn, missing.ChineseHeader));
        if (file.FileIssues.Count > 0) return file;

        if (records.Count - 1 > MaxRows)
        {
            file.FileIssues.Add(new ImportIssue(records[MaxRows + 1].Line, string.Empty, ImportProblem.TooManyRows, MaxRows.ToString()));
            return file;
        }

        foreach (var record in records.Skip(1))
        {
            var cells = Columns.Select(c => positions.TryGetValue(c.Key, out var p) ? record[p] : string.Empty).ToList();
            if (cells.All(string.IsNullOrEmpty)) continue; // a row of empty cells, as spreadsheets leave at the end
            var line = new ImportLine<TRow>(record.Line, cells);
            var reader = new RowReader(this, line);
            var row = ParseRow(reader);
            if (line.Issues.Count == 0) line.Row = row;
            file.Lines.Add(line);
        }
        if (file.Lines.Count == 0)
            file.FileIssues.Add(new ImportIssue(header.Line, string.Empty, ImportProblem.EmptyFile));
        CheckAcrossLines(file);
        return file;
    }

    /// <summary>Parses one line; report problems through the reader. The row is discarded when any problem was reported.</summary>
    protected abstract TRow ParseRow(RowReader reader);

    /// <summary>Checks that need several lines, such as duplicates inside the file.</summary>
    protected virtual void CheckAcrossLines(ImportFile<TRow> file) { }

    private static string NormalizeHeader(string header) =>
        new string(header.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('*' or '_' or '-' or '（' or '）' or '(' or ')')).ToArray()).ToLowerInvariant();

    /// <summary>Reads the cells of one line by column key, recording problems on the line.</summary>
    protected sealed class RowReader(CsvImportFormat<TRow> format, ImportLine<TRow> line)
    {
        public ImportLine<TRow> Line => line;

        public string? Text(string key)
        {
            var index = IndexOf(key);
            var column = format.Columns[index];
            var value = WithoutFormulaGuard(UserText.CollapsedLine(line.Cells[index]));
            if (value.Length == 0)
            {
                if (column.Required) Report(key, ImportProblem.Required);
                return null;
            }
            if (value.Length > column.MaxLength)
            {
                Report(key, ImportProblem.TooLong, column.MaxLength.ToString());
                return null;
            }
            return value;
        }

        /// <summary>
        /// Removes the apostrophe that <see cref="CsvWriter"/> puts before formula-like cells, so an exported file
        /// imports the original text ("=1+2", "+86 ...") instead of gaining one more apostrophe per round trip.
        /// The value stays plain text: exports add the guard again.
        /// </summary>
        private static string WithoutFormulaGuard(string value) =>
            value.Length > 1 && value[0] == '\'' && CsvWriter.IsFormulaLike(value[1..]) ? value[1..] : value;

        public void Report(string key, ImportProblem problem, string? detail = null) =>
            line.Issues.Add(new ImportIssue(line.Line, key, problem, detail));

        private int IndexOf(string key)
        {
            for (var i = 0; i < format.Columns.Count; i++)
                if (format.Columns[i].Key == key) return i;
            throw new ArgumentException($"Unknown column {key}", nameof(key));
        }
    }
}

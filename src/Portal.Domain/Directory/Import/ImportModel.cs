namespace Portal.Domain.Directory.Import;

/// <summary>
/// What is wrong with one cell or line of an import file. The domain names the problem; the web layer turns it
/// into a localized sentence, so the same checks serve Chinese and English users.
/// </summary>
public enum ImportProblem
{
    EmptyFile,
    FileTooLarge,
    UnknownEncoding,
    Workbook,
    UnclosedQuote,
    MissingColumn,
    TooManyRows,
    Required,
    TooLong,
    InvalidNumber,
    AreaOutOfRange,
    InvalidAreaSource,
    InvalidPhone,
    PhoneWithoutName,
    InvalidUnitType,
    InvalidOwnerKind,
    OwnerKindWithoutName,
    ConflictingOwnerKind,
    DuplicateInFile,
    ConflictingHousehold,
    // Found by the web layer against the database.
    CommunityNotFound,
    CommunityNotManaged,
    GridNotFound,
    AlreadyExists,
    StreetNotManaged,
}

/// <summary>One problem: the file line (1-based, as a spreadsheet shows it), the column key, and an optional detail value.</summary>
public sealed record ImportIssue(int Line, string Column, ImportProblem Problem, string? Detail = null);

/// <summary>A column of an import format: a stable key, the Chinese header used in templates, and the English header also accepted.</summary>
public sealed record ImportColumn(string Key, string ChineseHeader, string EnglishHeader, bool Required, int MaxLength);

/// <summary>One data line of the file: its cells in the format's column order, the parsed row when the line is valid, and its problems.</summary>
public sealed class ImportLine<TRow>(int line, IReadOnlyList<string> cells) where TRow : class
{
    public int Line { get; } = line;
    public IReadOnlyList<string> Cells { get; } = cells;
    public TRow? Row { get; internal set; }
    public List<ImportIssue> Issues { get; } = [];
    public bool IsValid => Issues.Count == 0 && Row is not null;

    /// <summary>Records a problem found after parsing (e.g. against the database); the line will not be imported.</summary>
    public void Reject(ImportIssue issue)
    {
        Issues.Add(issue);
        Row = null;
    }
}

/// <summary>The result of reading a whole file: every data line with its status, plus file-level problems (header, size).</summary>
public sealed class ImportFile<TRow> where TRow : class
{
    public required IReadOnlyList<ImportColumn> Columns { get; init; }
    public List<ImportLine<TRow>> Lines { get; } = [];
    public List<ImportIssue> FileIssues { get; } = [];

    /// <summary>All problems, file-level first, then line by line.</summary>
    public IEnumerable<ImportIssue> AllIssues => FileIssues.Concat(Lines.SelectMany(l => l.Issues));

    /// <summary>Importable only when there is at least one line and nothing at all is wrong: imports are all or nothing.</summary>
    public bool IsValid => FileIssues.Count == 0 && Lines.Count > 0 && Lines.All(l => l.IsValid);

    public IEnumerable<TRow> ValidRows => Lines.Where(l => l.IsValid).Select(l => l.Row!);
}

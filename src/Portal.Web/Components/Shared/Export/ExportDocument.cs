namespace Portal.Web.Components.Shared.Export;

/// <summary>
/// A running-text document (minutes, a report) as <see cref="DocumentWriter"/> lays it out: a title, then blocks in order,
/// then an optional signature line. The counterpart of <see cref="ExportTable"/> for text rather than a ledger.
/// </summary>
public sealed record ExportDocument(string Title, IReadOnlyList<DocumentBlock> Blocks, IReadOnlyList<string> Signatures);

public abstract record DocumentBlock;

/// <summary>A section heading; level 1 is the highest under the title.</summary>
public sealed record DocumentHeading(int Level, string Text) : DocumentBlock;

/// <summary>
/// A paragraph of runs. A list entry has a <see cref="Marker"/> ("1.", "•") and an indent level (0 = top-level entry),
/// laid out with a hanging indent so wrapped lines align with the text, not the marker.
/// </summary>
public sealed record DocumentParagraph(IReadOnlyList<DocumentRun> Runs, string? Marker = null, int Level = 0) : DocumentBlock;

public sealed record DocumentRun(string Text, bool Bold = false);

/// <summary>A bordered table with a repeated header row, as in the ledgers.</summary>
public sealed record DocumentTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

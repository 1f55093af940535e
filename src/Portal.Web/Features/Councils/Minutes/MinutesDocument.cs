using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;

namespace Portal.Web.Features.Councils.Minutes;

/// <summary>
/// The formal Word 会议纪要 is the approved Markdown laid out in Word: what the recorder approved is the text of record, so
/// the document says exactly that — headings, paragraphs, (nested) lists and tables as written, nothing re-derived from
/// the database that could disagree with it. The first top-level heading becomes the document's title. Two things the
/// text does not carry are added from the structured record after it: the 督办 table of the resolutions (with the chaser,
/// which the text leaves out) and the approval line. Raw HTML in the text is never interpreted (it stays text, as on
/// the page), and links keep their text only.
/// </summary>
public static class MinutesDocument
{
    public sealed record Labels(
        string ResolutionsHeading, string Number, string Decision, string Owner, string CoOwners, string DueDate, string Chaser, string None,
        Func<DateOnly, string> FormatDate);

    public static ExportDocument From(string fallbackTitle, string markdown, IReadOnlyList<ResolutionRow> resolutions, string? approvalLine, Labels labels)
    {
        var blocks = new List<DocumentBlock>();
        string? title = null;
        var parsed = SafeMarkdown.Parse(markdown, SafeMarkdown.DocumentPipeline);
        if (parsed is null)
        {
            // Nested deeper than the limit: the text goes in as plain paragraphs rather than failing the download.
            blocks.AddRange(markdown.Split("\n\n").Select(p => new DocumentParagraph([new DocumentRun(p)])));
            parsed = new MarkdownDocument();
        }
        foreach (var block in parsed)
        {
            if (title is null && blocks.Count == 0 && block is HeadingBlock { Level: 1 } h1)
            {
                title = InlineText(h1.Inline);
                continue;
            }
            AddBlock(block, blocks, 0);
        }

        if (resolutions.Count > 0)
        {
            blocks.Add(new DocumentHeading(1, labels.ResolutionsHeading));
            blocks.Add(new DocumentTable(
                [new(labels.Number, 0.5), new(labels.Decision, 3.2), new(labels.Owner, 1.5), new(labels.CoOwners, 1.5), new(labels.DueDate, 1.3), new(labels.Chaser, 1)],
                resolutions.Select((r, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Decision, r.OwnerUnitName,
                    r.CoOwnerUnitNames.Count == 0 ? labels.None : string.Join("、", r.CoOwnerUnitNames), labels.FormatDate(r.DueDate), r.ChaserName ?? labels.None,
                ]).ToList()));
        }
        if (approvalLine is not null) blocks.Add(new DocumentParagraph([new DocumentRun(approvalLine)]));
        return new ExportDocument(title ?? fallbackTitle, blocks, []);
    }

    private static void AddBlock(Block block, List<DocumentBlock> blocks, int level)
    {
        switch (block)
        {
            case HeadingBlock heading:
                // "##" is the first level under the title ("#"), as MinutesWriter writes it.
                blocks.Add(new DocumentHeading(Math.Max(1, heading.Level - 1), InlineText(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                blocks.Add(new DocumentParagraph(Runs(paragraph.Inline)));
                break;
            case ListBlock list:
                AddList(list, blocks, level);
                break;
            case Table table:
                AddTable(table, blocks);
                break;
            case QuoteBlock quote:
                foreach (var child in quote) AddBlock(child, blocks, level);
                break;
            case CodeBlock code:
                blocks.Add(new DocumentParagraph([new DocumentRun(string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString())))]));
                break;
            case ThematicBreakBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container) AddBlock(child, blocks, level);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                blocks.Add(new DocumentParagraph(Runs(leaf.Inline)));
                break;
        }
    }

    private static void AddList(ListBlock list, List<DocumentBlock> blocks, int level)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}{list.OrderedDelimiter}" : level == 0 ? "•" : "◦";
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock paragraph)
                    blocks.Add(new DocumentParagraph(Runs(paragraph.Inline), marker, level));
                else if (child is ListBlock nested)
                    AddList(nested, blocks, level + 1);
                else if (child is ParagraphBlock more)
                    blocks.Add(new DocumentParagraph(Runs(more.Inline), "", level));
                else
                    AddBlock(child, blocks, level + 1);
                first = false;
            }
        }
    }

    private static void AddTable(Table table, List<DocumentBlock> blocks)
    {
        var rows = table.OfType<TableRow>().Select(r => r.OfType<TableCell>().Select(CellText).ToList()).ToList();
        if (rows.Count == 0) return;
        var header = table.OfType<TableRow>().First().IsHeader ? rows[0] : null;
        var width = rows.Max(r => r.Count);
        var columns = Enumerable.Range(0, width).Select(i => new ExportColumn(header is not null && i < header.Count ? header[i] : "")).ToList();
        blocks.Add(new DocumentTable(columns, (header is null ? rows : rows.Skip(1)).Select(r => (IReadOnlyList<string>)r).ToList()));
    }

    private static string CellText(TableCell cell) =>
        string.Join("\n", cell.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline)));

    private static List<DocumentRun> Runs(ContainerInline? inline)
    {
        var runs = new List<DocumentRun>();
        Collect(inline, bold: false, runs);
        // Merge neighbours of the same weight so Word gets few runs.
        var merged = new List<DocumentRun>();
        foreach (var run in runs.Where(r => r.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Bold == run.Bold) merged[^1] = merged[^1] with { Text = merged[^1].Text + run.Text };
            else merged.Add(run);
        }
        return merged;
    }

    private static void Collect(Inline? inline, bool bold, List<DocumentRun> runs)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                runs.Add(new DocumentRun(literal.Content.ToString(), bold));
                return;
            case CodeInline code:
                runs.Add(new DocumentRun(code.Content, bold));
                return;
            case LineBreakInline:
                runs.Add(new DocumentRun("\n", bold));
                return;
            case HtmlEntityInline entity:
                runs.Add(new DocumentRun(entity.Transcoded.ToString(), bold));
                return;
            case AutolinkInline autolink:
                runs.Add(new DocumentRun(autolink.Url, bold));
                return;
            case EmphasisInline emphasis:
                var strong = bold || (emphasis.DelimiterCount >= 2 && emphasis.DelimiterChar is '*' or '_');
                foreach (var child in emphasis) Collect(child, strong, runs);
                return;
            case DelimiterInline delimiter:
                // An unmatched "[" or "![" stays as typed, followed by what came after it.
                runs.Add(new DocumentRun(delimiter.ToLiteral(), bold));
                foreach (var child in delimiter) Collect(child, bold, runs);
                return;
            case ContainerInline container:
                foreach (var child in container) Collect(child, bold, runs);
                return;
            default:
                // Raw HTML is disabled in the pipeline; what is left (resolved delimiters) carries no text.
                return;
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        foreach (var run in Runs(inline)) sb.Append(run.Text);
        return sb.ToString().Trim();
    }
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Text;

namespace Portal.Web.Components.Shared.Export;

/// <summary>
/// Turns an <see cref="ExportDocument"/> into a Word .docx in the portal's conventions (the same style helpers as the
/// ledger in <see cref="ExportWriter"/>): A4 portrait, a centred 黑体 title, 黑体 headings, 宋体 body text at 小四, tables
/// with a repeated header row, "第 X 页 共 Y 页" in the footer.
/// </summary>
public static class DocumentWriter
{
    // Twips: A4 portrait with the margins of a Chinese official document (公文: 3.7 cm top, 3.5 cm bottom, 2.8/2.6 cm sides).
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 2098;
    private const int MarginBottom = 1984;
    private const int MarginLeft = 1588;
    private const int MarginRight = 1474;
    private const int UsableWidth = PageWidth - MarginLeft - MarginRight;
    private const int IndentStep = 420; // two characters at 小四 per list level

    public static byte[] ToDocx(ExportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExportWriter.WriteDocx(document.Title, body =>
        {
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case DocumentHeading heading:
                        body.Append(Heading(heading));
                        break;
                    case DocumentParagraph paragraph:
                        body.Append(Paragraph(paragraph));
                        break;
                    case DocumentTable table:
                        body.Append(ExportWriter.BuildTable(table.Columns, table.Rows, UsableWidth));
                        // Word needs a paragraph between two tables, and after the last one before the section properties.
                        body.Append(new Paragraph());
                        break;
                }
            }
            if (document.Signatures.Count > 0)
                body.Append(ExportWriter.SignatureParagraph(document.Signatures, UsableWidth));
        }, Section);
    }

    private static Paragraph Heading(DocumentHeading heading)
    {
        // 三号 for the first level, 四号 below it, both 黑体 as in official documents.
        var size = heading.Level <= 1 ? "32" : "28";
        return new Paragraph(
            new ParagraphProperties
            {
                KeepNext = new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "120" },
            },
            ExportWriter.TextRun(heading.Text, ExportWriter.TitleFontEastAsia, ExportWriter.TitleFontLatin, size, bold: heading.Level > 1));
    }

    private static Paragraph Paragraph(DocumentParagraph paragraph)
    {
        var properties = new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "40", After = "40", Line = "360", LineRule = LineSpacingRuleValues.Auto } };
        if (paragraph.Marker is not null)
        {
            // Hanging indent: the marker sits in the hanging part, wrapped lines align with the entry's text.
            var left = IndentStep * (paragraph.Level + 1);
            properties.Indentation = new Indentation
            {
                Left = left.ToString(CultureInfo.InvariantCulture), Hanging = IndentStep.ToString(CultureInfo.InvariantCulture),
            };
        }
        var result = new Paragraph(properties);
        if (paragraph.Marker is not null)
        {
            result.Append(ExportWriter.TextRun(paragraph.Marker, ExportWriter.BodyFontEastAsia, ExportWriter.BodyFontLatin, ExportWriter.LineSize, bold: false));
            result.Append(new Run(ExportWriter.RunProps(ExportWriter.BodyFontEastAsia, ExportWriter.BodyFontLatin, ExportWriter.LineSize, false), new TabChar()));
        }
        foreach (var run in paragraph.Runs)
        {
            // Line breaks inside a paragraph (soft breaks in Markdown) stay line breaks in Word.
            var lines = UserText.MultiLine(run.Text).Split('\n');
            var wordRun = new Run(ExportWriter.RunProps(ExportWriter.BodyFontEastAsia, ExportWriter.BodyFontLatin, ExportWriter.LineSize, run.Bold));
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) wordRun.Append(new Break());
                wordRun.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
            result.Append(wordRun);
        }
        return result;
    }

    private static SectionProperties Section(string footerId) =>
        new(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight,
                Header = 851, Footer = 992, Gutter = 0,
            });
}

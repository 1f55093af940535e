using System.Globalization;
using System.Resources;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Text;

namespace Portal.Web.Components.Shared.Export;

/// <summary>
/// Turns an <see cref="ExportTable"/> into file bytes. CSV goes through the domain <see cref="CsvWriter"/> (BOM so Excel/WPS
/// read Chinese, formula guard). The Word document follows the look of a Chinese office ledger (台账): A4 landscape, a
/// centred 黑体 title, the preamble lines, a bordered table in 宋体 whose header row repeats on every page, the signature
/// line, and "第 X 页 共 Y 页" in the footer — so it can be printed and signed as it is.
/// </summary>
public static class ExportWriter
{
    // Word measures in twentieths of a point (twips) and font sizes in half points.
    private const int PageWidth = 16838;   // A4 long side, 297 mm
    private const int PageHeight = 11906;  // A4 short side, 210 mm
    private const int MarginSide = 1134;   // 2 cm
    private const int MarginTopBottom = 1247; // 2.2 cm
    private const int UsableWidth = PageWidth - 2 * MarginSide;

    // The portal's Word conventions, shared with DocumentWriter (running text such as minutes).
    internal const string TitleFontEastAsia = "黑体";
    internal const string TitleFontLatin = "SimHei";
    internal const string BodyFontEastAsia = "宋体";
    internal const string BodyFontLatin = "SimSun";
    internal const string TitleSize = "36";    // 18 pt (小二)
    internal const string LineSize = "24";     // 12 pt (小四) for preamble and signatures
    internal const string TableSize = "21";    // 10.5 pt (五号)
    internal const string FooterSize = "18";   // 9 pt (小五)

    private static readonly ResourceManager Text = new(typeof(ExportText));

    public static byte[] ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<IReadOnlyList<string?>>(table.Rows.Count + 1) { table.Columns.Select(c => (string?)c.Header).ToList() };
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string?>)r.Select(c => (string?)c).ToList()));
        return CsvWriter.ToUtf8WithBom(CsvWriter.Write(rows));
    }

    public static byte[] ToDocx(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return WriteDocx(table.Title, body =>
        {
            foreach (var line in table.Preamble)
                body.Append(LineParagraph(line, JustificationValues.Left));
            body.Append(BuildTable(table));
            if (table.Signatures.Count > 0)
                body.Append(SignatureParagraph(table.Signatures));
        }, Section);
    }

    /// <summary>
    /// A Word document in the portal's conventions, the one frame of the ledger and of <see cref="DocumentWriter"/>'s
    /// running text: package properties, default styles, the "第 X 页 共 Y 页" footer and the centred title;
    /// <paramref name="content"/> adds what follows the title, <paramref name="section"/> lays out the page (it is
    /// given the footer's part id).
    /// </summary>
    internal static byte[] WriteDocx(string title, Action<Body> content, Func<string, SectionProperties> section)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = UserText.SingleLine(title);
            document.PackageProperties.Creator = "Portal";
            document.PackageProperties.Created = DateTime.UtcNow;

            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = BuildFooter();

            var body = new Body();
            body.Append(TitleParagraph(title));
            content(body);
            body.Append(section(main.GetIdOfPart(footer)));

            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    internal static void AddStyles(MainDocumentPart main)
    {
        // Defaults for anything not formatted explicitly (e.g. a paragraph WPS adds when the user types below the table).
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = Fonts(BodyFontEastAsia, BodyFontLatin),
                    FontSize = new FontSize { Val = TableSize },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = TableSize },
                    Languages = new Languages { Val = "en-US", EastAsia = "zh-CN" },
                }),
                new ParagraphPropertiesDefault()));
        styles.Styles.Save();
    }

    internal static Paragraph TitleParagraph(string title) =>
        new(
            new ParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "240" },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            TextRun(title, TitleFontEastAsia, TitleFontLatin, TitleSize, bold: true));

    private static Paragraph LineParagraph(string text, JustificationValues alignment) =>
        new(
            new ParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "60", After = "60" },
                Justification = new Justification { Val = alignment },
            },
            TextRun(text, BodyFontEastAsia, BodyFontLatin, LineSize, bold: false));

    /// <summary>The signature entries spread evenly across the line by tab stops, with room to sign after each.</summary>
    internal static Paragraph SignatureParagraph(IReadOnlyList<string> signatures, int usableWidth = UsableWidth)
    {
        var step = usableWidth / signatures.Count;
        var tabs = new Tabs();
        for (var i = 1; i < signatures.Count; i++)
            tabs.Append(new TabStop { Val = TabStopValues.Left, Position = i * step });
        // An empty <w:tabs> is invalid OOXML (a single entry needs no stop), so the element is left out then.
        var paragraph = new Paragraph(new ParagraphProperties
        {
            Tabs = tabs.HasChildren ? tabs : null,
            SpacingBetweenLines = new SpacingBetweenLines { Before = "360" },
        });
        for (var i = 0; i < signatures.Count; i++)
        {
            if (i > 0) paragraph.Append(new Run(RunProps(BodyFontEastAsia, BodyFontLatin, LineSize, false), new TabChar()));
            paragraph.Append(TextRun(signatures[i], BodyFontEastAsia, BodyFontLatin, LineSize, bold: false));
        }
        return paragraph;
    }

    private static Table BuildTable(ExportTable table) => BuildTable(table.Columns, table.Rows, UsableWidth);

    /// <summary>The bordered table of the ledger, filling <paramref name="usableWidth"/> (twips) of the page.</summary>
    internal static Table BuildTable(IReadOnlyList<ExportColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, int usableWidth)
    {
        var widths = ColumnWidths(columns, usableWidth);
        // Half-point single black lines (Size is in eighths of a point), as on a printed form.
        T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4u, Color = "000000" };
        var result = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = usableWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
                TableBorders = new TableBorders(
                    Line<TopBorder>(),
                    Line<LeftBorder>(),
                    Line<BottomBorder>(),
                    Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(),
                    Line<InsideVerticalBorder>()),
                // Fixed layout keeps the widths we computed instead of letting Word/WPS re-flow by content.
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa }),
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // The header row repeats on every printed page (TableHeader) and never splits across pages.
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < columns.Count; i++)
            header.Append(Cell(columns[i].Header, widths[i], isHeader: true));
        result.Append(header);

        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < columns.Count; i++)
                tr.Append(Cell(i < row.Count ? row[i] : string.Empty, widths[i], isHeader: false));
            result.Append(tr);
        }
        return result;
    }

    /// <summary>Column widths in twips proportional to WidthShare, filling the usable page width exactly.</summary>
    internal static int[] ColumnWidths(IReadOnlyList<ExportColumn> columns, int usableWidth = UsableWidth)
    {
        if (columns.Count == 0) return [];
        var shares = columns.Select(c => double.IsFinite(c.WidthShare) && c.WidthShare > 0 ? c.WidthShare : 1).ToArray();
        var total = shares.Sum();
        var widths = shares.Select(s => (int)Math.Floor(usableWidth * s / total)).ToArray();
        widths[^1] += usableWidth - widths.Sum();
        return widths;
    }

    private static TableCell Cell(string? text, int width, bool isHeader)
    {
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
        };
        if (isHeader)
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" };

        var paragraph = new Paragraph(new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" },
            Justification = new Justification { Val = isHeader ? JustificationValues.Center : JustificationValues.Left },
        });
        // Line breaks in a cell (multi-line descriptions) become Word line breaks inside the one paragraph.
        var lines = UserText.MultiLine(text).Split('\n');
        var run = new Run(RunProps(BodyFontEastAsia, BodyFontLatin, TableSize, isHeader));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return new TableCell(properties, paragraph);
    }

    internal static Footer BuildFooter()
    {
        // "第 {0} 页 共 {1} 页": the placeholders become PAGE and NUMPAGES fields that Word/WPS fill in when laying out.
        var format = Text.GetString("Footer.Pages", CultureInfo.CurrentUICulture) ?? "第 {0} 页 共 {1} 页";
        var paragraph = new Paragraph(new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } });
        var rest = format;
        while (rest.Length > 0)
        {
            var page = rest.IndexOf("{0}", StringComparison.Ordinal);
            var pages = rest.IndexOf("{1}", StringComparison.Ordinal);
            var next = page < 0 ? pages : pages < 0 ? page : Math.Min(page, pages);
            if (next < 0)
            {
                paragraph.Append(TextRun(rest, BodyFontEastAsia, BodyFontLatin, FooterSize, bold: false));
                break;
            }
            if (next > 0) paragraph.Append(TextRun(rest[..next], BodyFontEastAsia, BodyFontLatin, FooterSize, bold: false));
            AppendField(paragraph, next == page ? "PAGE" : "NUMPAGES");
            rest = rest[(next + 3)..];
        }
        return new Footer(paragraph);
    }

    /// <summary>A complex field (begin, code, separate, cached result, end) — the form both Word and WPS update.</summary>
    private static void AppendField(Paragraph paragraph, string code)
    {
        Run FieldRun(OpenXmlElement content) => new(RunProps(BodyFontEastAsia, BodyFontLatin, FooterSize, false), content);
        paragraph.Append(
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            FieldRun(new FieldCode($" {code} \\* MERGEFORMAT ") { Space = SpaceProcessingModeValues.Preserve }),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            FieldRun(new Text("1")),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    private static SectionProperties Section(string footerId) =>
        new(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin
            {
                Top = MarginTopBottom, Bottom = MarginTopBottom, Left = MarginSide, Right = MarginSide,
                Header = 851, Footer = 567, Gutter = 0,
            });

    internal static Run TextRun(string? text, string eastAsia, string latin, string size, bool bold) =>
        new(RunProps(eastAsia, latin, size, bold), new Text(UserText.MultiLine(text)) { Space = SpaceProcessingModeValues.Preserve });

    internal static RunProperties RunProps(string eastAsia, string latin, string size, bool bold)
    {
        var properties = new RunProperties
        {
            RunFonts = Fonts(eastAsia, latin),
            FontSize = new FontSize { Val = size },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size },
        };
        if (bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }
        return properties;
    }

    /// <summary>EastAsia carries the Chinese font; Latin digits and letters use the same family so a row reads evenly.</summary>
    private static RunFonts Fonts(string eastAsia, string latin) =>
        new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia };
}

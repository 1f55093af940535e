using System.Net;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Web.Components.Shared;

/// <summary>
/// The one way Markdown typed by users is read: pages (announcements, needs, notes, topics, minutes, previews), the
/// Word minutes and plain-text ledgers all go through here, so that no text anyone can type breaks a page for its
/// readers.
/// <list type="bullet">
/// <item>No input throws. Markdig limits nesting while parsing but not for every construct: unmatched brackets
/// (<c>[[[[…</c>) become delimiters nested one inside the other, which its renderer refuses beyond its depth limit.
/// So the parsed tree's depth is measured (iteratively, no recursion) and a tree deeper than
/// <see cref="MaximumNestingDepth"/> is shown as the escaped text it was typed as, like any input the parser refuses.</item>
/// <item>Safety comes first from two rules applied to the syntax tree: raw HTML is not parsed at all (it is shown as
/// text), and every link and image whose address is not http(s), mailto (links only) or relative is replaced by its
/// text. Extensions that let authors set attributes (generic attributes) or embed media are left out.</item>
/// <item>Then the HTML goes through HtmlSanitizer with an allow-list of exactly what this pipeline produces
/// (<see cref="Sanitize"/>): a second, independent line, so that a Markdig extension added later, a Markdig bug or a
/// change to the rules above cannot put script, styles, frames, event attributes or other sites' images on a page.
/// It also gives every link to another site <c>rel="noopener noreferrer nofollow"</c>.</item>
/// <item>Images from other sites are shown as links: the content security policy allows images from this origin only,
/// so rendering them would show a broken image.</item>
/// </list>
/// </summary>
public static class SafeMarkdown
{
    /// <summary>
    /// Deepest nesting of blocks and inlines that is rendered as Markdown. Real text rarely nests beyond a handful of
    /// levels (a quote in a list in a quote); the limit keeps parsing, rendering and the Word writer's recursion small.
    /// </summary>
    public const int MaximumNestingDepth = 32;

    private static readonly MarkdownPipeline HtmlPipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaximumNestingDepth }
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseCjkFriendlyEmphasis()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    /// <summary>The subset documents need: structure and emphasis, no task lists or autolinks.</summary>
    public static readonly MarkdownPipeline DocumentPipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaximumNestingDepth }
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    /// <summary>Safe HTML for a page; an empty string for blank input.</summary>
    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitize(Render(markdown));

    private static string Render(string markdown)
    {
        var document = Parse(markdown, HtmlPipeline);
        if (document is null) return EscapedText(markdown);
        RemoveUnsafeLinks(document);
        try
        {
            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer);
            HtmlPipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
        catch (ArgumentException)
        {
            // Markdig's renderer has depth limits of its own; the depth check above should have caught the input first.
            return EscapedText(markdown);
        }
    }

    /// <summary>The rel of every link to another site: the target gets no handle on this page and no referrer.</summary>
    internal const string ExternalRel = "noopener noreferrer nofollow";

    /// <summary>
    /// Everything <see cref="HtmlPipeline"/> can write, and nothing else: block structure, emphasis (with the extras'
    /// del, ins, mark, sub, sup), code, quotes, lists with task-list check boxes, pipe tables, links and this site's
    /// images. No script, style, frame, form, media or SVG element survives, nor any attribute not listed here (so no
    /// event handler, id or data attribute).
    /// </summary>
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
        "em", "strong", "del", "ins", "mark", "sub", "sup", "ul", "ol", "li", "input",
        "table", "thead", "tbody", "tr", "th", "td", "a", "img",
    ];

    /// <summary>
    /// href/title/rel (links), src/alt/title (images), start/type (ordered lists), type/disabled/checked (task-list
    /// check boxes), class (task lists only, see <see cref="AllowedClasses"/>), style (table alignment only).
    /// </summary>
    private static readonly string[] AllowedAttributes =
        ["href", "title", "rel", "src", "alt", "start", "type", "disabled", "checked", "class", "style"];

    /// <summary>
    /// The classes the task-list extension writes. Any other class is dropped: a fenced block's info string would
    /// otherwise let an author name a class of their choosing (<c>language-…</c>).
    /// </summary>
    private static readonly string[] AllowedClasses = ["contains-task-list", "task-list-item"];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        Replace(sanitizer.AllowedTags, AllowedTags);
        Replace(sanitizer.AllowedAttributes, AllowedAttributes);
        Replace(sanitizer.AllowedClasses, AllowedClasses);
        // Pipe tables align columns with text-align; no other property (no url(), no position, no display).
        Replace(sanitizer.AllowedCssProperties, ["text-align"]);
        Replace(sanitizer.AllowedSchemes, ["http", "https", "mailto"]);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.AllowCssCustomProperties = false;
        // A removed element goes with its content: the text inside <script> or <style> is not for reading.
        sanitizer.KeepChildNodes = false;
        sanitizer.PostProcessNode += ApplyLinkAndImageRules;
        sanitizer.OutputFormatter = QuotesEscapedFormatter.Instance;
        return sanitizer;

        static void Replace(ISet<string> set, IEnumerable<string> values)
        {
            set.Clear();
            set.UnionWith(values);
        }
    }

    /// <summary>
    /// HTML as <see cref="ToHtml"/> hands it to a page: only the allow-listed tags, attributes, classes and styles, with
    /// http(s), mailto or relative addresses, links to other sites marked <see cref="ExternalRel"/>, images of this site
    /// only, and check boxes that cannot be ticked. The one instance is configured once and only read afterwards: its
    /// Sanitize is thread-safe then (HtmlSanitizer's README, "Thread safety").
    /// </summary>
    internal static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>
    /// Writes text as Markdig escapes it, quotes included (<c>&amp;quot;</c>): AngleSharp leaves quotes in text as they
    /// are, so text someone typed such as <c>" onerror="</c> would read like an attribute in the page's source — harmless
    /// as text, but a quote in text should never be able to end an attribute wherever the HTML is taken next.
    /// </summary>
    private sealed class QuotesEscapedFormatter : HtmlFormatter
    {
        public static new readonly QuotesEscapedFormatter Instance = new();

        public override string Text(ICharacterData text) => base.Text(text).Replace("\"", "&quot;", StringComparison.Ordinal);
    }

    /// <summary>
    /// The address with Markdig's percent-encoding undone (<c>%5C</c>, <c>%09</c>), so that it is judged as its author
    /// typed it: whatever could be read as another site counts as one.
    /// </summary>
    private static string? AsTyped(string? url) => url is null ? null : Uri.UnescapeDataString(url);

    private static void ApplyLinkAndImageRules(object? sender, PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element) return;
        switch (element.LocalName)
        {
            case "a":
                if (IsExternal(AsTyped(element.GetAttribute("href")))) element.SetAttribute("rel", ExternalRel);
                else element.RemoveAttribute("rel");
                break;
            case "img":
                // The content security policy would block another site's image, and loading it would tell that site
                // who reads the page: only this site's images stay.
                var source = AsTyped(element.GetAttribute("src"));
                if (string.IsNullOrEmpty(source) || !IsSafeUrl(source, image: true) || IsExternal(source)) element.Remove();
                break;
            case "input":
                // Task-list check boxes show a state; they are not a form anyone can fill in.
                if (!string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)) element.Remove();
                else element.SetAttribute("disabled", "disabled");
                break;
        }
    }

    /// <summary>The text as one plain string, Markdown marks removed (for ledgers and exports).</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        var document = Parse(markdown, DocumentPipeline);
        if (document is null) return markdown;
        try
        {
            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            DocumentPipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }

    /// <summary>
    /// The syntax tree of <paramref name="markdown"/>, or null when the text is nested deeper than
    /// <see cref="MaximumNestingDepth"/> (the caller then shows it as plain text).
    /// </summary>
    public static MarkdownDocument? Parse(string markdown, MarkdownPipeline pipeline)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // The parser's own refusal of input nested deeper than its limit.
            return null;
        }
        return DepthOf(document) > MaximumNestingDepth ? null : document;
    }

    private static string EscapedText(string markdown) =>
        "<p>" + WebUtility.HtmlEncode(markdown).Replace("\r\n", "\n").Replace("\n", "<br />\n") + "</p>";

    /// <summary>Deepest nesting of blocks and inlines, walked with an explicit stack so that depth cannot overflow it.</summary>
    private static int DepthOf(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > deepest)
            {
                deepest = depth;
                if (deepest > MaximumNestingDepth) return deepest;
            }
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) pending.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling) pending.Push((child, depth + 1));
                    break;
            }
        }
        return deepest;
    }

    private static void RemoveUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            // A renderer asks GetDynamicUrl before Url, so judge the address that would really be written.
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (IsSafeUrl(url, link.IsImage))
            {
                link.Url = url;
                link.GetDynamicUrl = null;
                if (link.IsImage && IsExternal(url)) ShowImageAsLink(link, url!);
                continue;
            }
            if (link.IsImage)
            {
                // An image without a safe source becomes its description.
                link.ReplaceBy(new LiteralInline(PlainText(link)));
            }
            else
            {
                // A link without a safe address keeps its text and loses the address.
                while (link.FirstChild is { } child)
                {
                    child.Remove();
                    link.InsertBefore(child);
                }
                link.Remove();
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (autolink.IsEmail || IsSafeUrl(autolink.Url, image: false)) continue;
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>An image on another site becomes a link to it, named by its description (or its address).</summary>
    private static void ShowImageAsLink(LinkInline image, string url)
    {
        var description = PlainText(image);
        var link = new LinkInline(url, image.Title ?? "");
        link.AppendChild(new LiteralInline(string.IsNullOrWhiteSpace(description) ? url : description));
        image.ReplaceBy(link, copyChildren: false);
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var literal in container.FindDescendants<LiteralInline>()) text.Append(literal.Content.ToString());
        return text.ToString();
    }

    /// <summary>
    /// True for http, https and (for links) mailto addresses, and for addresses without a scheme (relative paths,
    /// fragments, queries). Browsers ignore tabs, line breaks and leading control characters or spaces in a URL
    /// ("java&#9;script:"), so those are removed before the scheme is read.
    /// </summary>
    public static bool IsSafeUrl(string? url, bool image)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var cleaned = AsBrowserReadsIt(url);
        var schemeEnd = cleaned.IndexOf(':');
        if (schemeEnd < 0) return true;
        // A colon after the first '/', '?' or '#' belongs to a path, query or fragment, not to a scheme.
        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        if (pathStart >= 0 && pathStart < schemeEnd) return true;
        var scheme = cleaned[..schemeEnd].ToLowerInvariant();
        return scheme is "http" or "https" || (!image && scheme == "mailto");
    }

    /// <summary>
    /// An absolute address (with a scheme, or protocol-relative //host, which browsers also read from /\host and \\host),
    /// i.e. another site as far as we know; judged on the address as a browser reads it.
    /// </summary>
    private static bool IsExternal(string? url)
    {
        if (url is null) return false;
        var cleaned = AsBrowserReadsIt(url).Replace('\\', '/');
        return cleaned.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || cleaned.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
               || cleaned.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>Browsers ignore tabs, line breaks, spaces and other control characters in an address: so must the checks.</summary>
    private static string AsBrowserReadsIt(string url) => new(url.Where(c => c > ' ' && !char.IsControl(c)).ToArray());
}

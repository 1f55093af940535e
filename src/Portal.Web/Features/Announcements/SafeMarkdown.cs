using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Web.Features.Announcements;

/// <summary>
/// Renders Markdown typed by users into HTML that is safe to put into a page. No HTML sanitizer package can be
/// restored here, so safety comes from two rules applied to the syntax tree, not to the output text:
/// raw HTML is not parsed at all (it is shown as text), and every link and image whose address is not http(s),
/// mailto (links only) or relative is replaced by its text. Extensions that let authors set attributes
/// (generic attributes) or embed media are deliberately left out.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder
        {
            // Deeply nested quotes and lists can otherwise make parsing and rendering very slow.
            MaximumNestingDepth = 32,
        }
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseCjkFriendlyEmphasis()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return string.Empty;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than the limit; such text is shown as typed, escaped.
            return "<p>" + System.Net.WebUtility.HtmlEncode(markdown).Replace("\n", "<br />\n") + "</p>";
        }
        RemoveUnsafeLinks(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
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
                if (!link.IsImage && IsExternal(url)) link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
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
        var cleaned = new string(url.Where(c => c > ' ' && !char.IsControl(c)).ToArray());
        var schemeEnd = cleaned.IndexOf(':');
        if (schemeEnd < 0) return true;
        // A colon after the first '/', '?' or '#' belongs to a path, query or fragment, not to a scheme.
        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        if (pathStart >= 0 && pathStart < schemeEnd) return true;
        var scheme = cleaned[..schemeEnd].ToLowerInvariant();
        return scheme is "http" or "https" || (!image && scheme == "mailto");
    }

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal));
}

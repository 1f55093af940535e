using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>One piece of text a person meets on a page, and where: "text", "title", or an attribute such as "aria-label".</summary>
public sealed record PageTextPiece(string Where, string Text);

/// <summary>
/// Everything a page says to a person: the document title, the text of every shown element, and the attributes that are
/// read aloud or shown on hover (aria-label, title, placeholder, alt, a button's value). The component library's own
/// parts are named in <see cref="IconSelector"/> and <see cref="PopupSelector"/> only, so that a change of library
/// changes these two lines.
/// </summary>
public static class PageText
{
    /// <summary>Icon-font glyphs: their text is a ligature name ("search", "download"), drawn as a picture, never read as a word.</summary>
    public const string IconSelector = ".material-icons, .material-symbols-outlined";

    /// <summary>
    /// Drop-down and date-picker popups: rendered hidden until opened, so a hidden popup's content is read as well
    /// ("no records", filter placeholders, calendar buttons).
    /// </summary>
    public const string PopupSelector = ".mud-popover";

    private const string Script = """
        ([iconSelector, popupSelector]) => {
            const pieces = [['title', document.title]];
            const attributes = ['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];
            const inPopup = el => el.closest(popupSelector) !== null;
            const shown = el => el.checkVisibility() || inPopup(el);
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                const text = node.nodeValue.trim();
                if (!text || !parent || parent.closest('script, style, template') || parent.closest(iconSelector) || !shown(parent)) continue;
                pieces.push(['text', text]);
            }
            for (const el of document.body.querySelectorAll('*')) {
                if (!shown(el)) continue;
                // aria-* of a subtree hidden from assistive technology is never read (a drop-down's or radio's hidden native input).
                const unread = el.closest('[aria-hidden=true]') !== null;
                for (const name of attributes) {
                    if (unread && name.startsWith('aria-')) continue;
                    const value = el.getAttribute(name);
                    if (value && value.trim()) pieces.push([name, value.trim()]);
                }
                if (el.matches('input[type=button], input[type=submit], input[type=reset]') && el.value) pieces.push(['value', el.value]);
            }
            return pieces;
        }
        """;

    public static async Task<IReadOnlyList<PageTextPiece>> ReadAsync(IPage page) =>
        (await page.EvaluateAsync<string[][]>(Script, new[] { IconSelector, PopupSelector }))
        .Select(p => new PageTextPiece(p[0], p[1]))
        .ToList();
}

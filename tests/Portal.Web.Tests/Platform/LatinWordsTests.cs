using Portal.Testing;

namespace Portal.Web.Tests.Platform;

/// <summary>The word check behind the every-page test in Chinese (issue 10, item 8).</summary>
public sealed class LatinWordsTests
{
    [Theory]
    [InlineData("Page 1 of 7 (132 items)", "Page,of,items")]
    [InlineData("Request ID: 0HN1", "Request,ID")]
    [InlineData("住户名册 Households", "Households")]
    [InlineData("Go to page 2.", "Go,to,page")]
    public void English_words_are_found(string text, string words) =>
        Assert.Equal(words.Split(','), LatinWords.Find(text));

    [Theory]
    [InlineData("第 1 页，共 7 页（132 条）")]
    [InlineData("导出 CSV　导出 Word　签到二维码（QR）")]
    [InlineData("2026-11-14 14:30 · 60% · 85.50 m² · 13800138000")]
    [InlineData("扫码签到：http://127.0.0.1:5000/councils/meetings/3/check-in")]
    [InlineData("当前用户：admin")]
    [InlineData("GB18030 · 3fa85f64 · A")]
    public void Chinese_text_with_allowed_words_numbers_codes_and_addresses_passes(string text) =>
        Assert.Empty(LatinWords.Find(text));
}

using Portal.Web.Features.Announcements;

namespace Portal.Web.Tests.Announcements;

/// <summary>What users type into announcements must never run script in a reader's browser.</summary>
public sealed class SafeMarkdownTests
{
    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = SafeMarkdown.ToHtml("# 通知\n\n定于**12月5日**开会。\n\n- 议题一\n- 议题二\n\n| 时间 | 地点 |\n|---|---|\n| 14:30 | 二楼 |");

        Assert.Contains("<h1>通知</h1>", html);
        Assert.Contains("<strong>12月5日</strong>", html);
        Assert.Contains("<li>议题一</li>", html);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void Chinese_emphasis_next_to_full_width_punctuation_renders()
    {
        Assert.Contains("<strong>11月25日前</strong>", SafeMarkdown.ToHtml("请各单位于**11月25日前**：提交议题"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("段落 <svg onload=alert(1)>")]
    [InlineData("<div\nonclick=\"alert(1)\">块</div>")]
    public void Raw_html_is_shown_as_text_not_markup(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JavaScript:alert(1))")]
    [InlineData("[点我](  javascript:alert(1))")]
    [InlineData("[点我](java&#x09;script:alert(1))")]
    [InlineData("[点我](&#106;avascript:alert(1))")]
    [InlineData("[点我](javascript&colon;alert(1))")]
    [InlineData("[点我](vbscript:msgbox(1))")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[点我](file:///etc/passwd)")]
    [InlineData("[点我][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[点我](<javascript:alert(1)>)")]
    public void Links_with_unsafe_schemes_lose_their_address_but_keep_their_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
        Assert.Contains("点我", html);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html,hi>")]
    public void Autolinks_with_unsafe_schemes_become_plain_text(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("<a", html);
    }

    [Theory]
    [InlineData("![图](javascript:alert(1))")]
    [InlineData("![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![图](vbscript:x)")]
    [InlineData("![图](mailto:a@example.com)")]
    public void Images_with_unsafe_sources_become_their_description(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("src=", html);
        Assert.Contains("图", html);
    }

    [Theory]
    [InlineData("[官网](https://www.gov.cn/)", "href=\"https://www.gov.cn/\"")]
    [InlineData("[官网](http://example.com/a?b=1#c)", "href=\"http://example.com/a?b=1#c\"")]
    [InlineData("[写信](mailto:office@example.com)", "href=\"mailto:office@example.com\"")]
    [InlineData("[公告列表](/announcements)", "href=\"/announcements\"")]
    [InlineData("[第二条](announcements/2)", "href=\"announcements/2\"")]
    [InlineData("[跳转](#section)", "href=\"#section\"")]
    [InlineData("[时间](/path/a:b)", "href=\"/path/a:b\"")]
    [InlineData("https://www.gov.cn", "href=\"https://www.gov.cn\"")]
    [InlineData("<https://www.gov.cn>", "href=\"https://www.gov.cn\"")]
    [InlineData("<office@example.com>", "href=\"mailto:office@example.com\"")]
    public void Safe_links_are_kept(string markdown, string expected)
    {
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown));
    }

    [Fact]
    public void External_links_do_not_hand_the_page_to_the_target()
    {
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", SafeMarkdown.ToHtml("[官网](https://www.gov.cn/)"));
        Assert.DoesNotContain("rel=", SafeMarkdown.ToHtml("[列表](/announcements)"));
    }

    [Fact]
    public void Safe_images_are_kept()
    {
        var html = SafeMarkdown.ToHtml("![会场](https://example.com/hall.jpg)");

        Assert.Contains("<img src=\"https://example.com/hall.jpg\" alt=\"会场\"", html);
    }

    [Fact]
    public void Attribute_syntax_is_not_interpreted()
    {
        // The generic-attributes extension would turn this into an onclick handler; it is not enabled.
        var html = SafeMarkdown.ToHtml("# 标题 {onclick=alert(1)}\n\n[链接](https://example.com){onmouseover=alert(1)}");

        Assert.DoesNotContain("onclick=\"", html);
        Assert.DoesNotContain("onmouseover=\"", html);
    }

    [Fact]
    public void Quotes_in_a_safe_address_cannot_break_out_of_the_attribute()
    {
        var html = SafeMarkdown.ToHtml("[x](https://example.com/\"onmouseover=\"alert(1))");

        Assert.DoesNotContain("\"onmouseover=\"", html);
    }

    [Fact]
    public void Empty_input_renders_nothing()
    {
        Assert.Equal("", SafeMarkdown.ToHtml(null));
        Assert.Equal("", SafeMarkdown.ToHtml("  \n "));
    }

    [Fact]
    public void Nesting_beyond_the_parser_limit_is_shown_as_escaped_text()
    {
        var started = DateTime.UtcNow;
        var html = SafeMarkdown.ToHtml(new string('>', 5000) + " 深<b>" + new string('[', 5000));

        Assert.StartsWith("<p>&gt;&gt;&gt;", html);
        Assert.Contains("深&lt;b&gt;", html);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }
}

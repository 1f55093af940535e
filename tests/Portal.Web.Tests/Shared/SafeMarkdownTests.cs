using Markdig;
using Portal.Web.Components.Shared;

namespace Portal.Web.Tests.Shared;

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
    public void Images_of_this_site_are_kept()
    {
        var html = SafeMarkdown.ToHtml("![会场](/files/hall.jpg)");

        Assert.Contains("<img src=\"/files/hall.jpg\" alt=\"会场\"", html);
    }

    [Theory]
    [InlineData("![会场](https://example.com/hall.jpg)", "会场")]
    [InlineData("![](https://example.com/hall.jpg)", "https://example.com/hall.jpg")]
    [InlineData("![会场](//example.com/hall.jpg)", "会场")]
    [InlineData("![会场](/\\example.com/hall.jpg)", "会场")]
    [InlineData("![会场](<\t//example.com/hall.jpg>)", "会场")]
    public void Images_of_other_sites_are_shown_as_links(string markdown, string text)
    {
        // The content security policy allows images from this origin only: an <img> would show as broken.
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("<img", html);
        Assert.Contains($">{text}</a>", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
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

    /// <summary>
    /// Inputs that made Markdig throw while rendering (not parsing) or come close to its nesting limit: 33 or more
    /// brackets in a row ended every viewer's circuit (issue 10, item 1). No input may throw.
    /// </summary>
    public static TheoryData<string, int> HostileMarkdown()
    {
        // Only the shape and size go into the test case: xunit serializes theory data into every test case.
        var data = new TheoryData<string, int>();
        foreach (var n in new[] { 31, 32, 33, 34, 40, 64, 100, 1000, 20_000 })
            foreach (var shape in Shapes)
                data.Add(shape, n);
        return data;
    }

    private static readonly string[] Shapes = ["[", "[]", "![", "[](", "*", "*[", ">", "-", "`", "|"];

    private static string Hostile(string shape, int n) => shape switch
    {
        "[" => new string('[', n) + "需求描述",
        "[]" => new string('[', n) + "链接" + new string(']', n) + "(https://example.com)",
        "![" => string.Concat(Enumerable.Repeat("![", n)) + "图",
        "[](" => string.Concat(Enumerable.Repeat("[a](", n)),
        "*" => new string('*', n) + "强调" + new string('*', n),
        "*[" => string.Concat(Enumerable.Repeat("*[", n)),
        ">" => new string('>', n) + " 引用 " + new string('[', n),
        // Indentation grows with depth: keep the text at a size someone could paste.
        "-" => string.Concat(Enumerable.Range(0, Math.Min(n, 500)).Select(i => new string(' ', 2 * i) + "- 项\n")),
        "`" => new string('`', n) + "代码" + new string('[', n),
        "|" => "| a | b |\n|---|---|\n| " + new string('[', n) + " | c |",
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void No_input_makes_rendering_throw(string shape, int n)
    {
        var html = SafeMarkdown.ToHtml(Hostile(shape, n));

        Assert.False(string.IsNullOrEmpty(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void No_input_makes_plain_text_or_parsing_throw(string shape, int n)
    {
        var markdown = Hostile(shape, n);
        // An unclosed code fence may hold no text at all; what counts is that nothing throws.
        Assert.NotNull(SafeMarkdown.ToPlainText(markdown));
        var parsed = SafeMarkdown.Parse(markdown, SafeMarkdown.DocumentPipeline);
        if (parsed is not null) Assert.NotEmpty(parsed);
    }

    /// <summary>
    /// Markdig with every extension and raw HTML on, keeping any link scheme and reading attribute syntax: what the
    /// sanitizer must stop on its own if the pipeline's own rules ever let something through.
    /// </summary>
    private static readonly MarkdownPipeline Permissive = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("段落\n\n<style>body { display: none }</style>", "<style")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<object data=\"https://evil.example/x.swf\"></object>", "<object")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"password\"></form>", "<form")]
    [InlineData("<div onclick=\"alert(1)\">块</div>", "onclick")]
    [InlineData("<img src=\"/files/a.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("段落 <svg onload=alert(1)>", "<svg")]
    [InlineData("<a href=\"javascript:alert(1)\">点我</a>", "javascript:")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data:")]
    [InlineData("# 标题 {onclick=alert(1)}", "onclick")]
    [InlineData("[链接](https://example.com){onmouseover=alert(1)}", "onmouseover")]
    [InlineData("<p style=\"background: url(https://evil.example/t.png)\">字</p>", "url(")]
    [InlineData("<p style=\"position: fixed; top: 0\">假通知</p>", "position")]
    [InlineData("![跟踪](https://evil.example/t.png)", "<img")]
    [InlineData("<p id=\"main\" data-role=\"x\">字</p>", "id=")]
    public void The_sanitizer_removes_what_markdown_with_html_would_let_through(string markdown, string removed)
    {
        var unsafeHtml = Markdown.ToHtml(markdown, Permissive);
        Assert.Contains(removed, unsafeHtml, StringComparison.OrdinalIgnoreCase); // the input really is dangerous

        var html = SafeMarkdown.Sanitize(unsafeHtml);

        Assert.DoesNotContain(removed, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_sanitizer_keeps_the_text_of_what_it_cleans_but_not_of_scripts_and_styles()
    {
        var html = SafeMarkdown.Sanitize("<p onclick=\"alert(1)\">通知正文</p><script>steal()</script><style>p{}</style>");

        Assert.Equal("<p>通知正文</p>", html);
    }

    [Fact]
    public void The_sanitizer_marks_every_link_to_another_site_and_no_other()
    {
        var html = SafeMarkdown.Sanitize("<p><a href=\"https://www.gov.cn/\" rel=\"opener\">官网</a> <a href=\"/lists\" rel=\"opener\">清单</a></p>");

        Assert.Contains($"<a href=\"https://www.gov.cn/\" rel=\"{SafeMarkdown.ExternalRel}\">官网</a>", html);
        Assert.Contains("<a href=\"/lists\">清单</a>", html);
    }

    [Fact]
    public void The_sanitizer_keeps_only_check_boxes_that_cannot_be_ticked()
    {
        var html = SafeMarkdown.Sanitize("<ul class=\"contains-task-list\"><li class=\"task-list-item\"><input type=\"checkbox\" checked> 完成</li>"
                                         + "<li><input type=\"text\" name=\"password\"> 密码</li></ul>");

        Assert.Contains("<input type=\"checkbox\" checked=\"\" disabled=\"disabled\">", html);
        Assert.DoesNotContain("type=\"text\"", html);
        Assert.Contains("密码", html);
    }

    [Fact]
    public void A_fenced_block_cannot_give_the_page_a_class_of_its_authors_choosing()
    {
        // The info string becomes class="language-…" in Markdig's output; the sanitizer keeps only the task-list classes.
        var html = SafeMarkdown.ToHtml("```mud-overlay\n代码\n```");

        Assert.Contains("<pre><code>代码", html);
        Assert.DoesNotContain("class=", html);
    }

    [Fact]
    public void Everything_the_pipeline_writes_passes_the_sanitizer()
    {
        var html = SafeMarkdown.ToHtml(
            "# 一级\n\n## 二级\n\n**粗** *斜* ~~删除~~ ++插入++ ==标记== H~2~O x^2^ `代码`\n\n> 引用\n\n3. 甲\n4. 乙\n\n"
            + "a. 子项\n\n- [x] 已完成\n- [ ] 未完成\n\n| 左 | 右 |\n|:--|--:|\n| 1 | 2 |\n\n---\n\n"
            + "[官网](https://www.gov.cn \"国务院\") ![会场](/files/hall.jpg) 第一行\n第二行");

        foreach (var expected in new[]
                 {
                     "<h1>一级</h1>", "<h2>二级</h2>", "<strong>粗</strong>", "<em>斜</em>", "<del>删除</del>", "<ins>插入</ins>",
                     "<mark>标记</mark>", "<sub>2</sub>", "<sup>2</sup>", "<code>代码</code>", "<blockquote>", "<ol start=\"3\">",
                     "<ol type=\"a\">", "<ul class=\"contains-task-list\">", "<li class=\"task-list-item\">", "checked=\"checked\"",
                     "<th style=\"text-align: left", "<td style=\"text-align: right", "<hr>",
                     $"<a href=\"https://www.gov.cn\" title=\"国务院\" rel=\"{SafeMarkdown.ExternalRel}\">官网</a>",
                     "<img src=\"/files/hall.jpg\" alt=\"会场\">", "第一行<br>",
                 })
            Assert.Contains(expected, html);
    }

    [Fact]
    public void Unmatched_brackets_are_shown_as_typed()
    {
        var html = SafeMarkdown.ToHtml(new string('[', 40) + "需求描述");

        Assert.Contains(new string('[', 40) + "需求描述", html);
    }
}

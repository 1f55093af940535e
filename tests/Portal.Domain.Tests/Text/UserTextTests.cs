using System.Text;
using Portal.Domain.Text;

namespace Portal.Domain.Tests.Text;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("青年湖社区", "青年湖社区")]
    [InlineData("  1号楼 ", "1号楼")]
    [InlineData("\u3000全角空格\u3000", "全角空格")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a  b", "a  b")]
    [InlineData("O'Brien & 张 <b>", "O'Brien & 张 <b>")]
    public void Single_line_text_without_anything_to_remove_is_only_trimmed(string? text, string expected) =>
        Assert.Equal(expected, UserText.SingleLine(text));

    /// <summary>
    /// Names and titles (announcement titles, the directory's forms and import) are one line with single spaces: the
    /// announcement and the directory each had a copy of this rule (a split on whitespace, a regular expression).
    /// </summary>
    [Theory]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    [InlineData("\u200B\u3000", "")]
    [InlineData("  青年湖  社区 ", "青年湖 社区")]
    [InlineData("a\tb\nc", "a b c")]
    [InlineData("  关于\n召开   会议 ", "关于 召开 会议")]
    [InlineData("\u202E关于\u200B\r\n停水", "关于 停水")]
    [InlineData("全角\u3000\u3000空格", "全角 空格")]
    public void A_collapsed_line_is_a_single_line_with_single_spaces(string? text, string expected) =>
        Assert.Equal(expected, UserText.CollapsedLine(text));

    [Theory]
    [InlineData("路灯\0不亮", "路灯不亮")]
    [InlineData("\u001B[31m红色\u001B[0m", "[31m红色[0m")]
    [InlineData("响铃\u0007退格\u0008删除\u007F", "响铃退格删除")]
    [InlineData("C1\u0080\u009B\u009F控制", "C1控制")]
    [InlineData("\u0001\u0002\u001F", "")]
    public void Single_line_text_loses_C0_C1_and_DEL_control_characters(string text, string expected) =>
        Assert.Equal(expected, UserText.SingleLine(text));

    [Theory]
    [InlineData("第一行\r\n第二行", "第一行 第二行")]
    [InlineData("第一行\n\n\n第二行", "第一行 第二行")]
    [InlineData("a\rb\u000Bc\u000Cd\u0085e\u2028f\u2029g", "a b c d e f g")]
    [InlineData("名称\t类型", "名称 类型")]
    [InlineData("\r\n  开头和结尾 \r\n", "开头和结尾")]
    [InlineData("a \n b", "a   b")]
    public void Single_line_text_turns_each_run_of_line_breaks_and_tabs_into_one_space(string text, string expected) =>
        Assert.Equal(expected, UserText.SingleLine(text));

    [Theory]
    [InlineData("第一行\r\n第二行", "第一行\n第二行")]
    [InlineData("a\rb\u000Bc\u000Cd\u0085e\u2028f\u2029g", "a\nb\nc\nd\ne\nf\ng")]
    [InlineData("空行\r\n\r\n之后", "空行\n\n之后")]
    [InlineData("- 列表\n\t- 缩进", "- 列表\n\t- 缩进")]
    [InlineData("    代码块\n", "    代码块\n")]
    [InlineData("硬换行  \n下一行", "硬换行  \n下一行")]
    [InlineData("注意\0事项\u0007\u001B", "注意事项")]
    [InlineData(null, "")]
    public void Multi_line_text_keeps_LF_and_tabs_normalizes_breaks_and_is_not_trimmed(string? text, string expected) =>
        Assert.Equal(expected, UserText.MultiLine(text));

    [Theory]
    [InlineData("\u202E照片gnp.exe")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u2066\u2067\u2068\u2069")]
    [InlineData("\u200B\u200C\u2060\u2061\u2062\u2063\u2064\uFEFF")]
    public void Bidi_controls_and_zero_width_characters_are_removed_in_both_kinds(string text)
    {
        var cleaned = UserText.SingleLine(text);

        Assert.DoesNotMatch("[\u202A-\u202E\u2066-\u2069\u200B\u200C\u2060-\u2064\uFEFF]", cleaned);
        Assert.Equal(cleaned, UserText.MultiLine(text));
    }

    [Fact]
    public void Invisible_characters_inside_a_name_no_longer_make_it_differ()
    {
        Assert.Equal("王小明", UserText.SingleLine("王\u200B小\uFEFF明"));
        Assert.Equal("王小明", UserText.SingleLine("\u2066王小明\u2069"));
        Assert.Equal("张三", UserText.SingleLine("张\u200D三"));
    }

    [Fact]
    public void Right_to_left_marks_stay_because_they_only_nudge_neutral_characters()
    {
        const string hebrew = "שלום\u200F (1)";
        Assert.Equal(hebrew, UserText.SingleLine(hebrew));
        Assert.Equal("a\u200Eb\u061Cc", UserText.SingleLine("a\u200Eb\u061Cc"));
    }

    [Theory]
    [InlineData("👩\u200D💻")]                         // woman technologist
    [InlineData("👨\u200D👩\u200D👧\u200D👦")]         // family
    [InlineData("🏳\uFE0F\u200D🌈")]                    // rainbow flag: joiner after the presentation selector
    [InlineData("👩🏽\u200D⚕\uFE0F")]                    // health worker with a skin tone: joiner after the modifier
    [InlineData("❤\uFE0F\u200D🔥")]                     // heart on fire
    public void The_zero_width_joiner_stays_between_emoji(string emoji)
    {
        Assert.Equal(emoji, UserText.SingleLine(emoji));
        Assert.Equal($"点赞 {emoji} 好", UserText.MultiLine($"点赞 {emoji} 好"));
    }

    [Theory]
    [InlineData("\u200D👩", "👩")]
    [InlineData("👩\u200D", "👩")]
    [InlineData("a\u200Db", "ab")]
    [InlineData("👩\u200D\u200D💻", "👩\u200D💻")]
    [InlineData("1\u200D💻", "1💻")]
    public void The_zero_width_joiner_goes_everywhere_else(string text, string expected) =>
        Assert.Equal(expected, UserText.SingleLine(text));

    [Fact]
    public void Tag_characters_stay_only_in_an_emoji_flag_sequence()
    {
        const string england = "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
        Assert.Equal(england, UserText.SingleLine(england));
        // The same characters after ordinary text spell invisible words ("ASCII smuggling").
        Assert.Equal("通知", UserText.SingleLine("通知\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065\U000E0001"));
    }

    [Fact]
    public void Variation_selectors_and_private_use_characters_of_rare_name_characters_stay()
    {
        // An ideographic variation sequence (葛 with a selector) and a private-use character some registries use for rare names.
        const string name = "葛\U000E0100优\uE000";
        Assert.Equal(name, UserText.SingleLine(name));
    }

    [Fact]
    public void Lone_surrogates_and_noncharacters_are_removed_but_pairs_stay()
    {
        Assert.Equal("ab", UserText.SingleLine("a\uD800b"));
        Assert.Equal("ab", UserText.SingleLine("a\uDC00b"));
        Assert.Equal("a", UserText.SingleLine("a\uD83D"));
        Assert.Equal("吉𠮷", UserText.SingleLine("吉𠮷"));
        Assert.Equal("ab", UserText.MultiLine("a\uFFFE\uFFFF\uFDD0b\U0001FFFF"));
    }

    [Fact]
    public void Text_is_normalized_to_NFC()
    {
        Assert.Equal("Caf\u00E9", UserText.SingleLine("Cafe\u0301"));
        Assert.Equal("\u00C5ngstr\u00F6m", UserText.MultiLine("A\u030Angstro\u0308m"));
        // A CJK compatibility ideograph becomes its unified twin, so names typed on different systems compare equal.
        Assert.Equal("\u8C48", UserText.SingleLine("\uF900"));
        Assert.True(UserText.SingleLine("Cafe\u0301 \u0041\u030A").IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalization_never_makes_a_value_longer()
    {
        // Devanagari QA is excluded from composition: NFC would turn one character into two.
        const string qa = "\u0958";
        Assert.Equal(2, qa.Normalize(NormalizationForm.FormC).Length);
        Assert.Equal(qa, UserText.SingleLine(qa));
    }

    public static TheoryData<string> Samples => new()
    {
        "\u202E路灯\0不亮\u001B[31m\r\n三号楼\u200B Cafe\u0301 ",
        "第一行\r\n\t第二行\u0007\u2066隐藏\u2069\r\n",
        "👩\u200D💻 \u200D a\uD800 \U000E0041 🏴\U000E0067\U000E007F",
        "  \u3000 ",
        "\u0958\u0301e\u0301",
        "a\u0085b\u2028c",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Cleaning_is_idempotent_and_never_lengthens(string text)
    {
        foreach (var clean in new Func<string?, string>[] { UserText.SingleLine, UserText.MultiLine })
        {
            var once = clean(text);
            Assert.Equal(once, clean(once));
            Assert.True(once.Length <= text.Length, $"{once.Length} > {text.Length}");
        }
        Assert.True(UserText.IsClean(UserText.SingleLine(text), multiLine: false));
        Assert.True(UserText.IsClean(UserText.MultiLine(text), multiLine: true));
        Assert.False(UserText.IsClean(text, multiLine: false));
    }

    [Fact]
    public void Single_line_output_holds_no_line_break_and_multi_line_output_no_CR()
    {
        var all = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());

        var single = UserText.SingleLine(all);
        var multi = UserText.MultiLine(all);

        Assert.DoesNotMatch("[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060-\\u2064]", single);
        Assert.DoesNotMatch("[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060-\\u2064]", multi);
        Assert.Contains('\n', multi);
        Assert.Contains('\t', multi);
    }
}

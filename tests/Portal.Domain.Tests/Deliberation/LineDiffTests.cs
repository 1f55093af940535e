using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Deliberation;
using static Portal.Domain.Deliberation.DiffLineKind;

namespace Portal.Domain.Tests.Deliberation;

/// <summary>
/// The plan's line diff: same + removed lines give the older text, same + added the newer, the changes are as few as a
/// longest common subsequence allows, and a changed block lists its removed lines before its added ones.
/// </summary>
public sealed class LineDiffTests
{
    private static string Render(IEnumerable<DiffLine> lines) =>
        string.Join("|", lines.Select(l => (l.Kind switch { Added => "+", Removed => "-", _ => " " }) + l.Text));

    [Fact]
    public void Identical_texts_are_all_unchanged_lines_with_both_numbers()
    {
        var diff = LineDiff.Between("一\n二\n三", "一\n二\n三");

        Assert.All(diff, l => Assert.Equal(Same, l.Kind));
        Assert.Equal([(1, 1), (2, 2), (3, 3)], diff.Select(l => (l.OldNumber!.Value, l.NewNumber!.Value)));
    }

    [Fact]
    public void A_changed_line_is_removed_then_added_between_unchanged_ones()
    {
        var diff = LineDiff.Between("施工时间：9:00-18:00\n费用：按面积分摊\n公示7天", "施工时间：9:00-12:00、14:30-17:30\n费用：按面积分摊\n公示7天\n验收后结算");

        Assert.Equal("-施工时间：9:00-18:00|+施工时间：9:00-12:00、14:30-17:30| 费用：按面积分摊| 公示7天|+验收后结算", Render(diff));
        Assert.Equal((1, (int?)null), (diff[0].OldNumber!.Value, diff[0].NewNumber));
        Assert.Equal(((int?)null, 4), (diff[^1].OldNumber, diff[^1].NewNumber!.Value));
    }

    [Fact]
    public void The_diff_keeps_the_longest_run_of_common_lines()
    {
        // A moved block: the longer common run (b, c, d) stays, the single line moves (removed at the top, added at the end).
        var diff = LineDiff.Between("a\nb\nc\nd", "b\nc\nd\na");

        Assert.Equal("-a| b| c| d|+a", Render(diff));
    }

    [Theory]
    [InlineData("", "a\nb", "+a|+b")]
    [InlineData("a\nb", "", "-a|-b")]
    [InlineData(null, null, "")]
    [InlineData("a\r\nb\r\n", "a\nb", " a| b")]
    [InlineData("a\n\nb", "a\nb", " a|-| b")]
    public void Empty_texts_and_line_ends_are_lines_as_a_reader_sees_them(string? older, string? newer, string expected) =>
        Assert.Equal(expected, Render(LineDiff.Between(older, newer)));

    [Fact]
    public void Beyond_the_table_bound_the_middle_is_all_removed_then_all_added_and_still_rebuilds_both_texts()
    {
        var older = string.Join("\n", Enumerable.Range(0, 2_100).Select(i => $"o{i}"));
        var newer = string.Join("\n", Enumerable.Range(0, 2_100).Select(i => $"n{i}"));

        var diff = LineDiff.Between("头\n" + older + "\n尾", "头\n" + newer + "\n尾");

        Assert.Equal(4_202, diff.Count);
        Assert.Equal([Same, .. Enumerable.Repeat(Removed, 2_100), .. Enumerable.Repeat(Added, 2_100), Same], diff.Select(l => l.Kind));
    }

    /// <summary>Short texts over a small alphabet, so lines repeat and the diff has real choices to make.</summary>
    private static readonly Gen<string[]> Texts = Gen.Elements("甲", "乙", "丙", "丁", "").ArrayOf();

    [Fact]
    public void Any_two_texts_are_rebuilt_from_their_diff_with_the_fewest_changes()
    {
        var property = Prop.ForAll(Texts.ToArbitrary(), Texts.ToArbitrary(), (a, b) =>
        {
            var diff = LineDiff.Between(string.Join("\n", a), string.Join("\n", b));
            var older = diff.Where(l => l.Kind != Added).Select(l => l.Text).ToArray();
            var newer = diff.Where(l => l.Kind != Removed).Select(l => l.Text).ToArray();
            var expectedOlder = LineDiff.Lines(string.Join("\n", a));
            var expectedNewer = LineDiff.Lines(string.Join("\n", b));
            var numbered = diff.Where(l => l.Kind != Added).Select(l => l.OldNumber).SequenceEqual(Enumerable.Range(1, older.Length).Select(i => (int?)i))
                           && diff.Where(l => l.Kind != Removed).Select(l => l.NewNumber).SequenceEqual(Enumerable.Range(1, newer.Length).Select(i => (int?)i));
            return older.SequenceEqual(expectedOlder) && newer.SequenceEqual(expectedNewer) && numbered
                   && diff.Count(l => l.Kind == Same) == Lcs(expectedOlder, expectedNewer);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    /// <summary>The length of a longest common subsequence, by the textbook recursion (independent of the code under test).</summary>
    private static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
            for (var j = 1; j <= b.Count; j++)
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
        return table[a.Count, b.Count];
    }
}

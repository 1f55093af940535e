namespace Portal.Domain.Deliberation;

public enum DiffLineKind
{
    /// <summary>In both texts.</summary>
    Same,
    /// <summary>Only in the older text.</summary>
    Removed,
    /// <summary>Only in the newer text.</summary>
    Added,
}

/// <summary>One line of a diff, with its 1-based line number in the older and/or the newer text.</summary>
public readonly record struct DiffLine(DiffLineKind Kind, string Text, int? OldNumber, int? NewNumber);

/// <summary>
/// The line diff of two texts (two versions of a plan document): a longest common subsequence of lines, so the lines
/// marked removed and added are as few as possible. Reading the result's same + removed lines in order gives the older
/// text, same + added the newer; in a changed block the removed lines come before the added ones. Line ends are
/// compared as lines (\r\n, \r and \n alike). The table is quadratic in the lines that differ once the common start and
/// end are set aside; beyond <see cref="MaxCells"/> the middle is shown as all removed then all added — still a correct
/// diff, only not minimal (plan versions are capped at <see cref="PlanVersion.MaxLines"/> lines, within the bound).
/// </summary>
public static class LineDiff
{
    public const int MaxCells = 4_000_000;

    /// <summary>The text's lines (an empty or null text has none; a final line end opens no extra line).</summary>
    public static IReadOnlyList<string> Lines(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    public static IReadOnlyList<DiffLine> Between(string? older, string? newer)
    {
        var a = Lines(older);
        var b = Lines(newer);
        var result = new List<DiffLine>(a.Count + b.Count);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        for (var i = 0; i < prefix; i++) result.Add(new DiffLine(DiffLineKind.Same, a[i], i + 1, i + 1));
        Middle(a, b, prefix, a.Count - suffix, prefix, b.Count - suffix, result);
        for (var k = suffix; k > 0; k--)
            result.Add(new DiffLine(DiffLineKind.Same, a[a.Count - k], a.Count - k + 1, b.Count - k + 1));
        return result;
    }

    /// <summary>The diff of a[aStart..aEnd) and b[bStart..bEnd), by the table of common-subsequence lengths of their suffixes.</summary>
    private static void Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int aStart, int aEnd, int bStart, int bEnd, List<DiffLine> result)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        if ((long)n * m > MaxCells)
        {
            for (var i = aStart; i < aEnd; i++) result.Add(new DiffLine(DiffLineKind.Removed, a[i], i + 1, null));
            for (var j = bStart; j < bEnd; j++) result.Add(new DiffLine(DiffLineKind.Added, b[j], null, j + 1));
            return;
        }
        // lengths[i, j] = the longest common subsequence of a[aStart + i..] and b[bStart + j..]. It never exceeds
        // min(n, m) ≤ √MaxCells = 2000, so ushort holds it.
        var width = m + 1;
        var lengths = new ushort[(n + 1) * width];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i * width + j] = a[aStart + i] == b[bStart + j]
                    ? (ushort)(lengths[(i + 1) * width + j + 1] + 1)
                    : Math.Max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[aStart + x] == b[bStart + y])
            {
                result.Add(new DiffLine(DiffLineKind.Same, a[aStart + x], aStart + x + 1, bStart + y + 1));
                x++;
                y++;
            }
            else if (y == m || (x < n && lengths[(x + 1) * width + y] >= lengths[x * width + y + 1]))
            {
                result.Add(new DiffLine(DiffLineKind.Removed, a[aStart + x], aStart + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffLineKind.Added, b[bStart + y], null, bStart + y + 1));
                y++;
            }
        }
    }
}

namespace Portal.Domain.Voting;

/// <summary>How a share is compared with its fraction, after the counting words of Chinese law.</summary>
public enum Comparison
{
    /// <summary>以上 (and 以下/以内 on the other side): the number itself counts, "三分之二以上" is ≥ 2/3.</summary>
    AtLeast,
    /// <summary>过半数 / 超过: strictly more, "过半数" is &gt; 1/2 (exactly half fails).</summary>
    MoreThan,
}

/// <summary>
/// A threshold as an exact fraction with its comparison. Compared by cross-multiplication in <see cref="decimal"/>
/// (<c>3 × part ≥ 2 × whole</c>), never by a floating-point share: 2/3 has no exact binary or decimal form, and a vote
/// that sits exactly on the boundary must come out the same every time and in court.
/// </summary>
public readonly record struct Threshold(int Numerator, int Denominator, Comparison Comparison)
{
    /// <summary>Largest denominator a rule may use; keeps <c>area × denominator</c> far inside decimal's range.</summary>
    public const int MaxDenominator = 1_000;

    /// <summary>以上: at least <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public static Threshold AtLeast(int numerator, int denominator) => new(numerator, denominator, Comparison.AtLeast);

    /// <summary>超过: strictly more than <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public static Threshold MoreThan(int numerator, int denominator) => new(numerator, denominator, Comparison.MoreThan);

    /// <summary>过半数: strictly more than half.</summary>
    public static Threshold MoreThanHalf => MoreThan(1, 2);

    /// <summary>
    /// A fraction in (0, 1], reducible or not; "more than all" can never hold, so <c>&gt; 1/1</c> is not a rule.
    /// </summary>
    public bool IsValid => Numerator > 0 && Denominator > 0 && Denominator <= MaxDenominator
        && (Comparison == Comparison.AtLeast ? Numerator <= Denominator : Numerator < Denominator);

    /// <summary>
    /// Whether <paramref name="part"/> of <paramref name="whole"/> meets the threshold. An empty whole never does:
    /// nobody entitled (or nobody taking part) cannot make a quorum or a decision, although <c>3 × 0 ≥ 2 × 0</c>.
    /// </summary>
    public bool IsMetBy(decimal part, decimal whole)
    {
        if (whole <= 0) return false;
        var left = part * Denominator;
        var right = whole * Numerator;
        return Comparison == Comparison.AtLeast ? left >= right : left > right;
    }

    public override string ToString() => $"{(Comparison == Comparison.AtLeast ? "≥" : ">")} {Numerator}/{Denominator}";
}

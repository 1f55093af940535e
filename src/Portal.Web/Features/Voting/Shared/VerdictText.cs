using System.Globalization;
using Portal.Domain.Voting;
using Portal.Web.Kit.Results;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Web.Features.Voting;

/// <summary>
/// A verdict in words, with its arithmetic: one line per condition ("参与面积 68.3% ≥ 2/3 ✓") and the plain outcome
/// (通过 / 未通过 / 未达法定人数). Lines are <see cref="Message"/>s, localized at the edge like every result text. The
/// percentage is display only (one decimal, rounded half away from zero); whether a condition held is the engine's
/// exact comparison (<see cref="ConditionResult.Held"/>), so a line may read "66.7% ≥ 2/3 ✗" at 66.66…%.
/// </summary>
public static class VerdictText
{
    public static Message Plain(Outcome outcome) => Of("Verdict." + outcome);

    /// <summary>
    /// The quorum's lines, then each tested option's pass lines. <paramref name="optionTexts"/> names the options of a
    /// one-of or up-to question (a motion's supporters are "agree").
    /// </summary>
    public static IReadOnlyList<Message> Lines(Verdict verdict, IReadOnlyList<string> optionTexts, bool isMotion)
    {
        var lines = new List<Message>();
        foreach (var c in verdict.Quorum) lines.Add(Line(Of($"Tally.Quorum.{c.Counted}.{c.Measure}"), c));
        foreach (var option in verdict.Options)
        {
            var who = isMotion ? Of("Tally.Agree") : (object)(option.Option < optionTexts.Count ? optionTexts[option.Option] : $"#{option.Option + 1}");
            foreach (var c in option.Pass) lines.Add(Line(Of($"Tally.Pass.{c.Over}.{c.Measure}", who), c));
        }
        return lines;
    }

    /// <summary>A share as shown: one decimal, "—" for an empty whole.</summary>
    public static string Percent(decimal part, decimal whole) =>
        whole <= 0 ? "—" : decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static Message Line(Message label, ConditionResult c) =>
        Of("Tally.Line", label, Percent(c.Numerator, c.Denominator), c.Threshold.ToString(), c.Held ? "✓" : "✗");

    private static Message Of(string key, params object[] args) => Message.Of<VotingText>(key, args);
}

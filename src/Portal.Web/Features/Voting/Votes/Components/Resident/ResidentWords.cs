using Microsoft.Extensions.Localization;
using Portal.Domain.Voting;

namespace Portal.Web.Features.Voting.Votes.Components.Resident;

/// <summary>
/// The words the residents' pages put on a vote: a choice's label (a motion's 同意 / 反对 / 弃权, else the option's own
/// text) and the rule in plain words ("再看同意：同意的须达到参加投票的人的一半以上（不含一半）"), from the rule set's data.
/// </summary>
public static class ResidentWords
{
    public static string Choice(IStringLocalizer<ResidentVoteText> t, QuestionKind kind, IReadOnlyList<string> options, int choice) =>
        kind == QuestionKind.Motion
            ? choice switch
            {
                BallotQuestion.Agree => t["Choice.Agree"],
                BallotQuestion.Disagree => t["Choice.Disagree"],
                BallotQuestion.Abstain => t["Choice.Abstain"],
                _ => $"#{choice + 1}",
            }
            : choice >= 0 && choice < options.Count ? options[choice] : $"#{choice + 1}";

    /// <summary>The choices a question offers, in order (a motion: agree, disagree, abstain).</summary>
    public static IReadOnlyList<int> Choices(QuestionKind kind, int optionCount) =>
        kind == QuestionKind.Motion ? [BallotQuestion.Agree, BallotQuestion.Disagree, BallotQuestion.Abstain] : [.. Enumerable.Range(0, optionCount)];

    public static string Choices(IStringLocalizer<ResidentVoteText> t, QuestionKind kind, IReadOnlyList<string> options, IEnumerable<int> choices)
    {
        var words = choices.Select(c => Choice(t, kind, options, c)).ToList();
        return words.Count == 0 ? t["Choice.Blank"] : string.Join(t["Choice.Separator"], words);
    }

    /// <summary>How the question is answered: agree/disagree/abstain, one of n, up to k of n.</summary>
    public static string HowToAnswer(IStringLocalizer<ResidentVoteText> t, QuestionKind kind, int optionCount, int maxChoices) => kind switch
    {
        QuestionKind.Motion => t["Ask.Motion"],
        QuestionKind.OneOf => t["Ask.OneOf", optionCount],
        _ => t["Ask.UpTo", maxChoices, optionCount],
    };

    /// <summary>The rule in plain words: who must take part (if any quorum), then who must agree.</summary>
    public static IReadOnlyList<string> Rule(IStringLocalizer<ResidentVoteText> t, RuleSet rules)
    {
        var lines = new List<string>();
        if (!rules.Quorum.IsDefaultOrEmpty)
            lines.Add(t["Rule.Quorum", t["Rule.Group." + rules.QuorumFrom], Conditions(t, rules.Quorum)]);
        lines.Add(t["Rule.Pass", t["Rule.Group." + rules.PassOver], Conditions(t, rules.Pass)]);
        return lines;
    }

    private static string Conditions(IStringLocalizer<ResidentVoteText> t, IEnumerable<Condition> conditions) =>
        string.Join(t["Rule.And"], conditions.GroupBy(c => c.Threshold).Select(g =>
        {
            var measures = g.Select(c => c.Measure).Distinct().ToList();
            var measure = measures.Count > 1 ? t["Rule.Measure.Both"] : t["Rule.Measure." + measures[0]];
            return t["Rule.Condition", Threshold(t, g.Key), measure].Value;
        }));

    private static string Threshold(IStringLocalizer<ResidentVoteText> t, Threshold threshold) =>
        threshold.Comparison == Comparison.AtLeast ? t["Rule.AtLeast", threshold.Numerator, threshold.Denominator]
        : threshold.Numerator * 2 == threshold.Denominator ? t["Rule.MoreThanHalf"]
        : t["Rule.MoreThan", threshold.Numerator, threshold.Denominator];
}

using Portal.Domain.Voting;

namespace Portal.Web.Features.Voting.Votes.Components.Resident;

/// <summary>
/// Ballots per choice, counted from the published list (named: who chose what; secret: the receipts), so the page shows
/// every option's count — the verdict holds only what the rule tested (a motion: "agree"). Headcount only: the verdict's
/// lines carry the area where the rule measures it.
/// </summary>
public static class ResultTally
{
    public sealed record Row(int Choice, int Ballots);

    public static IReadOnlyList<Row> Of(QuestionKind kind, int optionCount, IEnumerable<IReadOnlyList<int>> ballots)
    {
        var choices = ResidentWords.Choices(kind, optionCount);
        var counts = choices.ToDictionary(c => c, _ => 0);
        foreach (var ballot in ballots)
            foreach (var choice in ballot)
                if (counts.ContainsKey(choice)) counts[choice]++;
        return [.. choices.Select(c => new Row(c, counts[c]))];
    }
}

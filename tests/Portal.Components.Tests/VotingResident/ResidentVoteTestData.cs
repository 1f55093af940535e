using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;

namespace Portal.Components.Tests.VotingResident;

/// <summary>Votes as the residents' pages receive them from the service, at a fixed moment (10:00 Beijing time).</summary>
internal static class ResidentVoteTestData
{
    /// <summary>2026-05-20 10:00 in Beijing.</summary>
    public static readonly DateTime Now = new(2026, 5, 20, 2, 0, 0, DateTimeKind.Utc);

    public static VoteSummary Summary(QuestionKind kind = QuestionKind.Motion, IReadOnlyList<string>? options = null, int maxChoices = 1,
        Secrecy secrecy = Secrecy.Named, VoteStatus status = VoteStatus.Open, RuleSet? rules = null,
        BallotChannels channels = BallotChannels.Online | BallotChannels.OnSite, DateTime? opens = null, DateTime? closes = null) =>
        new(7, 1, new MatterScope(MatterScopeKind.Community, 1), "是否在3号楼加装电梯", kind, options ?? [], maxChoices,
            (rules ?? ShippedRuleSets.ResidentsMeeting).Name, secrecy, channels, opens ?? Now.AddHours(-1), closes ?? Now.AddDays(2), status,
            Guid.NewGuid(), false);

    public static ResidentVote Vote(VoteSummary summary, MyBallot? mine = null, RuleSet? rules = null, bool present = false) =>
        new(summary, rules ?? ShippedRuleSets.ResidentsMeeting, mine ?? new MyBallot(MyBallotState.MayVote, "张三", null, null), present,
            summary.Status == VoteStatus.Closed ? summary.ClosesAtUtc : null);

    public static MyBallot Voted(DateTime at, BallotChannel channel) => new(MyBallotState.Voted, "张三", at, channel);

    /// <summary>A closed motion counted by the engine: 3 agree, 1 disagree, 1 abstain of 5 entitled (named or secret).</summary>
    public static VoteResults Results(Secrecy secrecy)
    {
        var rules = ShippedRuleSets.CouncilShowOfHands;
        string[] keys = ["a", "b", "c", "d", "e"];
        int[] choices = [BallotQuestion.Agree, BallotQuestion.Agree, BallotQuestion.Agree, BallotQuestion.Disagree, BallotQuestion.Abstain];
        var verdict = DecisionEngine.Count(rules, new TallyInput([.. keys.Select(k => new Elector(k, 0m))], null, BallotQuestion.Motion,
            [.. choices.Select((c, i) => new Ballot(keys[i], [c]))])).Verdict!;
        string[] names = ["王一", "李二", "张三", "赵四", "钱五"];
        string[] codes = ["K7Q2-M9XD", "A1B2-C3D4", "ZZ99-YY88", "P4R5-T6U7", "H3J4-K5L6"];
        return new VoteResults(verdict.Outcome, VerdictText.Plain(verdict.Outcome), VerdictText.Lines(verdict, [], true), verdict,
            secrecy == Secrecy.Named ? [.. choices.Select((c, i) => new NamedChoice(names[i], [c]))] : [],
            secrecy == Secrecy.Secret ? [.. choices.Select((c, i) => new ReceiptChoice(codes[i], [c]))] : []);
    }
}

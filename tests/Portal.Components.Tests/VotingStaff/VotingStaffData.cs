using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;

namespace Portal.Components.Tests.VotingStaff;

/// <summary>Votes, verdicts and results for the staff vote components, counted by the real engine.</summary>
internal static class VotingStaffData
{
    public static VoteSummary Summary(VoteStatus status, Secrecy secrecy = Secrecy.Named, QuestionKind kind = QuestionKind.Motion,
        IReadOnlyList<string>? options = null, BallotChannels channels = BallotChannels.Online | BallotChannels.OnSite) =>
        new(7, 1, new MatterScope(MatterScopeKind.Community, 1), "加装电梯", kind, options ?? [], 1, "居民会议", secrecy, channels,
            new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc), status, Guid.NewGuid(), true);

    /// <summary>Three owners (60, 30 and 10 m²); the first two agree: participation 100 % area, 2/3 headcount.</summary>
    public static Verdict OwnersVerdict()
    {
        Elector[] electors = [new("a", 60m), new("b", 30m), new("c", 10m)];
        var result = DecisionEngine.Count(ShippedRuleSets.OwnersMajorMatters,
            new TallyInput(electors, null, BallotQuestion.Motion, [Ballot.Agree("a"), Ballot.Disagree("b")]));
        return result.Verdict!;
    }

    public static VoteResults Results(Verdict verdict, IReadOnlyList<NamedChoice>? named = null, IReadOnlyList<ReceiptChoice>? receipts = null) =>
        new(verdict.Outcome, VerdictText.Plain(verdict.Outcome), VerdictText.Lines(verdict, [], isMotion: true), verdict, named ?? [], receipts ?? []);
}

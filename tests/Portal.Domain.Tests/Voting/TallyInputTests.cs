using Portal.Domain.Voting;

namespace Portal.Domain.Tests.Voting;

/// <summary>Input that would count someone twice or someone not entitled is refused, never cleaned up.</summary>
public sealed class TallyInputTests
{
    private static readonly Elector[] Owners = [new("a", 100.00m), new("b", 50.00m), new("c", 50.00m)];

    private static TallyResult Owners278(params Ballot[] ballots) =>
        DecisionEngine.Count(ShippedRuleSets.OwnersOrdinaryMatters, new TallyInput(Owners, null, BallotQuestion.Motion, ballots));

    [Fact]
    public void A_second_ballot_from_one_elector_is_refused_with_the_elector()
    {
        var result = Owners278(Ballot.Agree("a"), Ballot.Agree("b"), Ballot.Disagree("a"));
        Assert.Equal((DecisionEngine.SecondBallot, "a"), (result.ErrorCode, result.Subject));
        Assert.Null(result.Verdict);
    }

    [Fact]
    public void A_ballot_from_someone_not_on_the_frozen_roll_is_refused() =>
        Assert.Equal(DecisionEngine.BallotNotOnRoll, Owners278(Ballot.Agree("a"), Ballot.Agree("z")).ErrorCode);

    [Fact]
    public void A_motion_ballot_marks_exactly_one_of_agree_disagree_abstain()
    {
        Assert.Equal(DecisionEngine.MotionNeedsOneChoice, Owners278(new Ballot("a", [])).ErrorCode);
        Assert.Equal(DecisionEngine.MotionNeedsOneChoice, Owners278(new Ballot("a", [0, 1])).ErrorCode);
        Assert.Equal(DecisionEngine.ChoiceOutOfRange, Owners278(new Ballot("a", [3])).ErrorCode);
    }

    [Fact]
    public void An_option_ballot_marks_at_most_k_distinct_options()
    {
        TallyResult Vote(Ballot b) => DecisionEngine.Count(ShippedRuleSets.OwnersOrdinaryMatters, new TallyInput(Owners, null, BallotQuestion.UpTo(2, 4), [b]));
        Assert.Equal(DecisionEngine.TooManyChoices, Vote(new Ballot("a", [0, 1, 2])).ErrorCode);
        Assert.Equal(DecisionEngine.DuplicateChoice, Vote(new Ballot("a", [1, 1])).ErrorCode);
        Assert.Null(Vote(new Ballot("a", [1, 3])).ErrorCode);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(0, 3)]
    [InlineData(3, 2)]
    public void A_question_offers_at_least_two_options_and_lets_a_ballot_mark_one_to_all_of_them(int maxChoices, int optionCount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BallotQuestion.UpTo(maxChoices, optionCount));

    [Fact]
    public void Abstentions_take_part_and_so_count_in_the_denominator_of_the_pass_rule()
    {
        // a abstains: participation is all three (200.00 m²); b and c agree with 100.00 m², exactly half: fails.
        var verdict = Owners278(Ballot.Abstain("a"), Ballot.Agree("b"), Ballot.Agree("c")).Verdict!;
        Assert.Equal(new Amount(3, 200.00m), verdict.Participants);
        Assert.Equal(Outcome.Failed, verdict.Outcome);
    }

    [Fact]
    public void The_roll_must_have_each_elector_once_with_a_positive_area_in_hundredths_where_area_counts()
    {
        TallyResult Roll(params Elector[] electors) =>
            DecisionEngine.Count(ShippedRuleSets.OwnersOrdinaryMatters, new TallyInput(electors, null, BallotQuestion.Motion, []));
        Assert.Equal(DecisionEngine.DuplicateElector, Roll(new Elector("a", 1), new Elector("a", 2)).ErrorCode);
        Assert.Equal(DecisionEngine.AreaInvalid, Roll(new Elector("a", 0)).ErrorCode);
        Assert.Equal(DecisionEngine.AreaInvalid, Roll(new Elector("a", 10.005m)).ErrorCode);
        Assert.Equal(DecisionEngine.AreaInvalid, Roll(new Elector("a", Elector.MaxArea + 0.01m)).ErrorCode);
        // Where only heads count, an area on the roll would be a mistake in freezing it.
        Assert.Equal(DecisionEngine.AreaInvalid, DecisionEngine.Count(ShippedRuleSets.CouncilShowOfHands,
            new TallyInput([new("a", 5m)], null, BallotQuestion.Motion, [])).ErrorCode);
    }

    [Fact]
    public void A_meeting_rule_needs_the_sign_in_and_every_voter_signed_in()
    {
        Elector[] people = [new("p1", 0), new("p2", 0), new("p3", 0)];
        TallyResult Meeting(string[]? present, params Ballot[] ballots) =>
            DecisionEngine.Count(ShippedRuleSets.ResidentsMeeting, new TallyInput(people, present, BallotQuestion.Motion, ballots));

        Assert.Equal(DecisionEngine.AttendanceRequired, Meeting(null, Ballot.Agree("p1")).ErrorCode);
        Assert.Equal(DecisionEngine.BallotNotPresent, Meeting(["p1", "p2"], Ballot.Agree("p3")).ErrorCode);
        Assert.Equal(DecisionEngine.PresentNotOnRoll, Meeting(["p1", "x"]).ErrorCode);
        // Signing in twice is one person present.
        Assert.Equal(new Amount(2, 0), Meeting(["p1", "p2", "p1"], Ballot.Agree("p1"), Ballot.Agree("p2")).Verdict!.Present);
    }

    [Fact]
    public void An_invalid_rule_set_is_a_programming_error_not_a_verdict()
    {
        var broken = ShippedRuleSets.ResidentsMeeting with { Pass = [new Condition(Measure.Area, Threshold.MoreThanHalf)] };
        Assert.Equal(RuleSet.AreaNeedsOwners, broken.Validate());
        Assert.Throws<ArgumentException>(() => DecisionEngine.Count(broken, new TallyInput([], [], BallotQuestion.Motion, [])));
    }

    [Fact]
    public void A_rule_set_is_checked_for_what_it_can_decide()
    {
        var r = ShippedRuleSets.OwnersMajorMatters;
        Assert.Equal(RuleSet.PassRequired, (r with { Pass = [] }).Validate());
        Assert.Equal(RuleSet.QuorumFromEntitled, (r with { QuorumFrom = Group.Entitled }).Validate());
        Assert.Equal(RuleSet.InvalidThreshold, (r with { Pass = [new Condition(Measure.Area, Threshold.MoreThan(1, 1))] }).Validate());
        Assert.Equal(RuleSet.VersionNotPositive, (r with { Version = 0 }).Validate());
        Assert.Equal(RuleSet.NameRequired, (r with { Name = " " }).Validate());
        Assert.Equal(RuleSet.CodeRequired, (r with { Code = "" }).Validate());
    }
}

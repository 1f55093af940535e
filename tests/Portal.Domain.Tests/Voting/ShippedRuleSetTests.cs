using System.Collections.Immutable;
using Portal.Domain.Voting;

namespace Portal.Domain.Tests.Voting;

/// <summary>One worked example per shipped rule set, checked with the arithmetic the verdict carries.</summary>
public sealed class ShippedRuleSetTests
{
    private static Elector[] People(int count) => [.. Enumerable.Range(1, count).Select(i => new Elector($"p{i}", 0))];
    private static string[] Keys(int from, int count) => [.. Enumerable.Range(from, count).Select(i => $"p{i}")];
    private static Ballot[] Agree(int from, int count) => [.. Keys(from, count).Select(Ballot.Agree)];
    private static Ballot[] Disagree(int from, int count) => [.. Keys(from, count).Select(Ballot.Disagree)];

    private static Verdict Count(RuleSet rules, TallyInput input)
    {
        var result = DecisionEngine.Count(rules, input);
        Assert.Null(result.ErrorCode);
        return result.Verdict!;
    }

    [Fact]
    public void Every_shipped_rule_set_is_valid_with_its_own_code()
    {
        Assert.All(ShippedRuleSets.All, r => Assert.Null(r.Validate()));
        Assert.Equal(ShippedRuleSets.All.Count, ShippedRuleSets.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void A_lift_in_one_building_is_a_major_matter_decided_by_three_quarters_of_participating_area_and_owners()
    {
        // Eight units, 700.00 m²; the developer still holds 501–503 (one owner), Wang bought 201 and 202 (one owner):
        // five owners. 301 (90.00 m²) does not vote.
        var roll = OwnerRoll.Count(
        [
            new("101", "li", 80.00m), new("102", "zhao", 85.50m), new("201", "wang", 80.00m), new("202", "wang", 85.50m),
            new("301", "qian", 90.00m), new("501", "developer", 90.00m), new("502", "developer", 94.50m), new("503", "developer", 94.50m),
        ]);
        Assert.Empty(roll.Errors);
        Assert.Equal(5, roll.Electors.Length);
        Assert.Equal(700.00m, roll.Electors.Sum(e => e.Area));

        var verdict = Count(ShippedRuleSets.OwnersMajorMatters, new TallyInput(roll.Electors, null, BallotQuestion.Motion,
            [Ballot.Agree("li"), Ballot.Agree("wang"), Ballot.Agree("developer"), Ballot.Disagree("zhao")]));

        Assert.Equal(Outcome.Passed, verdict.Outcome);
        Assert.Equal(new Amount(5, 700.00m), verdict.Entitled);
        Assert.Equal(new Amount(4, 610.00m), verdict.Participants);
        var twoThirds = Threshold.AtLeast(2, 3);
        Assert.Equal(
        [
            new ConditionResult(Stage.Quorum, Measure.Area, Group.Participants, Group.Entitled, 610.00m, 700.00m, twoThirds, true),
            new ConditionResult(Stage.Quorum, Measure.Headcount, Group.Participants, Group.Entitled, 4, 5, twoThirds, true),
        ], verdict.Quorum);
        var agree = verdict.Options[BallotQuestion.Agree];
        Assert.Equal(new Amount(3, 524.50m), agree.Support);
        var threeQuarters = Threshold.AtLeast(3, 4);
        Assert.Equal(
        [
            new ConditionResult(Stage.Pass, Measure.Area, null, Group.Participants, 524.50m, 610.00m, threeQuarters, true),
            new ConditionResult(Stage.Pass, Measure.Headcount, null, Group.Participants, 3, 4, threeQuarters, true),
        ], agree.Pass);
        Assert.Equal(new Amount(1, 85.50m), verdict.Options[BallotQuestion.Disagree].Support);
        Assert.Empty(verdict.Options[BallotQuestion.Disagree].Pass);
    }

    [Fact]
    public void A_major_matter_fails_when_the_area_holds_but_the_headcount_does_not()
    {
        // One big owner agrees (3/4 of the area), three small ones disagree: the area holds, the headcount (1 of 4) fails.
        Elector[] owners = [new("big", 300.00m), new("a", 33.33m), new("b", 33.33m), new("c", 33.34m)];
        var verdict = Count(ShippedRuleSets.OwnersMajorMatters, new TallyInput(owners, null, BallotQuestion.Motion,
            [Ballot.Agree("big"), Ballot.Disagree("a"), Ballot.Disagree("b"), Ballot.Disagree("c")]));

        Assert.Equal(Outcome.Failed, verdict.Outcome);
        Assert.Equal([true, false], verdict.Options[BallotQuestion.Agree].Pass.Select(c => c.Held));
    }

    [Fact]
    public void An_ordinary_owners_matter_fails_at_exactly_half_of_the_participating_area_and_passes_with_more()
    {
        Elector[] owners = [new("a", 100.00m), new("b", 60.00m), new("c", 40.00m)];
        TallyInput Input(params Ballot[] ballots) => new(owners, null, BallotQuestion.Motion, ballots);

        // All three take part (200.00 m²). a alone agrees: exactly half the area (and 1 of 3 owners) fails; b and c agree:
        // 2 of 3 owners is more than half, but 100.00 of 200.00 m² is again exactly half and fails; a and b agree: passes.
        var half = Count(ShippedRuleSets.OwnersOrdinaryMatters, Input(Ballot.Agree("a"), Ballot.Disagree("b"), Ballot.Disagree("c")));
        Assert.Equal(Outcome.Failed, half.Outcome);
        var halfAgain = Count(ShippedRuleSets.OwnersOrdinaryMatters, Input(Ballot.Disagree("a"), Ballot.Agree("b"), Ballot.Agree("c")));
        Assert.Equal(Outcome.Failed, halfAgain.Outcome);
        Assert.Equal([false, true], halfAgain.Options[0].Pass.Select(c => c.Held));
        var more = Count(ShippedRuleSets.OwnersOrdinaryMatters, Input(Ballot.Agree("a"), Ballot.Agree("b"), Ballot.Disagree("c")));
        Assert.Equal(Outcome.Passed, more.Outcome);
    }

    [Fact]
    public void Owners_below_two_thirds_participation_decide_nothing_however_they_vote()
    {
        Elector[] owners = [new("a", 100.00m), new("b", 100.00m), new("c", 100.00m)];
        var verdict = Count(ShippedRuleSets.OwnersOrdinaryMatters, new TallyInput(owners, null, BallotQuestion.Motion, [Ballot.Agree("a")]));

        Assert.Equal(Outcome.NoQuorum, verdict.Outcome);
        Assert.All(verdict.Quorum, c => Assert.False(c.Held));
        Assert.All(verdict.Options, o => Assert.Empty(o.Pass));
    }

    [Fact]
    public void A_residents_meeting_needs_more_than_half_present_and_more_than_half_of_those_present()
    {
        var ten = People(10);
        // 5 of 10 present: exactly half is no quorum.
        Assert.Equal(Outcome.NoQuorum, Count(ShippedRuleSets.ResidentsMeeting, new TallyInput(ten, Keys(1, 5), BallotQuestion.Motion, Agree(1, 5))).Outcome);
        // 6 present, 3 agree and 3 disagree: half of those present fails.
        Assert.Equal(Outcome.Failed, Count(ShippedRuleSets.ResidentsMeeting, new TallyInput(ten, Keys(1, 6), BallotQuestion.Motion, [.. Agree(1, 3), .. Disagree(4, 3)])).Outcome);
        // 6 present, 4 agree, 2 do not vote: counted over those present, 4 of 6 passes.
        var verdict = Count(ShippedRuleSets.ResidentsMeeting, new TallyInput(ten, Keys(1, 6), BallotQuestion.Motion, Agree(1, 4)));
        Assert.Equal(Outcome.Passed, verdict.Outcome);
        Assert.Equal(new ConditionResult(Stage.Pass, Measure.Headcount, null, Group.Present, 4, 6, Threshold.MoreThanHalf, true), verdict.Options[0].Pass.Single());
    }

    [Fact]
    public void Those_present_who_do_not_vote_count_against_a_meeting_decision()
    {
        // 3 agree of 6 present (3 stay silent): not more than half of those present, although every ballot agrees.
        var verdict = Count(ShippedRuleSets.ResidentsMeeting, new TallyInput(People(10), Keys(1, 6), BallotQuestion.Motion, Agree(1, 3)));
        Assert.Equal(Outcome.Failed, verdict.Outcome);
    }

    [Fact]
    public void A_representatives_meeting_needs_two_thirds_present()
    {
        var nine = People(9);
        Assert.Equal(Outcome.NoQuorum, Count(ShippedRuleSets.RepresentativesMeeting, new TallyInput(nine, Keys(1, 5), BallotQuestion.Motion, Agree(1, 5))).Outcome);
        var verdict = Count(ShippedRuleSets.RepresentativesMeeting, new TallyInput(nine, Keys(1, 6), BallotQuestion.Motion, Agree(1, 4)));
        Assert.Equal(Outcome.Passed, verdict.Outcome);
        Assert.Equal(new ConditionResult(Stage.Quorum, Measure.Headcount, Group.Present, Group.Entitled, 6, 9, Threshold.AtLeast(2, 3), true), verdict.Quorum.Single());
    }

    [Fact]
    public void A_villagers_meeting_is_convened_over_more_than_half_of_adults_or_two_thirds_of_households()
    {
        var twelve = People(12);
        // 7 of 12: more than half of the adults, but short of 2/3 of the households (8 of 12).
        Assert.Equal(Outcome.Passed, Count(ShippedRuleSets.VillagersMeetingByAdults, new TallyInput(twelve, Keys(1, 7), BallotQuestion.Motion, Agree(1, 4))).Outcome);
        Assert.Equal(Outcome.NoQuorum, Count(ShippedRuleSets.VillagersMeetingByHouseholds, new TallyInput(twelve, Keys(1, 7), BallotQuestion.Motion, Agree(1, 4))).Outcome);
        Assert.Equal(Outcome.Passed, Count(ShippedRuleSets.VillagersMeetingByHouseholds, new TallyInput(twelve, Keys(1, 8), BallotQuestion.Motion, Agree(1, 5))).Outcome);
    }

    [Fact]
    public void A_council_show_of_hands_needs_more_than_half_of_all_members_not_of_those_present()
    {
        var eleven = People(11);
        // 7 present, 5 hands up: 5 of 7 present, but 5 of 11 members is not more than half.
        var failed = Count(ShippedRuleSets.CouncilShowOfHands, new TallyInput(eleven, null, BallotQuestion.Motion, [.. Agree(1, 5), .. Disagree(6, 2)]));
        Assert.Equal(Outcome.Failed, failed.Outcome);
        Assert.Equal(new ConditionResult(Stage.Pass, Measure.Headcount, null, Group.Entitled, 5, 11, Threshold.MoreThanHalf, false), failed.Options[0].Pass.Single());
        Assert.Empty(failed.Quorum);
        Assert.Equal(Outcome.Passed, Count(ShippedRuleSets.CouncilShowOfHands, new TallyInput(eleven, null, BallotQuestion.Motion, Agree(1, 6))).Outcome);
    }

    [Fact]
    public void Each_option_of_an_election_is_tested_against_the_pass_rule_on_its_own()
    {
        // Up to 2 of 3 candidates; 5 residents present and voting. Candidates 0 and 1: 3 marks each (more than half of 5), 2: 2 marks; p5 hands in a blank ballot.
        var rules = ShippedRuleSets.ResidentsMeeting;
        Ballot Marks(int p, params int[] options) => new($"p{p}", [.. options]);
        var verdict = Count(rules, new TallyInput(People(8), Keys(1, 5), BallotQuestion.UpTo(2, 3),
            [Marks(1, 0, 1), Marks(2, 0, 1), Marks(3, 0, 2), Marks(4, 1, 2), Marks(5)]));

        Assert.Equal(Outcome.Passed, verdict.Outcome);
        Assert.Equal(new Amount(5, 0), verdict.Participants);
        Assert.Equal([3L, 3L, 2L], verdict.Options.Select(o => o.Support.Headcount));
        Assert.Equal([true, true, false], verdict.Options.Select(o => o.Carried));
    }
}

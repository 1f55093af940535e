using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Voting;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Domain.Tests.Voting;

/// <summary>
/// The rules through the whole engine: the owners' dual rule against an independent count in whole hundredths of a m²,
/// and every shipped kind at the exact boundaries where 0.01 m² or one person decides.
/// </summary>
public sealed class DecisionEnginePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static decimal M2(long hundredths) => hundredths / 100m;

    private static Verdict Count(RuleSet rules, IEnumerable<Elector> roll, IEnumerable<Ballot> ballots)
    {
        var result = DecisionEngine.Count(rules, new TallyInput([.. roll], null, BallotQuestion.Motion, [.. ballots]));
        Assert.Null(result.ErrorCode);
        return result.Verdict!;
    }

    /// <summary>An owner's area in hundredths, and what they do: 0 = no ballot, 1 = agree, 2 = disagree, 3 = abstain.</summary>
    private static readonly Gen<(int Hundredths, int Act)[]> Owners =
        from n in Gen.Choose(1, 40)
        from owners in (from a in Gen.Choose(1, 100_000) from act in Gen.Choose(0, 3) select (a, act)).ArrayOf(n)
        select owners;

    [Fact]
    public void The_engine_agrees_with_a_count_in_whole_hundredths_for_any_roll_and_ballots()
    {
        var property = Prop.ForAll(Owners.ToArbitrary(), owners =>
        {
            var roll = owners.Select((o, i) => new Elector($"o{i}", M2(o.Hundredths))).ToArray();
            var ballots = owners.Select((o, i) => (o.Act, Key: $"o{i}")).Where(x => x.Act > 0)
                .Select(x => x.Act == 1 ? Ballot.Agree(x.Key) : x.Act == 2 ? Ballot.Disagree(x.Key) : Ballot.Abstain(x.Key)).ToArray();

            long all = owners.Sum(o => (long)o.Hundredths), part = owners.Where(o => o.Act > 0).Sum(o => (long)o.Hundredths),
                agree = owners.Where(o => o.Act == 1).Sum(o => (long)o.Hundredths);
            long n = owners.Length, partN = owners.Count(o => o.Act > 0), agreeN = owners.Count(o => o.Act == 1);
            var quorum = 3 * part >= 2 * all && 3 * partN >= 2 * n;
            var major = !quorum ? Outcome.NoQuorum : 4 * agree >= 3 * part && 4 * agreeN >= 3 * partN ? Outcome.Passed : Outcome.Failed;
            var ordinary = !quorum ? Outcome.NoQuorum : 2 * agree > part && 2 * agreeN > partN ? Outcome.Passed : Outcome.Failed;

            return Count(ShippedRuleSets.OwnersMajorMatters, roll, ballots).Outcome == major
                && Count(ShippedRuleSets.OwnersOrdinaryMatters, roll, ballots).Outcome == ordinary;
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void Participation_of_exactly_two_thirds_of_the_owners_makes_the_quorum_and_one_owner_fewer_does_not()
    {
        var property = Prop.ForAll((from m in Gen.Choose(1, 200) from a in Gen.Choose(1, 100_000) select (m, a)).ToArbitrary(), x =>
        {
            var roll = Enumerable.Range(0, 3 * x.m).Select(i => new Elector($"o{i}", M2(x.a))).ToArray();
            Outcome Voting(int count) => Count(ShippedRuleSets.OwnersMajorMatters, roll, roll.Take(count).Select(e => Ballot.Agree(e.Key))).Outcome;
            return Voting(2 * x.m) == Outcome.Passed && Voting(2 * x.m - 1) == Outcome.NoQuorum;
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void Participation_of_exactly_two_thirds_of_the_area_makes_the_quorum_and_one_hundredth_of_a_m2_less_does_not()
    {
        // k owners who vote hold 2A hundredths between them, one owner who does not holds A: by headcount k of k + 1 ≥ 2/3.
        var gen = from k in Gen.Choose(2, 30) from a in Gen.Choose(k, 1_000_000) select (k, a);
        var property = Prop.ForAll(gen.ToArbitrary(), x =>
        {
            Outcome Voting(long votersHundredths, long absentHundredths)
            {
                var shares = Split(votersHundredths, x.k);
                var roll = shares.Select((h, i) => new Elector($"v{i}", M2(h))).Append(new Elector("absent", M2(absentHundredths))).ToArray();
                return Count(ShippedRuleSets.OwnersOrdinaryMatters, roll, roll.SkipLast(1).Select(e => Ballot.Agree(e.Key))).Outcome;
            }
            return Voting(2L * x.a, x.a) == Outcome.Passed && Voting(2L * x.a - 1, x.a + 1) == Outcome.NoQuorum;
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void Agreement_of_exactly_half_of_the_participating_area_fails_an_ordinary_matter_and_one_hundredth_more_passes()
    {
        // Two owners agree with A hundredths between them, one disagrees with A: by headcount 2 of 3 is more than half.
        var property = Prop.ForAll(Gen.Choose(2, 1_000_000).ToArbitrary(), a =>
        {
            Outcome Voting(long agreeHundredths, long disagreeHundredths)
            {
                var shares = Split(agreeHundredths, 2);
                Elector[] roll = [new("x", M2(shares[0])), new("y", M2(shares[1])), new("z", M2(disagreeHundredths))];
                return Count(ShippedRuleSets.OwnersOrdinaryMatters, roll, [Ballot.Agree("x"), Ballot.Agree("y"), Ballot.Disagree("z")]).Outcome;
            }
            return Voting(a, a) == Outcome.Failed && Voting(a + 1L, a - 1L) == Outcome.Passed;
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void Agreement_of_exactly_three_quarters_of_participating_owners_passes_a_major_matter_and_one_owner_fewer_fails()
    {
        var property = Prop.ForAll(Gen.Choose(1, 200).ToArbitrary(), m =>
        {
            var roll = Enumerable.Range(0, 4 * m).Select(i => new Elector($"o{i}", 50.00m)).ToArray();
            Outcome Agreeing(int count) => Count(ShippedRuleSets.OwnersMajorMatters, roll,
                roll.Select((e, i) => i < count ? Ballot.Agree(e.Key) : Ballot.Disagree(e.Key))).Outcome;
            return Agreeing(3 * m) == Outcome.Passed && Agreeing(3 * m - 1) == Outcome.Failed;
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void A_residents_meeting_turns_on_one_person_either_side_of_half_present_and_of_half_of_those_present()
    {
        // 4m entitled. Quorum: 2m present is exactly half (none), 2m + 1 is more. Of 2m + 2 present, m + 1 agreeing is
        // exactly half (fails), m + 2 is more (passes).
        var property = Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), m =>
        {
            var roll = Enumerable.Range(0, 4 * m).Select(i => new Elector($"r{i}", 0)).ToArray();
            Outcome Meeting(int present, int agreeing) => DecisionEngine.Count(ShippedRuleSets.ResidentsMeeting, new TallyInput(roll,
                [.. roll.Take(present).Select(e => e.Key)], BallotQuestion.Motion,
                [.. roll.Take(agreeing).Select(e => Ballot.Agree(e.Key))])).Verdict!.Outcome;
            return Meeting(2 * m, 2 * m) == Outcome.NoQuorum && Meeting(2 * m + 1, 2 * m + 1) == Outcome.Passed
                && Meeting(2 * m + 2, m + 1) == Outcome.Failed && Meeting(2 * m + 2, m + 2) == Outcome.Passed;
        });
        Check.One(Runs, property);
    }

    [Fact]
    public void A_council_vote_turns_on_one_member_either_side_of_half_of_all_members()
    {
        var property = Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), m =>
        {
            var members = Enumerable.Range(0, 2 * m).Select(i => new Elector($"c{i}", 0)).ToArray();
            Outcome Hands(int up) => DecisionEngine.Count(ShippedRuleSets.CouncilShowOfHands, new TallyInput(members, null, BallotQuestion.Motion,
                [.. members.Take(up).Select(e => Ballot.Agree(e.Key))])).Verdict!.Outcome;
            return Hands(m) == Outcome.Failed && Hands(m + 1) == Outcome.Passed;
        });
        Check.One(Runs, property);
    }

    /// <summary><paramref name="total"/> hundredths in <paramref name="parts"/> positive shares (total ≥ parts).</summary>
    private static long[] Split(long total, int parts)
    {
        var shares = Enumerable.Repeat(total / parts, parts).ToArray();
        shares[0] += total % parts;
        return shares;
    }
}

using Portal.Domain.Deliberation;
using Portal.Domain.Voting;

namespace Portal.Domain.Tests.Voting;

/// <summary>A vote guards its settings and its states: draft → open (with a roll) → closed (with one verdict).</summary>
public sealed class VoteTests
{
    private static readonly DateTime Opens = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static VoteSettings Settings(RuleSet? rules = null, Secrecy secrecy = Secrecy.Named, QuestionKind kind = QuestionKind.Motion,
        string[]? options = null, int maxChoices = 1, BallotChannels channels = BallotChannels.Online | BallotChannels.Paper, string title = "加装电梯") =>
        new(title, kind, options ?? [], maxChoices, rules ?? ShippedRuleSets.OwnersMajorMatters, secrecy, channels, Opens, Opens.AddDays(7));

    private static Vote Draft(VoteSettings? settings = null)
    {
        var (vote, error) = Vote.Draft(1, new MatterScope(MatterScopeKind.Building, 3), settings ?? Settings(), "u1");
        Assert.Null(error);
        return vote!;
    }

    private static VoteElector Elector(string key, decimal area = 0) => new() { Key = key, DisplayName = key, Area = area };

    [Fact]
    public void A_draft_keeps_the_whole_rule_set_with_its_code_version_and_name()
    {
        var vote = Draft();
        Assert.Same(ShippedRuleSets.OwnersMajorMatters, vote.RuleSet);
        Assert.Equal(("civil-code-278-major", 1, ShippedRuleSets.OwnersMajorMatters.Name), (vote.RuleSetCode, vote.RuleSetVersion, vote.RuleSetName));
        Assert.Equal(VoteStatus.Draft, vote.Status);
        Assert.Equal(BallotQuestion.Motion, vote.Question);
    }

    [Theory]
    [InlineData("", Vote.TitleRequired)]
    [InlineData("   ", Vote.TitleRequired)]
    public void A_draft_without_a_title_is_refused(string title, string error) =>
        Assert.Equal(error, Vote.Draft(1, new MatterScope(MatterScopeKind.Community, 1), Settings(title: title), "u1").Error);

    [Fact]
    public void Settings_that_cannot_be_voted_on_are_refused()
    {
        Assert.Equal(Vote.TitleTooLong, Vote.Draft(1, default, Settings(title: new string('议', Vote.MaxTitle + 1)), "u").Error);
        Assert.Equal(Vote.OptionsInvalid, Vote.Draft(1, default, Settings(kind: QuestionKind.OneOf, options: ["甲"]), "u").Error);
        Assert.Equal(Vote.OptionsInvalid, Vote.Draft(1, default, Settings(kind: QuestionKind.OneOf, options: ["甲", "甲"]), "u").Error);
        Assert.Equal(Vote.OptionsInvalid, Vote.Draft(1, default, Settings(kind: QuestionKind.UpTo, options: ["甲", "乙"], maxChoices: 3), "u").Error);
        Assert.Equal(Vote.NoChannel, Vote.Draft(1, default, Settings(channels: BallotChannels.Proxy), "u").Error);
        Assert.Equal(Vote.ClosesBeforeOpens, Vote.Draft(1, default, Settings() with { ClosesAtUtc = Opens }, "u").Error);
        Assert.Equal(Vote.InvalidRuleSet, Vote.Draft(1, default, Settings(rules: ShippedRuleSets.OwnersMajorMatters with { Name = "" }), "u").Error);
    }

    [Fact]
    public void Up_to_k_of_n_asks_the_question_the_engine_counts()
    {
        var vote = Draft(Settings(kind: QuestionKind.UpTo, options: ["甲", "乙", "丙"], maxChoices: 2, rules: ShippedRuleSets.ResidentsMeeting));
        Assert.Equal((3, 2, false), (vote.Question.OptionCount, vote.Question.MaxChoices, vote.Question.IsMotion));
        Assert.Equal(["甲", "乙", "丙"], vote.Options);
    }

    [Theory]
    [InlineData(BallotChannels.Paper)]
    [InlineData(BallotChannels.DoorToDoor)]
    [InlineData(BallotChannels.Proxy)]
    public void A_secret_vote_takes_no_channel_whose_evidence_sits_beside_the_voter_s_name(BallotChannels staffChannel)
    {
        var rules = ShippedRuleSets.ResidentsMeeting;
        Assert.Equal(Vote.SecretNeedsPrivateChannels,
            Vote.Draft(1, default, Settings(rules, Secrecy.Secret, channels: BallotChannels.Online | staffChannel), "u").Error);
        Assert.Null(Vote.Draft(1, default, Settings(rules, Secrecy.Named, channels: BallotChannels.Online | staffChannel), "u").Error);
        Assert.Null(Vote.Draft(1, default, Settings(rules, Secrecy.Secret, channels: BallotChannels.OnSite), "u").Error);
    }

    [Fact]
    public void A_secret_vote_may_not_count_area_because_an_exact_area_names_its_owner()
    {
        Assert.Equal(Vote.SecretNeedsHeadcount, Vote.Draft(1, default, Settings(secrecy: Secrecy.Secret), "u").Error);
        Assert.Equal(Vote.SecretNeedsHeadcount,
            Vote.Draft(1, default, Settings(ShippedRuleSets.OwnersOrdinaryMatters, Secrecy.Secret), "u").Error);
        Assert.Null(Vote.Draft(1, default, Settings(ShippedRuleSets.ResidentsMeeting, Secrecy.Secret, channels: Vote.SecretChannels), "u").Error);
        Assert.All(ShippedRuleSets.All.Where(r => r.CountingBase != CountingBase.OwnersByAreaAndHeadcount), r => Assert.True(Vote.CanBeSecret(r)));
    }

    [Fact]
    public void Opening_needs_a_roll_and_happens_once_with_the_entitled_figures()
    {
        var vote = Draft();
        Assert.Equal(Vote.EmptyRoll, vote.Open([], Opens));
        Assert.Equal(VoteStatus.Draft, vote.Status);
        Assert.Empty(vote.TakeEvents());

        Assert.Null(vote.Open([Elector("owner:1", 80.5m), Elector("owner:2", 100m)], Opens));
        Assert.Equal((VoteStatus.Open, 2, 180.5m), (vote.Status, vote.EntitledCount, vote.EntitledArea));
        Assert.Equal(new VoteOpened(vote.Id, 2, 180.5m), Assert.Single(vote.TakeEvents()));
        Assert.Equal(Vote.NotDraft, vote.Open([Elector("owner:3", 1m)], Opens));
        Assert.Equal(Vote.NotDraft, vote.Change(Settings()));
        Assert.Equal(2, vote.EntitledCount);
    }

    [Fact]
    public void Ballots_are_taken_only_while_open_and_before_the_deadline()
    {
        var vote = Draft();
        Assert.Equal(Vote.NotOpen, vote.AcceptsBallotsAt(Opens));
        vote.Open([Elector("owner:1", 80m)], Opens);
        Assert.Null(vote.AcceptsBallotsAt(Opens.AddDays(7).AddTicks(-1)));
        Assert.Equal(Vote.NotOpen, vote.AcceptsBallotsAt(Opens.AddDays(7)));
    }

    [Fact]
    public void Closing_stores_one_verdict_and_raises_the_close_with_turnout_only()
    {
        var vote = Draft(Settings(ShippedRuleSets.ResidentsMeeting));
        Assert.Equal(Vote.NotOpen, vote.Close(Opens));
        vote.Open([Elector("person:1"), Elector("person:2"), Elector("person:3")], Opens);
        vote.TakeEvents();
        Assert.Null(vote.Close(Opens.AddDays(1)));
        Assert.Equal(Vote.NotOpen, vote.Close(Opens.AddDays(1)));
        var verdict = DecisionEngine.Count(vote.RuleSet, new TallyInput(
            [new Elector("person:1", 0), new Elector("person:2", 0), new Elector("person:3", 0)], ["person:1", "person:2"], vote.Question,
            [Ballot.Agree("person:1"), Ballot.Agree("person:2")])).Verdict!;
        vote.RecordVerdict(verdict);
        Assert.Equal((VoteStatus.Closed, Outcome.Passed), (vote.Status, vote.Outcome));
        Assert.Equal(new VoteClosed(vote.Id, Outcome.Passed, 2, 0), Assert.Single(vote.TakeEvents()));
        Assert.Throws<InvalidOperationException>(() => vote.RecordVerdict(verdict));
    }

    [Fact]
    public void The_channel_set_accepts_exactly_its_channels()
    {
        var set = BallotChannels.Online | BallotChannels.DoorToDoor;
        Assert.True(set.Accepts(BallotChannel.Online));
        Assert.True(set.Accepts(BallotChannel.DoorToDoor));
        Assert.False(set.Accepts(BallotChannel.Paper));
        Assert.False(set.Accepts(BallotChannel.OnSite));
        Assert.False(set.Accepts(BallotChannel.Proxy));
    }

    [Fact]
    public void Choices_round_trip_in_ascending_order_and_a_blank_ballot_is_empty()
    {
        Assert.Equal("0,2", BallotChoices.Encode([2, 0]));
        Assert.Equal([0, 2], BallotChoices.Decode("0,2"));
        Assert.Empty(BallotChoices.Decode(BallotChoices.Encode([])));
    }

    [Fact]
    public void A_cast_ballot_is_checked_by_the_rule_the_count_applies()
    {
        Assert.Null(DecisionEngine.CheckChoices(BallotQuestion.Motion, [BallotQuestion.Agree]));
        Assert.Equal(DecisionEngine.MotionNeedsOneChoice, DecisionEngine.CheckChoices(BallotQuestion.Motion, []));
        Assert.Equal(DecisionEngine.ChoiceOutOfRange, DecisionEngine.CheckChoices(BallotQuestion.OneOf(3), [3]));
        Assert.Equal(DecisionEngine.DuplicateChoice, DecisionEngine.CheckChoices(BallotQuestion.UpTo(2, 3), [1, 1]));
        Assert.Equal(DecisionEngine.TooManyChoices, DecisionEngine.CheckChoices(BallotQuestion.UpTo(2, 3), [0, 1, 2]));
        Assert.Null(DecisionEngine.CheckChoices(BallotQuestion.UpTo(2, 3), []));
    }

    [Fact]
    public void Receipt_codes_are_ten_unambiguous_characters_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => SecretBallot.NewReceiptCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}

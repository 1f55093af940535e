using System.Collections.Immutable;

namespace Portal.Domain.Voting;

/// <summary>Electors by number and their exclusive area, added exactly.</summary>
public readonly record struct Amount(long Headcount, decimal Area)
{
    public static Amount Zero => default;
    public Amount Add(Elector e) => new(Headcount + 1, Area + e.Area);
    public decimal Of(Measure measure) => measure == Measure.Headcount ? Headcount : Area;
}

/// <summary>
/// What is asked. A motion has three options in this order: agree, disagree, abstain (one chosen). Otherwise
/// <see cref="OptionCount"/> options of which a ballot marks at most <see cref="MaxChoices"/> (1 for one-of-n).
/// Made only through <see cref="Motion"/>, <see cref="OneOf"/> and <see cref="UpTo"/>, so every question can be answered.
/// </summary>
public sealed record BallotQuestion
{
    public const int Agree = 0;
    public const int Disagree = 1;
    public const int Abstain = 2;

    private BallotQuestion(int optionCount, int maxChoices, bool isMotion) =>
        (OptionCount, MaxChoices, IsMotion) = (optionCount, maxChoices, isMotion);

    public int OptionCount { get; }
    public int MaxChoices { get; }
    public bool IsMotion { get; }

    public static BallotQuestion Motion { get; } = new(3, 1, true);

    /// <summary>Pick one of <paramref name="optionCount"/> (at least 2).</summary>
    public static BallotQuestion OneOf(int optionCount) => UpTo(1, optionCount);

    /// <summary>Mark up to <paramref name="maxChoices"/> of <paramref name="optionCount"/> options (at least 2).</summary>
    public static BallotQuestion UpTo(int maxChoices, int optionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(optionCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChoices, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxChoices, optionCount);
        return new(optionCount, maxChoices, false);
    }
}

/// <summary>One elector's ballot: the options marked (none is a blank ballot, which still takes part).</summary>
public sealed record Ballot(string ElectorKey, ImmutableArray<int> Choices)
{
    public static Ballot Agree(string electorKey) => new(electorKey, [BallotQuestion.Agree]);
    public static Ballot Disagree(string electorKey) => new(electorKey, [BallotQuestion.Disagree]);
    public static Ballot Abstain(string electorKey) => new(electorKey, [BallotQuestion.Abstain]);
}

/// <summary>
/// Everything a count needs: the roll frozen when the vote opened, those signed in (required when the rule counts
/// attendance; everyone who votes at a meeting is signed in), and the ballots.
/// </summary>
public sealed record TallyInput(
    IReadOnlyList<Elector> Electorate,
    IReadOnlyCollection<string>? Present,
    BallotQuestion Question,
    IReadOnlyList<Ballot> Ballots);

public enum Outcome
{
    /// <summary>The quorum did not hold; nothing was decided.</summary>
    NoQuorum,
    /// <summary>The motion failed, or no option reached the pass rule.</summary>
    Failed,
    /// <summary>The motion passed, or at least one option reached the pass rule (see each option).</summary>
    Passed,
}

public enum Stage
{
    Quorum,
    Pass,
}

/// <summary>
/// One condition as evaluated, with its arithmetic: <see cref="Numerator"/> (the <see cref="Counted"/> group for a
/// quorum; the option's supporters for a pass condition, where it is null) of <see cref="Denominator"/> (the
/// <see cref="Over"/> group) against the threshold. The web layer renders it ("参与面积 68.3% ≥ 2/3 ✓"); the
/// percentage is display only, the verdict is <see cref="Held"/>.
/// </summary>
public sealed record ConditionResult(Stage Stage, Measure Measure, Group? Counted, Group Over, decimal Numerator, decimal Denominator, Threshold Threshold, bool Held);

/// <summary>One option's support and, when the quorum held, its pass conditions (a motion tests only "agree").</summary>
public sealed record OptionResult(int Option, Amount Support, ImmutableArray<ConditionResult> Pass, bool Carried);

public sealed record Verdict(
    Outcome Outcome,
    RuleSet RuleSet,
    Amount Entitled,
    Amount? Present,
    Amount Participants,
    ImmutableArray<ConditionResult> Quorum,
    ImmutableArray<OptionResult> Options);

/// <summary>A verdict, or the first reason the input cannot be counted (with the elector key concerned, if any).</summary>
public sealed record TallyResult(Verdict? Verdict, string? ErrorCode, string? Subject);

/// <summary>
/// Counts a vote by a <see cref="RuleSet"/>: quorum first (shares of the entitled), then the pass rule (shares of those
/// present, taking part, or entitled). All conditions of a stage must hold. Input that would count someone twice, or
/// someone not on the roll, is refused rather than cleaned: the count must be reproducible from the record.
/// </summary>
public static class DecisionEngine
{
    public const string DuplicateElector = "Voting.Tally.Error.DuplicateElector";
    public const string AreaInvalid = "Voting.Tally.Error.AreaInvalid";
    public const string AttendanceRequired = "Voting.Tally.Error.AttendanceRequired";
    public const string PresentNotOnRoll = "Voting.Tally.Error.PresentNotOnRoll";
    public const string BallotNotOnRoll = "Voting.Tally.Error.BallotNotOnRoll";
    public const string BallotNotPresent = "Voting.Tally.Error.BallotNotPresent";
    public const string SecondBallot = "Voting.Tally.Error.SecondBallot";
    public const string ChoiceOutOfRange = "Voting.Tally.Error.ChoiceOutOfRange";
    public const string TooManyChoices = "Voting.Tally.Error.TooManyChoices";
    public const string MotionNeedsOneChoice = "Voting.Tally.Error.MotionNeedsOneChoice";
    public const string DuplicateChoice = "Voting.Tally.Error.DuplicateChoice";

    /// <exception cref="ArgumentException">The rule set is invalid (<see cref="RuleSet.Validate"/>): callers check it when it is saved.</exception>
    public static TallyResult Count(RuleSet rules, TallyInput input)
    {
        if (rules.Validate() is { } ruleError) throw new ArgumentException($"Invalid rule set: {ruleError}", nameof(rules));
        var q = input.Question;

        var roll = new Dictionary<string, Elector>(StringComparer.Ordinal);
        var entitled = Amount.Zero;
        var areaCounts = rules.CountingBase == CountingBase.OwnersByAreaAndHeadcount;
        foreach (var e in input.Electorate)
        {
            if (!roll.TryAdd(e.Key, e)) return Error(DuplicateElector, e.Key);
            var areaOk = areaCounts ? Elector.IsValidArea(e.Area) : e.Area == 0;
            if (!areaOk) return Error(AreaInvalid, e.Key);
            entitled = entitled.Add(e);
        }

        HashSet<string>? present = null;
        Amount? presentAmount = null;
        if (input.Present is not null)
        {
            present = new HashSet<string>(StringComparer.Ordinal);
            var sum = Amount.Zero;
            foreach (var key in input.Present)
            {
                if (!roll.TryGetValue(key, out var e)) return Error(PresentNotOnRoll, key);
                if (present.Add(key)) sum = sum.Add(e);
            }
            presentAmount = sum;
        }
        else if (rules.NeedsAttendance) return Error(AttendanceRequired);

        var voted = new HashSet<string>(StringComparer.Ordinal);
        var participants = Amount.Zero;
        var support = new Amount[q.OptionCount];
        foreach (var b in input.Ballots)
        {
            if (!roll.TryGetValue(b.ElectorKey, out var e)) return Error(BallotNotOnRoll, b.ElectorKey);
            if (present is not null && !present.Contains(b.ElectorKey)) return Error(BallotNotPresent, b.ElectorKey);
            if (!voted.Add(b.ElectorKey)) return Error(SecondBallot, b.ElectorKey);
            var choices = b.Choices.IsDefault ? [] : b.Choices;
            if (CheckChoices(q, choices) is { } choiceError) return Error(choiceError, b.ElectorKey);
            participants = participants.Add(e);
            foreach (var c in choices) support[c] = support[c].Add(e);
        }

        var quorumFrom = rules.QuorumFrom == Group.Present ? presentAmount!.Value : participants;
        var quorum = Evaluate(Stage.Quorum, rules.Quorum, rules.QuorumFrom, Group.Entitled, quorumFrom, entitled);
        var quorumHeld = quorum.All(c => c.Held);

        var over = rules.PassOver switch
        {
            Group.Entitled => entitled,
            Group.Present => presentAmount!.Value,
            _ => participants,
        };
        var options = ImmutableArray.CreateBuilder<OptionResult>(q.OptionCount);
        for (var i = 0; i < q.OptionCount; i++)
        {
            var tested = quorumHeld && (!q.IsMotion || i == BallotQuestion.Agree);
            var pass = tested ? Evaluate(Stage.Pass, rules.Pass, null, rules.PassOver, support[i], over) : [];
            options.Add(new OptionResult(i, support[i], pass, tested && pass.All(c => c.Held)));
        }

        var outcome = !quorumHeld ? Outcome.NoQuorum : options.Any(o => o.Carried) ? Outcome.Passed : Outcome.Failed;
        return new TallyResult(new Verdict(outcome, rules, entitled, presentAmount, participants, quorum, options.MoveToImmutable()), null, null);
    }

    /// <summary>
    /// The first reason <paramref name="choices"/> is not a valid ballot for <paramref name="q"/>, or null. The services
    /// refuse such a ballot when it is cast, by the same rule the count applies.
    /// </summary>
    public static string? CheckChoices(BallotQuestion q, IReadOnlyList<int> choices)
    {
        if (q.IsMotion && choices.Count != 1) return MotionNeedsOneChoice;
        if (choices.Any(c => c < 0 || c >= q.OptionCount)) return ChoiceOutOfRange;
        if (choices.Distinct().Count() != choices.Count) return DuplicateChoice;
        if (choices.Count > q.MaxChoices) return TooManyChoices;
        return null;
    }

    private static ImmutableArray<ConditionResult> Evaluate(Stage stage, ImmutableArray<Condition> conditions, Group? counted, Group over, Amount part, Amount whole) =>
        conditions.IsDefault ? [] :
        [.. conditions.Select(c => new ConditionResult(stage, c.Measure, counted, over, part.Of(c.Measure), whole.Of(c.Measure), c.Threshold,
            c.Threshold.IsMetBy(part.Of(c.Measure), whole.Of(c.Measure))))];

    private static TallyResult Error(string code, string? subject = null) => new(null, code, subject);
}

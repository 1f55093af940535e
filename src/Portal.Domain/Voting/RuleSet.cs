using System.Collections.Immutable;

namespace Portal.Domain.Voting;

/// <summary>Who is on the roll of a vote, one elector per counted unit (decides how the electorate is frozen).</summary>
public enum CountingBase
{
    /// <summary>Adult residents (or villagers), one each.</summary>
    Persons,
    /// <summary>One per household.</summary>
    Households,
    /// <summary>Elected representatives (residents' or villagers' representatives' meeting).</summary>
    Representatives,
    /// <summary>Owners: one per owner by headcount, with the exclusive area of all their units (Civil Code art. 278).</summary>
    OwnersByAreaAndHeadcount,
    /// <summary>Members of a council or committee.</summary>
    CouncilMembers,
}

/// <summary>What a condition measures: electors by number, or their exclusive area.</summary>
public enum Measure
{
    Headcount,
    Area,
}

/// <summary>A group of electors a share is taken of (or from).</summary>
public enum Group
{
    /// <summary>Everyone on the frozen roll.</summary>
    Entitled,
    /// <summary>Those signed in at the meeting.</summary>
    Present,
    /// <summary>Those who cast a ballot, abstentions and blank ballots included (参与表决).</summary>
    Participants,
}

/// <summary>One condition of a rule: a measure compared with a threshold. A rule's conditions must all hold.</summary>
public sealed record Condition(Measure Measure, Threshold Threshold);

/// <summary>
/// A decision rule as data: editable and versioned (a vote keeps the version it opened with), so a community can carry
/// a revised law (the 2025 residents' committee law) or its own covenant without code. Quorum: shares of the
/// <see cref="Group.Entitled"/> that <see cref="QuorumFrom"/> must reach; pass: shares of <see cref="PassOver"/> that
/// the supporters must reach. An empty quorum means none is required (a council vote counts against all members).
/// </summary>
public sealed record RuleSet(
    string Code,
    int Version,
    string Name,
    CountingBase CountingBase,
    Group QuorumFrom,
    ImmutableArray<Condition> Quorum,
    Group PassOver,
    ImmutableArray<Condition> Pass)
{
    public const string NameRequired = "Voting.RuleSet.Error.NameRequired";
    public const string CodeRequired = "Voting.RuleSet.Error.CodeRequired";
    public const string VersionNotPositive = "Voting.RuleSet.Error.VersionNotPositive";
    public const string InvalidThreshold = "Voting.RuleSet.Error.InvalidThreshold";
    public const string AreaNeedsOwners = "Voting.RuleSet.Error.AreaNeedsOwners";
    public const string QuorumFromEntitled = "Voting.RuleSet.Error.QuorumFromEntitled";
    public const string PassRequired = "Voting.RuleSet.Error.PassRequired";

    /// <summary>
    /// The first rule broken, or null. Area can only be counted where electors have exclusive area; a quorum taken
    /// "from the entitled over the entitled" would always hold; a rule without a pass condition decides nothing.
    /// </summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Code)) return CodeRequired;
        if (string.IsNullOrWhiteSpace(Name)) return NameRequired;
        if (Version < 1) return VersionNotPositive;
        if (Pass.IsDefaultOrEmpty) return PassRequired;
        if (QuorumFrom == Group.Entitled && !Quorum.IsDefaultOrEmpty) return QuorumFromEntitled;
        var all = Quorum.IsDefault ? Pass : Quorum.AddRange(Pass);
        if (all.Any(c => !c.Threshold.IsValid)) return InvalidThreshold;
        if (CountingBase != CountingBase.OwnersByAreaAndHeadcount && all.Any(c => c.Measure == Measure.Area)) return AreaNeedsOwners;
        return null;
    }

    /// <summary>The group the tally needs attendance for, if any (sign-in must then be given).</summary>
    public bool NeedsAttendance => QuorumFrom == Group.Present || PassOver == Group.Present;
}

/// <summary>
/// The rule sets the portal ships (version 1 each), from the laws cited in the domain brief §5. Communities copy and edit
/// them; the codes are stable keys.
/// </summary>
public static class ShippedRuleSets
{
    private static ImmutableArray<Condition> AreaAndHeadcount(Threshold t) => [new(Measure.Area, t), new(Measure.Headcount, t)];
    private static ImmutableArray<Condition> Headcount(Threshold t) => [new(Measure.Headcount, t)];

    /// <summary>
    /// Civil Code art. 278, "major" matters (raising the maintenance fund, rebuilding, changing the use of common parts or
    /// using them commercially): participation ≥ 2/3 of area and of owners, then ≥ 3/4 of participating area and owners.
    /// </summary>
    public static RuleSet OwnersMajorMatters { get; } = new("civil-code-278-major", 1, "业主共同决定（民法典第278条·重大事项）",
        CountingBase.OwnersByAreaAndHeadcount, Group.Participants, AreaAndHeadcount(Threshold.AtLeast(2, 3)),
        Group.Participants, AreaAndHeadcount(Threshold.AtLeast(3, 4)));

    /// <summary>
    /// Civil Code art. 278, every other matter (rules, covenant, owners' committee, property company, using the fund):
    /// participation ≥ 2/3 of area and of owners, then more than half of participating area and owners.
    /// </summary>
    public static RuleSet OwnersOrdinaryMatters { get; } = new("civil-code-278-ordinary", 1, "业主共同决定（民法典第278条·一般事项）",
        CountingBase.OwnersByAreaAndHeadcount, Group.Participants, AreaAndHeadcount(Threshold.AtLeast(2, 3)),
        Group.Participants, AreaAndHeadcount(Threshold.MoreThanHalf));

    /// <summary>Residents' meeting (城市居民委员会组织法): more than half of those entitled present, more than half of those present agree.</summary>
    public static RuleSet ResidentsMeeting { get; } = new("residents-meeting", 1, "居民会议",
        CountingBase.Persons, Group.Present, Headcount(Threshold.MoreThanHalf), Group.Present, Headcount(Threshold.MoreThanHalf));

    /// <summary>Representatives' meeting: at least 2/3 of representatives present, more than half of those present agree.</summary>
    public static RuleSet RepresentativesMeeting { get; } = new("representatives-meeting", 1, "代表会议",
        CountingBase.Representatives, Group.Present, Headcount(Threshold.AtLeast(2, 3)), Group.Present, Headcount(Threshold.MoreThanHalf));

    /// <summary>Villagers' meeting convened over adult villagers: more than half of them present, more than half of those present agree.</summary>
    public static RuleSet VillagersMeetingByAdults { get; } = new("villagers-meeting-adults", 1, "村民会议（按十八周岁以上村民）",
        CountingBase.Persons, Group.Present, Headcount(Threshold.MoreThanHalf), Group.Present, Headcount(Threshold.MoreThanHalf));

    /// <summary>Villagers' meeting convened over households: at least 2/3 of households' representatives present, more than half of those present agree.</summary>
    public static RuleSet VillagersMeetingByHouseholds { get; } = new("villagers-meeting-households", 1, "村民会议（按户）",
        CountingBase.Households, Group.Present, Headcount(Threshold.AtLeast(2, 3)), Group.Present, Headcount(Threshold.MoreThanHalf));

    /// <summary>Council or committee show of hands: more than half of all members (not of those present) agree.</summary>
    public static RuleSet CouncilShowOfHands { get; } = new("council-show-of-hands", 1, "举手表决（全体成员过半数）",
        CountingBase.CouncilMembers, Group.Entitled, [], Group.Entitled, Headcount(Threshold.MoreThanHalf));

    public static IReadOnlyList<RuleSet> All { get; } =
    [
        OwnersMajorMatters, OwnersOrdinaryMatters, ResidentsMeeting, RepresentativesMeeting,
        VillagersMeetingByAdults, VillagersMeetingByHouseholds, CouncilShowOfHands,
    ];
}

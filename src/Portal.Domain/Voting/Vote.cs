using System.Collections.Immutable;
using System.Security.Cryptography;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;

namespace Portal.Domain.Voting;

public enum VoteStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

/// <summary>Named votes publish who chose what after closing; secret votes keep the choice apart from the elector (decision 0030).</summary>
public enum Secrecy
{
    Named = 1,
    Secret = 2,
}

/// <summary>What kind of question a vote asks (see <see cref="BallotQuestion"/>).</summary>
public enum QuestionKind
{
    /// <summary>Agree / disagree / abstain.</summary>
    Motion = 1,
    OneOf = 2,
    UpTo = 3,
}

/// <summary>How a ballot reached the vote. One ballot per elector across all of them.</summary>
public enum BallotChannel
{
    /// <summary>The resident's own phone or browser.</summary>
    Online = 1,
    /// <summary>At the meeting: the resident scans the QR code, or staff record for a voter who is present.</summary>
    OnSite = 2,
    /// <summary>A paper ballot entered by staff with its number and scan.</summary>
    Paper = 3,
    /// <summary>Collected at the door by the grid worker, with the voter's signature photo.</summary>
    DoorToDoor = 4,
    /// <summary>Cast by a proxy holder with the written authorization attached (only where the vote allows it).</summary>
    Proxy = 5,
}

/// <summary>The channels a vote accepts, as a set.</summary>
[Flags]
public enum BallotChannels
{
    None = 0,
    Online = 1 << BallotChannel.Online,
    OnSite = 1 << BallotChannel.OnSite,
    Paper = 1 << BallotChannel.Paper,
    DoorToDoor = 1 << BallotChannel.DoorToDoor,
    Proxy = 1 << BallotChannel.Proxy,
}

public static class BallotChannelSet
{
    public static bool Accepts(this BallotChannels set, BallotChannel channel) => (set & (BallotChannels)(1 << (int)channel)) != 0;
}

/// <summary>
/// A vote (表决) of one community on one question, counted by the rule set it keeps a whole copy of (code, version, name
/// and the data), so a later edit of the rule set never changes how it is counted. Draft → Open (the roll is frozen,
/// <see cref="VoteElector"/>) → Closed (the verdict is stored). Only a draft changes its question and settings.
/// </summary>
public sealed class Vote : VersionedEntity
{
    public const string TitleRequired = "Voting.Vote.Error.TitleRequired";
    public const string TitleTooLong = "Voting.Vote.Error.TitleTooLong";
    public const string OptionsInvalid = "Voting.Vote.Error.OptionsInvalid";
    public const string NoChannel = "Voting.Vote.Error.NoChannel";
    public const string ClosesBeforeOpens = "Voting.Vote.Error.ClosesBeforeOpens";
    public const string InvalidRuleSet = "Voting.Vote.Error.InvalidRuleSet";
    public const string SecretNeedsHeadcount = "Voting.Vote.Error.SecretNeedsHeadcount";
    public const string SecretNeedsPrivateChannels = "Voting.Vote.Error.SecretNeedsPrivateChannels";

    /// <summary>
    /// The channels a secret vote accepts: the voter casts the ballot themself. A paper scan, a signature photo or a proxy's
    /// authorization is stored with the participation, beside the elector's name, and would show the choice (decision 0030).
    /// </summary>
    public const BallotChannels SecretChannels = BallotChannels.Online | BallotChannels.OnSite;
    public const string NotDraft = "Voting.Vote.Error.NotDraft";
    public const string NotOpen = "Voting.Vote.Error.NotOpen";
    public const string EmptyRoll = "Voting.Vote.Error.EmptyRoll";

    public const int MaxTitle = 200;
    public const int MaxOption = 200;
    public const int MaxOptions = 50;

    public int CommunityId { get; private init; }
    public MatterScopeKind ScopeKind { get; private init; }
    public int ScopeId { get; private init; }
    public MatterScope Scope => new(ScopeKind, ScopeId);
    public string Title { get; private set; } = "";
    public QuestionKind QuestionKind { get; private set; }
    public int MaxChoices { get; private set; }
    /// <summary>The option texts of a one-of or up-to question (empty for a motion: its options are fixed).</summary>
    public ImmutableArray<string> Options { get; private set; } = [];
    /// <summary>The whole rule set as it was when the vote was made; counted by this copy only.</summary>
    public RuleSet RuleSet { get; private set; } = ShippedRuleSets.OwnersOrdinaryMatters;
    /// <summary>The rule set's code, version and name beside its data, for lists that do not open it.</summary>
    public string RuleSetCode { get; private set; } = "";
    public int RuleSetVersion { get; private set; }
    public string RuleSetName { get; private set; } = "";
    public Secrecy Secrecy { get; private set; }
    public BallotChannels Channels { get; private set; }
    public DateTime OpensAtUtc { get; private set; }
    public DateTime ClosesAtUtc { get; private set; }
    public VoteStatus Status { get; private set; } = VoteStatus.Draft;
    public string CreatedByUserId { get; private init; } = "";
    public DateTime? OpenedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>Entitled headcount and area of the frozen roll (set when opened).</summary>
    public int EntitledCount { get; private set; }
    public decimal EntitledArea { get; private set; }
    /// <summary>The engine's outcome once closed.</summary>
    public Outcome? Outcome { get; private set; }
    /// <summary>The stored verdict (with the arithmetic of each condition) once closed.</summary>
    public Verdict? Verdict { get; private set; }

    public BallotQuestion Question => QuestionKind switch
    {
        QuestionKind.Motion => BallotQuestion.Motion,
        _ => BallotQuestion.UpTo(MaxChoices, Options.Length),
    };

    public bool ProxyAllowed => Channels.Accepts(BallotChannel.Proxy);

    /// <summary>A new draft, or the first rule it breaks.</summary>
    public static (Vote? Vote, string? Error) Draft(int communityId, MatterScope scope, VoteSettings settings, string createdByUserId)
    {
        var vote = new Vote { CommunityId = communityId, ScopeKind = scope.Kind, ScopeId = scope.Id, CreatedByUserId = createdByUserId };
        var error = vote.Apply(settings);
        return error is null ? (vote, null) : (null, error);
    }

    /// <summary>Changes a draft's question and settings.</summary>
    public string? Change(VoteSettings settings) => Status != VoteStatus.Draft ? NotDraft : Apply(settings);

    private string? Apply(VoteSettings s)
    {
        var title = s.Title?.Trim() ?? "";
        if (title.Length == 0) return TitleRequired;
        if (title.Length > MaxTitle) return TitleTooLong;
        var options = s.Kind == QuestionKind.Motion ? [] : s.Options.Select(o => o?.Trim() ?? "").ToImmutableArray();
        var maxChoices = s.Kind switch { QuestionKind.Motion => 1, QuestionKind.OneOf => 1, _ => s.MaxChoices };
        if (s.Kind != QuestionKind.Motion && (options.Length < 2 || options.Length > MaxOptions || options.Any(o => o.Length == 0 || o.Length > MaxOption)
            || options.Distinct(StringComparer.Ordinal).Count() != options.Length || maxChoices < 1 || maxChoices > options.Length))
            return OptionsInvalid;
        if (!Enum.IsDefined(s.Kind)) return OptionsInvalid;
        if (s.RuleSet.Validate() is not null) return InvalidRuleSet;
        if ((s.Channels & ~BallotChannels.Proxy) == BallotChannels.None) return NoChannel;
        if (s.ClosesAtUtc <= s.OpensAtUtc) return ClosesBeforeOpens;
        if (s.Secrecy == Secrecy.Secret && !CanBeSecret(s.RuleSet)) return SecretNeedsHeadcount;
        if (s.Secrecy == Secrecy.Secret && (s.Channels & ~SecretChannels) != BallotChannels.None) return SecretNeedsPrivateChannels;
        (Title, QuestionKind, MaxChoices, Options, RuleSet, Secrecy, Channels, OpensAtUtc, ClosesAtUtc) =
            (title, s.Kind, maxChoices, options, s.RuleSet, s.Secrecy, s.Channels, s.OpensAtUtc, s.ClosesAtUtc);
        (RuleSetCode, RuleSetVersion, RuleSetName) = (s.RuleSet.Code, s.RuleSet.Version, s.RuleSet.Name);
        return null;
    }

    /// <summary>
    /// Secret ballots carry no weight: a ballot counted with its exact exclusive area would name its owner, so rules that
    /// measure area are counted from named ballots only (decision 0030).
    /// </summary>
    public static bool CanBeSecret(RuleSet rules) =>
        rules.CountingBase != CountingBase.OwnersByAreaAndHeadcount
        && !rules.Pass.Concat(rules.Quorum.IsDefault ? [] : rules.Quorum).Any(c => c.Measure == Measure.Area);

    /// <summary>Opens the vote with its frozen roll (never changed afterwards).</summary>
    public string? Open(IReadOnlyCollection<VoteElector> roll, DateTime nowUtc)
    {
        if (Status != VoteStatus.Draft) return NotDraft;
        if (roll.Count == 0) return EmptyRoll;
        Status = VoteStatus.Open;
        OpenedAtUtc = nowUtc;
        EntitledCount = roll.Count;
        EntitledArea = roll.Sum(e => e.Area);
        Raise(new VoteOpened(Id, EntitledCount, EntitledArea));
        return null;
    }

    /// <summary>
    /// Closes the vote: no ballot is accepted from here on. The verdict follows in the same transaction
    /// (<see cref="RecordVerdict"/>), counted from what was stored up to the close.
    /// </summary>
    public string? Close(DateTime nowUtc)
    {
        if (Status != VoteStatus.Open) return NotOpen;
        Status = VoteStatus.Closed;
        ClosedAtUtc = nowUtc;
        return null;
    }

    /// <summary>Stores the engine's verdict of a closed vote, once.</summary>
    public void RecordVerdict(Verdict verdict)
    {
        if (Status != VoteStatus.Closed || Verdict is not null) throw new InvalidOperationException("A verdict is recorded once, for a closed vote.");
        Verdict = verdict;
        Outcome = verdict.Outcome;
        Raise(new VoteClosed(Id, verdict.Outcome, verdict.Participants.Headcount, verdict.Participants.Area));
    }

    /// <summary>Whether a ballot may be cast now: open, and between its announced opening and its closing time.</summary>
    public string? AcceptsBallotsAt(DateTime nowUtc) =>
        Status == VoteStatus.Open && nowUtc >= OpensAtUtc && nowUtc < ClosesAtUtc ? null : NotOpen;
}

/// <summary>What a draft vote asks and how: its question, rule set, secrecy, channels and time.</summary>
public sealed record VoteSettings(
    string Title,
    QuestionKind Kind,
    IReadOnlyList<string> Options,
    int MaxChoices,
    RuleSet RuleSet,
    Secrecy Secrecy,
    BallotChannels Channels,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc);

/// <summary>
/// One elector of a vote's frozen roll: the key the count uses, the name staff see, the exclusive area (owners' votes),
/// the grid (whose worker may record for them) and the directory ids by which a signed-in resident finds their row.
/// </summary>
public sealed class VoteElector : Entity
{
    public int VoteId { get; init; }
    public required string Key { get; init; }
    public required string DisplayName { get; init; }
    public decimal Area { get; init; }
    public int? GridId { get; init; }
    public int? PersonId { get; init; }
    public int? OwnerId { get; init; }
    public int? HouseholdId { get; init; }
}

/// <summary>
/// That an elector took part: when, through which channel, who recorded it, the paper ballot's number and the evidence
/// file (scan, signature photo, authorization), the proxy holder. The database's unique index (vote, elector) makes it
/// one per elector whatever the channel. Never a choice: that is in a <see cref="NamedBallot"/>, or for a secret vote in a
/// <see cref="SecretBallot"/> that nothing links to this row.
/// </summary>
public sealed class Participation : Entity
{
    public const int MaxPaperNumber = 50;
    public const int MaxProxyHolder = 50;

    public int VoteId { get; init; }
    public required string ElectorKey { get; init; }
    public BallotChannel Channel { get; init; }
    public DateTime CastAtUtc { get; init; }
    public required string RecordedByUserId { get; init; }
    public string? PaperNumber { get; init; }
    public string? EvidenceFile { get; init; }
    public string? ProxyHolder { get; init; }

    /// <summary>Says that a ballot was cast, with the vote's turnout after it (never who or what).</summary>
    public void Announce(int participants, decimal area) => Raise(new BallotCast(VoteId, participants, area));
}

/// <summary>The options marked on a stored ballot, ascending and comma-separated ("" for a blank ballot).</summary>
public static class BallotChoices
{
    public static string Encode(IEnumerable<int> choices) => string.Join(',', choices.Order());

    public static ImmutableArray<int> Decode(string choices) =>
        choices.Length == 0 ? [] : [.. choices.Split(',').Select(int.Parse)];
}

/// <summary>A named vote's ballot: the elector and the options marked, published after closing.</summary>
public sealed class NamedBallot : Entity
{
    public int VoteId { get; init; }
    public required string ElectorKey { get; init; }
    public required string Choices { get; init; }
}

/// <summary>
/// A secret vote's ballot: the options marked and the receipt code the voter was given once — no elector, no time, and a
/// random key (an integer key would be an insertion order). Nothing joins it to a <see cref="Participation"/>
/// (decision 0030). Never audited: an audit entry's time and author would be such a join. Not an <see cref="Entity"/>.
/// </summary>
public sealed class SecretBallot : IConditionallyAudited
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public int VoteId { get; init; }
    public required string Choices { get; init; }
    public required string ReceiptCode { get; init; }

    public bool IsAudited => false;

    private const string ReceiptAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A fresh receipt code: 10 characters from 32 (50 bits), from the cryptographic generator.</summary>
    public static string NewReceiptCode() => RandomNumberGenerator.GetString(ReceiptAlphabet, 10);
}

/// <summary>That an elector is signed in at the meeting, for rule sets that count those present.</summary>
public sealed class VotePresence : Entity
{
    public int VoteId { get; init; }
    public required string ElectorKey { get; init; }
    public DateTime MarkedAtUtc { get; init; }
    public required string MarkedByUserId { get; init; }
}

public sealed record VoteOpened(int VoteId, int EntitledCount, decimal EntitledArea) : IDomainEvent;

/// <summary>A ballot was cast: the turnout after it, and nothing about who or what.</summary>
public sealed record BallotCast(int VoteId, int Participants, decimal ParticipatingArea) : IDomainEvent;

public sealed record VoteClosed(int VoteId, Outcome Outcome, long Participants, decimal ParticipatingArea) : IDomainEvent;

using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Results;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>What the secretary fills in for a new or changed draft vote; the rule set by its code (the community's current stored version of it).</summary>
public sealed record VoteForm(
    int CommunityId,
    MatterScope Scope,
    string Title,
    QuestionKind Kind,
    IReadOnlyList<string> Options,
    int MaxChoices,
    string RuleSetCode,
    Secrecy Secrecy,
    BallotChannels Channels,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc);

/// <summary>
/// One ballot, whatever the channel. Online (and on site by QR) the elector is the caller's own row, found from their
/// linked person — <see cref="ElectorId"/> is not read. Staff channels (paper, door-to-door, on site for a present voter,
/// proxy) name the roll row; paper needs its number and scan, door-to-door the signature photo, proxy the holder and the
/// written authorization (<see cref="Evidence"/>: the uploaded file, stored by <see cref="AttachmentStore"/> before the
/// ballot is saved and deleted again when the ballot is refused).
/// </summary>
public sealed record CastCommand(
    int VoteId,
    BallotChannel Channel,
    IReadOnlyList<int> Choices,
    int? ElectorId = null,
    string? PaperNumber = null,
    AttachmentUpload? Evidence = null,
    string? ProxyHolder = null);

/// <summary>A cast ballot: when, and for a secret vote the receipt code (given out this once, never stored beside the voter).</summary>
public sealed record CastReceipt(DateTime CastAtUtc, string? ReceiptCode);

public enum MyBallotState
{
    /// <summary>On the roll and not yet voted; the vote is open.</summary>
    MayVote,
    /// <summary>Voted (<see cref="MyBallot.CastAtUtc"/>, <see cref="MyBallot.Channel"/>).</summary>
    Voted,
    /// <summary>Not on the frozen roll (or no directory person linked to the account).</summary>
    NotOnRoll,
    /// <summary>On the roll, not voted, and the vote is not open (draft or closed).</summary>
    NotOpen,
}

/// <summary>The resident's own standing in a vote: may vote / voted at X via Y / not on the roll.</summary>
public sealed record MyBallot(MyBallotState State, string? ElectorName, DateTime? CastAtUtc, BallotChannel? Channel);

/// <summary>A vote as its page heads it.</summary>
public sealed record VoteSummary(
    int Id,
    int CommunityId,
    MatterScope Scope,
    string Title,
    QuestionKind Kind,
    IReadOnlyList<string> Options,
    int MaxChoices,
    string RuleSetName,
    Secrecy Secrecy,
    BallotChannels Channels,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc,
    VoteStatus Status,
    Guid Version,
    bool CanManage);

/// <summary>Turnout by headcount and area, and the channel's sequence it is current at (later events apply on top).</summary>
public sealed record VoteTurnout(int EntitledCount, decimal EntitledArea, int Participants, decimal ParticipatingArea, long LastSequence);

/// <summary>A row of the roll as staff see it.</summary>
public sealed record RollRow(int ElectorId, string DisplayName, decimal Area, int? GridId, DateTime? CastAtUtc, BallotChannel? Channel, bool CanRecord);

public sealed record RollPage(IReadOnlyList<RollRow> Rows, int Total, int Page, int PageSize);

/// <summary>A named ballot as published after closing: who chose what.</summary>
public sealed record NamedChoice(string DisplayName, IReadOnlyList<int> Choices);

/// <summary>A secret ballot as published after closing: the receipt code and its choices.</summary>
public sealed record ReceiptChoice(string ReceiptCode, IReadOnlyList<int> Choices);

/// <summary>The results after closing: the verdict in words (with its arithmetic), and the named list or the receipt list.</summary>
public sealed record VoteResults(
    Outcome Outcome,
    Message Plain,
    IReadOnlyList<Message> Lines,
    Verdict Verdict,
    IReadOnlyList<NamedChoice> Named,
    IReadOnlyList<ReceiptChoice> Receipts);

/// <summary>A stored evidence file as the download serves it.</summary>
public sealed record EvidenceDownload(string Path, string ContentType, string FileName);

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes;

namespace Portal.Web.Features.Voting.Demo;

/// <summary>
/// Takes one demo vote through its life the way the portal would have, at moments in the past: drafted with a stored
/// rule-set version, opened with the roll frozen from the directory (<see cref="VoteRoll"/>), ballots recorded one per
/// elector, and closed with the verdict the engine counts from what is stored (<see cref="VoteService.CountAsync"/>).
/// Ballots go straight into the tables the service writes (no files: the demo's ballots come through channels that need
/// no scan or photo). A refusal is a bug of the demo. The domain events are dropped: the demo's past is nobody's news.
/// </summary>
internal sealed class DemoVote
{
    private readonly PortalDbContext _db;
    private List<VoteElector> _roll = [];
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);

    private DemoVote(PortalDbContext db, Vote vote) => (_db, Vote) = (db, vote);

    public Vote Vote { get; }

    /// <summary>The frozen roll, in roll order (empty before opening).</summary>
    public IReadOnlyList<VoteElector> Roll => _roll;

    /// <summary>A draft of the community's current stored version of the rule set <paramref name="ruleSetCode"/>.</summary>
    public static async Task<DemoVote> DraftAsync(PortalDbContext db, int communityId, MatterScope scope, string title, string ruleSetCode,
        Secrecy secrecy, BallotChannels channels, DateTime opensAtUtc, DateTime closesAtUtc, string byUserId, CancellationToken ct)
    {
        var rules = await UsableRuleSets.CurrentAsync(db, communityId, ruleSetCode, ct)
                    ?? throw new InvalidOperationException($"Demo vote: no rule set {ruleSetCode} in community {communityId}.");
        var (vote, error) = Vote.Draft(communityId, scope,
            new VoteSettings(title, QuestionKind.Motion, [], 1, rules, secrecy, channels, opensAtUtc, closesAtUtc), byUserId);
        if (vote is null) throw new InvalidOperationException($"Demo vote '{title}' refused: {error}");
        db.Votes.Add(vote);
        var demo = new DemoVote(db, vote);
        await demo.SaveAsync(ct);
        return demo;
    }

    /// <summary>Opens the draft at <paramref name="atUtc"/>: the roll as the directory gives it on that day.</summary>
    public async Task OpenAsync(DateTime atUtc, CancellationToken ct)
    {
        var (roll, refused) = await VoteRoll.FreezeAsync(_db, Vote, DateOnly.FromDateTime(PortalTime.ToLocal(atUtc)), ct);
        if (roll is null) throw new InvalidOperationException($"Demo vote '{Vote.Title}': the roll was refused ({refused}).");
        if (Vote.Open(roll, atUtc) is { } error) throw new InvalidOperationException($"Demo vote '{Vote.Title}' not opened: {error}");
        _db.VoteElectors.AddRange(roll);
        await SaveAsync(ct);
        _roll = roll;
    }

    /// <summary>Staff mark an elector present at the meeting (rule sets that count those present).</summary>
    public void MarkPresent(VoteElector elector, DateTime atUtc, string byUserId)
    {
        if (!_present.Add(elector.Key)) return;
        _db.VotePresences.Add(new VotePresence { VoteId = Vote.Id, ElectorKey = elector.Key, MarkedAtUtc = atUtc, MarkedByUserId = byUserId });
    }

    /// <summary>One named ballot on a motion (<see cref="BallotQuestion.Agree"/>, …), as <see cref="VoteService.CastAsync"/> stores it.</summary>
    public void Cast(VoteElector elector, int choice, BallotChannel channel, DateTime atUtc, string recordedByUserId)
    {
        if (Vote.Secrecy != Secrecy.Named) throw new InvalidOperationException("The demo casts named ballots only.");
        if (channel is BallotChannel.Paper or BallotChannel.DoorToDoor or BallotChannel.Proxy)
            throw new InvalidOperationException("Demo ballots take channels that need no evidence file.");
        _db.VoteParticipations.Add(new Participation
        {
            VoteId = Vote.Id, ElectorKey = elector.Key, Channel = channel, CastAtUtc = atUtc, RecordedByUserId = recordedByUserId,
        });
        _db.NamedBallots.Add(new NamedBallot { VoteId = Vote.Id, ElectorKey = elector.Key, Choices = BallotChoices.Encode([choice]) });
        if (Vote.RuleSet.NeedsAttendance) MarkPresent(elector, atUtc, recordedByUserId);
    }

    /// <summary>Stores what was cast so far (the roll page and the live tally read it).</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        Vote.TakeEvents();
        await _db.SaveChangesAsync(ct);
    }

    /// <summary>Closes at <paramref name="atUtc"/> with the verdict counted from the stored roll, presence and ballots.</summary>
    public async Task CloseAsync(DateTime atUtc, CancellationToken ct)
    {
        await SaveAsync(ct);
        if (Vote.Close(atUtc) is { } error) throw new InvalidOperationException($"Demo vote '{Vote.Title}' not closed: {error}");
        Vote.RecordVerdict(await VoteService.CountAsync(_db, Vote, ct));
        await SaveAsync(ct);
    }
}

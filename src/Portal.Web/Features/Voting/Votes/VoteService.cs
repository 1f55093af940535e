using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// Votes through the unit of work (decision 0023): the secretary drafts a vote, opens it (the roll is frozen from the
/// directory, <see cref="VoteRoll"/>), ballots come in on every channel (<see cref="CastAsync"/>, one per elector — the
/// database decides), and the vote closes by hand or at its deadline (<see cref="VoteCloser"/>) with the engine's
/// verdict stored. Rights from <see cref="VotingAccess"/> on every call; refusals are <see cref="VotingText"/> keys.
/// Scoped.
/// </summary>
public sealed partial class VoteService(
    IDbContextFactory<PortalDbContext> dbFactory,
    UnitOfWork work,
    CallerScope callers,
    TimeProvider clock,
    AttachmentStore files,
    BallotWriter writer,
    OpenVotes openVotes)
{
    public const string NotFound = "Vote.Error.NotFound";
    public const string MayNotManage = "Vote.Error.MayNotManage";
    public const string UnknownRuleSet = "Vote.Error.UnknownRuleSet";
    public const string ScopeNotInCommunity = "Vote.Error.ScopeNotInCommunity";
    public const string NotDue = "Vote.Error.NotDue";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static Message Text(string key, params object[] args) => Message.Of<VotingText>(key, args);

    private static CommandTexts Texts { get; } = CommandTexts.Common(Text(NotFound));

    /// <summary>A new draft vote of the community (its secretary or street administrator).</summary>
    public async Task<Result<VoteSummary>> CreateAsync(VoteForm form, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!VotingAccess.CanManage(caller, form.CommunityId)) return Result<VoteSummary>.NotAllowed(Text(MayNotManage));
        var (rules, refused) = await CheckFormAsync(form, ct);
        if (refused is not null) return Result<VoteSummary>.From(refused);
        return await work.AddAsync<Vote, VoteSummary>(
            c => VotingAccess.CanManage(c, form.CommunityId) ? null : Result.NotAllowed(Text(MayNotManage)),
            c =>
            {
                var (vote, error) = Vote.Draft(form.CommunityId, form.Scope, Settings(form, rules!), c.UserId!);
                return vote is not null ? Result<Vote>.Ok(vote) : Result<Vote>.Invalid(Text(error!));
            },
            ct: ct);
    }

    /// <summary>Changes a draft's question and settings (not its community or scope).</summary>
    public async Task<Result<VoteSummary>> ChangeAsync(int voteId, Guid version, VoteForm form, CancellationToken ct = default)
    {
        var (rules, refused) = await CheckFormAsync(form, ct);
        if (refused is not null) return Result<VoteSummary>.From(refused);
        return await work.ChangeAsync<Vote, VoteSummary>(
            (db, t) => db.Votes.SingleOrDefaultAsync(v => v.Id == voteId, t), version, Manager,
            (_, vote, _) => vote.CommunityId != form.CommunityId || vote.Scope != form.Scope
                ? Result.Invalid(Text(ScopeNotInCommunity))
                : Ruled(vote.Change(Settings(form, rules!))),
            v => Summary(v, true), Texts, ct: ct);
    }

    /// <summary>
    /// Opens a draft: the roll is frozen from the directory as it is now and stored with the vote, which never changes it.
    /// An empty roll, or a council vote in a community without exactly one council, is refused with nothing changed.
    /// </summary>
    public async Task<Result<VoteSummary>> OpenAsync(int voteId, Guid version, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        List<VoteElector> roll;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var vote = await read.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
            if (Manager(caller, vote) is { } refused) return Result<VoteSummary>.From(refused);
            if (vote!.Status != VoteStatus.Draft) return Result<VoteSummary>.Invalid(Text(Vote.NotDraft));
            var (frozen, error) = await VoteRoll.FreezeAsync(read, vote, DateOnly.FromDateTime(PortalTime.ToLocal(Now)), ct);
            if (error is not null) return Result<VoteSummary>.From(error);
            roll = frozen!;
        }
        return await work.ChangeAsync<Vote, VoteSummary>(
            (db, t) => db.Votes.SingleOrDefaultAsync(v => v.Id == voteId, t), version, Manager,
            (_, vote, db) =>
            {
                if (vote.Open(roll, Now) is { } error) return Result.Invalid(Text(error));
                db.VoteElectors.AddRange(roll);
                return null;
            },
            v => Summary(v, true), Texts, ct: ct);
    }

    /// <summary>
    /// For the vote's managers before opening a residents' (persons) vote: the names of the residents in scope whose birth
    /// date is not recorded, whom the roll counts as adults (decision 0032 §2) — to confirm, or to record their dates
    /// first. Empty for other counting bases; null when the caller may not manage the vote.
    /// </summary>
    public async Task<IReadOnlyList<string>?> UnconfirmedAgesAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (Manager(caller, vote) is not null) return null;
        return [.. (await VoteRoll.UnknownAgesAsync(db, vote!, ct)).Select(p => p.Name)];
    }

    /// <summary>The secretary closes an open vote before its deadline; the verdict is counted and stored with the close.</summary>
    public Task<Result<VoteSummary>> CloseAsync(int voteId, Guid version, CancellationToken ct = default) =>
        CloseAsync(voteId, version, Manager, ct);

    /// <summary>
    /// The portal closes a vote whose deadline has passed (<see cref="VoteCloser"/>, running as <see cref="Caller.System"/>);
    /// anyone else, or a vote not yet due, is refused.
    /// </summary>
    public Task<Result<VoteSummary>> CloseDueAsync(int voteId, Guid version, CancellationToken ct = default) =>
        CloseAsync(voteId, version, (caller, vote) => !caller.IsSystem ? Result.NotAllowed(Text(MayNotManage))
            : vote.ClosesAtUtc > Now ? Result.Invalid(Text(NotDue)) : null, ct);

    private async Task<Result<VoteSummary>> CloseAsync(int voteId, Guid version, Func<Caller, Vote, Result?> allow, CancellationToken ct)
    {
        var closed = await work.ChangeAsync<Vote, VoteSummary>(
            (db, t) => db.Votes.SingleOrDefaultAsync(v => v.Id == voteId, t), version, allow,
            (_, vote, _) => Ruled(vote.Close(Now)),
            v => Summary(v, true), Texts,
            // The close's UPDATE has taken the vote's row before the ballots are read: a cast in flight holds the row
            // (FOR SHARE, see CastAsync) until it commits, and every later cast finds the vote closed. So the count is
            // of exactly the ballots stored up to the close.
            within: async (_, vote, db, t) =>
            {
                if (db.Database.IsNpgsql()) await BallotSeal.ResealAsync(db, vote.Id, t);
                vote.RecordVerdict(await CountAsync(db, vote, t));
            },
            ct: ct);
        // Casts on this node find it closed before they queue (the writer would refuse them anyway).
        if (closed.Succeeded)
        {
            openVotes.Forget(voteId);
            writer.Retire(voteId);
        }
        return closed;
    }

    /// <summary>Counts a vote by its rule set from what is stored: the roll, presence, and the ballots.</summary>
    internal static async Task<Verdict> CountAsync(PortalDbContext db, Vote vote, CancellationToken ct)
    {
        var electors = await db.VoteElectors.AsNoTracking().Where(e => e.VoteId == vote.Id).OrderBy(e => e.Id)
            .Select(e => new Elector(e.Key, e.Area)).ToListAsync(ct);
        IReadOnlyCollection<string>? present = vote.RuleSet.NeedsAttendance
            ? await db.VotePresences.AsNoTracking().Where(p => p.VoteId == vote.Id).Select(p => p.ElectorKey).ToListAsync(ct)
            : null;
        List<Ballot> ballots;
        if (vote.Secrecy == Secrecy.Named)
        {
            var named = await db.NamedBallots.AsNoTracking().Where(b => b.VoteId == vote.Id).OrderBy(b => b.Id)
                .Select(b => new { b.ElectorKey, b.Choices }).ToListAsync(ct);
            ballots = [.. named.Select(b => new Ballot(b.ElectorKey, BallotChoices.Decode(b.Choices)))];
        }
        else
        {
            // Secret votes count headcount only (Vote.CanBeSecret): every participant weighs the same, so pairing the
            // participants with the ballots in any order gives the same verdict. The pairing is made here, in memory,
            // and thrown away; it is no statement of who cast which ballot.
            var participants = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == vote.Id)
                .Select(p => p.ElectorKey).ToListAsync(ct);
            var secret = await db.SecretBallots.AsNoTracking().Where(b => b.VoteId == vote.Id).Select(b => b.Choices).ToListAsync(ct);
            if (participants.Count != secret.Count)
                throw new InvalidOperationException($"Vote {vote.Id}: {participants.Count} participations but {secret.Count} secret ballots.");
            ballots = [.. participants.Order(StringComparer.Ordinal).Zip(secret, (key, choices) => new Ballot(key, BallotChoices.Decode(choices)))];
        }
        var result = DecisionEngine.Count(vote.RuleSet, new TallyInput(electors, present, vote.Question, ballots));
        return result.Verdict ?? throw new InvalidOperationException($"Vote {vote.Id} cannot be counted: {result.ErrorCode} ({result.Subject}).");
    }

    /// <summary>
    /// The rule set the form names, as the community uses it now (its current stored version, decision 0032 §6: a vote
    /// keeps the version it was drafted with however the rules are edited later), once the scope is found in the community.
    /// </summary>
    private async Task<(RuleSet? Rules, Result? Refused)> CheckFormAsync(VoteForm form, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await UsableRuleSets.CurrentAsync(db, form.CommunityId, form.RuleSetCode ?? "", ct) is not { } rules)
            return (null, Result.Invalid(nameof(VoteForm.RuleSetCode), Text(UnknownRuleSet)));
        return await VoteRoll.ScopeIsInCommunityAsync(db, form.CommunityId, form.Scope, ct)
            ? (rules, null)
            : (null, Result.Invalid(nameof(VoteForm.Scope), Text(ScopeNotInCommunity)));
    }

    private static VoteSettings Settings(VoteForm f, RuleSet rules) =>
        new(f.Title, f.Kind, f.Options, f.MaxChoices, rules, f.Secrecy, f.Channels, f.OpensAtUtc, f.ClosesAtUtc);

    /// <summary>Allow step: the vote's managers; a vote the caller cannot see is "not found", so ids cannot be probed.</summary>
    private static Result? Manager(Caller caller, Vote? vote) =>
        vote is null || !VotingAccess.CanView(caller, vote) ? Result.NotFound(Text(NotFound))
        : !VotingAccess.CanManage(caller, vote) ? Result.NotAllowed(Text(MayNotManage))
        : null;

    private static Result? Ruled(string? error) => error is null ? null : Result.Invalid(Text(error));

    internal static VoteSummary Summary(Vote v, bool canManage) => new(v.Id, v.CommunityId, v.Scope, v.Title, v.QuestionKind, v.Options,
        v.MaxChoices, v.RuleSetName, v.Secrecy, v.Channels, v.OpensAtUtc, v.ClosesAtUtc, v.Status, v.Version, canManage);
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes;

public sealed partial class VoteService
{
    public const string ChannelNotAllowed = "Vote.Error.ChannelNotAllowed";
    public const string NotOnRoll = "Vote.Error.NotOnRoll";
    public const string MayNotRecord = "Vote.Error.MayNotRecord";
    public const string ElectorNotFound = "Vote.Error.ElectorNotFound";
    public const string ElectorRequired = "Vote.Error.ElectorRequired";
    public const string PaperNumberRequired = "Vote.Error.PaperNumberRequired";
    public const string PaperNumberTooLong = "Vote.Error.PaperNumberTooLong";
    public const string PaperNumberTaken = "Vote.Error.PaperNumberTaken";
    public const string EvidenceRequired = "Vote.Error.EvidenceRequired";
    public const string ProxyHolderRequired = "Vote.Error.ProxyHolderRequired";
    public const string AlreadyVoted = "Vote.Error.AlreadyVoted";

    /// <summary>The key of a channel's name in <see cref="VotingText"/>.</summary>
    public static string ChannelKey(BallotChannel channel) => "Channel." + channel;

    /// <summary>
    /// Casts one ballot on any channel. The checks run here for this caller; the participation (who, when, how) and the
    /// ballot (what; for a secret vote with a receipt code and no elector) are then stored by the vote's
    /// <see cref="BallotWriter"/> in one transaction with the casts that came in meanwhile, which lets exactly one
    /// attempt per elector through, on any channels (the unique index (vote, elector) stands behind it). A second attempt
    /// is refused with when and how the first was cast ("已于 10:32 通过纸质票投票"), nothing stored.
    /// </summary>
    public async Task<Result<CastReceipt>> CastAsync(CastCommand command, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        // An open vote and its frozen roll come from memory (decision 0038): a cast reads only who the caller is.
        var (vote, roll) = await openVotes.GetAsync(command.VoteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return Result<CastReceipt>.NotFound(Text(NotFound));
        if (vote.AcceptsBallotsAt(Now) is { } closed) return Result<CastReceipt>.Invalid(Text(closed));
        if (!Enum.IsDefined(command.Channel) || !vote.Channels.Accepts(command.Channel))
            return Result<CastReceipt>.Invalid(nameof(CastCommand.Channel), Text(ChannelNotAllowed));
        if (DecisionEngine.CheckChoices(vote.Question, command.Choices ?? []) is { } choiceError)
            return Result<CastReceipt>.Invalid(nameof(CastCommand.Choices), Text(choiceError));
        if (roll is null) return Result<CastReceipt>.Invalid(Text(Vote.NotOpen));

        var byStaff = command.Channel is BallotChannel.Paper or BallotChannel.DoorToDoor or BallotChannel.Proxy
                      || (command.Channel == BallotChannel.OnSite && command.ElectorId is not null);
        VoteElector? elector;
        if (byStaff)
        {
            if (command.ElectorId is not { } electorId) return Result<CastReceipt>.Invalid(nameof(CastCommand.ElectorId), Text(ElectorRequired));
            elector = roll.Row(electorId);
            if (elector is null) return Result<CastReceipt>.NotFound(Text(ElectorNotFound));
            if (!VotingAccess.CanRecordFor(caller, vote, elector)) return Result<CastReceipt>.NotAllowed(Text(MayNotRecord));
        }
        else
        {
            await using var read = await dbFactory.CreateDbContextAsync(ct);
            elector = await OwnRowAsync(read, caller, vote.Id, ct, roll);
            if (elector is null) return Result<CastReceipt>.NotAllowed(Text(NotOnRoll));
        }
        if (Evidence(command) is { } missing) return Result<CastReceipt>.Invalid(missing.Field, missing.Message);

        // The evidence is stored before the write (the participation names it) and deleted again if the ballot is not.
        var evidence = NeedsEvidence(command.Channel) ? command.Evidence : null;
        string? stored = null;
        if (evidence is not null)
        {
            if (AttachmentStore.Problem([evidence]) is { } problem) return Result<CastReceipt>.Invalid(nameof(CastCommand.Evidence), problem);
            stored = AttachmentStore.NewStoredName(AttachmentStore.Check(evidence).DisplayName);
            await files.WriteAsync(stored, evidence.Content, ct);
        }
        // The write, with the check for an earlier ballot, is the vote's writer's: it stores the casts that queued meanwhile
        // in one transaction (decision 0037). Whether the evidence stays is decided by the writer's answer, not by whether
        // this caller is still waiting for it.
        var answer = writer.WriteAsync(new PendingCast(vote, elector, command, BallotChoices.Encode(command.Choices!), stored, caller, Now, ct));
        try
        {
            return await answer.WaitAsync(ct);
        }
        finally
        {
            if (stored is not null) DeleteUnlessStored(answer, stored);
        }
    }

    /// <summary>
    /// Deletes the cast's evidence file unless its ballot was stored: now when the writer has answered, else once it does
    /// (a caller who stopped waiting may still have had the ballot stored, which names the file).
    /// </summary>
    private void DeleteUnlessStored(Task<Result<CastReceipt>> answer, string file)
    {
        if (answer.IsCompleted)
        {
            if (answer is not { IsCompletedSuccessfully: true, Result.Succeeded: true }) files.Delete(file);
            return;
        }
        _ = answer.ContinueWith(t => DeleteUnlessStored(t, file), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The refusal of a second ballot: when (local time) and through which channel the first was cast.</summary>
    internal static async Task<Result<CastReceipt>?> FirstBallotAsync(PortalDbContext db, int voteId, string electorKey, CancellationToken ct)
    {
        var first = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == voteId && p.ElectorKey == electorKey)
            .Select(p => new { p.CastAtUtc, p.Channel }).SingleOrDefaultAsync(ct);
        return first is null ? null : AlreadyVotedAt(first.CastAtUtc, first.Channel);
    }

    /// <summary>The refusal of a second ballot when the first was cast at <paramref name="castAtUtc"/> through <paramref name="channel"/>.</summary>
    internal static Result<CastReceipt> AlreadyVotedAt(DateTime castAtUtc, BallotChannel channel) =>
        Result<CastReceipt>.From(Result.Conflict(Text(AlreadyVoted, PortalTime.ToLocal(castAtUtc).ToString("HH:mm"), Text(ChannelKey(channel)))));

    /// <summary>
    /// Inside the cast's transaction: the vote is still open, and stays so until the cast commits. PostgreSQL: a shared
    /// row lock, which the close's UPDATE waits for (casts do not wait for each other). SQLite: the transaction holds the
    /// database's write lock already, so a close cannot come between.
    /// </summary>
    internal static async Task HoldOpenVoteAsync(PortalDbContext db, int voteId, CancellationToken ct)
    {
        var status = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<int>($"""SELECT "Status" AS "Value" FROM "Votes" WHERE "Id" = {voteId} FOR SHARE""").ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""SELECT "Status" AS "Value" FROM "Votes" WHERE "Id" = {voteId}""").ToListAsync(ct);
        if (status is not [(int)VoteStatus.Open]) throw new VoteNoLongerOpenException();
    }

    internal sealed class VoteNoLongerOpenException : Exception;

    /// <summary>The first key of the advisory lock under which a vote's casts count their turnout (PostgreSQL).</summary>
    internal const int TurnoutLockSpace = 13_0001;

    /// <summary>
    /// Headcount and area of those who took part so far. Every cast counts it, so the headcount is a COUNT in the database
    /// rather than the rows read back (which made each cast O(n) in the ballots so far); only owners' electors carry an
    /// area, which is summed here because SQLite cannot sum the decimal column.
    /// </summary>
    internal static async Task<(int Participants, decimal Area)> TurnoutOfAsync(PortalDbContext db, Vote vote, CancellationToken ct)
    {
        var voteId = vote.Id;
        if (vote.RuleSet.CountingBase != CountingBase.OwnersByAreaAndHeadcount)
            return (await db.VoteParticipations.CountAsync(p => p.VoteId == voteId, ct), 0m);
        var rows = await (from p in db.VoteParticipations
                          join e in db.VoteElectors on new { p.VoteId, Key = p.ElectorKey } equals new { e.VoteId, e.Key }
                          where p.VoteId == voteId
                          select e.Area).ToListAsync(ct);
        return (rows.Count, rows.Sum());
    }

    /// <summary>The channels recorded with a file: the paper's scan, the signature photo, the written authorization.</summary>
    private static bool NeedsEvidence(BallotChannel channel) => channel is BallotChannel.Paper or BallotChannel.DoorToDoor or BallotChannel.Proxy;

    /// <summary>What the channel needs besides the choice: the paper's number, the proxy holder, and the evidence file.</summary>
    private static Problem? Evidence(CastCommand c)
    {
        if (c.Channel == BallotChannel.Paper)
        {
            var number = c.PaperNumber?.Trim() ?? "";
            if (number.Length == 0) return new Problem(nameof(CastCommand.PaperNumber), Text(PaperNumberRequired));
            if (number.Length > Participation.MaxPaperNumber) return new Problem(nameof(CastCommand.PaperNumber), Text(PaperNumberTooLong));
        }
        if (c.Channel == BallotChannel.Proxy && (c.ProxyHolder?.Trim() ?? "") is { Length: 0 or > Participation.MaxProxyHolder })
            return new Problem(nameof(CastCommand.ProxyHolder), Text(ProxyHolderRequired));
        return NeedsEvidence(c.Channel) && c.Evidence is null ? new Problem(nameof(CastCommand.Evidence), Text(EvidenceRequired)) : null;
    }

    /// <summary>
    /// The caller's own row on the roll, from their linked person: the person's row, their household's row (a household
    /// vote), or the row of an owner record that names them. Never from anything the client sends. From an open vote's
    /// <paramref name="roll"/> in memory when given (the person's household and owner records are read only when the roll
    /// lists any), else from the database.
    /// </summary>
    private static async Task<VoteElector?> OwnRowAsync(PortalDbContext db, Caller caller, int voteId, CancellationToken ct, FrozenRoll? roll = null)
    {
        if (!caller.IsSignedIn || caller.PersonId is not { } personId) return null;
        int? household = null;
        IReadOnlyCollection<int> owners = [];
        if (roll is not { ListsHouseholdsOrOwners: false })
        {
            household = await db.People.Where(p => p.Id == personId).Select(p => p.HouseholdId).SingleOrDefaultAsync(ct);
            owners = await db.Owners.Where(o => o.PersonId == personId).Select(o => o.Id).ToListAsync(ct);
        }
        IEnumerable<VoteElector> candidates;
        if (roll is not null) candidates = roll.RowsOf(personId, household, owners);
        else
        {
            // One branch per way of being on the roll, joined by UNION ALL, so each is found through its own index; in one
            // condition with OR the databases scanned all of the vote's electors for every cast (O(n) per ballot).
            IQueryable<VoteElector> RowsOfVote() => db.VoteElectors.AsNoTracking().Where(e => e.VoteId == voteId);
            var query = RowsOfVote().Where(e => e.PersonId == personId);
            if (household is { } h) query = query.Concat(RowsOfVote().Where(e => e.HouseholdId == h));
            if (owners.Count > 0) query = query.Concat(RowsOfVote().Where(e => e.OwnerId != null && owners.Contains(e.OwnerId.Value)));
            candidates = await query.ToListAsync(ct);
        }
        return candidates.OrderBy(e => e.Id).FirstOrDefault(e => VotingAccess.IsOwnRow(caller, e, household, owners));
    }
}

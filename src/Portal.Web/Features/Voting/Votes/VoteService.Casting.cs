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
    /// Casts one ballot on any channel. The participation (who, when, how) and the ballot (what; for a secret vote with a
    /// receipt code and no elector) are stored in one transaction; the unique index (vote, elector) lets exactly one of
    /// two concurrent attempts for the same elector through, on any channels. A second attempt is refused with when and
    /// how the first was cast ("已于 10:32 通过纸质票投票"), nothing stored.
    /// </summary>
    public async Task<Result<CastReceipt>> CastAsync(CastCommand command, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var vote = await read.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == command.VoteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return Result<CastReceipt>.NotFound(Text(NotFound));
        if (vote.AcceptsBallotsAt(Now) is { } closed) return Result<CastReceipt>.Invalid(Text(closed));
        if (!Enum.IsDefined(command.Channel) || !vote.Channels.Accepts(command.Channel))
            return Result<CastReceipt>.Invalid(nameof(CastCommand.Channel), Text(ChannelNotAllowed));
        if (DecisionEngine.CheckChoices(vote.Question, command.Choices ?? []) is { } choiceError)
            return Result<CastReceipt>.Invalid(nameof(CastCommand.Choices), Text(choiceError));

        var byStaff = command.Channel is BallotChannel.Paper or BallotChannel.DoorToDoor or BallotChannel.Proxy
                      || (command.Channel == BallotChannel.OnSite && command.ElectorId is not null);
        VoteElector? elector;
        if (byStaff)
        {
            if (command.ElectorId is not { } electorId) return Result<CastReceipt>.Invalid(nameof(CastCommand.ElectorId), Text(ElectorRequired));
            elector = await read.VoteElectors.AsNoTracking().SingleOrDefaultAsync(e => e.Id == electorId && e.VoteId == vote.Id, ct);
            if (elector is null) return Result<CastReceipt>.NotFound(Text(ElectorNotFound));
            if (!VotingAccess.CanRecordFor(caller, vote, elector)) return Result<CastReceipt>.NotAllowed(Text(MayNotRecord));
        }
        else
        {
            elector = await OwnRowAsync(read, caller, vote.Id, ct);
            if (elector is null) return Result<CastReceipt>.NotAllowed(Text(NotOnRoll));
        }
        if (Evidence(command) is { } missing) return Result<CastReceipt>.Invalid(missing.Field, missing.Message);

        if (await FirstBallotAsync(read, vote.Id, elector.Key, ct) is { } first) return first;

        // The evidence is stored before the save (the participation names it) and deleted again if the save is refused.
        var evidence = NeedsEvidence(command.Channel) ? command.Evidence : null;
        string? stored = null;
        if (evidence is not null)
        {
            if (AttachmentStore.Problem([evidence]) is { } problem) return Result<CastReceipt>.Invalid(nameof(CastCommand.Evidence), problem);
            stored = AttachmentStore.NewStoredName(AttachmentStore.Check(evidence).DisplayName);
            await files.WriteAsync(stored, evidence.Content, ct);
        }
        var kept = false;
        try
        {
            var cast = await StoreBallotAsync(command, vote, elector, stored, ct);
            kept = cast.Succeeded;
            return cast;
        }
        finally
        {
            if (stored is not null && !kept) files.Delete(stored);
        }
    }

    private async Task<Result<CastReceipt>> StoreBallotAsync(CastCommand command, Vote vote, VoteElector elector, string? evidenceFile, CancellationToken ct)
    {
        var choices = BallotChoices.Encode(command.Choices!);
        var receipt = vote.Secrecy == Secrecy.Secret ? SecretBallot.NewReceiptCode() : null;
        var castAt = Now;
        try
        {
            var result = await work.AddAsync<Participation, CastReceipt>(
                _ => null, // the rights were checked above for this caller and elector
                c => Result<Participation>.Ok(new Participation
                {
                    VoteId = vote.Id, ElectorKey = elector.Key, Channel = command.Channel, CastAtUtc = castAt, RecordedByUserId = c.UserId!,
                    PaperNumber = command.Channel == BallotChannel.Paper ? command.PaperNumber!.Trim() : null,
                    EvidenceFile = evidenceFile,
                    ProxyHolder = command.Channel == BallotChannel.Proxy ? command.ProxyHolder!.Trim() : null,
                }),
                within: async (_, participation, db, t) =>
                {
                    await HoldOpenVoteAsync(db, vote.Id, t);
                    if (receipt is null) db.NamedBallots.Add(new NamedBallot { VoteId = vote.Id, ElectorKey = elector.Key, Choices = choices });
                    else db.SecretBallots.Add(new SecretBallot { VoteId = vote.Id, Choices = choices, ReceiptCode = receipt });
                    // Rule sets that count those present: whoever casts a ballot at the meeting is present.
                    if (vote.RuleSet.NeedsAttendance && !await IsPresentAsync(db, vote.Id, elector.Key, t))
                        db.VotePresences.Add(new VotePresence { VoteId = vote.Id, ElectorKey = elector.Key, MarkedAtUtc = castAt, MarkedByUserId = participation.RecordedByUserId });
                    await db.SaveChangesAsync(t);
                    // PostgreSQL: the casts of a vote count their turnout one after the other, each up to its commit, so the
                    // figure each one announces includes every ballot committed before it and the last one announces them all
                    // (two counting at once would each miss the other, and the page would stay short until reloaded). Taken
                    // after this cast's writes, so its holder waits for nothing else. SQLite's write lock does this already.
                    if (db.Database.IsNpgsql())
                        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TurnoutLockSpace}, {vote.Id})", t);
                    var turnout = await TurnoutOfAsync(db, vote, t);
                    participation.Announce(turnout.Participants, turnout.Area);
                },
                // A secret ballot shares its participation's transaction id until the vote's next re-seal (BallotSeal).
                after: vote.Secrecy == Secrecy.Secret
                    ? (_, _, db, _) =>
                    {
                        if (db.Database.IsNpgsql()) seal.Enqueue(vote.Id);
                        return Task.CompletedTask;
                    }
                    : null,
                ct: ct);
            return result.Succeeded ? Result<CastReceipt>.Ok(new CastReceipt(castAt, receipt), result.Id) : result;
        }
        catch (VoteNoLongerOpenException)
        {
            return Result<CastReceipt>.Invalid(Text(Vote.NotOpen));
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique index answered: another channel was first for this elector, or the paper number is used.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            if (await FirstBallotAsync(again, vote.Id, elector.Key, ct) is { } firstMeanwhile) return firstMeanwhile;
            if (command.Channel == BallotChannel.Paper
                && await again.VoteParticipations.AnyAsync(p => p.VoteId == vote.Id && p.PaperNumber == command.PaperNumber!.Trim(), ct))
                return Result<CastReceipt>.Invalid(nameof(CastCommand.PaperNumber), Text(PaperNumberTaken));
            logger.LogError(ex, "Casting a ballot in vote {VoteId} failed", vote.Id);
            throw;
        }
    }

    /// <summary>The refusal of a second ballot: when (local time) and through which channel the first was cast.</summary>
    private static async Task<Result<CastReceipt>?> FirstBallotAsync(PortalDbContext db, int voteId, string electorKey, CancellationToken ct)
    {
        var first = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == voteId && p.ElectorKey == electorKey)
            .Select(p => new { p.CastAtUtc, p.Channel }).SingleOrDefaultAsync(ct);
        return first is null
            ? null
            : Result<CastReceipt>.From(Result.Conflict(Text(AlreadyVoted, PortalTime.ToLocal(first.CastAtUtc).ToString("HH:mm"), Text(ChannelKey(first.Channel)))));
    }

    /// <summary>
    /// Inside the cast's transaction: the vote is still open, and stays so until the cast commits. PostgreSQL: a shared
    /// row lock, which the close's UPDATE waits for (casts do not wait for each other). SQLite: the transaction holds the
    /// database's write lock already, so a close cannot come between.
    /// </summary>
    private static async Task HoldOpenVoteAsync(PortalDbContext db, int voteId, CancellationToken ct)
    {
        var status = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<int>($"""SELECT "Status" AS "Value" FROM "Votes" WHERE "Id" = {voteId} FOR SHARE""").ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""SELECT "Status" AS "Value" FROM "Votes" WHERE "Id" = {voteId}""").ToListAsync(ct);
        if (status is not [(int)VoteStatus.Open]) throw new VoteNoLongerOpenException();
    }

    private sealed class VoteNoLongerOpenException : Exception;

    /// <summary>The first key of the advisory lock under which a vote's casts count their turnout (PostgreSQL).</summary>
    private const int TurnoutLockSpace = 13_0001;

    /// <summary>
    /// Headcount and area of those who took part so far. Every cast counts it, so the headcount is a COUNT in the database
    /// rather than the rows read back (which made each cast O(n) in the ballots so far); only owners' electors carry an
    /// area, which is summed here because SQLite cannot sum the decimal column.
    /// </summary>
    private static async Task<(int Participants, decimal Area)> TurnoutOfAsync(PortalDbContext db, Vote vote, CancellationToken ct)
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
    /// vote), or the row of an owner record that names them. Never from anything the client sends.
    /// </summary>
    private static async Task<VoteElector?> OwnRowAsync(PortalDbContext db, Caller caller, int voteId, CancellationToken ct)
    {
        if (!caller.IsSignedIn || caller.PersonId is not { } personId) return null;
        var household = await db.People.Where(p => p.Id == personId).Select(p => p.HouseholdId).SingleOrDefaultAsync(ct);
        var owners = await db.Owners.Where(o => o.PersonId == personId).Select(o => o.Id).ToListAsync(ct);
        var candidates = await db.VoteElectors.AsNoTracking()
            .Where(e => e.VoteId == voteId && (e.PersonId == personId || (household != null && e.HouseholdId == household) || (e.OwnerId != null && owners.Contains(e.OwnerId.Value))))
            .OrderBy(e => e.Id).ToListAsync(ct);
        return candidates.FirstOrDefault(e => VotingAccess.IsOwnRow(caller, e, household, owners));
    }
}

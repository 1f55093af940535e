using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Data.Audit;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// A cast that <see cref="VoteService.CastAsync"/> has checked (rights, open, channel, choices, roll row, evidence) and
/// hands to its vote's <see cref="BallotWriter"/>: what to store and for whom, and where the answer goes.
/// </summary>
internal sealed class PendingCast(Vote vote, VoteElector elector, CastCommand command, string choices, string? evidenceFile,
    Caller caller, DateTime castAtUtc, CancellationToken callerGone)
{
    public Vote Vote { get; } = vote;
    public string ElectorKey { get; } = elector.Key;
    public CastCommand Command { get; } = command;
    public string Choices { get; } = choices;
    public string? EvidenceFile { get; } = evidenceFile;
    public Caller Caller { get; } = caller;
    public DateTime CastAtUtc { get; } = castAtUtc;

    /// <summary>The caller stopped waiting: a cast not yet written is dropped rather than stored for nobody.</summary>
    public CancellationToken CallerGone { get; } = callerGone;

    public string? PaperNumber { get; } = command.Channel == BallotChannel.Paper ? command.PaperNumber!.Trim() : null;

    /// <summary>A secret vote's receipt, made here so that the answer and the stored ballot carry the same one.</summary>
    public string? Receipt { get; } = vote.Secrecy == Secrecy.Secret ? SecretBallot.NewReceiptCode() : null;

    /// <summary>Completed by the writer once, after the batch's commit (or its failure); never on the writer's own thread.</summary>
    public TaskCompletionSource<Result<CastReceipt>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit of ballots (decision 0037): the casts of a vote queue here, and one loop per vote stores what has queued
/// since its last write — up to <see cref="MaxBatch"/> casts — in ONE transaction: the vote still open, one ballot per
/// elector (the first cast of the batch or a stored one wins, the others are answered "already voted" with the winner's
/// time and channel, as the unique index answered one cast at a time), paper numbers once, participations, ballots and
/// presences inserted together, the audit trail naming each cast's own caller, and the turnout counted and announced
/// once per batch (one live event). A lone cast is written at once; under load the batches grow by themselves while the
/// previous one commits, so a commit carries many ballots instead of one.
/// <para>
/// Errors: a batch that fails at the unique indexes (another node's cast, a presence signed in meanwhile) is written again
/// cast by cast, each answered as before; any other failure answers every cast of the batch with it, never with success.
/// A caller who stops waiting does not stop the batch (the others still get their answers); their cast, if not yet
/// written, is dropped. Singleton.
/// </para>
/// </summary>
public sealed class BallotWriter(
    IDbContextFactory<PortalDbContext> dbFactory,
    BallotSeal seal,
    OpenVotes openVotes,
    IConfiguration configuration,
    ILogger<BallotWriter> logger) : IAsyncDisposable
{
    /// <summary>The most casts one transaction stores.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<int, VoteQueue> _queues = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// How long a loop waits after the first cast of a batch for more to join (Voting:BallotLingerMilliseconds, default
    /// 0: none — under load a batch fills while the previous one is written; tests use it to make a batch certain).
    /// </summary>
    private readonly TimeSpan _linger = TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue("Voting:BallotLingerMilliseconds", 0)));

    /// <summary>Queues the cast for its vote's next batch; the task ends with its answer (or the batch's failure).</summary>
    internal Task<Result<CastReceipt>> WriteAsync(PendingCast cast)
    {
        while (!_stopping.IsCancellationRequested)
        {
            var queue = _queues.GetOrAdd(cast.Vote.Id, _ => new VoteQueue());
            if (queue.Casts.Writer.TryWrite(cast))
            {
                queue.EnsureRunning(() => RunAsync(queue, _stopping.Token));
                return cast.Answer.Task;
            }
            // That queue was retired (its vote closed) after this cast found it: a fresh one writes it (and refuses it).
            _queues.TryRemove(KeyValuePair.Create(cast.Vote.Id, queue));
        }
        return Task.FromCanceled<Result<CastReceipt>>(_stopping.Token);
    }

    /// <summary>
    /// The vote is closed: its queue takes no more casts, its loop answers what is queued (refused: the vote is closed)
    /// and ends, and the queue is dropped, so closed votes do not keep a queue each for the portal's lifetime.
    /// </summary>
    public void Retire(int voteId)
    {
        if (_queues.TryRemove(voteId, out var queue)) queue.Casts.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var queue in _queues.Values)
        {
            queue.Casts.Writer.TryComplete();
            if (queue.Loop is { } loop) await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (queue.Casts.Reader.TryRead(out var left)) left.Answer.TrySetCanceled(_stopping.Token);
        }
        _stopping.Dispose();
    }

    private sealed class VoteQueue
    {
        public Channel<PendingCast> Casts { get; } = Channel.CreateUnbounded<PendingCast>(new UnboundedChannelOptions { SingleReader = true });

        public Task? Loop { get; private set; }

        private int _started;

        /// <summary>
        /// Starts the vote's loop once. Without the first caller's execution context: the loop writes for everyone, and
        /// must not carry one caller's ambient user (the audit trail's fallback) into the others' ballots.
        /// </summary>
        public void EnsureRunning(Func<Task> run)
        {
            if (Interlocked.CompareExchange(ref _started, 1, 0) != 0) return;
            using (ExecutionContext.SuppressFlow()) Loop = Task.Run(run);
        }
    }

    private async Task RunAsync(VoteQueue queue, CancellationToken stopping)
    {
        var reader = queue.Casts.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                if (_linger > TimeSpan.Zero) await Task.Delay(_linger, stopping);
                var batch = new List<PendingCast>();
                while (batch.Count < MaxBatch && reader.TryRead(out var cast))
                {
                    if (cast.CallerGone.IsCancellationRequested) cast.Answer.TrySetCanceled(cast.CallerGone);
                    else batch.Add(cast);
                }
                if (batch.Count > 0) await WriteBatchAsync(batch, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The portal stops: what is left is answered as cancelled (a retired queue's too, which DisposeAsync no longer sees).
            while (reader.TryRead(out var left)) left.Answer.TrySetCanceled(stopping);
        }
    }

    /// <summary>Stores the batch and answers each cast; never throws (a failure is every cast's answer).</summary>
    private async Task WriteBatchAsync(IReadOnlyList<PendingCast> batch, CancellationToken stopping)
    {
        try
        {
            var answers = await StoreAsync(batch, stopping);
            for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(answers[i]);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && batch.Count > 1)
        {
            // A unique index refused a row this batch did not see coming (written by another node, or a presence signed in
            // meanwhile): nothing of the batch is stored, so each cast is written alone and answered as one cast always was.
            logger.LogInformation("A batch of {Count} ballots in vote {VoteId} met a concurrent write; writing them one by one", batch.Count, batch[0].Vote.Id);
            foreach (var cast in batch) await WriteBatchAsync([cast], stopping);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            var cast = batch[0];
            try
            {
                if (await RefusalAsync(cast, stopping) is { } refusal)
                {
                    cast.Answer.TrySetResult(refusal);
                    return;
                }
            }
            catch (Exception refusalFailed) when (refusalFailed is not OperationCanceledException)
            {
                logger.LogError(refusalFailed, "Reading why a ballot in vote {VoteId} was refused failed", cast.Vote.Id);
            }
            logger.LogError(ex, "Casting a ballot in vote {VoteId} failed", cast.Vote.Id);
            cast.Answer.TrySetException(ex);
        }
        catch (VoteService.VoteNoLongerOpenException)
        {
            // Closed by another node (or here, between the cast's check and this write): casts read it afresh from now on.
            openVotes.Forget(batch[0].Vote.Id);
            Retire(batch[0].Vote.Id);
            foreach (var cast in batch) cast.Answer.TrySetResult(Result<CastReceipt>.Invalid(VoteService.Text(Vote.NotOpen)));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            foreach (var cast in batch) cast.Answer.TrySetCanceled(stopping);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Storing {Count} ballots in vote {VoteId} failed", batch.Count, batch[0].Vote.Id);
            foreach (var cast in batch) cast.Answer.TrySetException(ex);
        }
    }

    /// <summary>
    /// One transaction for the batch. Returns each cast's answer, in order: stored (with its receipt), already voted, or
    /// the paper number taken. Throws <see cref="VoteService.VoteNoLongerOpenException"/> when the vote closed meanwhile.
    /// </summary>
    private async Task<Result<CastReceipt>[]> StoreAsync(IReadOnlyList<PendingCast> batch, CancellationToken ct)
    {
        var vote = batch[0].Vote;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Each row names the caller of its cast; the context's own actor (for anything else) is the system, never whoever
        // happened to start this loop.
        var actors = new Dictionary<object, IAuditActor>(ReferenceEqualityComparer.Instance);
        db.Actor = UnitOfWork.AuditActor(Caller.System);
        db.ActorOf = row => actors.GetValueOrDefault(row);
        // The batch is all or nothing: a failed statement rolls the transaction back, so no savepoint per save is needed.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await VoteService.HoldOpenVoteAsync(db, vote.Id, ct);

        var keys = batch.Select(c => c.ElectorKey).Distinct().ToList();
        var first = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == vote.Id && keys.Contains(p.ElectorKey))
            .Select(p => new { p.ElectorKey, p.CastAtUtc, p.Channel })
            .ToDictionaryAsync(p => p.ElectorKey, p => (p.CastAtUtc, p.Channel), StringComparer.Ordinal, ct);
        var papers = batch.Where(c => c.PaperNumber is not null).Select(c => c.PaperNumber!).Distinct().ToList();
        var usedPapers = papers.Count == 0 ? [] : (await db.VoteParticipations.AsNoTracking()
            .Where(p => p.VoteId == vote.Id && p.PaperNumber != null && papers.Contains(p.PaperNumber))
            .Select(p => p.PaperNumber!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        // Rule sets that count those present: whoever casts a ballot at the meeting is present.
        var present = vote.RuleSet.NeedsAttendance
            ? (await db.VotePresences.AsNoTracking().Where(p => p.VoteId == vote.Id && keys.Contains(p.ElectorKey))
                .Select(p => p.ElectorKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal)
            : null;

        var answers = new Result<CastReceipt>[batch.Count];
        var stored = new List<(int Index, Participation Row)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var cast = batch[i];
            if (first.TryGetValue(cast.ElectorKey, out var earlier))
            {
                answers[i] = VoteService.AlreadyVotedAt(earlier.CastAtUtc, earlier.Channel);
                continue;
            }
            if (cast.PaperNumber is { } paper && !usedPapers.Add(paper))
            {
                answers[i] = Result<CastReceipt>.Invalid(nameof(CastCommand.PaperNumber), VoteService.Text(VoteService.PaperNumberTaken));
                continue;
            }
            first[cast.ElectorKey] = (cast.CastAtUtc, cast.Command.Channel);
            var actor = UnitOfWork.AuditActor(cast.Caller);
            var participation = new Participation
            {
                VoteId = vote.Id, ElectorKey = cast.ElectorKey, Channel = cast.Command.Channel, CastAtUtc = cast.CastAtUtc,
                RecordedByUserId = cast.Caller.UserId!, PaperNumber = cast.PaperNumber, EvidenceFile = cast.EvidenceFile,
                ProxyHolder = cast.Command.Channel == BallotChannel.Proxy ? cast.Command.ProxyHolder!.Trim() : null,
            };
            db.VoteParticipations.Add(participation);
            actors[participation] = actor;
            if (cast.Receipt is null)
            {
                var ballot = new NamedBallot { VoteId = vote.Id, ElectorKey = cast.ElectorKey, Choices = cast.Choices };
                db.NamedBallots.Add(ballot);
                actors[ballot] = actor;
            }
            else db.SecretBallots.Add(new SecretBallot { VoteId = vote.Id, Choices = cast.Choices, ReceiptCode = cast.Receipt });
            if (present is not null && present.Add(cast.ElectorKey))
            {
                var presence = new VotePresence { VoteId = vote.Id, ElectorKey = cast.ElectorKey, MarkedAtUtc = cast.CastAtUtc, MarkedByUserId = cast.Caller.UserId! };
                db.VotePresences.Add(presence);
                actors[presence] = actor;
            }
            stored.Add((i, participation));
        }

        if (stored.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            // PostgreSQL: batches count their turnout one after the other, each up to its commit, so the figure each one
            // announces includes every ballot committed before it (batches of one vote from other nodes too). Taken after
            // this batch's writes, so its holder waits for nothing else. SQLite's write lock does this already.
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({VoteService.TurnoutLockSpace}, {vote.Id})", ct);
            var turnout = await VoteService.TurnoutOfAsync(db, vote, ct);
            // One live event per batch: the page needs the latest figure, not one per ballot.
            stored[^1].Row.Announce(turnout.Participants, turnout.Area);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);

        // A secret ballot shares its batch's transaction id until the vote's next re-seal (BallotSeal).
        if (vote.Secrecy == Secrecy.Secret && stored.Count > 0 && db.Database.IsNpgsql()) seal.Enqueue(vote.Id);
        foreach (var (index, row) in stored)
            answers[index] = Result<CastReceipt>.Ok(new CastReceipt(batch[index].CastAtUtc, batch[index].Receipt), row.Id);
        return answers;
    }

    /// <summary>
    /// After a lone cast met a unique index: another channel was first for this elector, or the paper number is used
    /// (null: neither, the failure was something else).
    /// </summary>
    private async Task<Result<CastReceipt>?> RefusalAsync(PendingCast cast, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await VoteService.FirstBallotAsync(db, cast.Vote.Id, cast.ElectorKey, ct) is { } first) return first;
        if (cast.PaperNumber is { } paper && await db.VoteParticipations.AnyAsync(p => p.VoteId == cast.Vote.Id && p.PaperNumber == paper, ct))
            return Result<CastReceipt>.Invalid(nameof(CastCommand.PaperNumber), VoteService.Text(VoteService.PaperNumberTaken));
        return null;
    }
}

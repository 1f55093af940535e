using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Kit.Jobs;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// PostgreSQL keeps, on every row, the id of the transaction that wrote it (xmin) and its place in the heap (ctid): a
/// secret ballot written in its participation's transaction shares its xmin, and ballots lie in the order they came in.
/// The re-seal rewrites all ballots of a vote in one statement, in random order with fresh random keys: afterwards they
/// share one xmin (the re-seal's) and their physical order is random (decision 0030).
/// <para>
/// The re-seal is a sweep, not a step of each cast: a cast that commits a secret ballot only marks its vote
/// (<see cref="Enqueue"/>, O(1)); every interval (Voting:SealIntervalSeconds, default 2) each marked vote is re-sealed
/// once, however many ballots came in meanwhile. A re-seal costs O(n) in the vote's ballots, so the cost per ballot is
/// n divided by the ballots of the interval — constant under load, where re-sealing after every ballot made a vote of n
/// ballots cost O(n²). A ballot can be joined through system columns from its commit to the end of the next sweep; the
/// close re-seals in its own transaction as before. The marks live in memory: after a restart the first round marks
/// every open secret vote, so a crash between a commit and the sweep leaves no ballot unsealed past the next start.
/// SQLite has no such columns (its ballots table is WITHOUT ROWID): nothing is marked there. Singleton.
/// </para>
/// </summary>
public sealed class BallotSeal(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<BallotSeal> logger) : PeriodicJob(clock, logger)
{
    private readonly ConcurrentDictionary<int, byte> _marked = new();
    private volatile bool _recovered;

    protected override TimeSpan Interval =>
        TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Voting:SealIntervalSeconds", 2.0)));

    /// <summary>The votes with secret ballots written since their last re-seal (for tests and the benchmark).</summary>
    public IReadOnlyCollection<int> Marked => [.. _marked.Keys];

    /// <summary>After a secret ballot of the vote committed on PostgreSQL: the next round re-seals the vote.</summary>
    public void Enqueue(int voteId) => _marked.TryAdd(voteId, 0);

    /// <summary>One round: re-seals every marked vote once. Returns how many votes were re-sealed.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!_recovered) await MarkOpenSecretVotesAsync(ct);
        var sealedVotes = 0;
        foreach (var voteId in _marked.Keys)
        {
            // Unmarked before the statement takes its snapshot: a ballot committing during the re-seal is either in the
            // snapshot (sealed now) or marks the vote again after its commit (sealed next round).
            if (!_marked.TryRemove(voteId, out _)) continue;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await ResealAsync(db, voteId, ct);
                sealedVotes++;
            }
            catch
            {
                _marked.TryAdd(voteId, 0);
                throw;
            }
        }
        return sealedVotes;
    }

    /// <summary>
    /// Rewrites the vote's secret ballots in one statement, in random order with fresh keys (PostgreSQL only; the close
    /// calls it inside its transaction).
    /// </summary>
    public static Task<int> ResealAsync(PortalDbContext db, int voteId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH sealed AS (
                DELETE FROM "SecretBallots" WHERE "VoteId" = {voteId}
                RETURNING "VoteId", "Choices", "ReceiptCode")
            INSERT INTO "SecretBallots" ("Id", "VoteId", "Choices", "ReceiptCode")
            SELECT gen_random_uuid(), "VoteId", "Choices", "ReceiptCode" FROM sealed ORDER BY random()
            """, ct);

    /// <summary>First round after a start: the marks of the previous process are lost, so every open secret vote is marked.</summary>
    private async Task MarkOpenSecretVotesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var open = await db.Votes.AsNoTracking().Where(v => v.Status == VoteStatus.Open && v.Secrecy == Secrecy.Secret)
                .Select(v => v.Id).ToListAsync(ct);
            foreach (var id in open) Enqueue(id);
        }
        _recovered = true;
    }
}

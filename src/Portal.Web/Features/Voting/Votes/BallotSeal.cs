using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>
/// PostgreSQL keeps, on every row, the id of the transaction that wrote it (xmin) and its place in the heap (ctid): a
/// secret ballot written in its participation's transaction shares its xmin, and ballots lie in the order they came in.
/// The re-seal rewrites all ballots of a vote in one statement, in random order with fresh random keys: afterwards they
/// share one xmin (the re-seal's) and their physical order is random. It runs right after each secret ballot commits
/// and once more when the vote closes; the window in which a ballot can be joined through system columns is between its
/// commit and the next re-seal (decision 0030). SQLite has no such columns: its ballots table is WITHOUT ROWID.
/// </summary>
internal static class BallotSeal
{
    public static Task<int> ResealAsync(PortalDbContext db, int voteId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH sealed AS (
                DELETE FROM "SecretBallots" WHERE "VoteId" = {voteId}
                RETURNING "VoteId", "Choices", "ReceiptCode")
            INSERT INTO "SecretBallots" ("Id", "VoteId", "Choices", "ReceiptCode")
            SELECT gen_random_uuid(), "VoteId", "Choices", "ReceiptCode" FROM sealed ORDER BY random()
            """, ct);
}

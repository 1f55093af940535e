using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes;

public sealed partial class VoteService
{
    public const string AttendanceNotCounted = "Vote.Error.AttendanceNotCounted";

    /// <summary>
    /// Signs an elector in at the meeting, for rule sets that count those present (<see cref="RuleSet.NeedsAttendance"/>):
    /// the elector themselves by the meeting's QR code (<paramref name="electorId"/> null: their own row), or staff who
    /// may record for them (the sign-in sheet). Signing in twice changes nothing. Casting a ballot in such a vote signs the
    /// voter in as well (<see cref="CastAsync"/>).
    /// </summary>
    public async Task<Result> MarkPresentAsync(int voteId, int? electorId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var vote = await read.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return Result.NotFound(Text(NotFound));
        if (vote.AcceptsBallotsAt(Now) is { } closed) return Result.Invalid(Text(closed));
        if (!vote.RuleSet.NeedsAttendance) return Result.Invalid(Text(AttendanceNotCounted));
        VoteElector? elector;
        if (electorId is { } id)
        {
            elector = await read.VoteElectors.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.VoteId == voteId, ct);
            if (elector is null) return Result.NotFound(Text(ElectorNotFound));
            if (!VotingAccess.CanRecordFor(caller, vote, elector)) return Result.NotAllowed(Text(MayNotRecord));
        }
        else
        {
            elector = await OwnRowAsync(read, caller, voteId, ct);
            if (elector is null) return Result.NotAllowed(Text(NotOnRoll));
        }
        if (await IsPresentAsync(read, voteId, elector.Key, ct)) return Result.Ok();
        try
        {
            return await work.AddAllAsync<VotePresence>(
                _ => null, // checked above for this caller and elector
                c => Result<IReadOnlyList<VotePresence>>.Ok(
                    [new VotePresence { VoteId = voteId, ElectorKey = elector.Key, MarkedAtUtc = Now, MarkedByUserId = c.UserId! }]),
                within: (_, _, db, t) => HoldOpenVoteAsync(db, voteId, t),
                ct);
        }
        catch (VoteNoLongerOpenException)
        {
            return Result.Invalid(Text(Vote.NotOpen));
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Signed in at the same moment by someone else: the unique index kept one row, which is all that was wanted.
            if (await IsPresentAsync(read, voteId, elector.Key, ct)) return Result.Ok();
            throw;
        }
    }

    private static Task<bool> IsPresentAsync(Data.PortalDbContext db, int voteId, string electorKey, CancellationToken ct) =>
        db.VotePresences.AnyAsync(p => p.VoteId == voteId && p.ElectorKey == electorKey, ct);
}

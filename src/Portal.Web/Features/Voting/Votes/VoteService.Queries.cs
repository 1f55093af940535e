using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Data.Live;

namespace Portal.Web.Features.Voting.Votes;

public sealed partial class VoteService
{
    public const int MaxPageSize = 200;

    /// <summary>The page asked for, within bounds: a crafted request cannot ask for everything at once.</summary>
    private static (int Page, int PageSize) SafePage(int page, int pageSize) => (Math.Max(page, 1), Math.Clamp(pageSize, 1, MaxPageSize));

    /// <summary>The vote as its page heads it; null when it does not exist or the caller may not see it.</summary>
    public async Task<VoteSummary?> SummaryAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        return vote is not null && VotingAccess.CanView(caller, vote) ? Summary(vote, VotingAccess.CanManage(caller, vote)) : null;
    }

    /// <summary>The caller's own standing: may vote, voted at X via Y, or not on the roll; null when the vote cannot be seen.</summary>
    public async Task<MyBallot?> MyBallotAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return null;
        if (await OwnRowAsync(db, caller, voteId, ct) is not { } row) return new MyBallot(MyBallotState.NotOnRoll, null, null, null);
        var cast = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == voteId && p.ElectorKey == row.Key)
            .Select(p => new { p.CastAtUtc, p.Channel }).SingleOrDefaultAsync(ct);
        if (cast is not null) return new MyBallot(MyBallotState.Voted, row.DisplayName, cast.CastAtUtc, cast.Channel);
        return new MyBallot(vote.AcceptsBallotsAt(Now) is null ? MyBallotState.MayVote : MyBallotState.NotOpen, row.DisplayName, null, null);
    }

    /// <summary>Turnout by headcount and area (what the secretary's page and the projector show); null when not visible.</summary>
    public async Task<VoteTurnout?> TurnoutAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read before the figures, so they include at least every event up to it (a page applies later events on top).
        var sequence = await db.LiveChannels.LastSequenceAsync(VoteChannels.For(voteId), ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return null;
        var (participants, area) = await TurnoutOfAsync(db, vote, ct);
        return new VoteTurnout(vote.EntitledCount, vote.EntitledArea, participants, area, sequence);
    }

    /// <summary>
    /// The roll for staff, searched by name and paged: the vote's managers see all of it, a grid worker the electors of
    /// their grids (whom they may record for). Null when the caller is neither.
    /// </summary>
    public async Task<RollPage?> RollAsync(int voteId, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote)) return null;
        var manage = VotingAccess.CanManage(caller, vote);
        var grids = caller.GridsWorked.ToList();
        if (!manage && grids.Count == 0) return null;
        var rows = db.VoteElectors.AsNoTracking().Where(e => e.VoteId == voteId);
        if (!manage) rows = rows.Where(e => e.GridId != null && grids.Contains(e.GridId.Value));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            rows = rows.Where(e => e.DisplayName.Contains(term));
        }
        (page, pageSize) = SafePage(page, pageSize);
        var total = await rows.CountAsync(ct);
        var list = await (from e in rows
                          join p in db.VoteParticipations.Where(p => p.VoteId == voteId) on e.Key equals p.ElectorKey into cast
                          from p in cast.DefaultIfEmpty()
                          orderby e.DisplayName, e.Id
                          select new { Elector = e, CastAtUtc = (DateTime?)p.CastAtUtc, Channel = (BallotChannel?)p.Channel })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new RollPage([.. list.Select(r => new RollRow(r.Elector.Id, r.Elector.DisplayName, r.Elector.Area, r.Elector.GridId, r.CastAtUtc,
            r.Channel, VotingAccess.CanRecordFor(caller, vote, r.Elector)))], total, page, pageSize);
    }

    /// <summary>
    /// The results of a closed vote for whoever may see it: the verdict in words with its arithmetic, and who chose what
    /// (named) or the receipt codes with their choices (secret). Null when not visible or not closed.
    /// </summary>
    public async Task<VoteResults?> ResultsAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote) || vote is not { Status: VoteStatus.Closed, Verdict: { } verdict }) return null;
        List<NamedChoice> named = [];
        List<ReceiptChoice> receipts = [];
        if (vote.Secrecy == Secrecy.Named)
        {
            var rows = await (from b in db.NamedBallots
                              join e in db.VoteElectors on new { b.VoteId, Key = b.ElectorKey } equals new { e.VoteId, e.Key }
                              where b.VoteId == voteId
                              orderby e.DisplayName, e.Id
                              select new { e.DisplayName, b.Choices }).ToListAsync(ct);
            named = [.. rows.Select(b => new NamedChoice(b.DisplayName, BallotChoices.Decode(b.Choices)))];
        }
        else
        {
            var rows = await db.SecretBallots.AsNoTracking().Where(b => b.VoteId == voteId).OrderBy(b => b.ReceiptCode)
                .Select(b => new { b.ReceiptCode, b.Choices }).ToListAsync(ct);
            receipts = [.. rows.Select(b => new ReceiptChoice(b.ReceiptCode, BallotChoices.Decode(b.Choices)))];
        }
        return new VoteResults(verdict.Outcome, VerdictText.Plain(verdict.Outcome), VerdictText.Lines(verdict, vote.Options, vote.QuestionKind == QuestionKind.Motion),
            verdict, named, receipts);
    }
}

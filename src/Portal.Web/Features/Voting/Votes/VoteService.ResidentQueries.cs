using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Voting;
using Outcome = Portal.Domain.Voting.Outcome;

namespace Portal.Web.Features.Voting.Votes;

/// <summary>A vote in the resident's own list: its times, the resident's standing in it, and the verdict once closed.</summary>
public sealed record MyVoteRow(
    int Id,
    string Title,
    VoteStatus Status,
    Secrecy Secrecy,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc,
    DateTime? ClosedAtUtc,
    DateTime? CastAtUtc,
    BallotChannel? Channel,
    Outcome? Outcome)
{
    public bool HasVoted => CastAtUtc is not null;
}

/// <summary>
/// The resident's votes in three groups: open ones not yet voted in (the soonest closing first), open ones voted in (the
/// latest ballot first), and closed ones with their verdict (the latest close first, at most <see cref="VoteService.MaxClosedShown"/>).
/// </summary>
public sealed record MyVotes(IReadOnlyList<MyVoteRow> ToVote, IReadOnlyList<MyVoteRow> Voted, IReadOnlyList<MyVoteRow> Closed)
{
    public bool IsEmpty => ToVote.Count == 0 && Voted.Count == 0 && Closed.Count == 0;
}

/// <summary>
/// What the resident's ballot and on-site pages need in one read: the vote, the resident's standing, whether the rule
/// counts those present (its rule; and whether the resident is signed in as present), and when it closed.
/// </summary>
public sealed record ResidentVote(VoteSummary Summary, RuleSet Rule, MyBallot Mine, bool IsPresent, DateTime? ClosedAtUtc)
{
    public bool CountsPresence => Rule.NeedsAttendance;
}

public sealed partial class VoteService
{
    public const int MaxClosedShown = 20;

    /// <summary>
    /// The votes the caller is on the roll of, in the communities they belong to (drafts are nobody's business but the
    /// secretary's). Their own row is found as for a ballot (<see cref="OwnRowAsync"/>'s rule, in one query for all votes).
    /// </summary>
    public async Task<MyVotes> MyVotesAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn || caller.PersonId is not { } personId) return new MyVotes([], [], []);
        var communities = caller.Visible.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var household = await db.People.Where(p => p.Id == personId).Select(p => p.HouseholdId).SingleOrDefaultAsync(ct);
        var owners = await db.Owners.Where(o => o.PersonId == personId).Select(o => o.Id).ToListAsync(ct);
        var candidates = await (from e in db.VoteElectors.AsNoTracking()
                                join v in db.Votes on e.VoteId equals v.Id
                                where v.Status != VoteStatus.Draft && communities.Contains(v.CommunityId)
                                      && (e.PersonId == personId || (household != null && e.HouseholdId == household)
                                          || (e.OwnerId != null && owners.Contains(e.OwnerId.Value)))
                                orderby e.Id
                                select e).ToListAsync(ct);
        var rows = candidates.Where(e => VotingAccess.IsOwnRow(caller, e, household, owners))
            .GroupBy(e => e.VoteId).ToDictionary(g => g.Key, g => g.First().Key);
        if (rows.Count == 0) return new MyVotes([], [], []);

        var voteIds = rows.Keys.ToList();
        var votes = await db.Votes.AsNoTracking().Where(v => voteIds.Contains(v.Id)).ToListAsync(ct);
        var keys = rows.Values.ToList();
        var cast = (await db.VoteParticipations.AsNoTracking().Where(p => voteIds.Contains(p.VoteId) && keys.Contains(p.ElectorKey))
                .Select(p => new { p.VoteId, p.ElectorKey, p.CastAtUtc, p.Channel }).ToListAsync(ct))
            .Where(p => rows[p.VoteId] == p.ElectorKey)
            .ToDictionary(p => p.VoteId);

        var list = votes.Where(v => VotingAccess.CanView(caller, v)).Select(v =>
        {
            var mine = cast.GetValueOrDefault(v.Id);
            return new MyVoteRow(v.Id, v.Title, v.Status, v.Secrecy, v.OpensAtUtc, v.ClosesAtUtc, v.ClosedAtUtc, mine?.CastAtUtc, mine?.Channel, v.Outcome);
        }).ToList();
        return new MyVotes(
            [.. list.Where(r => r.Status == VoteStatus.Open && !r.HasVoted).OrderBy(r => r.ClosesAtUtc).ThenBy(r => r.Id)],
            [.. list.Where(r => r.Status == VoteStatus.Open && r.HasVoted).OrderByDescending(r => r.CastAtUtc).ThenBy(r => r.Id)],
            [.. list.Where(r => r.Status == VoteStatus.Closed).OrderByDescending(r => r.ClosedAtUtc).ThenBy(r => r.Id).Take(MaxClosedShown)]);
    }

    /// <summary>The vote as the resident's ballot and on-site pages show it; null when it does not exist or the caller may not see it.</summary>
    public async Task<ResidentVote?> ResidentVoteAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        // A draft is the secretary's work in progress: to a resident it does not exist yet.
        if (vote is null || !VotingAccess.CanView(caller, vote)) return null;
        var canManage = VotingAccess.CanManage(caller, vote);
        if (vote.Status == VoteStatus.Draft && !canManage) return null;
        var mine = await MyBallotAsync(voteId, ct) ?? new MyBallot(MyBallotState.NotOnRoll, null, null, null);
        var present = false;
        if (vote.RuleSet.NeedsAttendance && mine.State != MyBallotState.NotOnRoll && await OwnRowAsync(db, caller, voteId, ct) is { } row)
            present = await IsPresentAsync(db, voteId, row.Key, ct);
        return new ResidentVote(Summary(vote, canManage), vote.RuleSet, mine, present, vote.ClosedAtUtc);
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.VoteLinks;

/// <summary>
/// The vote deciding a session's step (issue 13 item 7 as evidence): a manager links a vote of the session's community
/// and scope to a step that needs one and is not completed; one vote per step, one step per vote (the database holds
/// both). Votes are read through Data (the Voting area is another area; no Voting slice is named). The step's completion
/// then checks the offered vote is the one linked to it, of its community, and closed (in the Sessions slice's evidence check, through Data). Rights: <see cref="DeliberationAccess"/>. Scoped.
/// </summary>
public sealed class VoteLinkService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string ErrorVoteNotFound = "Deliberation.Error.VoteLink.VoteNotFound";
    public const string ErrorTaken = "Deliberation.Error.VoteLink.Taken";

    /// <summary>Links <paramref name="voteId"/> to the session's step <paramref name="stepIndex"/>.</summary>
    public async Task<Result<SessionVotes>> LinkAsync(int sessionId, int stepIndex, int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, session.CommunityId))
            return Result<SessionVotes>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        // A vote of another community or scope is "not found": the same answer as a vote that does not exist.
        var vote = await db.Votes.AsNoTracking().Where(v => v.Id == voteId && v.CommunityId == session.CommunityId
            && v.ScopeKind == session.Scope.Kind && v.ScopeId == session.Scope.Id).Select(v => (int?)v.Id).SingleOrDefaultAsync(ct);
        if (vote is null) return Result<SessionVotes>.Invalid(DeliberationText.Of(ErrorVoteNotFound));
        if (await db.SessionVotes.AnyAsync(l => l.VoteId == voteId || (l.SessionId == sessionId && l.StepIndex == stepIndex), ct))
            return Result<SessionVotes>.Invalid(DeliberationText.Of(ErrorTaken));
        var added = await work.AddAsync<SessionVote, SessionVotes>(
            allow: c => DeliberationAccess.CanManage(c.Policy, session.CommunityId) ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            create: c => DeliberationText.Made(SessionVote.Link(session, stepIndex, voteId, c.UserId!, clock.GetUtcNow().UtcDateTime)),
            conflict: DeliberationText.Of(ErrorTaken),
            ct: ct);
        return added.Succeeded ? Result<SessionVotes>.Ok((await ForSessionAsync(sessionId, ct))!, added.Id) : added;
    }

    /// <summary>Removes a link while its step is not completed (a completed step keeps its evidence).</summary>
    public Task<Result<SessionVotes>> UnlinkAsync(int linkId, Guid version, CancellationToken ct = default)
    {
        DeliberationSession? session = null;
        return work.ChangeAsync<SessionVote, SessionVotes>(
            load: async (db, token) =>
            {
                var link = await db.SessionVotes.SingleOrDefaultAsync(l => l.Id == linkId, token);
                if (link is not null) session = await db.DeliberationSessions.AsNoTracking().SingleAsync(s => s.Id == link.SessionId, token);
                return link;
            },
            version: version,
            allow: (c, _) => c.IsSignedIn && DeliberationAccess.CanManage(c.Policy, session!.CommunityId) ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            run: (_, link, db) =>
            {
                if (session!.Completions.Any(x => x.StepIndex == link.StepIndex)) return DeliberationText.Refusal(SessionVote.ErrorStep);
                db.SessionVotes.Remove(link);
                return null;
            },
            current: link => new SessionVotes(link.SessionId, []),
            texts: DeliberationText.Commands,
            ct: ct);
    }

    /// <summary>The session page's vote section; null when the caller may not see the session.</summary>
    public async Task<SessionVotes?> ForSessionAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)) return null;
        var manager = DeliberationAccess.CanManage(caller.Policy, session.CommunityId);
        var links = await db.SessionVotes.AsNoTracking().Where(l => l.SessionId == sessionId)
            .Join(db.Votes, l => l.VoteId, v => v.Id, (l, v) => new
            {
                l.StepIndex,
                Vote = new LinkedVote(l.Id, l.Version, v.Id, v.Title, v.Status, db.VoteParticipations.Count(p => p.VoteId == v.Id), v.EntitledCount, v.Outcome),
            })
            .ToListAsync(ct);
        var steps = session.Steps.Select((step, index) => (step, index))
            .Where(s => s.step.RequiredEvidence.Contains(EvidenceKind.Vote))
            .Select(s =>
            {
                var done = session.Completions.Any(c => c.StepIndex == s.index);
                var vote = links.FirstOrDefault(l => l.StepIndex == s.index)?.Vote;
                return new VoteStepLink(s.index, s.step.Name, done, vote, manager && !done && vote is null, manager && !done && vote is not null);
            }).ToList();
        return new SessionVotes(sessionId, steps);
    }

    /// <summary>The votes a manager may link to the session: same community and scope, not linked anywhere yet, newest first.</summary>
    public async Task<IReadOnlyList<LinkableVote>> LinkableAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, session.CommunityId)) return [];
        return await db.Votes.AsNoTracking()
            .Where(v => v.CommunityId == session.CommunityId && v.ScopeKind == session.Scope.Kind && v.ScopeId == session.Scope.Id
                && !db.SessionVotes.Any(l => l.VoteId == v.Id))
            .OrderByDescending(v => v.Id).Select(v => new LinkableVote(v.Id, v.Title, v.Status)).ToListAsync(ct);
    }
}

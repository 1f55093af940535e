using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using VoteStatus = Portal.Domain.Voting.VoteStatus;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>
/// Public notices (公示) of a session's decision (issue 13 item 10): a manager publishes one when the session's current
/// step needs it (default 7 days, changeable while open); residents of the community file objections inside the window;
/// the manager answers each; closing — only after the window, with none unanswered — raises
/// <see cref="PublicNoticeClosed"/>, which the Lists area turns into implementation tasks (next round). The notice
/// itself is the <c>PublicNotice</c> evidence of the step. Rights: <see cref="DeliberationAccess"/>. Scoped.
/// </summary>
public sealed class NoticeService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string ErrorSessionNotFound = "Deliberation.Error.Notice.SessionNotFound";
    public const string ErrorStepNeedsNoNotice = "Deliberation.Error.Notice.StepNeedsNoNotice";
    public const string ErrorAlreadyOpen = "Deliberation.Error.Notice.AlreadyOpen";

    /// <summary>How often filing is tried again when another resident's objection was saved in between.</summary>
    private const int FilingAttempts = 3;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Publishes the notice of a session whose current step needs one, unless one is open already.</summary>
    public async Task<Result<NoticeView>> PublishAsync(int sessionId, int periodDays, string? text, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, session.CommunityId))
            return Result<NoticeView>.NotFound(DeliberationText.Of(ErrorSessionNotFound));
        if (session.CurrentStepIndex is not { } current || !session.Steps[current].RequiredEvidence.Contains(EvidenceKind.PublicNotice))
            return Result<NoticeView>.Invalid(DeliberationText.Of(ErrorStepNeedsNoNotice));
        if (await db.PublicNotices.AnyAsync(n => n.SessionId == sessionId && n.ClosedAtUtc == null, ct))
            return Result<NoticeView>.Invalid(DeliberationText.Of(ErrorAlreadyOpen));
        return await work.AddAsync<PublicNotice, NoticeView>(
            allow: c => DeliberationAccess.CanManage(c.Policy, session.CommunityId) ? null : Result.NotFound(DeliberationText.Of(ErrorSessionNotFound)),
            create: _ => DeliberationText.Made(PublicNotice.Publish(sessionId, Now, periodDays, text)),
            ct: ct);
    }

    public Task<Result<NoticeView>> ChangePeriodAsync(int noticeId, Guid version, int periodDays, CancellationToken ct = default) =>
        ChangeAsync(noticeId, version, DeliberationAccess.CanManage, (notice, _) => notice.ChangePeriod(periodDays, Now), ct);

    public Task<Result<NoticeView>> AnswerAsync(int noticeId, Guid version, int objectionNumber, string? answer, CancellationToken ct = default) =>
        ChangeAsync(noticeId, version, DeliberationAccess.CanManage, (notice, caller) => notice.Answer(objectionNumber, answer, caller.UserId!, Now), ct);

    public Task<Result<NoticeView>> CloseAsync(int noticeId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(noticeId, version, DeliberationAccess.CanManage, (notice, caller) => notice.Close(Now, caller.UserId!, caller.Name), ct);

    /// <summary>
    /// A resident of the community files an objection while the window is open. Objections of many residents land on one
    /// notice, so a filing that meets another's save is simply tried again on the fresh notice (it never overwrites one).
    /// </summary>
    public async Task<Result<NoticeView>> FileObjectionAsync(int noticeId, string? text, CancellationToken ct = default)
    {
        var result = Result<NoticeView>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        for (var attempt = 0; attempt < FilingAttempts; attempt++)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.PublicNotices.Where(n => n.Id == noticeId).Select(n => (Guid?)n.Version).SingleOrDefaultAsync(ct) is not { } version)
                    return result;
                result = await ChangeAsync(noticeId, version, DeliberationAccess.CanRaise,
                    (notice, caller) => notice.FileObjection(caller.UserId!, text, Now).Error, ct);
            }
            if (result.Outcome != Outcome.Conflict) return result;
        }
        return result;
    }

    /// <summary>The notice as the caller may see it (whoever belongs to the session's community); null otherwise.</summary>
    public async Task<NoticeView?> GetAsync(int noticeId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.PublicNotices.AsNoTracking().Where(n => n.Id == noticeId)
            .Select(n => new { Notice = n, Community = db.DeliberationSessions.Where(s => s.Id == n.SessionId).Select(s => s.CommunityId).Single() })
            .SingleOrDefaultAsync(ct);
        if (row is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, row.Community)) return null;
        return View(row.Notice, row.Community, caller);
    }

    /// <summary>
    /// The public board: the open notices of the communities the caller belongs to (a resident: theirs), the one ending
    /// soonest first. Open notices are few (one per running session at most), so rights are checked on the rows read.
    /// </summary>
    public async Task<IReadOnlyList<NoticeCard>> OpenAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PublicNotices.AsNoTracking().Where(n => n.ClosedAtUtc == null)
            .Join(db.DeliberationSessions, n => n.SessionId, s => s.Id, (n, s) => new { Notice = n, s.Title, s.CommunityId })
            .ToListAsync(ct);
        var now = Now;
        return rows.Where(r => DeliberationAccess.CanSeeCommunity(caller.Policy, r.CommunityId))
            .Select(r => new NoticeCard(r.Notice.Id, r.Notice.SessionId, r.Title, r.Notice.Text, r.Notice.EndsAtUtc, r.Notice.IsInWindow(now),
                r.Notice.Objections.Length, r.Notice.Objections.Count(o => !o.IsAnswered)))
            .OrderBy(c => c.EndsAtUtc).ThenBy(c => c.Id).ToList();
    }

    /// <summary>The session page's notice section: the session's latest notice (open or closed), or none yet; null when the caller may not see the session.</summary>
    public async Task<SessionNotice?> ForSessionAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)) return null;
        var latest = await db.PublicNotices.AsNoTracking().Where(n => n.SessionId == sessionId).OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
        var stepNeedsNotice = session.CurrentStepIndex is { } current && session.Steps[current].RequiredEvidence.Contains(EvidenceKind.PublicNotice);
        var canPublish = DeliberationAccess.CanManage(caller.Policy, session.CommunityId) && stepNeedsNotice && latest is not { ClosedAtUtc: null };
        // The vote is read through Data (its link belongs to the VoteLinks slice): the latest closed one linked to this session.
        var vote = await db.SessionVotes.AsNoTracking().Where(l => l.SessionId == sessionId)
            .Join(db.Votes.Where(v => v.Status == VoteStatus.Closed), l => l.VoteId, v => v.Id, (l, v) => new { l.StepIndex, v.Id, v.Title, v.Outcome })
            .OrderByDescending(v => v.StepIndex).FirstOrDefaultAsync(ct);
        return new SessionNotice(sessionId, latest is null ? null : View(latest, session.CommunityId, caller), canPublish,
            vote is null ? null : new DecidingVote(vote.Id, vote.Title, vote.Outcome));
    }

    /// <summary>
    /// A command on a notice: the caller needs <paramref name="right"/> over the community of the notice's session (read
    /// with the notice); without it, not found, so ids cannot be probed.
    /// </summary>
    private Task<Result<NoticeView>> ChangeAsync(int noticeId, Guid version, Func<AccessPolicy, int, bool> right,
        Func<PublicNotice, Caller, string?> rule, CancellationToken ct)
    {
        var communityId = 0;
        return work.ChangeAsync<PublicNotice, NoticeView>(
            load: async (db, token) =>
            {
                var notice = await db.PublicNotices.SingleOrDefaultAsync(n => n.Id == noticeId, token);
                if (notice is not null)
                    communityId = await db.DeliberationSessions.Where(s => s.Id == notice.SessionId).Select(s => s.CommunityId).SingleAsync(token);
                return notice;
            },
            version: version,
            allow: (caller, _) => caller.IsSignedIn && right(caller.Policy, communityId) ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            run: (caller, notice, _) => DeliberationText.Refusal(rule(notice, caller)),
            current: notice => View(notice, communityId, Caller.Anonymous),
            texts: DeliberationText.Commands,
            ct: ct);
    }

    private NoticeView View(PublicNotice n, int communityId, Caller caller) => new(n.Id, n.SessionId, communityId, n.Text, n.StartsAtUtc, n.PeriodDays,
        n.EndsAtUtc, n.IsInWindow(Now), n.ClosedAtUtc,
        n.Objections.Select(o => new ObjectionRow(o.Number, o.Text, o.FiledAtUtc, caller.UserId is { } me && o.FiledByUserId == me, o.Answer, o.AnsweredAtUtc)).ToList(),
        caller.IsSignedIn && !n.IsClosed && n.IsInWindow(Now) && DeliberationAccess.CanRaise(caller.Policy, communityId),
        caller.IsSignedIn && DeliberationAccess.CanManage(caller.Policy, communityId), n.TaskWorkItemId, n.Version);
}

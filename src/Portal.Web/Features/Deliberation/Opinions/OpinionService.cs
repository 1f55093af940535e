using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>
/// Residents' opinions on a session (issue 13 item 3, decision 0034): posted by residents of the community while the
/// current step needs opinions (its comment window), attached to the plan's latest version when there is one; supported
/// by others (one support per person, withdrawable while the window is open); hidden with a reason by the community's
/// managers — audited like every change, never deleted. An opinion posted in a step's window is the evidence of kind
/// <see cref="EvidenceKind.Opinions"/> of that step. Rights: <see cref="DeliberationAccess"/>; whatever the caller may not
/// see is not found. Scoped.
/// </summary>
public sealed class OpinionService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string ErrorAlreadySupported = "Deliberation.Error.Opinion.AlreadySupported";
    public const string ErrorNotSupported = "Deliberation.Error.Opinion.NotSupported";

    /// <summary>The form fields a refusal is shown next to.</summary>
    public const string BodyField = "Body";
    public const string ReasonField = "Reason";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The opinions section of a session the caller may see (null otherwise), ordered as asked.</summary>
    public async Task<OpinionsSection?> SectionAsync(int sessionId, OpinionSort sort = OpinionSort.Support, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionReads.VisibleSessionAsync(db, sessionId, caller, ct) is not { } session) return null;
        var me = caller.UserId;
        var rows = await db.Opinions.AsNoTracking().Where(o => o.SessionId == sessionId)
            .Select(o => new
            {
                Opinion = o,
                Supports = db.OpinionSupports.Count(s => s.OpinionId == o.Id),
                Mine = db.OpinionSupports.Any(s => s.OpinionId == o.Id && s.UserId == me),
                Plan = db.PlanVersions.Where(p => p.Id == o.PlanVersionId).Select(p => (int?)p.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ordered = sort == OpinionSort.Newest
            ? rows.OrderByDescending(r => r.Opinion.PostedAtUtc).ThenByDescending(r => r.Opinion.Id)
            : rows.OrderBy(r => r.Opinion.IsHidden).ThenByDescending(r => r.Supports).ThenByDescending(r => r.Opinion.PostedAtUtc).ThenByDescending(r => r.Opinion.Id);
        var window = Opinion.CommentWindowOf(session);
        var canPost = window is not null && DeliberationAccess.CanPostOpinion(caller.Policy, session.CommunityId);
        var canModerate = DeliberationAccess.CanModerateOpinions(caller.Policy, session.CommunityId);
        var plan = await OpinionReads.LatestPlanAsync(db, sessionId, ct);
        return new OpinionsSection(sessionId, window is { } w ? session.Steps[w].Name : null, canPost, canModerate, plan?.Number,
            ordered.Select(r => new OpinionRow(r.Opinion.Id, r.Opinion.AuthorName, r.Opinion.AuthorUserId == me,
                DeliberationAccess.CanReadOpinionText(caller, r.Opinion, session.CommunityId) ? SafeMarkdown.ToHtml(r.Opinion.BodyMarkdown) : null,
                r.Opinion.PostedAtUtc, session.Steps[r.Opinion.StepIndex].Name, r.Plan, r.Supports, r.Mine,
                canPost && window == r.Opinion.StepIndex && !r.Opinion.IsHidden && r.Opinion.AuthorUserId != me,
                r.Opinion.IsHidden ? new OpinionHiding(r.Opinion.HiddenReason!, r.Opinion.HiddenAtUtc!.Value) : null,
                canModerate && !r.Opinion.IsHidden, r.Opinion.Version)).ToList());
    }

    /// <summary>A resident of the session's community posts an opinion in the open comment window, on the plan's latest version.</summary>
    public async Task<Result<OpinionRow>> PostAsync(int sessionId, string? body, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionReads.VisibleSessionAsync(db, sessionId, caller, ct) is not { } session)
            return Result<OpinionRow>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        var plan = await OpinionReads.LatestPlanAsync(db, sessionId, ct);
        return await work.AddAsync<Opinion, OpinionRow>(
            allow: c => DeliberationAccess.CanPostOpinion(c.Policy, session.CommunityId) ? null : Result.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed)),
            create: c => DeliberationText.Made(Opinion.Post(session, plan, c.UserId!, c.Name, body, Now), error => error == Opinion.ErrorBody ? BodyField : null),
            ct: ct);
    }

    /// <summary>A moderator hides an opinion with a reason; the author and the readers see the reason, the text stays stored.</summary>
    public async Task<Result<OpinionRow>> HideAsync(int opinionId, Guid version, string? reason, CancellationToken ct = default)
    {
        var communityId = 0;
        return await work.ChangeAsync<Opinion, OpinionRow>(
            load: async (db, token) =>
            {
                var opinion = await db.Opinions.SingleOrDefaultAsync(o => o.Id == opinionId, token);
                if (opinion is not null)
                    communityId = await db.DeliberationSessions.Where(s => s.Id == opinion.SessionId).Select(s => s.CommunityId).SingleAsync(token);
                return opinion;
            },
            version: version,
            allow: (c, _) => !c.IsSignedIn || !DeliberationAccess.CanSeeCommunity(c.Policy, communityId)
                ? Result.NotFound(DeliberationText.Of(DeliberationText.NotFound))
                : DeliberationAccess.CanModerateOpinions(c.Policy, communityId) ? null : Result.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed)),
            run: (c, opinion, _) => opinion.Hide(reason, c.UserId!, Now) is { } error
                ? Result.Invalid(error == Opinion.ErrorReason ? ReasonField : Problem.Form, DeliberationText.Of(error))
                : null,
            current: _ => null!,
            texts: DeliberationText.Commands,
            ct: ct);
    }

    /// <summary>Supports another's visible opinion while its window is open; a second support by the same person is refused.</summary>
    public async Task<Result> SupportAsync(int opinionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionWithSessionAsync(db, opinionId, caller, ct) is not ({ } opinion, { } session)) return Result.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        if (await db.OpinionSupports.AnyAsync(s => s.OpinionId == opinionId && s.UserId == caller.UserId, ct))
            return Result.Invalid(DeliberationText.Of(ErrorAlreadySupported));
        try
        {
            return await work.AddAsync<OpinionSupport, OpinionRow>(
                allow: c => DeliberationAccess.CanPostOpinion(c.Policy, session.CommunityId) ? null : Result.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed)),
                create: c => DeliberationText.Made(OpinionSupport.Give(session, opinion, c.UserId!, Now)),
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // The unique (opinion, person) index: the same person's support saved a moment earlier (a second tab, a double tap).
            return Result.Invalid(DeliberationText.Of(ErrorAlreadySupported));
        }
    }

    /// <summary>Withdraws the caller's support while the opinion's window is open.</summary>
    public async Task<Result> WithdrawSupportAsync(int opinionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        DeliberationSession session;
        Opinion opinion;
        Guid version;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await OpinionWithSessionAsync(db, opinionId, caller, ct) is not ({ } found, { } of)) return Result.NotFound(DeliberationText.Of(DeliberationText.NotFound));
            (opinion, session) = (found, of);
            if (await db.OpinionSupports.Where(s => s.OpinionId == opinionId && s.UserId == caller.UserId).Select(s => (Guid?)s.Version).SingleOrDefaultAsync(ct)
                is not { } supportVersion)
                return Result.Invalid(DeliberationText.Of(ErrorNotSupported));
            version = supportVersion;
        }
        var me = caller.UserId;
        return await work.ChangeAsync<OpinionSupport, OpinionRow>(
            load: (db, token) => db.OpinionSupports.SingleOrDefaultAsync(s => s.OpinionId == opinionId && s.UserId == me, token),
            version: version,
            allow: (c, support) => c.UserId == support.UserId ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            run: (_, support, db) =>
            {
                if (DeliberationText.Refusal(support.Withdraw(session, opinion)) is { } refused) return refused;
                db.OpinionSupports.Remove(support);
                return null;
            },
            current: _ => null!,
            texts: DeliberationText.Commands,
            missing: _ => Result.Invalid(DeliberationText.Of(ErrorNotSupported)),
            ct: ct);
    }

    /// <summary>The opinion and its session when the caller may see the session; null otherwise.</summary>
    private static async Task<(Opinion Opinion, DeliberationSession Session)?> OpinionWithSessionAsync(PortalDbContext db, int opinionId, Caller caller,
        CancellationToken ct)
    {
        var opinion = await db.Opinions.AsNoTracking().SingleOrDefaultAsync(o => o.Id == opinionId, ct);
        if (opinion is null || !caller.IsSignedIn) return null;
        return await OpinionReads.VisibleSessionAsync(db, opinion.SessionId, caller, ct) is { } session ? (opinion, session) : null;
    }

}

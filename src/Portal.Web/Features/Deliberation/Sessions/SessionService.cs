using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using WorkItemStatus = Portal.Domain.WorkItems.WorkItemStatus;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Sessions;

/// <summary>
/// Deliberation sessions (issue 13 item 1): a manager starts one on an accepted matter with a template that serves the
/// community (the session keeps that version's steps); the holder of the current step's role completes it with
/// evidence; residents of the community follow the timeline; the list shows which are overdue.
/// <para>
/// Evidence is checked here as far as its records exist in the database (decision 0031): an implementation record is a
/// work item of the session's community that is closed; a public notice is a closed notice of this session; a vote is
/// the closed vote of the session's community linked to the step (SessionVotes); a sign-in sheet is a closed meeting of
/// this session (DeliberationMeetings); ratings are the closed rating round of the step (RatingRounds); opinions are a
/// visible opinion posted in this step's comment window; a plan document is the latest version of this session's plan
/// (decision 0034).
/// </para>
/// Rights: <see cref="DeliberationAccess"/>. Scoped.
/// </summary>
public sealed class SessionService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, DirectoryScopeCache directory,
    UnitOfWork work, TimeProvider clock)
{
    public const string ErrorMatterNotFound = "Deliberation.Error.Session.MatterNotFound";
    public const string ErrorTemplateNotFound = "Deliberation.Error.Session.TemplateNotFound";
    public const string ErrorAlreadyStarted = "Deliberation.Error.Session.AlreadyStarted";
    public const string ErrorEvidenceNotFound = "Deliberation.Error.Session.EvidenceNotFound";
    public const string ErrorEvidenceNotFinal = "Deliberation.Error.Session.EvidenceNotFinal";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts the session of an accepted matter with a stored template version that serves its community.</summary>
    public async Task<Result<SessionTimeline>> StartAsync(int matterId, int templateId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matter = await db.Matters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matterId, ct);
        if (matter is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, matter.CommunityId))
            return Result<SessionTimeline>.NotFound(DeliberationText.Of(ErrorMatterNotFound));
        var template = await db.ProcedureTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return Result<SessionTimeline>.Invalid(DeliberationText.Of(ErrorTemplateNotFound));
        if (await db.DeliberationSessions.AnyAsync(s => s.MatterId == matterId, ct)) return Result<SessionTimeline>.Invalid(DeliberationText.Of(ErrorAlreadyStarted));
        var street = (await directory.GetAsync(ct)).StreetOfCommunity(matter.CommunityId);
        try
        {
            return await work.AddAsync<DeliberationSession, SessionTimeline>(
                allow: c => DeliberationAccess.CanManage(c.Policy, matter.CommunityId) ? null : Result.NotFound(DeliberationText.Of(ErrorMatterNotFound)),
                create: _ => DeliberationText.Made(DeliberationSession.Start(matter, template, street, Now)),
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the matter: someone started its session a moment earlier.
            return Result<SessionTimeline>.Conflict(DeliberationText.Of(ErrorAlreadyStarted), null);
        }
    }

    /// <summary>
    /// What the matter page's "start the session" offers: the latest template versions serving the matter's community;
    /// null unless the caller manages it, the matter is accepted and no session runs on it yet.
    /// </summary>
    public async Task<IReadOnlyList<TemplateChoice>?> StartChoicesAsync(int matterId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matter = await db.Matters.AsNoTracking().Where(m => m.Id == matterId).Select(m => new { m.CommunityId, m.Status }).SingleOrDefaultAsync(ct);
        if (matter is not { Status: MatterStatus.Accepted } || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, matter.CommunityId)
            || await db.DeliberationSessions.AnyAsync(s => s.MatterId == matterId, ct))
            return null;
        var street = (await directory.GetAsync(ct)).StreetOfCommunity(matter.CommunityId);
        var templates = await db.LatestTemplatesServing(matter.CommunityId, street).AsNoTracking().ToListAsync(ct);
        return templates.Select(t => new TemplateChoice(t.Id, t.Name, t.Version, t.Steps.Select(s => s.Name).ToList())).ToList();
    }

    /// <summary>
    /// Completes the step the caller saw as current (<paramref name="stepIndex"/>) with the records offered as evidence.
    /// Refused, changing nothing: a session the caller cannot see (not found), evidence that does not exist, belongs to
    /// another community or is not final yet, and every refusal of the domain (not the current step, not the step's role,
    /// a kind missing).
    /// </summary>
    public async Task<Result<SessionTimeline>> CompleteStepAsync(int sessionId, Guid version, int stepIndex, IReadOnlyList<EvidenceRef> evidence,
        CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        var scope = await directory.GetAsync(ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is not null && caller.IsSignedIn && DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)
                && await CheckEvidenceAsync(db, session, stepIndex, evidence, ct) is { } refused)
                return Result<SessionTimeline>.From(refused);
        }
        return await work.ChangeAsync<DeliberationSession, SessionTimeline>(
            load: (db, token) => db.DeliberationSessions.SingleOrDefaultAsync(s => s.Id == sessionId, token),
            version: version,
            allow: (c, session) => c.IsSignedIn && DeliberationAccess.CanSeeCommunity(c.Policy, session.CommunityId)
                ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
            run: (c, session, _) => DeliberationText.Refusal(
                session.CompleteStep(stepIndex, StepActor.For(c, session.CommunityId, scope), evidence, Now)),
            current: session => Timeline(session, caller, scope, Now),
            texts: DeliberationText.Commands,
            ct: ct);
    }

    /// <summary>
    /// What the complete-step dialog offers for step <paramref name="stepIndex"/>: for each kind of evidence the step needs,
    /// the records of this session that <see cref="CompleteStepAsync"/> would look at (opinions, the linked vote and
    /// rating rounds: of this step), each in words and, when not final yet, with why. Null when the session is not the
    /// caller's to see (as <see cref="TimelineAsync"/>) or has no such step.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceChoices>?> EvidenceChoicesAsync(int sessionId, int stepIndex, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)
            || stepIndex < 0 || stepIndex >= session.Steps.Length)
            return null;
        var choices = new List<EvidenceChoices>();
        foreach (var kind in session.Steps[stepIndex].RequiredEvidence.Distinct())
            choices.Add(new EvidenceChoices(kind, await EvidenceChoiceQueries.OfAsync(db, session, stepIndex, kind, ct)));
        return choices;
    }

    /// <summary>The session page: its timeline as the caller sees it; null when it does not exist or is not theirs to see.</summary>
    public async Task<SessionTimeline?> TimelineAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)) return null;
        var named = await EvidenceChoiceQueries.NamedByStepAsync(db, session, ct);
        return Timeline(session, caller, await directory.GetAsync(ct), Now, named);
    }

    /// <summary>The sessions of a community the caller belongs to: running, overdue (current step past its limit), finished, or all.</summary>
    public async Task<DeliberationPage<SessionRow>> ListAsync(SessionQuery query, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, query.CommunityId)) return new([], 0);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.DeliberationSessions.AsNoTracking().Where(s => s.CommunityId == query.CommunityId);
        rows = query.Filter switch
        {
            SessionFilter.Running => rows.Where(s => s.FinishedAtUtc == null),
            SessionFilter.Overdue => rows.Where(s => s.FinishedAtUtc == null && s.CurrentStepDueUtc != null && s.CurrentStepDueUtc < now),
            SessionFilter.Finished => rows.Where(s => s.FinishedAtUtc != null),
            _ => rows,
        };
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(s => s.StartedAtUtc).ThenByDescending(s => s.Id).Skip(query.SafeSkip).Take(query.SafeTake).ToListAsync(ct);
        return new(page.Select(s => Row(s, now)).ToList(), total);
    }

    /// <summary>
    /// The landing page's part of sessions: the running sessions of every community the caller belongs to, the overdue
    /// ones first (the secretary's attention), then by their current step's due date (none last), then newest.
    /// </summary>
    public async Task<DeliberationPage<SessionRow>> RunningAsync(int take = 10, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return new([], 0);
        var communities = caller.Policy.VisibleCommunities.ToList();
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.DeliberationSessions.AsNoTracking().Where(s => communities.Contains(s.CommunityId) && s.FinishedAtUtc == null);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(s => s.CurrentStepDueUtc == null || s.CurrentStepDueUtc >= now).ThenBy(s => s.CurrentStepDueUtc == null)
            .ThenBy(s => s.CurrentStepDueUtc).ThenByDescending(s => s.StartedAtUtc).ThenByDescending(s => s.Id)
            .Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        return new(page.Select(s => Row(s, now)).ToList(), total);
    }

    /// <summary>
    /// The home page's "waiting on you": the running sessions whose current step the caller may complete (they hold its
    /// role over the session's community), the overdue first, then by due date; at most <paramref name="take"/> with the
    /// total. Running sessions of one person's communities are few, so the role is checked on the rows read.
    /// </summary>
    public async Task<DeliberationPage<SessionRow>> WaitingOnMeAsync(int take = 3, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return new([], 0);
        var communities = caller.Policy.VisibleCommunities.ToList();
        var scope = await directory.GetAsync(ct);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var running = await db.DeliberationSessions.AsNoTracking()
            .Where(s => communities.Contains(s.CommunityId) && s.FinishedAtUtc == null).ToListAsync(ct);
        var mine = running
            .Where(s => s.CurrentStepIndex is { } i && DeliberationAccess.CanCompleteStep(StepActor.For(caller, s.CommunityId, scope), s.Steps[i]))
            .OrderByDescending(s => s.IsOverdue(now)).ThenBy(s => s.CurrentStepDueUtc ?? DateTime.MaxValue).ThenByDescending(s => s.Id)
            .ToList();
        return new(mine.Take(Math.Clamp(take, 1, 100)).Select(s => Row(s, now)).ToList(), mine.Count);
    }

    private static SessionRow Row(DeliberationSession s, DateTime now) => new(s.Id, s.MatterId, s.Title, s.TemplateName, s.TemplateVersion,
        s.StartedAtUtc, s.Steps.Length, s.CurrentStepIndex, s.CurrentStepIndex is { } i ? s.Steps[i].Name : null, s.CurrentStepDueUtc,
        s.IsOverdue(now), s.FinishedAtUtc);

    /// <summary>
    /// The timeline model; <paramref name="named"/>: each done step's evidence in words by step index (without it, or for
    /// a step missing from it — the current values a conflict carries — the records by kind and number).
    /// </summary>
    private static SessionTimeline Timeline(DeliberationSession session, Caller caller, DirectoryScope scope, DateTime now,
        IReadOnlyDictionary<int, IReadOnlyList<TimelineEvidence>>? named = null)
    {
        var actor = StepActor.For(caller, session.CommunityId, scope);
        var steps = session.Timeline().Select(e => new TimelineStep(e.Index, e.Step.Name, e.Step.CompletedBy, e.Step.RequiredEvidence, e.Step.TimeLimitDays,
            e.State, e.Completion is { } c
                ? new TimelineDone(c.AtUtc, c.ByName, c.Evidence, named?.GetValueOrDefault(e.Index) ?? EvidenceChoiceQueries.Numbered(c.Evidence))
                : null, e.DueUtc,
            e.State == TimelineState.Current && session.IsOverdue(now))).ToList();
        var canComplete = session.CurrentStepIndex is { } current && DeliberationAccess.CanCompleteStep(actor, session.Steps[current]);
        return new SessionTimeline(session.Id, session.CommunityId, session.MatterId, session.Title, session.Scope, session.TemplateName,
            session.TemplateVersion, session.StartedAtUtc, session.FinishedAtUtc, steps, canComplete,
            DeliberationAccess.CanManage(caller.Policy, session.CommunityId), session.Version);
    }

    /// <summary>
    /// The offered records: each must be one of the records <see cref="EvidenceChoiceQueries"/> offers for its kind (one
    /// definition of which records of the session or step count, and when they are final), else it is not found; and
    /// final. Implementation records are the exception the dialog does not show: any work item of the session's community
    /// counts (the dialog offers only the tasks its notices created), final once closed.
    /// </summary>
    private static async Task<Result?> CheckEvidenceAsync(PortalDbContext db, DeliberationSession session, int stepIndex, IReadOnlyList<EvidenceRef> evidence,
        CancellationToken ct)
    {
        var (missing, notFinal) = (false, false);
        foreach (var kind in evidence.Select(e => e.Kind).Distinct())
        {
            var ids = evidence.Where(e => e.Kind == kind).Select(e => e.RecordId).Distinct().ToList();
            var final = kind == EvidenceKind.ImplementationRecord
                ? await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id) && w.CommunityId == session.CommunityId)
                    .ToDictionaryAsync(w => w.Id, w => w.Status == WorkItemStatus.Closed, ct)
                : (await EvidenceChoiceQueries.OfAsync(db, session, stepIndex, kind, ct))
                    .Where(c => ids.Contains(c.RecordId)).ToDictionary(c => c.RecordId, c => c.IsFinal);
            missing |= final.Count != ids.Count;
            notFinal |= final.ContainsValue(false);
        }
        return missing ? Result.Invalid(DeliberationText.Of(ErrorEvidenceNotFound))
            : notFinal ? Result.Invalid(DeliberationText.Of(ErrorEvidenceNotFinal)) : null;
    }
}

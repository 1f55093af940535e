using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Meetings;

/// <summary>
/// Deliberation meetings (issue 13 item 4, decision 0035): the chair (<see cref="DeliberationAccess.CanChairMeeting"/>)
/// schedules a meeting of a running session, opens it, takes motions one at a time, gives the floor in the order asked,
/// ends or skips, closes; residents of the session's scope (<see cref="DeliberationAccess.CanTakePartInMeeting"/>) sign
/// in by the meeting's QR code and ask to speak; whoever belongs to the community follows it. A closed meeting's sign-in
/// sheet is the evidence of kind <see cref="EvidenceKind.SignInSheet"/> (checked by the Sessions slice through Data).
/// <para>
/// The speaking order lives in the meeting's row, so two changes at the same moment meet its version check. Every queue
/// operation names what it acts on (the motion, the request the chair saw as next, the running speech), so it is safe
/// to run again on the fresh row: the service does, up to <see cref="Attempts"/> times, instead of showing a resident a
/// conflict about a queue that moved while they pressed the button. Anyone who may not see the meeting gets "not found".
/// </para>
/// Scoped.
/// </summary>
public sealed class MeetingService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string ErrorNotInScope = "Deliberation.Error.Meeting.NotInScope";
    public const string ErrorAlreadySignedIn = "Deliberation.Error.Meeting.AlreadySignedIn";
    public const string ErrorNoPerson = "Deliberation.Error.Meeting.NoPerson";

    private const int Attempts = 4;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Message NotFound => DeliberationText.Of(DeliberationText.NotFound);

    // ---- Queries ----

    /// <summary>The session page's section; null when the caller may not see the session.</summary>
    public async Task<SessionMeetings?> ForSessionAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.CommunityId, s.FinishedAtUtc }).SingleOrDefaultAsync(ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId)) return null;
        var rows = await db.DeliberationMeetings.AsNoTracking().Where(m => m.SessionId == sessionId)
            .OrderByDescending(m => m.StartsAtUtc).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.Location, m.StartsAtUtc, m.Status, m.ExpectedCount, Present = db.MeetingSignIns.Count(s => s.MeetingId == m.Id) })
            .ToListAsync(ct);
        return new SessionMeetings(sessionId, session.FinishedAtUtc is null && DeliberationAccess.CanChairMeeting(caller.Policy, session.CommunityId),
            rows.Select(r => new MeetingRow(r.Id, r.Title, r.Location, r.StartsAtUtc, r.Status, MeetingSignIn.Figures(r.ExpectedCount, r.Present))).ToList());
    }

    /// <summary>The meeting as the caller may see it (the chair with the sign-in sheet, a resident with their own part); null when not theirs to see.</summary>
    public async Task<MeetingView?> GetAsync(int meetingId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.DeliberationMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, meeting.CommunityId)) return null;
        return await ViewAsync(db, meeting, caller, ct);
    }

    // ---- The chair ----

    /// <summary>Schedules a meeting of a running session.</summary>
    public async Task<Result<MeetingView>> ScheduleAsync(int sessionId, MeetingDraft draft, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        DeliberationSession? session;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanChairMeeting(caller.Policy, session.CommunityId))
            return Result<MeetingView>.NotFound(NotFound);
        var added = await work.AddAsync<DeliberationMeeting, MeetingView>(
            allow: c => DeliberationAccess.CanChairMeeting(c.Policy, session.CommunityId) ? null : Result.NotFound(NotFound),
            create: c => DeliberationText.Made(
                DeliberationMeeting.Schedule(session, draft.Title, draft.Location, draft.StartsAtUtc, draft.ExpectedCount, draft.Rules, c.UserId!), FieldOf),
            ct: ct);
        return added.Succeeded ? await CurrentAsync(added.Id, ct) : added;
    }

    /// <summary>Changes the details and the speaking rules (a new limit applies to the next speech).</summary>
    public Task<Result<MeetingView>> ChangeDetailsAsync(int meetingId, MeetingDraft draft, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.ChangeDetails(draft.Title, draft.Location, draft.StartsAtUtc, draft.ExpectedCount, draft.Rules), ct, FieldOf);

    public Task<Result<MeetingView>> OpenAsync(int meetingId, CancellationToken ct = default) => ChairAsync(meetingId, m => m.Open(Now), ct);

    public Task<Result<MeetingView>> CloseAsync(int meetingId, CancellationToken ct = default) => ChairAsync(meetingId, m => m.Close(Now), ct);

    public Task<Result<MeetingView>> AddMotionAsync(int meetingId, string? title, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.AddMotion(title).Error, ct, error => error == SpeakingQueue.ErrorMotionTitle ? "Title" : null);

    public Task<Result<MeetingView>> OpenMotionAsync(int meetingId, int motionNumber, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.OpenMotion(motionNumber, Now), ct);

    public Task<Result<MeetingView>> CloseMotionAsync(int meetingId, int motionNumber, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.CloseMotion(motionNumber, Now), ct);

    /// <summary>Gives the floor to <paramref name="requestNumber"/>, the request the chair saw as next.</summary>
    public Task<Result<MeetingView>> GiveFloorAsync(int meetingId, int requestNumber, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.GiveFloor(requestNumber, Now), ct);

    public Task<Result<MeetingView>> EndSpeechAsync(int meetingId, int speechNumber, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.EndSpeech(speechNumber, SpeechEnd.Chair, Now), ct);

    public Task<Result<MeetingView>> SkipAsync(int meetingId, int requestNumber, CancellationToken ct = default) =>
        ChairAsync(meetingId, m => m.Skip(requestNumber), ct);

    /// <summary>The chair copies a line of the paper sheet at the door (someone without a phone).</summary>
    public async Task<Result<MeetingView>> RecordSignInAsync(int meetingId, string? name, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        var meeting = await LoadAsync(meetingId, ct);
        if (meeting is null || !caller.IsSignedIn || !DeliberationAccess.CanChairMeeting(caller.Policy, meeting.CommunityId))
            return Result<MeetingView>.NotFound(NotFound);
        var added = await work.AddAsync<MeetingSignIn, MeetingView>(
            allow: c => DeliberationAccess.CanChairMeeting(c.Policy, meeting.CommunityId) ? null : Result.NotFound(NotFound),
            create: c => DeliberationText.Made(MeetingSignIn.Recorded(meeting, name, c.UserId!, Now), error => error == MeetingSignIn.ErrorName ? "Name" : null),
            ct: ct);
        return added.Succeeded ? await CurrentAsync(meetingId, ct) : added;
    }

    // ---- Residents ----

    /// <summary>
    /// The resident signs themselves in (the QR code leads to the meeting's phone page). Once per meeting: a second
    /// attempt, or two at once, is refused as already signed in (the database holds one line per person).
    /// </summary>
    public async Task<Result<MeetingView>> SignInAsync(int meetingId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.DeliberationMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, meeting.CommunityId))
            return Result<MeetingView>.NotFound(NotFound);
        if (await TakePartRefusalAsync(db, meeting, caller, ct) is { } refusal) return Result<MeetingView>.NotAllowed(DeliberationText.Of(refusal));
        var personId = caller.PersonId!.Value;
        if (await db.MeetingSignIns.AnyAsync(s => s.MeetingId == meetingId && s.PersonId == personId, ct))
            return Result<MeetingView>.Invalid(DeliberationText.Of(ErrorAlreadySignedIn));
        try
        {
            var added = await work.AddAsync<MeetingSignIn, MeetingView>(
                allow: _ => null,
                create: c => DeliberationText.Made(MeetingSignIn.Self(meeting, personId, c.Name, c.UserId!, Now)),
                ct: ct);
            return added.Succeeded ? await CurrentAsync(meetingId, ct) : added;
        }
        catch (DbUpdateException)
        {
            // The unique index on (meeting, person): the same person signed in a moment earlier (a double tap, two phones).
            return Result<MeetingView>.Invalid(DeliberationText.Of(ErrorAlreadySignedIn));
        }
    }

    /// <summary>The resident, signed in, asks to speak on the open motion.</summary>
    public Task<Result<MeetingView>> RequestToSpeakAsync(int meetingId, CancellationToken ct = default) =>
        ResidentAsync(meetingId, (m, caller, signedIn) => m.RequestToSpeak(caller.PersonId!.Value, caller.Name, signedIn, Now).Error, ct);

    /// <summary>The resident takes back their waiting request.</summary>
    public Task<Result<MeetingView>> WithdrawAsync(int meetingId, CancellationToken ct = default) =>
        ResidentAsync(meetingId, (m, caller, _) => m.Withdraw(caller.PersonId!.Value), ct);

    /// <summary>The speaker says they are done (their own running speech only).</summary>
    public Task<Result<MeetingView>> FinishMySpeechAsync(int meetingId, CancellationToken ct = default) =>
        ResidentAsync(meetingId, (m, caller, _) => m.Queue.CurrentSpeech is { } speech && speech.PersonId == caller.PersonId
            ? m.EndSpeech(speech.Number, SpeechEnd.Speaker, Now)
            : SpeakingQueue.ErrorNoSuchSpeech, ct);

    // ---- Helpers ----

    private Task<Result<MeetingView>> ChairAsync(int meetingId, Func<DeliberationMeeting, string?> rule, CancellationToken ct,
        Func<string, string?>? fieldOf = null) =>
        ChangeAsync(meetingId, (caller, meeting, _) => DeliberationAccess.CanChairMeeting(caller.Policy, meeting.CommunityId),
            (meeting, _, _) => rule(meeting), fieldOf, ct);

    /// <summary>A resident's queue operation: refused unless they may take part; <c>signedIn</c> is their line on the sheet.</summary>
    private async Task<Result<MeetingView>> ResidentAsync(int meetingId, Func<DeliberationMeeting, Caller, bool, string?> rule, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var meeting = await db.DeliberationMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is null || !caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, meeting.CommunityId))
                return Result<MeetingView>.NotFound(NotFound);
            if (await TakePartRefusalAsync(db, meeting, caller, ct) is { } refusal) return Result<MeetingView>.NotAllowed(DeliberationText.Of(refusal));
        }
        var personId = caller.PersonId!.Value;
        return await ChangeAsync(meetingId, (c, meeting, _) => DeliberationAccess.CanSeeCommunity(c.Policy, meeting.CommunityId),
            (meeting, c, signedIn) => rule(meeting, c, signedIn), null, ct,
            signedInOf: db => db.MeetingSignIns.AnyAsync(s => s.MeetingId == meetingId && s.PersonId == personId, ct));
    }

    /// <summary>
    /// One change of the meeting's row through the unit of work, at the version read just before; run again on the fresh
    /// row when someone else's change came between (the operations name what they act on, so a repeat is safe).
    /// </summary>
    private async Task<Result<MeetingView>> ChangeAsync(int meetingId, Func<Caller, DeliberationMeeting, bool, bool> allowed,
        Func<DeliberationMeeting, Caller, bool, string?> rule, Func<string, string?>? fieldOf, CancellationToken ct,
        Func<PortalDbContext, Task<bool>>? signedInOf = null)
    {
        var result = Result<MeetingView>.NotFound(NotFound);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            Guid version;
            bool signedIn;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.DeliberationMeetings.Where(m => m.Id == meetingId).Select(m => (Guid?)m.Version).SingleOrDefaultAsync(ct) is not { } current)
                    return result;
                version = current;
                signedIn = signedInOf is not null && await signedInOf(db);
            }
            var changed = await work.ChangeAsync<DeliberationMeeting, MeetingChange>(
                load: (db, token) => db.DeliberationMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, token),
                version: version,
                allow: (c, meeting) => c.IsSignedIn && allowed(c, meeting, signedIn) ? null : Result.NotFound(NotFound),
                run: (c, meeting, _) => rule(meeting, c, signedIn) is { } error
                    ? Result.Invalid(fieldOf?.Invoke(error) ?? Problem.Form, DeliberationText.Of(error))
                    : null,
                current: meeting => new MeetingChange(meeting.Id),
                texts: DeliberationText.Commands,
                ct: ct);
            if (changed.Outcome != Outcome.Conflict) return changed.Succeeded ? await CurrentAsync(meetingId, ct) : Result<MeetingView>.From(changed);
            result = Result<MeetingView>.From(changed);
        }
        return result;
    }

    private async Task<Result<MeetingView>> CurrentAsync(int meetingId, CancellationToken ct) =>
        await GetAsync(meetingId, ct) is { } view ? Result<MeetingView>.Ok(view, view.Id, view.Version) : Result<MeetingView>.NotFound(NotFound);

    private async Task<DeliberationMeeting?> LoadAsync(int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeliberationMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
    }

    /// <summary>Why the caller cannot sign in or speak (a text key), or null when they may.</summary>
    private static async Task<string?> TakePartRefusalAsync(PortalDbContext db, DeliberationMeeting meeting, Caller caller, CancellationToken ct)
    {
        if (caller.PersonId is not { } personId) return ErrorNoPerson;
        var inScope = await PersonInScopeAsync(db, meeting.SessionId, personId, ct);
        return DeliberationAccess.CanTakePartInMeeting(caller, meeting.CommunityId, inScope) ? null : ErrorNotInScope;
    }

    /// <summary>
    /// Whether the person lives within the session's scope: their household's building (for a building, a grid, a property
    /// area or the community), or — without a household — their recorded grid or community of residence.
    /// </summary>
    private static async Task<bool> PersonInScopeAsync(PortalDbContext db, int sessionId, int personId, CancellationToken ct)
    {
        var session = await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.CommunityId, s.Scope }).SingleAsync(ct);
        var community = session.CommunityId;
        var id = session.Scope.Id;
        var person = db.People.AsNoTracking().Where(p => p.Id == personId);
        return session.Scope.Kind switch
        {
            MatterScopeKind.Building => await person.AnyAsync(p => p.Household != null && p.Household.BuildingId == id && p.Household.Building!.Grid!.CommunityId == community, ct),
            MatterScopeKind.Grid => await person.AnyAsync(p => (p.Household != null && p.Household.Building!.GridId == id && p.Household.Building.Grid!.CommunityId == community)
                || (p.HouseholdId == null && p.GridId == id && p.ResidenceCommunityId == community), ct),
            MatterScopeKind.PropertyArea => await person.AnyAsync(p => p.Household != null && p.Household.Building!.PropertyAreaId == id && p.Household.Building.Grid!.CommunityId == community, ct),
            MatterScopeKind.Community => await person.AnyAsync(p => (p.Household != null && p.Household.Building!.Grid!.CommunityId == community)
                || (p.HouseholdId == null && p.ResidenceCommunityId == community), ct),
            _ => false,
        };
    }

    private async Task<MeetingView> ViewAsync(PortalDbContext db, DeliberationMeeting meeting, Caller caller, CancellationToken ct)
    {
        var now = Now;
        var sessionTitle = await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == meeting.SessionId).Select(s => s.Title).SingleAsync(ct);
        var chair = DeliberationAccess.CanChairMeeting(caller.Policy, meeting.CommunityId);
        var present = await db.MeetingSignIns.CountAsync(s => s.MeetingId == meeting.Id, ct);
        IReadOnlyList<SignInLine> lines = chair
            ? await db.MeetingSignIns.AsNoTracking().Where(s => s.MeetingId == meeting.Id).OrderBy(s => s.AtUtc).ThenBy(s => s.Id)
                .Select(s => new SignInLine(s.Name, s.Way, s.AtUtc)).ToListAsync(ct)
            : [];
        var queue = meeting.Queue;
        MyMeetingPart? me = null;
        if (!chair && caller.PersonId is { } personId)
        {
            var refusal = await TakePartRefusalAsync(db, meeting, caller, ct);
            var signedAt = await db.MeetingSignIns.Where(s => s.MeetingId == meeting.Id && s.PersonId == personId).Select(s => (DateTime?)s.AtUtc).FirstOrDefaultAsync(ct);
            me = new MyMeetingPart(refusal is null, refusal, signedAt, queue.PlaceOf(personId),
                queue.CurrentSpeech is { } s && s.PersonId == personId ? s.Number : null, queue.RequestsLeft(personId));
        }
        else if (!chair)
        {
            me = new MyMeetingPart(false, ErrorNoPerson, null, null, null, 0);
        }
        return new MeetingView(meeting.Id, meeting.Version, meeting.SessionId, sessionTitle, meeting.CommunityId, meeting.Title, meeting.Location,
            meeting.StartsAtUtc, meeting.Status, meeting.Rules, MeetingSignIn.Figures(meeting.ExpectedCount, present), meeting.Motions, queue.OpenMotion,
            queue.CurrentSpeech, queue.Waiting, meeting.Speeches, chair, me, lines, now);
    }

    private static string? FieldOf(string error) => error switch
    {
        DeliberationMeeting.ErrorTitle => "Title",
        DeliberationMeeting.ErrorLocation => "Location",
        DeliberationMeeting.ErrorExpected => "ExpectedCount",
        SpeakingRules.ErrorSpeechLimit => "SpeechLimitSeconds",
        SpeakingRules.ErrorMaxSpeeches => "MaxSpeechesPerMotion",
        _ => null,
    };

    /// <summary>What a queue operation's conflict carries: only which meeting (the screens reload it).</summary>
    private sealed record MeetingChange(int MeetingId);
}

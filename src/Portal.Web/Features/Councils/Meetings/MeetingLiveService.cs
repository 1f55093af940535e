using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Councils.Meetings;

/// <summary>
/// The live meeting for one caller: reads the meeting (participants only see the agenda) and sends agenda operations to
/// <see cref="MeetingAgendaCoordinator"/> after checking the caller's rights with <see cref="CouncilAccess"/> on every call:
/// steering (current item, order, urgent items, titles, time boxes, timers, start and end) needs CanSteer; outcomes and
/// notes need CanRecord. Commands answer a <see cref="Result{T}"/>: the agenda's revision after the step and whether it
/// was merged with changes made meanwhile, or the refusal as a message (the domain's codes are keys of
/// <see cref="CouncilsText"/>, this feature's of <see cref="MeetingsText"/>), localized at the edge. Scoped (per circuit or request).
/// </summary>
public sealed class MeetingLiveService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    MeetingAgendaCoordinator coordinator,
    LiveEventBus bus,
    TimeProvider clock)
{
    public const string ErrorNotAllowed = "Meeting.NotAllowed";

    private enum Need { Steer, Record }

    /// <summary>
    /// The meeting for the page: null when it does not exist or the caller may not view its council (reported alike). A
    /// caller who may view but does not take part gets the header and no agenda (<see cref="MeetingLive.Snapshot"/> null).
    /// </summary>
    public async Task<MeetingLive?> LoadAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        // Read before the meeting (see MeetingSnapshot.From): an event in between is seen twice at worst, never missed.
        var sequence = await bus.LastSequenceAsync(MeetingChannels.For(meetingId), ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct);
        if (access is null) return null;
        var (council, meeting, rights) = access;
        var chair = meeting.ChairPersonId is { } chairId
            ? await db.People.AsNoTracking().Where(p => p.Id == chairId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : null;
        var header = new MeetingHeaderInfo(meeting.Id, council.Id, council.Name, meeting.Title, meeting.Kind, meeting.StartsAtUtc,
            meeting.EndsAtUtc, meeting.Location ?? council.DefaultLocation, chair);
        var snapshot = rights.CanParticipate
            ? MeetingSnapshot.From(meeting, council.Name, council.DefaultLocation, sequence, clock.GetUtcNow().UtcDateTime)
            : null;
        return new MeetingLive(header, meeting.Status, meeting.StartedAtUtc, meeting.EndedAtUtc, rights, snapshot);
    }

    public Task<Result<AgendaApplied>> SetCurrentAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new SetCurrentItem(baseRevision, actor, number), ct);

    /// <summary>Moves the item just before <paramref name="beforeNumber"/>, or to the end (null).</summary>
    public Task<Result<AgendaApplied>> MoveAsync(int meetingId, int baseRevision, int number, int? beforeNumber, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new MoveItem(baseRevision, actor, number, beforeNumber), ct);

    public Task<Result<AgendaApplied>> AddUrgentAsync(int meetingId, int baseRevision, string title, int minutes, int? beforeNumber, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new AddUrgentItem(baseRevision, actor, title ?? "", minutes, beforeNumber), ct);

    /// <summary>Changes the title and/or the time box (null: unchanged).</summary>
    public Task<Result<AgendaApplied>> EditAsync(int meetingId, int baseRevision, int number, string? title, int? minutes, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new EditItem(baseRevision, actor, number, Title: title, TimeBoxMinutes: minutes), ct);

    /// <summary>Records the outcome and/or the notes (null: unchanged; empty: cleared).</summary>
    public Task<Result<AgendaApplied>> RecordAsync(int meetingId, int baseRevision, int number, string? outcome, string? notes, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Record, actor => new EditItem(baseRevision, actor, number, Outcome: outcome, Notes: notes), ct);

    public Task<Result<AgendaApplied>> RemoveAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new RemoveItem(baseRevision, actor, number), ct);

    public Task<Result<AgendaApplied>> StartTimerAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new StartTimer(baseRevision, actor, number), ct);

    public Task<Result<AgendaApplied>> StopTimerAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new StopTimer(baseRevision, actor, number), ct);

    public Task<Result<AgendaApplied>> StartMeetingAsync(int meetingId, CancellationToken ct = default) =>
        RunAsync(meetingId, Need.Steer, _ => coordinator.StartAsync(meetingId, ct), ct);

    public Task<Result<AgendaApplied>> EndMeetingAsync(int meetingId, CancellationToken ct = default) =>
        RunAsync(meetingId, Need.Steer, actor => coordinator.EndAsync(meetingId, actor, ct), ct);

    private Task<Result<AgendaApplied>> ApplyAsync(int meetingId, Need need, Func<string, AgendaOperation> operation, CancellationToken ct) =>
        RunAsync(meetingId, need, actor => coordinator.ApplyAsync(meetingId, operation(actor), ct), ct);

    private async Task<Result<AgendaApplied>> RunAsync(int meetingId, Need need, Func<string, Task<AgendaOutcome>> run, CancellationToken ct)
    {
        string actor;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var caller = await callers.GetAsync(ct);
            // The coordinator loads the agenda itself, under the meeting's lock; the rights need only the roster.
            var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false);
            if (access is null) return Result<AgendaApplied>.NotFound(Message.Of<MeetingsText>(MeetingAgendaCoordinator.ErrorNotFound));
            var allowed = need == Need.Steer ? access.Rights.CanSteer : access.Rights.CanRecord;
            if (!allowed) return Result<AgendaApplied>.NotAllowed(Message.Of<MeetingsText>(ErrorNotAllowed));
            actor = caller.Name;
        }
        var outcome = await run(actor);
        return outcome.Applied
            ? Result<AgendaApplied>.Ok(new AgendaApplied(outcome.Merged, outcome.Revision), meetingId)
            : Result<AgendaApplied>.From(Refused(outcome.ErrorCode!));
    }

    /// <summary>
    /// The agenda's refusals that say someone else changed the same thing first (the page shows the newer agenda, and the
    /// person decides again): conflicts. The others refuse the input or the meeting's state.
    /// </summary>
    private static readonly HashSet<string> ConflictCodes =
    [
        LiveAgenda.ErrorEditConflict, LiveAgenda.ErrorMoveConflict, LiveAgenda.ErrorCurrentConflict, LiveAgenda.ErrorItemChanged,
        LiveAgenda.ErrorItemDeleted, LiveAgenda.ErrorStale, LiveAgenda.ErrorUnknownRevision,
    ];

    /// <summary>The coordinator's refusal: domain codes ("Council.Error.*") are the councils' texts; its own not-found is this feature's.</summary>
    private static Result Refused(string code)
    {
        if (code == MeetingAgendaCoordinator.ErrorNotFound) return Result.NotFound(Message.Of<MeetingsText>(code));
        var message = Message.Of<CouncilsText>(code);
        return ConflictCodes.Contains(code) ? Result.Conflict(message) : Result.Invalid(message);
    }
}

/// <summary>An agenda step or a start/end that was stored: the agenda's <see cref="Revision"/> after it, and whether it was <see cref="Merged"/> with changes made meanwhile.</summary>
public sealed record AgendaApplied(bool Merged, int Revision);

/// <summary>The meeting's fixed facts for the page's header.</summary>
public sealed record MeetingHeaderInfo(
    int MeetingId,
    int CouncilId,
    string CouncilName,
    string Title,
    MeetingKind Kind,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Location,
    string? ChairName);

/// <summary>What the meeting page starts from; <see cref="Snapshot"/> is null for a viewer who does not take part.</summary>
public sealed record MeetingLive(
    MeetingHeaderInfo Header,
    MeetingStatus Status,
    DateTime? StartedAtUtc,
    DateTime? EndedAtUtc,
    MeetingRights Rights,
    MeetingSnapshot? Snapshot);

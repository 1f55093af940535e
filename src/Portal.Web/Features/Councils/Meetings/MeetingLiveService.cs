using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Councils.Meetings;

/// <summary>
/// The live meeting for one caller: reads the meeting (participants only see the agenda) and sends agenda operations to
/// <see cref="MeetingAgendaCoordinator"/> after checking the caller's rights with <see cref="CouncilAccess"/> on every call:
/// steering (current item, order, urgent items, titles, time boxes, timers, start and end) needs CanSteer; outcomes and
/// notes need CanRecord. Errors come back localized. Scoped (per circuit or request).
/// </summary>
public sealed class MeetingLiveService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    MeetingAgendaCoordinator coordinator,
    LiveEventBus bus,
    TimeProvider clock,
    IStringLocalizer<CouncilsText> councilText,
    IStringLocalizer<MeetingsText> text)
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

    public Task<AgendaCommandResult> SetCurrentAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new SetCurrentItem(baseRevision, actor, number), ct);

    /// <summary>Moves the item just before <paramref name="beforeNumber"/>, or to the end (null).</summary>
    public Task<AgendaCommandResult> MoveAsync(int meetingId, int baseRevision, int number, int? beforeNumber, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new MoveItem(baseRevision, actor, number, beforeNumber), ct);

    public Task<AgendaCommandResult> AddUrgentAsync(int meetingId, int baseRevision, string title, int minutes, int? beforeNumber, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new AddUrgentItem(baseRevision, actor, title ?? "", minutes, beforeNumber), ct);

    /// <summary>Changes the title and/or the time box (null: unchanged).</summary>
    public Task<AgendaCommandResult> EditAsync(int meetingId, int baseRevision, int number, string? title, int? minutes, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new EditItem(baseRevision, actor, number, Title: title, TimeBoxMinutes: minutes), ct);

    /// <summary>Records the outcome and/or the notes (null: unchanged; empty: cleared).</summary>
    public Task<AgendaCommandResult> RecordAsync(int meetingId, int baseRevision, int number, string? outcome, string? notes, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Record, actor => new EditItem(baseRevision, actor, number, Outcome: outcome, Notes: notes), ct);

    public Task<AgendaCommandResult> RemoveAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new RemoveItem(baseRevision, actor, number), ct);

    public Task<AgendaCommandResult> StartTimerAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new StartTimer(baseRevision, actor, number), ct);

    public Task<AgendaCommandResult> StopTimerAsync(int meetingId, int baseRevision, int number, CancellationToken ct = default) =>
        ApplyAsync(meetingId, Need.Steer, actor => new StopTimer(baseRevision, actor, number), ct);

    public Task<AgendaCommandResult> StartMeetingAsync(int meetingId, CancellationToken ct = default) =>
        RunAsync(meetingId, Need.Steer, _ => coordinator.StartAsync(meetingId, ct), ct);

    public Task<AgendaCommandResult> EndMeetingAsync(int meetingId, CancellationToken ct = default) =>
        RunAsync(meetingId, Need.Steer, actor => coordinator.EndAsync(meetingId, actor, ct), ct);

    private Task<AgendaCommandResult> ApplyAsync(int meetingId, Need need, Func<string, AgendaOperation> operation, CancellationToken ct) =>
        RunAsync(meetingId, need, actor => coordinator.ApplyAsync(meetingId, operation(actor), ct), ct);

    private async Task<AgendaCommandResult> RunAsync(int meetingId, Need need, Func<string, Task<AgendaOutcome>> run, CancellationToken ct)
    {
        string actor;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var caller = await callers.GetAsync(ct);
            // The coordinator loads the agenda itself, under the meeting's lock; the rights need only the roster.
            var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false);
            if (access is null) return Refused(MeetingAgendaCoordinator.ErrorNotFound);
            var allowed = need == Need.Steer ? access.Rights.CanSteer : access.Rights.CanRecord;
            if (!allowed) return Refused(ErrorNotAllowed);
            actor = caller.Name;
        }
        var outcome = await run(actor);
        return outcome.Applied
            ? new AgendaCommandResult(true, null, outcome.Merged, outcome.Revision)
            : Refused(outcome.ErrorCode!);
    }

    private AgendaCommandResult Refused(string code) => new(false, Localize(code), false, 0);

    /// <summary>Domain codes ("Council.Error.*") are the councils' strings; the page's own codes are this feature's.</summary>
    private string Localize(string code) =>
        code.StartsWith("Council.Error.", StringComparison.Ordinal) ? councilText[code] : text[code];
}

/// <summary>The outcome of an operation for the page: <see cref="Error"/> is localized; <see cref="Revision"/> is the agenda's after it.</summary>
public sealed record AgendaCommandResult(bool Succeeded, string? Error, bool Merged, int Revision);

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

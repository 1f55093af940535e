using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Web.Data;

namespace Portal.Web.Features.Councils.Meetings;

/// <summary>
/// Applies live agenda operations and the start and end of meetings, one operation per meeting at a time: load the meeting
/// and the recent change history, let <see cref="LiveAgenda"/> decide (merge or refuse by revision), store the state with
/// its change entry: the agenda, its change entry, the audit and the live event on the meeting's channel
/// (<see cref="MeetingLiveEvents"/>, raised by <see cref="Meeting.StoreAgenda(AgendaState, AgendaChange)"/> and
/// <see cref="Meeting.Apply"/>) commit together, so an event is never lost between the save and its publication. It checks no rights; <see cref="MeetingLiveService"/>
/// does, before calling it.
/// <para>Lifetime: <b>singleton</b>. The per-meeting locks only serialize anything if every circuit and request of this node
/// shares them; it keeps no agenda in memory (each operation reads the database), so several nodes stay correct too:
/// there the meeting's <c>Version</c> and the unique (meeting, revision) index of the change log refuse the slower writer,
/// which reloads and applies its operation once more against the newer agenda.</para>
/// </summary>
public sealed class MeetingAgendaCoordinator(
    IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<MeetingAgendaCoordinator> logger)
{
    /// <summary>
    /// How many past changes are loaded with the agenda: an operation based on an older revision is refused as stale (the
    /// page reloads) rather than merged without knowing what happened since. A meeting sees far fewer changes per minute.
    /// </summary>
    public const int HistoryLoaded = 200;

    /// <summary>The error code when the meeting does not exist (a resource key of <see cref="MeetingsText"/>).</summary>
    public const string ErrorNotFound = "Meeting.NotFound";

    // One gate per meeting ever touched on this node; a few bytes each, so they are kept rather than reference-counted.
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

    /// <summary>Applies an agenda operation. While the meeting runs any operation; after it ends only outcomes and notes.</summary>
    public Task<AgendaOutcome> ApplyAsync(int meetingId, AgendaOperation operation, CancellationToken ct = default) =>
        RunAsync(meetingId, (meeting, state, now) =>
        {
            var recordOnly = operation is EditItem edit && (edit.Fields & ~(AgendaField.Outcome | AgendaField.Notes)) == 0;
            var open = meeting.Status == MeetingStatus.InProgress || (recordOnly && meeting.Status == MeetingStatus.Ended);
            if (!open) return Step.Refuse(MeetingWorkflow.NotAllowedInStatus);
            var result = LiveAgenda.Apply(state, operation, now);
            return result.Applied ? new Step(result, null, null) : Step.Refuse(result.ErrorCode!);
        }, ct);

    public Task<AgendaOutcome> StartAsync(int meetingId, CancellationToken ct = default) =>
        RunAsync(meetingId, (_, _, _) => new Step(null, MeetingAction.Start, null), ct);

    /// <summary>Ends the meeting: the agenda closes first (the current item ends, timers stop), as one save.</summary>
    public Task<AgendaOutcome> EndAsync(int meetingId, string actorName, CancellationToken ct = default) =>
        RunAsync(meetingId, (meeting, state, now) =>
        {
            if (meeting.Status != MeetingStatus.InProgress) return Step.Refuse(MeetingWorkflow.NotAllowedInStatus);
            var closed = LiveAgenda.Close(state, actorName, now);
            return closed.Applied ? new Step(closed, MeetingAction.End, null) : Step.Refuse(closed.ErrorCode!);
        }, ct);

    /// <summary>What to do with the loaded meeting: store an agenda result, move the meeting's status, or refuse.</summary>
    private sealed record Step(AgendaResult? Agenda, MeetingAction? Action, string? Error)
    {
        public static Step Refuse(string error) => new(null, null, error);
    }

    private async Task<AgendaOutcome> RunAsync(int meetingId, Func<Meeting, AgendaState, DateTime, Step> decide, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(meetingId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
                if (meeting is null) return AgendaOutcome.Refused(ErrorNotFound);
                var from = meeting.AgendaRevision - HistoryLoaded;
                var history = await db.AgendaChanges.AsNoTracking()
                    .Where(c => c.MeetingId == meetingId && c.Revision > from && c.Revision <= meeting.AgendaRevision)
                    .OrderBy(c => c.Revision).ToListAsync(ct);
                var state = meeting.LoadAgenda(history.Select(h => h.ToHistory()));
                var now = clock.GetUtcNow().UtcDateTime;

                var step = decide(meeting, state, now);
                if (step.Error is { } error) return AgendaOutcome.Refused(error);
                if (step.Agenda is { } agenda)
                {
                    meeting.StoreAgenda(agenda.State, agenda.Change!);
                    db.AgendaChanges.Add(AgendaChangeEntry.From(meeting.Id, agenda.Change!, agenda.HistoryEntry!));
                }
                if (step.Action is { } action && meeting.Apply(action, now) is { Allowed: false } refused)
                    return AgendaOutcome.Refused(refused.ErrorCode!);

                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException ex) when (attempt == 1)
                {
                    // Another node saved this meeting first (its Version moved on, or it took this revision in the change
                    // log). Read its agenda and decide again: the domain merges or refuses by revision as it would here.
                    logger.LogInformation(ex, "Meeting {MeetingId} was changed concurrently; applying the operation again", meetingId);
                    continue;
                }

                return new AgendaOutcome(step.Agenda?.Change, null, step.Agenda?.Merged ?? false, meeting.Status, meeting.AgendaRevision);
            }
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// The result of an operation on a meeting: applied (the agenda event when the agenda changed; <see cref="Merged"/> when it
/// was based on an older revision and merged with changes made meanwhile) or refused with an error code (a resource key).
/// </summary>
public sealed record AgendaOutcome(AgendaChange? Change, string? ErrorCode, bool Merged, MeetingStatus? Status, int Revision)
{
    public bool Applied => ErrorCode is null;

    public static AgendaOutcome Refused(string errorCode) => new(null, errorCode, false, null, 0);
}

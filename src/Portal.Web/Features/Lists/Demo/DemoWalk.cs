using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.Deadlines;

namespace Portal.Web.Features.Lists.Demo;

/// <summary>
/// Walks one demo work item through its lifecycle the way its people and the deadline monitor would have: every step goes
/// through <see cref="WorkItem.Apply"/> with its history event, in order, stopping at the first step that would lie in the
/// future (old items end closed, recent ones part-way); and between the steps, and after the last one up to now, the
/// reminders and escalation <see cref="DeadlineMonitor"/> would have recorded by then (its own decision,
/// <see cref="DeadlineMonitor.StepDue"/>), so a demo item reads as if the monitor had been running all along and the monitor
/// finds nothing left to do for it. Call <see cref="Finish"/> once the item's steps are done. Used by every demo seeder
/// that gives work items a history.
/// </summary>
internal sealed class DemoWalk(WorkItem item, DateTime nowUtc, DeadlineRules rules)
{
    /// <summary>How soon after a deadline boundary the monitor's round sees it (its default interval).</summary>
    private static readonly TimeSpan MonitorLag = TimeSpan.FromMinutes(1);

    /// <summary>The time of the last step taken (the monitor's events do not move it).</summary>
    public DateTime At { get; private set; } = item.RaisedAtUtc;

    public bool Stopped { get; private set; }

    public bool Step(TimeSpan after, WorkItemAction action, string actor, string? actorUserId = null, string? note = null,
        Satisfaction? rating = null, Action? before = null)
    {
        if (!Reaches(after, out var at)) return false;
        before?.Invoke();
        var from = item.Status;
        var result = item.Apply(action, at, rating);
        if (!result.Allowed) throw new InvalidOperationException($"Demo step {action} from {from} refused: {result.ErrorCode}");
        item.Events.Add(new WorkItemEvent
        {
            Action = action, FromStatus = from, ToStatus = item.Status, ActorName = actor, ActorUserId = actorUserId, AtUtc = at,
            Note = note, Rating = rating,
        });
        At = at;
        return true;
    }

    /// <summary>
    /// A step the item takes by its own method (triage, publishing: steps that decide more than the status), with its
    /// history step; a refusal is a bug of the demo.
    /// </summary>
    public bool Step(TimeSpan after, string actor, string? actorUserId, Func<WorkItem, StepActor, DateTime, string?> step)
    {
        if (!Reaches(after, out var at)) return false;
        if (step(item, new StepActor(actorUserId, actor), at) is { } refused)
            throw new InvalidOperationException($"Demo step from {item.Status} refused: {refused}");
        At = at;
        return true;
    }

    /// <summary>No more steps for this item.</summary>
    public void Stop() => Stopped = true;

    /// <summary>
    /// After the item's last step: what the monitor would have done since, up to now. The steps' domain events are
    /// dropped: the demo's past is nobody's news (no notices, no live events for a history seeded at once).
    /// </summary>
    public void Finish()
    {
        Stopped = true;
        MonitorUntil(nowUtc);
        item.TakeEvents();
    }

    /// <summary>The moment <paramref name="after"/> the last step, with the monitor's steps up to it; false (and stopped) once it lies in the future.</summary>
    private bool Reaches(TimeSpan after, out DateTime at)
    {
        at = At + after;
        if (Stopped || at >= nowUtc)
        {
            Stopped = true;
            return false;
        }
        MonitorUntil(at);
        return true;
    }

    /// <summary>The monitor's steps before <paramref name="limit"/>, at the first round after each deadline boundary.</summary>
    private void MonitorUntil(DateTime limit)
    {
        if (item.DueAtUtc is not { } due) return;
        var start = item.DispatchedAtUtc ?? item.RaisedAtUtc;
        var window = TimeSpan.FromTicks((long)((due - start).Ticks * rules.DueSoonShare));
        DateTime[] boundaries = [due - window, due.AddTicks(1), due + rules.EscalationGrace + TimeSpan.FromTicks(1)];
        foreach (var boundary in boundaries)
        {
            var at = boundary + MonitorLag < At ? At : boundary + MonitorLag;
            if (at >= limit) break;
            if (DeadlineMonitor.StepDue(item, rules, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) is { } step)
                DeadlineMonitor.RecordStep(item, step, at);
        }
    }
}

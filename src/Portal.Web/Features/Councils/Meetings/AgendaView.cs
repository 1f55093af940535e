using System.Collections.Immutable;
using Portal.Domain.Councils;

namespace Portal.Web.Features.Councils.Meetings;

/// <summary>What applying a live event to an <see cref="AgendaView"/> did.</summary>
public enum AgendaViewStep
{
    Applied,
    /// <summary>The view already holds this revision (an event read twice, or one the snapshot already contained).</summary>
    Ignored,
    /// <summary>The view missed something before this event: read the missed events or reload the snapshot.</summary>
    Gap,
}

/// <summary>
/// The agenda as one meeting page shows it, and the one place where live events are applied to it. Events carry the
/// agenda revision they produce; a view at revision n applies exactly the change to n + 1, ignores older ones and reports
/// a gap for anything later, so a page never shows a state built from changes out of order.
/// </summary>
public sealed record AgendaView(
    MeetingStatus Status,
    DateTime? StartedAtUtc,
    DateTime? EndedAtUtc,
    int Revision,
    int? CurrentNumber,
    bool IsClosed,
    ImmutableList<AgendaItemState> Items)
{
    public static AgendaView From(MeetingSnapshot snapshot, DateTime? startedAtUtc, DateTime? endedAtUtc) => new(
        snapshot.Status, startedAtUtc, endedAtUtc, snapshot.AgendaRevision, snapshot.CurrentNumber, IsClosedStatus(snapshot.Status),
        [.. snapshot.Items]);

    /// <summary>Live agenda operations (other than recording) are taken while the meeting runs.</summary>
    public bool IsLive => Status == MeetingStatus.InProgress && !IsClosed;

    /// <summary>Outcomes and notes may be recorded while the meeting runs and after it, until the minutes are approved.</summary>
    public bool CanRecordNow => Status is MeetingStatus.InProgress or MeetingStatus.Ended;

    public AgendaItemState? Current => CurrentNumber is { } n ? Find(n) : null;

    public AgendaItemState? Find(int number) => Items.FirstOrDefault(i => i.Number == number);

    /// <summary>The item's 1-based place in the agenda as shown ("第 2 项"); 0 when it is not on the agenda.</summary>
    public int PlaceOf(int number) => Items.FindIndex(i => i.Number == number) + 1;

    public (AgendaView View, AgendaViewStep Step) Apply(AgendaChange change)
    {
        if (change.Revision <= Revision) return (this, AgendaViewStep.Ignored);
        if (change.Revision != Revision + 1) return (this, AgendaViewStep.Gap);
        var byNumber = Items.ToDictionary(i => i.Number);
        foreach (var item in change.ChangedItems) byNumber[item.Number] = item;
        if (change.RemovedNumber is { } removed) byNumber.Remove(removed);
        // The event's order is the whole agenda: an item in it that this view does not know means it missed a change.
        if (change.Order.Any(n => !byNumber.ContainsKey(n))) return (this, AgendaViewStep.Gap);
        return (this with
        {
            Revision = change.Revision,
            Items = [.. change.Order.Select(n => byNumber[n])],
            CurrentNumber = change.CurrentNumber,
            IsClosed = IsClosed || change.Kind == AgendaChangeKind.Closed,
        }, AgendaViewStep.Applied);
    }

    /// <summary>
    /// A status change. One that comes with a later agenda revision (the agenda confirmed again, say) is a gap: the view
    /// cannot know the agenda at that revision and reloads.
    /// </summary>
    public (AgendaView View, AgendaViewStep Step) Apply(MeetingStatusChanged status)
    {
        if (status.AgendaRevision > Revision) return (this, AgendaViewStep.Gap);
        return (this with
        {
            Status = status.Status,
            StartedAtUtc = status.StartedAtUtc,
            EndedAtUtc = status.EndedAtUtc,
            IsClosed = IsClosed || IsClosedStatus(status.Status),
        }, AgendaViewStep.Applied);
    }

    /// <summary>Where moving the item one place up puts it: before the item now above it; null when it is first.</summary>
    public MoveTarget? MoveUp(int number)
    {
        var index = Items.FindIndex(i => i.Number == number);
        return index > 0 ? new MoveTarget(Items[index - 1].Number) : null;
    }

    /// <summary>
    /// Where moving the item one place down puts it: before the item two below, or at the end when only one follows;
    /// null when it is last.
    /// </summary>
    public MoveTarget? MoveDown(int number)
    {
        var index = Items.FindIndex(i => i.Number == number);
        if (index < 0 || index >= Items.Count - 1) return null;
        return new MoveTarget(index + 2 < Items.Count ? Items[index + 2].Number : null);
    }

    private static bool IsClosedStatus(MeetingStatus status) =>
        status is MeetingStatus.Ended or MeetingStatus.MinutesApproved or MeetingStatus.Cancelled or MeetingStatus.Declined;
}

/// <summary>A move "just before <see cref="BeforeNumber"/>" (null: to the end), as <see cref="MoveItem"/> takes it.</summary>
public sealed record MoveTarget(int? BeforeNumber);

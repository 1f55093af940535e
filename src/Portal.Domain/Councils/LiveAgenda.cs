using System.Collections.Immutable;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Councils;

/// <summary>
/// One agenda item as stored. <see cref="Number"/> is the item's identity inside the meeting: assigned once by the live
/// agenda, never reused (so an operation about a removed item can never hit a newer one), independent of the order.
/// </summary>
public sealed class AgendaItem : Entity
{
    public const int TitleMaxLength = 100;
    public const int TextMaxLength = 4_000;

    public int MeetingId { get; set; }
    public int Number { get; set; }
    /// <summary>0-based place in the agenda.</summary>
    public int Position { get; set; }
    public required string Title { get; set; }
    public int? TopicId { get; set; }
    public int TimeBoxMinutes { get; set; }
    public bool IsUrgent { get; set; }
    public DateTime? ActualStartUtc { get; set; }
    public DateTime? ActualEndUtc { get; set; }
    public DateTime? TimerStartedAtUtc { get; set; }
    public TimeSpan TimerElapsed { get; set; }
    [MultiLineText]
    public string? Outcome { get; set; }
    [MultiLineText]
    public string? Notes { get; set; }

    public AgendaItemState ToState() => new(Number, Title, TimeBoxMinutes, IsUrgent, TopicId, ActualStartUtc, ActualEndUtc,
        TimerStartedAtUtc, TimerElapsed, Outcome, Notes);

    /// <summary>Copies a state from the live agenda onto the stored row (the row's key and meeting stay).</summary>
    public void CopyFrom(AgendaItemState s, int position)
    {
        Number = s.Number; Position = position; Title = s.Title; TimeBoxMinutes = s.TimeBoxMinutes; IsUrgent = s.IsUrgent;
        TopicId = s.TopicId; ActualStartUtc = s.ActualStartUtc; ActualEndUtc = s.ActualEndUtc; TimerStartedAtUtc = s.TimerStartedAtUtc;
        TimerElapsed = s.TimerElapsed; Outcome = s.Outcome; Notes = s.Notes;
    }
}

/// <summary>An agenda item in the live model (immutable).</summary>
public sealed record AgendaItemState(
    int Number,
    string Title,
    int TimeBoxMinutes,
    bool IsUrgent,
    int? TopicId,
    DateTime? ActualStartUtc,
    DateTime? ActualEndUtc,
    DateTime? TimerStartedAtUtc,
    TimeSpan TimerElapsed,
    string? Outcome,
    string? Notes)
{
    public bool TimerRunning => TimerStartedAtUtc is not null;

    /// <summary>Time left in the box at <paramref name="nowUtc"/>; negative once overrun (the countdown shows "+2:10").</summary>
    public TimeSpan Remaining(DateTime nowUtc) =>
        TimeSpan.FromMinutes(TimeBoxMinutes) - TimerElapsed - (TimerStartedAtUtc is { } since && nowUtc > since ? nowUtc - since : TimeSpan.Zero);
}

/// <summary>What an operation touches, for deciding whether two concurrent operations collide.</summary>
[Flags]
public enum AgendaField
{
    None = 0,
    Title = 1,
    TimeBox = 2,
    Outcome = 4,
    Notes = 8,
    /// <summary>The item's place in the order (moved).</summary>
    Position = 16,
    /// <summary>The item was added or removed.</summary>
    Existence = 32,
    /// <summary>Which item is current (agenda-wide, recorded on item number 0).</summary>
    Current = 64,
    Timer = 128,
    /// <summary>Actual start or end.</summary>
    Times = 256,
}

/// <summary>One (item, fields) pair an applied change touched. Item 0 stands for the agenda as a whole.</summary>
public readonly record struct AgendaTouch(int ItemNumber, AgendaField Fields);

/// <summary>An applied change as kept in the history: enough to detect conflicts with operations based on older revisions.</summary>
public sealed record AgendaHistoryEntry(int Revision, IReadOnlyList<AgendaTouch> Touches)
{
    /// <summary>A compact text form for storage, e.g. "0:Current;3:Timer, Times".</summary>
    public string EncodeTouches() => string.Join(';', Touches.Select(t => $"{t.ItemNumber}:{t.Fields}"));

    public static AgendaHistoryEntry Decode(int revision, string touches) => new(revision,
        touches.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(':', 2))
            .Select(p => new AgendaTouch(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<AgendaField>(p[1])))
            .ToList());
}

/// <summary>
/// One applied agenda change as stored: the sequence number clients catch up by, what it touched (so operations based on
/// older revisions can still be checked after a restart), who did it and when. Append-only.
/// </summary>
public sealed class AgendaChangeEntry : Entity
{
    public int MeetingId { get; set; }
    public int Revision { get; set; }
    public AgendaChangeKind Kind { get; set; }
    public int ItemNumber { get; set; }
    [VerbatimText]
    public required string Touches { get; set; }
    public required string ActorName { get; set; }
    public DateTime AtUtc { get; set; }

    public static AgendaChangeEntry From(int meetingId, AgendaChange change, AgendaHistoryEntry history) => new()
    {
        MeetingId = meetingId,
        Revision = change.Revision,
        Kind = change.Kind,
        ItemNumber = change.ItemNumber,
        Touches = history.EncodeTouches(),
        ActorName = change.ActorName,
        AtUtc = change.AtUtc,
    };

    public AgendaHistoryEntry ToHistory() => AgendaHistoryEntry.Decode(Revision, Touches);
}

/// <summary>
/// The whole live agenda of one meeting. <see cref="Revision"/> counts applied changes (the sequence number clients catch
/// up by); <see cref="History"/> holds what each change touched, from <see cref="HistoryFrom"/> on.
/// </summary>
public sealed record AgendaState(
    int Revision,
    ImmutableList<AgendaItemState> Items,
    int? CurrentNumber,
    bool IsClosed,
    int NextNumber,
    ImmutableList<AgendaHistoryEntry> History,
    int HistoryFrom)
{
    /// <summary>
    /// A fresh agenda from the chair's confirmed lines. <paramref name="revision"/> continues the meeting's sequence when the
    /// agenda is confirmed again, so a client holding the earlier agenda is at an older revision and is refused as stale.
    /// </summary>
    public static AgendaState FromConfirmed(IEnumerable<ConfirmedAgendaLine> lines, int revision = 0)
    {
        var items = lines.Select(l => new AgendaItemState(l.Number, l.Title, l.TimeBoxMinutes, false, l.TopicId, null, null, null, TimeSpan.Zero, null, null))
            .ToImmutableList();
        return new(revision, items, null, false, items.Count == 0 ? 1 : items.Max(i => i.Number) + 1, [], revision);
    }

    /// <summary>
    /// The agenda as loaded from storage. Without the change history (after a restart) only operations based on the
    /// current revision can be checked, so older ones are refused as stale rather than guessed at.
    /// </summary>
    public static AgendaState FromStored(int revision, IEnumerable<AgendaItem> items, int? currentNumber, bool isClosed,
        IEnumerable<AgendaHistoryEntry>? history = null, int nextNumber = 1)
    {
        var list = items.OrderBy(i => i.Position).Select(i => i.ToState()).ToImmutableList();
        var h = (history ?? []).OrderBy(e => e.Revision).ToImmutableList();
        // The stored next number keeps a removed last item's number from being handed out again.
        var next = Math.Max(nextNumber, list.Count == 0 ? 1 : list.Max(i => i.Number) + 1);
        return new(revision, list, currentNumber, isClosed, next, h, h.Count == 0 ? revision : h[0].Revision - 1);
    }

    public AgendaItemState? Find(int number) => Items.FirstOrDefault(i => i.Number == number);

    /// <summary>
    /// Forgets the history up to <paramref name="revision"/> to bound memory in a long meeting; operations based on an
    /// older revision are then refused as stale (the client reloads), never merged blindly.
    /// </summary>
    public AgendaState TrimHistory(int revision) => revision <= HistoryFrom ? this : this with
    {
        History = History.RemoveAll(h => h.Revision <= revision),
        HistoryFrom = Math.Min(revision, Revision),
    };

    public IReadOnlyList<int> Order => Items.Select(i => i.Number).ToList();
}

/// <summary>
/// An operation on the live agenda. <see cref="BaseRevision"/> is the revision of the agenda the client saw when the
/// person acted; it decides whether the operation merges with changes made meanwhile or is refused.
/// </summary>
public abstract record AgendaOperation(int BaseRevision, string ActorName);

/// <summary>Makes an item current: the previous current item ends and its timer stops; this one starts and its timer runs.</summary>
public sealed record SetCurrentItem(int BaseRevision, string ActorName, int Number) : AgendaOperation(BaseRevision, ActorName);

/// <summary>Moves an item to just before another (<see cref="BeforeNumber"/>), or to the end (null): the drag-and-drop.</summary>
public sealed record MoveItem(int BaseRevision, string ActorName, int Number, int? BeforeNumber) : AgendaOperation(BaseRevision, ActorName);

/// <summary>Adds an urgent item before another, or at the end (null).</summary>
public sealed record AddUrgentItem(int BaseRevision, string ActorName, string Title, int TimeBoxMinutes, int? BeforeNumber)
    : AgendaOperation(BaseRevision, ActorName);

/// <summary>
/// Edits fields of an item; a null field is left as it is, an empty outcome or notes clears it. Recording an item's
/// outcome and notes is this operation with only those fields.
/// </summary>
public sealed record EditItem(int BaseRevision, string ActorName, int Number, string? Title = null, int? TimeBoxMinutes = null,
    string? Outcome = null, string? Notes = null) : AgendaOperation(BaseRevision, ActorName)
{
    public AgendaField Fields =>
        (Title is null ? 0 : AgendaField.Title) | (TimeBoxMinutes is null ? 0 : AgendaField.TimeBox) |
        (Outcome is null ? 0 : AgendaField.Outcome) | (Notes is null ? 0 : AgendaField.Notes);
}

/// <summary>Removes an item that has not been discussed.</summary>
public sealed record RemoveItem(int BaseRevision, string ActorName, int Number) : AgendaOperation(BaseRevision, ActorName);

public sealed record StartTimer(int BaseRevision, string ActorName, int Number) : AgendaOperation(BaseRevision, ActorName);

/// <summary>Pauses the item's time box; the elapsed time is kept and a later start resumes it.</summary>
public sealed record StopTimer(int BaseRevision, string ActorName, int Number) : AgendaOperation(BaseRevision, ActorName);

public enum AgendaChangeKind
{
    CurrentSet = 1,
    Moved = 2,
    UrgentAdded = 3,
    Edited = 4,
    Removed = 5,
    TimerStarted = 6,
    TimerStopped = 7,
    /// <summary>The meeting ended: the current item ended and the agenda takes only outcomes and notes from now on.</summary>
    Closed = 8,
}

/// <summary>
/// The event an applied operation produces, for the meeting's live channel. A client at <see cref="Revision"/> − 1 applies
/// it by replacing the <see cref="ChangedItems"/>, dropping <see cref="RemovedNumber"/>, taking <see cref="Order"/> and
/// <see cref="CurrentNumber"/> as they are: the event is self-contained, so catch-up is replaying events in revision order.
/// </summary>
public sealed record AgendaChange(
    int Revision,
    AgendaChangeKind Kind,
    int ItemNumber,
    IReadOnlyList<AgendaItemState> ChangedItems,
    int? RemovedNumber,
    IReadOnlyList<int> Order,
    int? CurrentNumber,
    string ActorName,
    DateTime AtUtc);

/// <summary>
/// The result of an operation: applied (new state and its event; <see cref="Merged"/> when it was based on an older revision
/// and merged with the changes made meanwhile) or refused (the unchanged state and an error code, a resource key).
/// </summary>
public sealed record AgendaResult(AgendaState State, AgendaChange? Change, string? ErrorCode, bool Merged)
{
    public bool Applied => ErrorCode is null;

    /// <summary>What the applied change touched, to store with it (<see cref="AgendaChangeEntry.From"/>); null when refused.</summary>
    public AgendaHistoryEntry? HistoryEntry => Applied ? State.History[^1] : null;
}

/// <summary>
/// The live shared agenda as a pure model: (state, operation, clock) → (state, event) or a refusal. The web layer keeps
/// one state per meeting, applies operations one at a time (a lock per meeting), stores the result and broadcasts the event.
/// <para>Concurrency. An operation based on the current revision is checked against the state only. One based on an older
/// revision is also checked against every change applied since, by what those changes touched:</para>
/// <list type="bullet">
/// <item><b>Merged</b>: edits of different items; edits of <i>different fields</i> of the same item (one person types the
/// notes while another fixes the title); a move and an edit (of any item); moves of different items (a move is "put X just
/// before Y", so it is applied to the order as it is now, wherever Y has gone); adding an urgent item with anything; a
/// timer start or stop with anything (timers are checked against the state: starting a running timer is refused).</item>
/// <item><b>Refused</b>: an edit of a field someone else changed on that item (<see cref="ErrorEditConflict"/>); a second
/// move of an item someone moved (<see cref="ErrorMoveConflict"/>); setting the current item when someone else did
/// (<see cref="ErrorCurrentConflict"/>); removing an item someone edited or moved (<see cref="ErrorItemChanged"/>); any
/// operation on, or placing before, an item that no longer exists, or was added or removed after the client's revision
/// (<see cref="ErrorItemDeleted"/>).</item>
/// </list>
/// A refused operation changes nothing; the client reloads at the current revision and the person decides again, so no
/// one's change is silently overwritten.
/// </summary>
public static class LiveAgenda
{
    public const string ErrorEditConflict = "Council.Error.Agenda.EditConflict";
    public const string ErrorMoveConflict = "Council.Error.Agenda.MoveConflict";
    public const string ErrorCurrentConflict = "Council.Error.Agenda.CurrentConflict";
    public const string ErrorItemChanged = "Council.Error.Agenda.ItemChanged";
    public const string ErrorItemDeleted = "Council.Error.Agenda.ItemDeleted";
    public const string ErrorItemStarted = "Council.Error.Agenda.ItemStarted";
    public const string ErrorUnknownRevision = "Council.Error.Agenda.UnknownRevision";
    public const string ErrorStale = "Council.Error.Agenda.Stale";
    public const string ErrorClosed = "Council.Error.Agenda.Closed";
    public const string ErrorTitleRequired = "Council.Error.Agenda.TitleRequired";
    public const string ErrorTimeBox = "Council.Error.Agenda.TimeBox";
    public const string ErrorTextTooLong = "Council.Error.Agenda.TextTooLong";
    public const string ErrorNothingToChange = "Council.Error.Agenda.NothingToChange";
    public const string ErrorTimerRunning = "Council.Error.Agenda.TimerRunning";
    public const string ErrorTimerNotRunning = "Council.Error.Agenda.TimerNotRunning";
    public const string ErrorAlreadyCurrent = "Council.Error.Agenda.AlreadyCurrent";

    public const int TimeBoxMaxMinutes = TopicRules.MinutesMax;

    private const int Agenda = 0;
    private const AgendaField Content = AgendaField.Title | AgendaField.TimeBox | AgendaField.Outcome | AgendaField.Notes;

    public static AgendaResult Apply(AgendaState state, AgendaOperation op, DateTime nowUtc)
    {
        if (op.BaseRevision > state.Revision || op.BaseRevision < 0) return Refuse(state, ErrorUnknownRevision);
        // Without the history back to the client's revision the collision check would be a guess: refuse, the client reloads.
        if (op.BaseRevision < state.HistoryFrom) return Refuse(state, ErrorStale);
        // After the meeting only the record may be completed: outcomes and notes.
        if (state.IsClosed && !(op is EditItem e && (e.Fields & ~(AgendaField.Outcome | AgendaField.Notes)) == 0))
            return Refuse(state, ErrorClosed);
        var since = state.History.Where(h => h.Revision > op.BaseRevision).SelectMany(h => h.Touches).ToList();
        // An item added or removed after the client's revision cannot be the one the client meant: either it is gone, or
        // the number now belongs to an item the client has not seen.
        string? Gone(int number) => state.Find(number) is null || Touched(since, number, AgendaField.Existence) ? ErrorItemDeleted : null;
        var error = op switch
        {
            SetCurrentItem o => Gone(o.Number) ?? (Touched(since, Agenda, AgendaField.Current) ? ErrorCurrentConflict : null)
                ?? (state.CurrentNumber == o.Number ? ErrorAlreadyCurrent : null),
            MoveItem o => Gone(o.Number) ?? (o.BeforeNumber is { } b ? Gone(b) : null)
                ?? (o.BeforeNumber == o.Number ? ErrorNothingToChange : null)
                ?? (Touched(since, o.Number, AgendaField.Position) ? ErrorMoveConflict : null),
            AddUrgentItem o => (o.BeforeNumber is { } b ? Gone(b) : null) ?? CheckTitle(o.Title) ?? CheckTimeBox(o.TimeBoxMinutes),
            EditItem o => Gone(o.Number) ?? CheckEdit(o) ?? (Touched(since, o.Number, o.Fields) ? ErrorEditConflict : null),
            RemoveItem o => Gone(o.Number)
                ?? (state.Find(o.Number)!.ActualStartUtc is not null || state.CurrentNumber == o.Number ? ErrorItemStarted : null)
                ?? (Touched(since, o.Number, Content | AgendaField.Position) ? ErrorItemChanged : null),
            StartTimer o => Gone(o.Number) ?? (state.Find(o.Number)!.TimerRunning ? ErrorTimerRunning : null),
            StopTimer o => Gone(o.Number) ?? (state.Find(o.Number)!.TimerRunning ? null : ErrorTimerNotRunning),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
        if (error is not null) return Refuse(state, error);

        var merged = op.BaseRevision < state.Revision;
        return op switch
        {
            SetCurrentItem o => SetCurrent(state, o, nowUtc, merged),
            MoveItem o => Done(state with { Items = Place(state.Items.RemoveAll(i => i.Number == o.Number), state.Find(o.Number)!, o.BeforeNumber) },
                op.ActorName, AgendaChangeKind.Moved, o.Number, [], null, [new(o.Number, AgendaField.Position)], nowUtc, merged),
            AddUrgentItem o => AddUrgent(state, o, nowUtc, merged),
            EditItem o => Edit(state, o, nowUtc, merged),
            RemoveItem o => Done(state with { Items = state.Items.RemoveAll(i => i.Number == o.Number) },
                op.ActorName, AgendaChangeKind.Removed, o.Number, [], o.Number, [new(o.Number, AgendaField.Existence | AgendaField.Position)], nowUtc, merged),
            StartTimer o => Replace(state, o.Number, i => i with { TimerStartedAtUtc = nowUtc, ActualStartUtc = i.ActualStartUtc ?? nowUtc },
                op, AgendaChangeKind.TimerStarted, AgendaField.Timer | AgendaField.Times, nowUtc, merged),
            StopTimer o => Replace(state, o.Number, i => Pause(i, nowUtc),
                op, AgendaChangeKind.TimerStopped, AgendaField.Timer, nowUtc, merged),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    /// <summary>
    /// Closes the agenda when the meeting ends: the current item ends and its timer stops. Not an operation clients send;
    /// the meeting's End action calls it. Returns the closed state and the event.
    /// </summary>
    public static AgendaResult Close(AgendaState state, string actorName, DateTime nowUtc)
    {
        if (state.IsClosed) return Refuse(state, ErrorClosed);
        var items = state.Items.Select(i => i.Number == state.CurrentNumber ? End(i, nowUtc) : i.TimerRunning ? Pause(i, nowUtc) : i).ToImmutableList();
        var changed = items.Where((i, k) => !ReferenceEquals(i, state.Items[k])).ToList();
        var closed = state with { Items = items, IsClosed = true, CurrentNumber = null };
        var touches = changed.Select(i => new AgendaTouch(i.Number, AgendaField.Timer | AgendaField.Times)).Append(new(Agenda, AgendaField.Current)).ToList();
        return Done(closed, actorName, AgendaChangeKind.Closed, 0, changed, null, touches, nowUtc, false);
    }

    private static AgendaResult SetCurrent(AgendaState state, SetCurrentItem o, DateTime nowUtc, bool merged)
    {
        var touches = new List<AgendaTouch> { new(Agenda, AgendaField.Current), new(o.Number, AgendaField.Timer | AgendaField.Times) };
        var items = state.Items;
        var changed = new List<AgendaItemState>();
        if (state.CurrentNumber is { } previous && state.Find(previous) is { } prev)
        {
            var ended = End(prev, nowUtc);
            items = items.Replace(prev, ended);
            changed.Add(ended);
            touches.Add(new(previous, AgendaField.Timer | AgendaField.Times));
        }
        var item = state.Find(o.Number)!;
        // Going back to an item discussed earlier reopens it: its first start stays, its end is cleared until it ends again.
        var started = item with
        {
            ActualStartUtc = item.ActualStartUtc ?? nowUtc,
            ActualEndUtc = null,
            TimerStartedAtUtc = item.TimerStartedAtUtc ?? nowUtc,
        };
        items = items.Replace(item, started);
        changed.Add(started);
        return Done(state with { Items = items, CurrentNumber = o.Number }, o.ActorName, AgendaChangeKind.CurrentSet, o.Number, changed, null, touches, nowUtc, merged);
    }

    private static AgendaResult AddUrgent(AgendaState state, AddUrgentItem o, DateTime nowUtc, bool merged)
    {
        var item = new AgendaItemState(state.NextNumber, UserText.SingleLine(o.Title), o.TimeBoxMinutes, true, null, null, null, null, TimeSpan.Zero, null, null);
        var next = state with { Items = Place(state.Items, item, o.BeforeNumber), NextNumber = state.NextNumber + 1 };
        return Done(next, o.ActorName, AgendaChangeKind.UrgentAdded, item.Number, [item], null,
            [new(item.Number, AgendaField.Existence | AgendaField.Position)], nowUtc, merged);
    }

    private static AgendaResult Edit(AgendaState state, EditItem o, DateTime nowUtc, bool merged) =>
        Replace(state, o.Number, i => i with
        {
            Title = o.Title is null ? i.Title : UserText.SingleLine(o.Title),
            TimeBoxMinutes = o.TimeBoxMinutes ?? i.TimeBoxMinutes,
            Outcome = o.Outcome is null ? i.Outcome : UserText.MultiLineTrimmedOrNull(o.Outcome),
            Notes = o.Notes is null ? i.Notes : UserText.MultiLineTrimmedOrNull(o.Notes),
        }, o, AgendaChangeKind.Edited, o.Fields, nowUtc, merged);

    private static AgendaResult Replace(AgendaState state, int number, Func<AgendaItemState, AgendaItemState> change, AgendaOperation op,
        AgendaChangeKind kind, AgendaField fields, DateTime nowUtc, bool merged)
    {
        var item = state.Find(number)!;
        var updated = change(item);
        return Done(state with { Items = state.Items.Replace(item, updated) }, op.ActorName, kind, number, [updated], null, [new(number, fields)], nowUtc, merged);
    }

    private static AgendaResult Done(AgendaState next, string actorName, AgendaChangeKind kind, int number, IReadOnlyList<AgendaItemState> changed,
        int? removed, IReadOnlyList<AgendaTouch> touches, DateTime nowUtc, bool merged)
    {
        var revision = next.Revision + 1;
        var state = next with { Revision = revision, History = next.History.Add(new AgendaHistoryEntry(revision, touches)) };
        var change = new AgendaChange(revision, kind, number, changed, removed, state.Order, state.CurrentNumber, actorName, nowUtc);
        return new AgendaResult(state, change, null, merged);
    }

    private static AgendaResult Refuse(AgendaState state, string error) => new(state, null, error, false);

    private static ImmutableList<AgendaItemState> Place(ImmutableList<AgendaItemState> items, AgendaItemState item, int? before)
    {
        var index = before is { } b ? items.FindIndex(i => i.Number == b) : -1;
        return index < 0 ? items.Add(item) : items.Insert(index, item);
    }

    private static AgendaItemState Pause(AgendaItemState i, DateTime nowUtc) => i.TimerStartedAtUtc is { } since
        ? i with { TimerStartedAtUtc = null, TimerElapsed = i.TimerElapsed + (nowUtc > since ? nowUtc - since : TimeSpan.Zero) }
        : i;

    private static AgendaItemState End(AgendaItemState i, DateTime nowUtc) => Pause(i, nowUtc) with { ActualEndUtc = nowUtc };

    private static bool Touched(List<AgendaTouch> since, int number, AgendaField fields) =>
        since.Any(t => t.ItemNumber == number && (t.Fields & fields) != 0);

    /// <summary>Checked as the item will hold it (<see cref="UserText.SingleLine"/>): invisible characters only are no title.</summary>
    private static string? CheckTitle(string? title) => UserText.SingleLine(title).Length switch
    {
        0 => ErrorTitleRequired,
        > AgendaItem.TitleMaxLength => ErrorTextTooLong,
        _ => null,
    };

    private static string? CheckTimeBox(int minutes) => minutes is < 1 or > TimeBoxMaxMinutes ? ErrorTimeBox : null;

    private static string? CheckEdit(EditItem o)
    {
        if (o.Fields == AgendaField.None) return ErrorNothingToChange;
        if (o.Title is not null && CheckTitle(o.Title) is { } t) return t;
        if (o.TimeBoxMinutes is { } m && CheckTimeBox(m) is { } b) return b;
        if (UserText.MultiLineTrimmed(o.Outcome).Length > AgendaItem.TextMaxLength || UserText.MultiLineTrimmed(o.Notes).Length > AgendaItem.TextMaxLength)
            return ErrorTextTooLong;
        return null;
    }

}

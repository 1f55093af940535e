using Portal.Domain.Common;

namespace Portal.Domain.Councils;

/// <summary>
/// A live agenda operation was applied to the meeting (<see cref="Meeting.StoreAgenda(AgendaState, AgendaChange)"/>); the
/// change is self-contained, so participants' pages and the projector apply it as it is.
/// </summary>
public sealed record MeetingAgendaChanged(AgendaChange Change) : IDomainEvent;

/// <summary>The meeting moved through its workflow (<see cref="Meeting.Apply"/>): started, ended, agenda confirmed, minutes approved…</summary>
public sealed record MeetingStatusMoved(MeetingAction Action, MeetingStatus Status) : IDomainEvent;

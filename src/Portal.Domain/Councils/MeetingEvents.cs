using Portal.Domain.Common;
using Portal.Domain.WorkItems;

namespace Portal.Domain.Councils;

/// <summary>
/// A live agenda operation was applied to the meeting (<see cref="Meeting.StoreAgenda(AgendaState, AgendaChange)"/>); the
/// change is self-contained, so participants' pages and the projector apply it as it is.
/// </summary>
public sealed record MeetingAgendaChanged(AgendaChange Change) : IDomainEvent;

/// <summary>The meeting moved through its workflow (<see cref="Meeting.Apply"/>): started, ended, agenda confirmed, minutes approved…</summary>
public sealed record MeetingStatusMoved(MeetingAction Action, MeetingStatus Status) : IDomainEvent;

/// <summary>
/// The minutes were approved (<see cref="Meeting.ApproveMinutes"/>): each resolution in <see cref="Tasks"/> becomes a
/// council task on the work-item lifecycle, dispatched by <see cref="ApprovedBy"/> at <see cref="AtUtc"/>, in the
/// approval's own transaction (the work items' handler adds them and links each resolution to its task).
/// </summary>
public sealed record MinutesApproved(StepActor ApprovedBy, DateTime AtUtc, IReadOnlyList<ResolutionTask> Tasks) : IDomainEvent;

/// <summary>
/// What a resolution hands the work-item lifecycle on approval: the community the task lives in, its title and text (in
/// the portal's default language, written by the council), the owner and co-owner units and the local last day.
/// </summary>
public sealed record ResolutionTask(
    int ResolutionId, int CommunityId, string Title, string DescriptionMarkdown, int OwnerUnitId, IReadOnlyList<int> CoOwnerUnitIds, DateOnly DueDate);

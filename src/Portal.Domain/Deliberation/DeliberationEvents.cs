using Portal.Domain.Common;

namespace Portal.Domain.Deliberation;

/// <summary>A matter was accepted, merged or declined; the raiser is told (<paramref name="RaisedByUserId"/>).</summary>
public sealed record MatterScreened(int MatterId, MatterStatus Status, string RaisedByUserId) : IDomainEvent;

/// <summary>A step of a session was completed (0-based <paramref name="StepIndex"/>).</summary>
public sealed record DeliberationStepCompleted(int SessionId, int StepIndex, string StepName, string ByUserId, DateTime AtUtc) : IDomainEvent;

/// <summary>The last step of a session was completed: the session is finished.</summary>
public sealed record DeliberationSessionFinished(int SessionId, DateTime AtUtc) : IDomainEvent;

/// <summary>A public notice's period was changed.</summary>
public sealed record NoticePeriodChanged(int NoticeId, DateTime EndsAtUtc) : IDomainEvent;

/// <summary>An objection was filed against a public notice; the secretary must answer it.</summary>
public sealed record NoticeObjectionFiled(int NoticeId, int ObjectionNumber) : IDomainEvent;

/// <summary>An objection was answered; its filer is told.</summary>
public sealed record NoticeObjectionAnswered(int NoticeId, int ObjectionNumber, string FiledByUserId) : IDomainEvent;

/// <summary>A public notice was closed by <paramref name="ByName"/>: its window passed with every objection answered.</summary>
public sealed record PublicNoticeClosed(int NoticeId, int SessionId, string ByUserId, string ByName, DateTime AtUtc) : IDomainEvent;

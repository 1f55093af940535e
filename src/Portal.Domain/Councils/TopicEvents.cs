using Portal.Domain.Common;

namespace Portal.Domain.Councils;

/// <summary>A topic was screened, withdrawn or resubmitted (<see cref="Topic.Apply"/>): <paramref name="Action"/> is the step taken.</summary>
public sealed record TopicScreened(TopicAction Action) : IDomainEvent;

/// <summary>
/// A member unit asked for an ad-hoc meeting (<see cref="MeetingCalendar.RequestAdHoc"/>): raised once by the requested
/// meeting, however many topics come with it, so the request is announced once.
/// </summary>
public sealed record AdHocMeetingRequested : IDomainEvent;

using Portal.Domain.Common;

namespace Portal.Domain.Councils;

/// <summary>A topic was screened, withdrawn or resubmitted (<see cref="Topic.Apply"/>): <paramref name="Action"/> is the step taken.</summary>
public sealed record TopicScreened(TopicAction Action) : IDomainEvent;

/// <summary>A topic came with its member unit's request for an ad-hoc meeting (<see cref="Topic.RequestedWith"/>).</summary>
public sealed record AdHocTopicRequested : IDomainEvent;

using Portal.Domain.Voting;

namespace Portal.Web.Features.Deliberation.VoteLinks;

/// <summary>
/// A session step that needs a vote, with the vote linked to it (if any) as the session page shows it: status, turnout by
/// headcount, the verdict once closed. <paramref name="CanUnlink"/>: a manager, and the step not completed yet.
/// </summary>
public sealed record VoteStepLink(int StepIndex, string StepName, bool IsCompleted, LinkedVote? Vote, bool CanLink, bool CanUnlink);

/// <summary>The linked vote: <paramref name="Participants"/> of <paramref name="Entitled"/> electors took part; <paramref name="Outcome"/> once closed.</summary>
public sealed record LinkedVote(int LinkId, Guid LinkVersion, int VoteId, string Title, VoteStatus Status, int Participants, int Entitled, Outcome? Outcome);

/// <summary>A vote that may be linked: of the session's community and scope, not linked to any step yet.</summary>
public sealed record LinkableVote(int Id, string Title, VoteStatus Status);

/// <summary>The session page's vote section: each step needing a vote; empty when the procedure has none.</summary>
public sealed record SessionVotes(int SessionId, IReadOnlyList<VoteStepLink> Steps);

using Portal.Domain.Common;

namespace Portal.Domain.Deliberation;

/// <summary>
/// The vote that decides a step of a session (issue 13 item 7 as evidence): one vote per session step, and a vote decides
/// one step of one session only, so a result can never be counted for two decisions. Whether the vote may be linked
/// (same community, same scope) is the service's to check, since the vote lives in another area; the link itself only
/// records it. Removing the link is allowed while the step is not completed (the service checks).
/// </summary>
public sealed class SessionVote : VersionedEntity
{
    public const string ErrorStep = "Deliberation.Error.VoteLink.Step";

    private SessionVote() { }

    public int SessionId { get; private init; }
    /// <summary>0-based, like the session's steps.</summary>
    public int StepIndex { get; private init; }
    public int VoteId { get; private init; }
    public string LinkedByUserId { get; private init; } = "";
    public DateTime LinkedAtUtc { get; private init; }

    /// <summary>Links <paramref name="voteId"/> to a step that is not yet completed and needs a vote as evidence.</summary>
    public static (SessionVote? Link, string? Error) Link(DeliberationSession session, int stepIndex, int voteId, string byUserId, DateTime nowUtc)
    {
        if (stepIndex < 0 || stepIndex >= session.Steps.Length || !session.Steps[stepIndex].RequiredEvidence.Contains(EvidenceKind.Vote)
            || session.Completions.Any(c => c.StepIndex == stepIndex))
            return (null, ErrorStep);
        return (new SessionVote { SessionId = session.Id, StepIndex = stepIndex, VoteId = voteId, LinkedByUserId = byUserId, LinkedAtUtc = nowUtc }, null);
    }
}

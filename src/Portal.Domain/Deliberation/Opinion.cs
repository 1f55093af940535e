using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>
/// A resident's opinion (意见) on a session's matter, posted during its comment window: the current step needs opinions
/// as evidence (出主意, 开言路, 民议…). The body is Markdown (rendered sanitized by the web layer). A moderator hides an
/// opinion with a reason; it is never deleted — the author still sees it with the reason, the others see that it was
/// hidden and why, and the audit trail keeps who did it (issue 13 item 3, decision 0034).
/// </summary>
public sealed class Opinion : VersionedEntity
{
    public const int BodyMaxLength = 2_000;
    public const int ReasonMaxLength = 500;

    public const string ErrorNoCommentWindow = "Deliberation.Error.Opinion.NoCommentWindow";
    public const string ErrorBody = "Deliberation.Error.Opinion.Body";
    public const string ErrorPlanVersion = "Deliberation.Error.Opinion.PlanVersion";
    public const string ErrorReason = "Deliberation.Error.Opinion.Reason";
    public const string ErrorAlreadyHidden = "Deliberation.Error.Opinion.AlreadyHidden";

    private Opinion() { }

    public int SessionId { get; private init; }
    /// <summary>The step whose comment window it was posted in (0-based): the evidence of that step.</summary>
    public int StepIndex { get; private init; }
    /// <summary>The version of the plan document it comments on, when the session had one (comments attach to a version).</summary>
    public int? PlanVersionId { get; private init; }
    public string AuthorUserId { get; private init; } = "";
    /// <summary>The author's name when posting, as the page shows it (like a step completion's name).</summary>
    public string AuthorName { get; private init; } = "";
    [MultiLineText]
    public string BodyMarkdown { get; private init; } = "";
    public DateTime PostedAtUtc { get; private init; }

    public DateTime? HiddenAtUtc { get; private set; }
    public string? HiddenByUserId { get; private set; }
    [MultiLineText]
    public string? HiddenReason { get; private set; }
    public bool IsHidden => HiddenAtUtc is not null;

    /// <summary>The step whose comment window is open now: the current step, when it needs opinions; null otherwise.</summary>
    public static int? CommentWindowOf(DeliberationSession session) =>
        session.CurrentStepIndex is { } current && session.Steps[current].RequiredEvidence.Contains(EvidenceKind.Opinions) ? current : null;

    /// <summary>Posts an opinion in the session's open comment window, on <paramref name="plan"/> when given (a version of this session).</summary>
    public static (Opinion? Opinion, string? Error) Post(DeliberationSession session, PlanVersion? plan, string authorUserId, string authorName,
        string? body, DateTime nowUtc)
    {
        if (CommentWindowOf(session) is not { } step) return (null, ErrorNoCommentWindow);
        if (plan is not null && plan.SessionId != session.Id) return (null, ErrorPlanVersion);
        var clean = UserText.MultiLineTrimmed(body);
        if (clean.Length is 0 or > BodyMaxLength) return (null, ErrorBody);
        var opinion = new Opinion
        {
            SessionId = session.Id, StepIndex = step, PlanVersionId = plan?.Id, AuthorUserId = authorUserId, AuthorName = authorName,
            BodyMarkdown = clean, PostedAtUtc = nowUtc,
        };
        opinion.Raise(new OpinionsChanged(session.Id));
        return (opinion, null);
    }

    /// <summary>Hides the opinion with a reason the author and the readers see; once (the reason stands as written).</summary>
    public string? Hide(string? reason, string byUserId, DateTime nowUtc)
    {
        if (IsHidden) return ErrorAlreadyHidden;
        var clean = UserText.MultiLineTrimmed(reason);
        if (clean.Length is 0 or > ReasonMaxLength) return ErrorReason;
        (HiddenAtUtc, HiddenByUserId, HiddenReason) = (nowUtc, byUserId, clean);
        Raise(new OpinionsChanged(SessionId));
        return null;
    }
}

/// <summary>
/// One person's support (支持) of an opinion: one per person and opinion (the database's unique index), given and
/// withdrawn only while the comment window the opinion was posted in is open, so the count is fixed when the step is
/// completed. Nobody supports their own opinion or a hidden one.
/// </summary>
public sealed class OpinionSupport : VersionedEntity
{
    public const string ErrorWindowClosed = "Deliberation.Error.Opinion.WindowClosed";
    public const string ErrorOwn = "Deliberation.Error.Opinion.OwnSupport";
    public const string ErrorHidden = "Deliberation.Error.Opinion.Hidden";

    private OpinionSupport() { }

    public int OpinionId { get; private init; }
    public string UserId { get; private init; } = "";
    public DateTime AtUtc { get; private init; }

    public static (OpinionSupport? Support, string? Error) Give(DeliberationSession session, Opinion opinion, string userId, DateTime nowUtc)
    {
        if (Opinion.CommentWindowOf(session) != opinion.StepIndex || opinion.SessionId != session.Id) return (null, ErrorWindowClosed);
        if (opinion.IsHidden) return (null, ErrorHidden);
        if (opinion.AuthorUserId == userId) return (null, ErrorOwn);
        var support = new OpinionSupport { OpinionId = opinion.Id, UserId = userId, AtUtc = nowUtc };
        support.Raise(new OpinionsChanged(session.Id));
        return (support, null);
    }

    /// <summary>Whether the support may be withdrawn now (the opinion's window still open); raises the change for the readers.</summary>
    public string? Withdraw(DeliberationSession session, Opinion opinion)
    {
        if (Opinion.CommentWindowOf(session) != opinion.StepIndex || opinion.SessionId != session.Id) return ErrorWindowClosed;
        Raise(new OpinionsChanged(session.Id));
        return null;
    }
}

/// <summary>An opinion was posted, supported, unsupported or hidden in a session: the opinions section reloads.</summary>
public sealed record OpinionsChanged(int SessionId) : IDomainEvent;

/// <summary>A new version of a session's plan document was stored.</summary>
public sealed record PlanVersionAdded(int SessionId, int Number) : IDomainEvent;

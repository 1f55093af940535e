namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>An objection as the notice page shows it: the text and answer for everyone who sees the notice, the filer only as "mine".</summary>
public sealed record ObjectionRow(int Number, string Text, DateTime FiledAtUtc, bool IsMine, string? Answer, DateTime? AnsweredAtUtc);

/// <summary>The notice page's model: the period, whether objections are taken now, and what the caller may do.</summary>
/// <paramref name="TaskWorkItemId"/>: the implementation task the closing created (none while open).
public sealed record NoticeView(int Id, int SessionId, int CommunityId, string Text, DateTime StartsAtUtc, int PeriodDays, DateTime EndsAtUtc, bool IsInWindow,
    DateTime? ClosedAtUtc, IReadOnlyList<ObjectionRow> Objections, bool CanObject, bool CanManage, int? TaskWorkItemId, Guid Version)
{
    public int UnansweredCount => Objections.Count(o => o.Answer is null);
}

/// <summary>A card on the public board: an open notice of the caller's community.</summary>
public sealed record NoticeCard(int Id, int SessionId, string SessionTitle, string Text, DateTime EndsAtUtc, bool IsInWindow, int ObjectionCount, int UnansweredCount);

/// <summary>
/// The session page's notice section: the latest notice (null: none yet), whether the caller may publish one now, and
/// the closed vote linked to the session (if any), whose verdict prefills the decision's text.
/// </summary>
public sealed record SessionNotice(int SessionId, NoticeView? Latest, bool CanPublish, DecidingVote? Vote);

/// <summary>The closed vote linked to a session step, as the notice's text names it.</summary>
public sealed record DecidingVote(int Id, string Title, Portal.Domain.Voting.Outcome? Outcome);

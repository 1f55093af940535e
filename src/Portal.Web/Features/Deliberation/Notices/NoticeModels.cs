namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>An objection as the notice page shows it: the text and answer for everyone who sees the notice, the filer only as "mine".</summary>
public sealed record ObjectionRow(int Number, string Text, DateTime FiledAtUtc, bool IsMine, string? Answer, DateTime? AnsweredAtUtc);

/// <summary>The notice page's model: the period, whether objections are taken now, and what the caller may do.</summary>
public sealed record NoticeView(int Id, int SessionId, int CommunityId, DateTime StartsAtUtc, int PeriodDays, DateTime EndsAtUtc, bool IsInWindow,
    DateTime? ClosedAtUtc, IReadOnlyList<ObjectionRow> Objections, bool CanObject, bool CanManage, Guid Version);

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>How the opinions section orders the list: most supported first (hidden ones last), or newest first.</summary>
public enum OpinionSort
{
    Support,
    Newest,
}

/// <summary>Why and when an opinion was hidden; shown to everyone who sees the session.</summary>
public sealed record OpinionHiding(string Reason, DateTime AtUtc);

/// <summary>
/// An opinion as the caller sees it. <paramref name="Html"/> is the sanitized Markdown, null when the opinion is hidden
/// and the caller is neither its author nor a moderator; <paramref name="PlanNumber"/>: the plan version it comments on.
/// </summary>
public sealed record OpinionRow(int Id, string AuthorName, bool IsMine, string? Html, DateTime PostedAtUtc, string StepName, int? PlanNumber,
    int Supports, bool SupportedByMe, bool CanSupport, OpinionHiding? Hidden, bool CanHide, Guid Version);

/// <summary>
/// The session page's opinions section: the open comment window's step (null: none open now), whether the caller may
/// post (a resident of the community while a window is open) and moderate, the plan version a new opinion attaches to,
/// and the opinions in the asked order.
/// </summary>
public sealed record OpinionsSection(int SessionId, string? WindowStepName, bool CanPost, bool CanModerate, int? PlanNumber,
    IReadOnlyList<OpinionRow> Opinions);

/// <summary>A version of the plan in the version list: number, author, time and the summary of its change.</summary>
public sealed record PlanVersionRow(int Id, int Number, string AuthorName, DateTime CreatedAtUtc, string ChangeSummary, int OpinionCount);

/// <summary>One version's text: the Markdown (for the editor to start from) and its sanitized HTML.</summary>
public sealed record PlanVersionText(int Id, int Number, string Markdown, string Html, string AuthorName, DateTime CreatedAtUtc, string ChangeSummary);

/// <summary>The session page's plan section: the versions, newest first, the latest's text, and whether the caller writes the next.</summary>
public sealed record PlanSection(int SessionId, IReadOnlyList<PlanVersionRow> Versions, PlanVersionText? Latest, bool CanWrite);

/// <summary>The line diff of two versions of the plan (older <paramref name="From"/>, newer <paramref name="To"/>).</summary>
public sealed record PlanDiff(int From, int To, IReadOnlyList<Portal.Domain.Deliberation.DiffLine> Lines)
{
    public int Added => Lines.Count(l => l.Kind == Portal.Domain.Deliberation.DiffLineKind.Added);
    public int Removed => Lines.Count(l => l.Kind == Portal.Domain.Deliberation.DiffLineKind.Removed);
}

using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>
/// One version of a session's plan document (方案), in Markdown: v1, v2, … with its author, time and a summary of the
/// change. A version is never edited: revising writes the next number, so residents' opinions stay attached to the text
/// they commented on and any two versions can be compared line by line (<see cref="LineDiff"/>). Two editors writing
/// the next number at once meet the unique (session, number) index; the second is told the plan moved on.
/// </summary>
public sealed class PlanVersion : Entity
{
    public const int BodyMaxLength = 20_000;
    /// <summary>Lines a version may have: keeps the line diff of any two versions small (it is quadratic in lines).</summary>
    public const int MaxLines = 2_000;
    public const int SummaryMaxLength = 200;

    public const string ErrorSessionFinished = "Deliberation.Error.Plan.SessionFinished";
    public const string ErrorBody = "Deliberation.Error.Plan.Body";
    public const string ErrorTooManyLines = "Deliberation.Error.Plan.TooManyLines";
    public const string ErrorSummary = "Deliberation.Error.Plan.Summary";
    public const string ErrorUnchanged = "Deliberation.Error.Plan.Unchanged";
    public const string ErrorMovedOn = "Deliberation.Error.Plan.MovedOn";

    private PlanVersion() { }

    public int SessionId { get; private init; }
    /// <summary>1, 2, … within the session.</summary>
    public int Number { get; private init; }
    [MultiLineText]
    public string BodyMarkdown { get; private init; } = "";
    /// <summary>What changed from the previous version (for v1: what the plan is, optional).</summary>
    public string ChangeSummary { get; private init; } = "";
    public string AuthorUserId { get; private init; } = "";
    public string AuthorName { get; private init; } = "";
    public DateTime CreatedAtUtc { get; private init; }

    /// <summary>
    /// Writes the version after <paramref name="latest"/> (null: the first), which must be the version the author
    /// edited (<paramref name="basedOnNumber"/>, null for the first) — otherwise someone saved a newer one meanwhile.
    /// From v2 on the summary of the change is required, and a text identical to the latest is refused.
    /// </summary>
    public static (PlanVersion? Version, string? Error) Write(DeliberationSession session, PlanVersion? latest, int? basedOnNumber,
        string authorUserId, string authorName, string? body, string? summary, DateTime nowUtc)
    {
        if (session.FinishedAtUtc is not null) return (null, ErrorSessionFinished);
        if (latest?.Number != basedOnNumber) return (null, ErrorMovedOn);
        var clean = UserText.MultiLineTrimmed(body);
        if (clean.Length is 0 or > BodyMaxLength) return (null, ErrorBody);
        if (LineDiff.Lines(clean).Count > MaxLines) return (null, ErrorTooManyLines);
        var cleanSummary = UserText.SingleLine(summary).Trim();
        if (cleanSummary.Length > SummaryMaxLength || (latest is not null && cleanSummary.Length == 0)) return (null, ErrorSummary);
        if (latest is not null && latest.BodyMarkdown == clean) return (null, ErrorUnchanged);
        var version = new PlanVersion
        {
            SessionId = session.Id, Number = (latest?.Number ?? 0) + 1, BodyMarkdown = clean, ChangeSummary = cleanSummary,
            AuthorUserId = authorUserId, AuthorName = authorName, CreatedAtUtc = nowUtc,
        };
        version.Raise(new PlanVersionAdded(session.Id, version.Number));
        return (version, null);
    }
}

using Portal.Domain.Deliberation;

namespace Portal.Web.Features.Deliberation.Ratings;

/// <summary>Where the caller stands towards rating a session: may rate, is a resident living outside the matter's scope, or is no resident of the community.</summary>
public enum RatingStanding
{
    Rates,
    OutsideScope,
    NotResident,
}

/// <summary>The caller's own rating in a round.</summary>
public sealed record MyRating(RatingLevel Level, string? Comment, DateTime AtUtc, Guid Version);

/// <summary>A comment as the managers read it: the level and the text, never who wrote it (decision 0036).</summary>
public sealed record RatingComment(RatingLevel Level, string Text, DateTime AtUtc);

/// <summary>
/// A rating round as the session page shows it: the window, the counts (live while open, frozen once closed), the
/// caller's own rating and standing, and — for managers — the comments and the closing.
/// </summary>
public sealed record RatingRoundView(int Id, int SessionId, int StepIndex, string StepName, DateTime OpenedAtUtc, int PeriodDays, DateTime EndsAtUtc,
    bool IsInWindow, DateTime? ClosedAtUtc, RatingTally Tally, MyRating? Mine, RatingStanding Standing, bool CanManage,
    IReadOnlyList<RatingComment> Comments, Guid Version)
{
    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>Whether the caller may rate (or change their rating) now.</summary>
    public bool CanRate => Standing == RatingStanding.Rates && !IsClosed && IsInWindow;
}

/// <summary>
/// The session page's rating section: the round of the session (the latest; null: none yet), whether the caller may open
/// one now (a manager, the current step needs ratings and has no round), and the period the form starts with.
/// </summary>
public sealed record SessionRatings(int SessionId, RatingRoundView? Round, bool CanOpen, int DefaultPeriodDays);

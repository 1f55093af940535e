using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>How a resident rates the result of a deliberated matter (群众评事): the three words residents are asked.</summary>
public enum RatingLevel
{
    /// <summary>满意</summary>
    Satisfied = 1,
    /// <summary>基本满意</summary>
    BasicallySatisfied = 2,
    /// <summary>不满意</summary>
    Dissatisfied = 3,
}

/// <summary>
/// The counts of a rating round and the satisfaction rate (满意率) worked out from them with integer arithmetic only:
/// the rate is (满意 + 基本满意) ÷ 参评人数, as Chinese assessments of public services count it, in tenths of a percent
/// rounded half up — so 2 of 3 is 66.7 %, 1 of 8 is 12.5 % and nothing depends on floating point.
/// </summary>
public readonly record struct RatingTally(int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public int Total => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>Those who are satisfied or basically satisfied: the numerator of the satisfaction rate.</summary>
    public int Content => Satisfied + BasicallySatisfied;

    public int CountOf(RatingLevel level) => level switch
    {
        RatingLevel.Satisfied => Satisfied,
        RatingLevel.BasicallySatisfied => BasicallySatisfied,
        _ => Dissatisfied,
    };

    /// <summary>The satisfaction rate in percent with one decimal (e.g. 66.7); null while nobody has rated.</summary>
    public decimal? SatisfactionPercent => Percent(Content);

    /// <summary>One level's share of the ratings in percent with one decimal; null while nobody has rated.</summary>
    public decimal? ShareOf(RatingLevel level) => Percent(CountOf(level));

    /// <summary><paramref name="part"/> of <see cref="Total"/> in tenths of a percent, half up: ⌊(2000·part + total) ÷ (2·total)⌋.</summary>
    private decimal? Percent(int part) => Total == 0 ? null : ((2000L * part + Total) / (2L * Total)) / 10m;

    public static RatingTally Of(IEnumerable<RatingLevel> levels)
    {
        int satisfied = 0, basically = 0, dissatisfied = 0;
        foreach (var level in levels)
        {
            switch (level)
            {
                case RatingLevel.Satisfied: satisfied++; break;
                case RatingLevel.BasicallySatisfied: basically++; break;
                case RatingLevel.Dissatisfied: dissatisfied++; break;
            }
        }
        return new RatingTally(satisfied, basically, dissatisfied);
    }
}

/// <summary>
/// The rating round (评议) of a session step that needs residents' ratings. A manager opens it for a period (default 7
/// days); residents in the matter's scope rate from <see cref="OpenedAtUtc"/> up to but not including
/// <see cref="EndsAtUtc"/>, one rating per person, changeable while the window is open; once the window has passed the
/// manager closes it and the counts are frozen into the round. The closed round is the step's <c>Ratings</c> evidence:
/// its frozen counts never change, whatever happens to the rows afterwards.
/// </summary>
public sealed class RatingRound : VersionedEntity
{
    public const int DefaultPeriodDays = 7;
    public const int PeriodMaxDays = 90;
    public const int CommentMaxLength = 500;

    public const string ErrorStep = "Deliberation.Error.Rating.Step";
    public const string ErrorPeriod = "Deliberation.Error.Rating.Period";
    public const string ErrorClosed = "Deliberation.Error.Rating.Closed";
    public const string ErrorOutsideWindow = "Deliberation.Error.Rating.OutsideWindow";
    public const string ErrorLevel = "Deliberation.Error.Rating.Level";
    public const string ErrorComment = "Deliberation.Error.Rating.Comment";
    public const string ErrorWindowOpen = "Deliberation.Error.Rating.WindowOpen";
    public const string ErrorNotThisRound = "Deliberation.Error.Rating.NotThisRound";

    private RatingRound() { }

    public int SessionId { get; private init; }
    /// <summary>0-based, like the session's steps: the step whose evidence the round is.</summary>
    public int StepIndex { get; private init; }
    public DateTime OpenedAtUtc { get; private init; }
    public string OpenedByUserId { get; private init; } = "";
    public int PeriodDays { get; private init; }
    public DateTime EndsAtUtc => OpenedAtUtc.AddDays(PeriodDays);
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedByUserId { get; private set; }
    public bool IsClosed => ClosedAtUtc is not null;

    // The counts frozen at closing (null while open).
    public int? SatisfiedCount { get; private set; }
    public int? BasicallySatisfiedCount { get; private set; }
    public int? DissatisfiedCount { get; private set; }

    /// <summary>The counts as frozen at closing; null while the round is open (its counts are read from the ratings).</summary>
    public RatingTally? Final => SatisfiedCount is { } s && BasicallySatisfiedCount is { } b && DissatisfiedCount is { } d ? new RatingTally(s, b, d) : null;

    public bool IsInWindow(DateTime nowUtc) => nowUtc >= OpenedAtUtc && nowUtc < EndsAtUtc;

    /// <summary>Opens the round of the session's current step, which must need ratings, for <paramref name="periodDays"/> days from now.</summary>
    public static (RatingRound? Round, string? Error) Open(DeliberationSession session, string byUserId, DateTime nowUtc, int periodDays)
    {
        if (session.CurrentStepIndex is not { } current || !session.Steps[current].RequiredEvidence.Contains(EvidenceKind.Ratings)) return (null, ErrorStep);
        if (periodDays is < 1 or > PeriodMaxDays) return (null, ErrorPeriod);
        return (new RatingRound { SessionId = session.Id, StepIndex = current, OpenedAtUtc = nowUtc, OpenedByUserId = byUserId, PeriodDays = periodDays }, null);
    }

    /// <summary>
    /// A resident's first rating in this round. Whether they are in the matter's scope and have not rated yet is the
    /// caller's to know (the directory and the other ratings are not in the round); the store keeps one per person.
    /// </summary>
    public (SessionRating? Rating, string? Error) Rate(int personId, string byUserId, RatingLevel level, string? comment, DateTime nowUtc)
    {
        if (Refusal(level, comment, nowUtc, out var clean) is { } error) return (null, error);
        var rating = new SessionRating(Id, personId, byUserId, level, clean, nowUtc);
        rating.Rated(SessionId);
        return (rating, null);
    }

    /// <summary>Changes the resident's rating while the window is open.</summary>
    public string? Change(SessionRating rating, RatingLevel level, string? comment, DateTime nowUtc)
    {
        if (rating.RoundId != Id) return ErrorNotThisRound;
        if (Refusal(level, comment, nowUtc, out var clean) is { } error) return error;
        rating.Change(level, clean, nowUtc);
        rating.Rated(SessionId);
        return null;
    }

    /// <summary>
    /// Closes the round once its window has passed, freezing <paramref name="tally"/> (the counts of its ratings) as the
    /// step's evidence. Closing early would cut residents off, so it is refused while the window is open.
    /// </summary>
    public string? Close(RatingTally tally, string byUserId, DateTime nowUtc)
    {
        if (IsClosed) return ErrorClosed;
        if (nowUtc < EndsAtUtc) return ErrorWindowOpen;
        ClosedAtUtc = nowUtc;
        ClosedByUserId = byUserId;
        (SatisfiedCount, BasicallySatisfiedCount, DissatisfiedCount) = (tally.Satisfied, tally.BasicallySatisfied, tally.Dissatisfied);
        Raise(new RatingRoundClosed(Id, SessionId, tally));
        return null;
    }

    private string? Refusal(RatingLevel level, string? comment, DateTime nowUtc, out string? clean)
    {
        clean = UserText.MultiLineTrimmedOrNull(comment);
        if (IsClosed) return ErrorClosed;
        if (!IsInWindow(nowUtc)) return ErrorOutsideWindow;
        if (!Enum.IsDefined(level)) return ErrorLevel;
        return clean is { Length: > CommentMaxLength } ? ErrorComment : null;
    }
}

/// <summary>
/// One resident's rating in a round: the level and an optional plain-text comment (control characters removed, shown as
/// text). One per person per round; the account that gave it is kept for the record, the person decides uniqueness
/// (a person with two accounts still rates once). Made and changed only through <see cref="RatingRound"/>.
/// </summary>
public sealed class SessionRating : VersionedEntity
{
    private SessionRating() { }

    internal SessionRating(int roundId, int personId, string byUserId, RatingLevel level, string? comment, DateTime nowUtc)
    {
        RoundId = roundId;
        PersonId = personId;
        RatedByUserId = byUserId;
        Level = level;
        Comment = comment;
        RatedAtUtc = nowUtc;
    }

    public int RoundId { get; private init; }
    public int PersonId { get; private init; }
    public string RatedByUserId { get; private init; } = "";
    public RatingLevel Level { get; private set; }
    [MultiLineText]
    public string? Comment { get; private set; }
    public DateTime RatedAtUtc { get; private init; }
    public DateTime? ChangedAtUtc { get; private set; }

    internal void Change(RatingLevel level, string? comment, DateTime nowUtc)
    {
        Level = level;
        Comment = comment;
        ChangedAtUtc = nowUtc;
    }

    internal void Rated(int sessionId) => Raise(new SessionRated(sessionId, RoundId));
}

/// <summary>A resident rated (or changed their rating) in a round of the session: the summary changed.</summary>
public sealed record SessionRated(int SessionId, int RoundId) : IDomainEvent;

/// <summary>A rating round was closed with its frozen counts.</summary>
public sealed record RatingRoundClosed(int RoundId, int SessionId, RatingTally Tally) : IDomainEvent;

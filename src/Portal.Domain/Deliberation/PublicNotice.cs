using System.Collections.Immutable;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>An objection to a public notice: filed inside the window, answered by the secretary (the filer sees it).</summary>
public sealed record NoticeObjection(int Number, string FiledByUserId, string Text, DateTime FiledAtUtc,
    string? Answer = null, string? AnsweredByUserId = null, DateTime? AnsweredAtUtc = null)
{
    public bool IsAnswered => Answer is not null;
}

/// <summary>
/// The public notice (公示) of a session's decision. Residents may object while it is open — from
/// <see cref="StartsAtUtc"/> up to but not including <see cref="EndsAtUtc"/> — and the secretary must answer every
/// objection. The notice closes only when the window has passed and none is unanswered: closing early would cut residents
/// off, closing with an open objection would leave it ignored, and either would weaken the record in a challenge.
/// The period (default 7 days) may be changed while the notice is open, but the window must still be open after the
/// change: editing the period never closes the window by itself.
/// </summary>
public sealed class PublicNotice : VersionedEntity
{
    public const int DefaultPeriodDays = 7;
    public const int PeriodMaxDays = 90;
    public const int TextMaxLength = 2_000;
    public const int DecisionTextMaxLength = 4_000;

    public const string ErrorPeriod = "Deliberation.Error.Notice.Period";
    public const string ErrorClosed = "Deliberation.Error.Notice.Closed";
    public const string ErrorOutsideWindow = "Deliberation.Error.Notice.OutsideWindow";
    public const string ErrorText = "Deliberation.Error.Notice.Text";
    public const string ErrorDecisionText = "Deliberation.Error.Notice.DecisionText";
    public const string ErrorUnknownObjection = "Deliberation.Error.Notice.UnknownObjection";
    public const string ErrorAlreadyAnswered = "Deliberation.Error.Notice.AlreadyAnswered";
    public const string ErrorWindowOpen = "Deliberation.Error.Notice.WindowOpen";
    public const string ErrorUnanswered = "Deliberation.Error.Notice.Unanswered";

    private PublicNotice() { }

    public int SessionId { get; private init; }
    public DateTime StartsAtUtc { get; private init; }
    public int PeriodDays { get; private set; }
    /// <summary>The decision as published (what residents may object to); plain multi-line text.</summary>
    public string Text { get; private init; } = "";
    public DateTime EndsAtUtc => StartsAtUtc.AddDays(PeriodDays);
    public DateTime? ClosedAtUtc { get; private set; }
    public bool IsClosed => ClosedAtUtc is not null;
    public ImmutableArray<NoticeObjection> Objections { get; private set; } = [];
    /// <summary>
    /// The implementation task the closing created (a work item of the Lists area); set in the close's transaction by
    /// the Lists handler of <see cref="PublicNoticeClosed"/>, never by the notice itself.
    /// </summary>
    public int? TaskWorkItemId { get; private set; }

    public bool IsInWindow(DateTime nowUtc) => nowUtc >= StartsAtUtc && nowUtc < EndsAtUtc;

    /// <summary>Publishes the decision's <paramref name="text"/> starting now for <paramref name="periodDays"/> days.</summary>
    public static (PublicNotice? Notice, string? Error) Publish(int sessionId, DateTime nowUtc, int periodDays, string? text)
    {
        if (periodDays is < 1 or > PeriodMaxDays) return (null, ErrorPeriod);
        var clean = UserText.MultiLineTrimmed(text);
        if (clean.Length is 0 or > DecisionTextMaxLength) return (null, ErrorDecisionText);
        return (new PublicNotice { SessionId = sessionId, StartsAtUtc = nowUtc, PeriodDays = periodDays, Text = clean }, null);
    }

    public string? ChangePeriod(int periodDays, DateTime nowUtc)
    {
        if (IsClosed) return ErrorClosed;
        if (periodDays is < 1 or > PeriodMaxDays || StartsAtUtc.AddDays(periodDays) <= nowUtc) return ErrorPeriod;
        PeriodDays = periodDays;
        Raise(new NoticePeriodChanged(Id, EndsAtUtc));
        return null;
    }

    /// <summary>Files an objection while the window is open; returns its number (1, 2, …) or an error.</summary>
    public (int Number, string? Error) FileObjection(string filedByUserId, string? text, DateTime nowUtc)
    {
        if (IsClosed) return (0, ErrorClosed);
        if (!IsInWindow(nowUtc)) return (0, ErrorOutsideWindow);
        var clean = UserText.MultiLineTrimmed(text);
        if (clean.Length is 0 or > TextMaxLength) return (0, ErrorText);
        var number = Objections.Length + 1;
        Objections = Objections.Add(new NoticeObjection(number, filedByUserId, clean, nowUtc));
        Raise(new NoticeObjectionFiled(Id, number));
        return (number, null);
    }

    /// <summary>Answers an objection, once; allowed after the window too (that is when most answers are written).</summary>
    public string? Answer(int objectionNumber, string? answer, string byUserId, DateTime nowUtc)
    {
        if (IsClosed) return ErrorClosed;
        // Objections are numbered 1, 2, … in filing order and never removed: number n sits at n - 1.
        var index = objectionNumber - 1;
        if (index < 0 || index >= Objections.Length) return ErrorUnknownObjection;
        var objection = Objections[index];
        if (objection.IsAnswered) return ErrorAlreadyAnswered;
        var clean = UserText.MultiLineTrimmed(answer);
        if (clean.Length is 0 or > TextMaxLength) return ErrorText;
        Objections = Objections.SetItem(index, objection with { Answer = clean, AnsweredByUserId = byUserId, AnsweredAtUtc = nowUtc });
        Raise(new NoticeObjectionAnswered(Id, objectionNumber, objection.FiledByUserId));
        return null;
    }

    /// <summary>
    /// Closes the notice once the window has passed and every objection is answered; the one who closes it is named in
    /// the event (the implementation task is raised in their name).
    /// </summary>
    public string? Close(DateTime nowUtc, string byUserId, string byName)
    {
        if (IsClosed) return ErrorClosed;
        if (nowUtc < EndsAtUtc) return ErrorWindowOpen;
        if (Objections.Any(o => !o.IsAnswered)) return ErrorUnanswered;
        ClosedAtUtc = nowUtc;
        Raise(new PublicNoticeClosed(Id, SessionId, byUserId, byName, nowUtc));
        return null;
    }
}

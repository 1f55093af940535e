using Portal.Domain.Councils;
using Portal.Domain.Deliberation;

namespace Portal.Web.Features.Deliberation.Meetings;

/// <summary>What the chair enters to schedule a meeting (or change it): the speaking rules default to 2 minutes and 2 speeches.</summary>
public sealed record MeetingDraft(string? Title, string? Location, DateTime StartsAtUtc, int ExpectedCount,
    int SpeechLimitSeconds = SpeakingRules.DefaultSpeechLimitSeconds, int MaxSpeechesPerMotion = SpeakingRules.DefaultMaxSpeechesPerMotion)
{
    public SpeakingRules Rules => new(SpeechLimitSeconds, MaxSpeechesPerMotion);
}

/// <summary>One meeting in the session page's list.</summary>
public sealed record MeetingRow(int Id, string Title, string? Location, DateTime StartsAtUtc, DeliberationMeetingStatus Status, AttendanceFigures Figures);

/// <summary>
/// The session page's meeting section: its meetings, newest first; <see cref="CanSchedule"/> for the chair while the
/// session runs.
/// </summary>
public sealed record SessionMeetings(int SessionId, bool CanSchedule, IReadOnlyList<MeetingRow> Meetings);

/// <summary>A line of the sign-in sheet, as the chair sees it.</summary>
public sealed record SignInLine(string Name, SignInWay Way, DateTime AtUtc);

/// <summary>
/// The caller's own part in the meeting (a resident of the session's scope): when they signed in, their place in the
/// queue (1 = next), the speech they hold now, and how many more requests the rule allows on the open motion.
/// <see cref="Refusal"/> says why they cannot take part at all (not in scope, no linked person), as a text key.
/// </summary>
public sealed record MyMeetingPart(bool CanTakePart, string? Refusal, DateTime? SignedInAtUtc, int? Place, int? MySpeechNumber, int RequestsLeft)
{
    public bool HasSignedIn => SignedInAtUtc is not null;
}

/// <summary>
/// A meeting as every screen shows it (the chair's desk, the resident's phone, the projector), computed at
/// <see cref="AtUtc"/> (the server's clock: the countdown starts from there and ticks in the browser).
/// <see cref="SignIns"/> are the chair's only (names of who came); <see cref="Me"/> is null for the chair and
/// for whoever cannot take part.
/// </summary>
public sealed record MeetingView(
    int Id,
    Guid Version,
    int SessionId,
    string SessionTitle,
    int CommunityId,
    string Title,
    string? Location,
    DateTime StartsAtUtc,
    DeliberationMeetingStatus Status,
    SpeakingRules Rules,
    AttendanceFigures Figures,
    IReadOnlyList<Motion> Motions,
    Motion? OpenMotion,
    Speech? CurrentSpeech,
    IReadOnlyList<SpeakRequest> Waiting,
    IReadOnlyList<Speech> Speeches,
    bool CanChair,
    MyMeetingPart? Me,
    IReadOnlyList<SignInLine> SignIns,
    DateTime AtUtc)
{
    /// <summary>The running speech's time left at <see cref="AtUtc"/>; negative when over (shown, never enforced).</summary>
    public TimeSpan? Remaining => CurrentSpeech?.Remaining(AtUtc);

    public bool IsRunning => Status == DeliberationMeetingStatus.InProgress;
}

using System.Collections.Immutable;
using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

public enum DeliberationMeetingStatus
{
    /// <summary>Announced: residents may sign in from <see cref="DeliberationMeeting.SignInOpensBefore"/> the start.</summary>
    Scheduled = 1,
    /// <summary>Under way: motions are discussed, residents ask to speak.</summary>
    InProgress = 2,
    /// <summary>Over (final): the sign-in sheet is final and counts as the session's evidence.</summary>
    Closed = 3,
}

/// <summary>Something changed in a meeting (its state, a motion, the queue, a speech): every screen of it reloads.</summary>
public sealed record DeliberationMeetingChanged(int MeetingId) : IDomainEvent;

/// <summary>Someone signed in to a meeting (实到 moved).</summary>
public sealed record DeliberationMeetingSignedIn(int MeetingId) : IDomainEvent;

/// <summary>
/// A deliberation meeting (议事会) of a session (issue 13 item 4): announced with the number expected (应到), residents
/// sign in (实到, <see cref="MeetingSignIn"/>), the chair opens it, takes motions one at a time with a speaking queue
/// (<see cref="SpeakingQueue"/>), and closes it. Once closed its sign-in sheet is final and is the evidence a step that
/// needs a sign-in sheet is completed with. Only people who signed in may ask to speak: the queue is the room's.
/// </summary>
public sealed class DeliberationMeeting : VersionedEntity
{
    public const int TitleMaxLength = 100;
    public const int LocationMaxLength = 100;
    public const int ExpectedMax = 100_000;

    public const string ErrorSessionFinished = "Deliberation.Error.Meeting.SessionFinished";
    public const string ErrorTitle = "Deliberation.Error.Meeting.Title";
    public const string ErrorLocation = "Deliberation.Error.Meeting.Location";
    public const string ErrorExpected = "Deliberation.Error.Meeting.Expected";
    public const string ErrorClosed = "Deliberation.Error.Meeting.Closed";
    public const string ErrorNotStarted = "Deliberation.Error.Meeting.NotStarted";
    public const string ErrorNotSignedIn = "Deliberation.Error.Meeting.NotSignedIn";

    /// <summary>Sign-in opens this long before the start (the councils' rule: people arriving early scan at the door).</summary>
    public static readonly TimeSpan SignInOpensBefore = AttendanceRules.OpensBefore;

    private DeliberationMeeting() { }

    public int SessionId { get; private init; }
    public int CommunityId { get; private init; }
    public string Title { get; private set; } = "";
    public string? Location { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    /// <summary>应到: how many are expected (invited representatives, or the households asked to send someone).</summary>
    public int ExpectedCount { get; private set; }
    public int SpeechLimitSeconds { get; private set; }
    public int MaxSpeechesPerMotion { get; private set; }
    public DeliberationMeetingStatus Status { get; private set; }
    public DateTime? OpenedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string CreatedByUserId { get; private init; } = "";
    public ImmutableArray<Motion> Motions { get; private set; } = [];
    public ImmutableArray<SpeakRequest> Requests { get; private set; } = [];
    public ImmutableArray<Speech> Speeches { get; private set; } = [];

    public bool IsClosed => Status == DeliberationMeetingStatus.Closed;

    public SpeakingRules Rules => new(SpeechLimitSeconds, MaxSpeechesPerMotion);

    /// <summary>The speaking order as stored.</summary>
    public SpeakingQueue Queue => new(Rules, Motions, Requests, Speeches);

    /// <summary>Whether a resident may sign in at <paramref name="nowUtc"/>: from an hour before the start until the meeting closes.</summary>
    public bool TakesSignIns(DateTime nowUtc) => !IsClosed && (Status == DeliberationMeetingStatus.InProgress || nowUtc >= StartsAtUtc - SignInOpensBefore);

    /// <summary>Announces a meeting of a running session.</summary>
    public static (DeliberationMeeting? Meeting, string? Error) Schedule(DeliberationSession session, string? title, string? location, DateTime startsAtUtc,
        int expectedCount, SpeakingRules rules, string byUserId)
    {
        if (session.IsFinished) return (null, ErrorSessionFinished);
        var meeting = new DeliberationMeeting
        {
            SessionId = session.Id, CommunityId = session.CommunityId, Status = DeliberationMeetingStatus.Scheduled, CreatedByUserId = byUserId,
        };
        return meeting.SetDetails(title, location, startsAtUtc, expectedCount, rules) is { } error ? (null, error) : (meeting, null);
    }

    /// <summary>Changes the details while the meeting is not closed; a new speech limit applies to speeches started from now on.</summary>
    public string? ChangeDetails(string? title, string? location, DateTime startsAtUtc, int expectedCount, SpeakingRules rules)
    {
        if (IsClosed) return ErrorClosed;
        return SetDetails(title, location, startsAtUtc, expectedCount, rules) ?? Changed();
    }

    public string? Open(DateTime nowUtc)
    {
        if (IsClosed) return ErrorClosed;
        if (Status == DeliberationMeetingStatus.InProgress) return null;
        Status = DeliberationMeetingStatus.InProgress;
        OpenedAtUtc = nowUtc;
        return Changed();
    }

    /// <summary>Closes the meeting: a running speech ends, the open motion closes, the sign-in sheet becomes final.</summary>
    public string? Close(DateTime nowUtc)
    {
        if (IsClosed) return ErrorClosed;
        Apply(Queue.CloseAll(nowUtc));
        OpenedAtUtc ??= nowUtc;
        Status = DeliberationMeetingStatus.Closed;
        ClosedAtUtc = nowUtc;
        return Changed();
    }

    public (int Number, string? Error) AddMotion(string? title)
    {
        if (IsClosed) return (0, ErrorClosed);
        var (queue, number, error) = Queue.AddMotion(title);
        return error is null ? (Apply(queue, number), Changed()) : (0, error);
    }

    public string? OpenMotion(int number, DateTime nowUtc) => Running(q => q.OpenMotionNumber(number, nowUtc));

    public string? CloseMotion(int number, DateTime nowUtc) => Running(q => q.CloseMotion(number, nowUtc));

    /// <summary>
    /// A person who signed in asks to speak on the open motion (<paramref name="hasSignedIn"/>: the service looked their
    /// sign-in up; the queue is for those in the room).
    /// </summary>
    public (int Number, string? Error) RequestToSpeak(int personId, string? name, bool hasSignedIn, DateTime nowUtc)
    {
        if (IsClosed) return (0, ErrorClosed);
        if (Status != DeliberationMeetingStatus.InProgress) return (0, ErrorNotStarted);
        if (!hasSignedIn) return (0, ErrorNotSignedIn);
        var (queue, number, error) = Queue.Request(personId, name, nowUtc);
        return error is null ? (Apply(queue, number), Changed()) : (0, error);
    }

    public string? Withdraw(int personId) => Running(q => q.Withdraw(personId));

    public string? GiveFloor(int requestNumber, DateTime nowUtc) => Running(q => q.GiveFloor(requestNumber, nowUtc));

    public string? EndSpeech(int speechNumber, SpeechEnd by, DateTime nowUtc) => Running(q => q.EndSpeech(speechNumber, by, nowUtc));

    public string? Skip(int requestNumber) => Running(q => q.Skip(requestNumber));

    /// <summary>A queue operation, allowed while the meeting is under way; a refusal changes nothing.</summary>
    private string? Running(Func<SpeakingQueue, (SpeakingQueue Queue, string? Error)> operation)
    {
        if (IsClosed) return ErrorClosed;
        if (Status != DeliberationMeetingStatus.InProgress) return ErrorNotStarted;
        var (queue, error) = operation(Queue);
        if (error is not null) return error;
        Apply(queue);
        return Changed();
    }

    private int Apply(SpeakingQueue queue, int number = 0)
    {
        Motions = queue.Motions;
        Requests = queue.Requests;
        Speeches = queue.Speeches;
        return number;
    }

    private string? Changed()
    {
        Raise(new DeliberationMeetingChanged(Id));
        return null;
    }

    private string? SetDetails(string? title, string? location, DateTime startsAtUtc, int expectedCount, SpeakingRules rules)
    {
        var cleanTitle = UserText.SingleLine(title).Trim();
        if (cleanTitle.Length is 0 or > TitleMaxLength) return ErrorTitle;
        var cleanLocation = UserText.SingleLineOrNull(location)?.Trim();
        if (cleanLocation is { Length: > LocationMaxLength }) return ErrorLocation;
        if (expectedCount is < 0 or > ExpectedMax) return ErrorExpected;
        if (rules.Error is { } ruleError) return ruleError;
        Title = cleanTitle;
        Location = cleanLocation is { Length: > 0 } ? cleanLocation : null;
        StartsAtUtc = startsAtUtc;
        ExpectedCount = expectedCount;
        SpeechLimitSeconds = rules.SpeechLimitSeconds;
        MaxSpeechesPerMotion = rules.MaxSpeechesPerMotion;
        return null;
    }
}

public enum SignInWay
{
    /// <summary>The resident scanned the meeting's QR code and signed in on their phone.</summary>
    QrCode = 1,
    /// <summary>The chair entered a name from the paper sheet at the door (someone without a phone or account).</summary>
    RecordedByChair = 2,
}

/// <summary>
/// One line of a meeting's sign-in sheet (实到). A resident signs in once (the database holds one line per person and
/// meeting); a line the chair records from the paper sheet carries a name and no person.
/// </summary>
public sealed class MeetingSignIn : Entity
{
    public const int NameMaxLength = 50;
    public const string ErrorNotOpen = "Deliberation.Error.Meeting.SignInNotOpen";
    public const string ErrorName = "Deliberation.Error.Meeting.SignInName";

    private MeetingSignIn() { }

    public int MeetingId { get; private init; }
    public int? PersonId { get; private init; }
    public string Name { get; private init; } = "";
    public SignInWay Way { get; private init; }
    public DateTime AtUtc { get; private init; }
    /// <summary>The account that wrote the line: the resident's own, or the chair's.</summary>
    public string ByUserId { get; private init; } = "";

    /// <summary>The resident signs themselves in (the service checked they belong to the session's scope).</summary>
    public static (MeetingSignIn? SignIn, string? Error) Self(DeliberationMeeting meeting, int personId, string? name, string userId, DateTime nowUtc) =>
        Make(meeting, personId, name, SignInWay.QrCode, userId, nowUtc);

    /// <summary>The chair records a line of the paper sheet.</summary>
    public static (MeetingSignIn? SignIn, string? Error) Recorded(DeliberationMeeting meeting, string? name, string chairUserId, DateTime nowUtc) =>
        Make(meeting, null, name, SignInWay.RecordedByChair, chairUserId, nowUtc);

    private static (MeetingSignIn?, string?) Make(DeliberationMeeting meeting, int? personId, string? name, SignInWay way, string byUserId, DateTime nowUtc)
    {
        if (!meeting.TakesSignIns(nowUtc)) return (null, ErrorNotOpen);
        var clean = UserText.SingleLine(name).Trim();
        if (clean.Length is 0 or > NameMaxLength) return (null, ErrorName);
        var line = new MeetingSignIn { MeetingId = meeting.Id, PersonId = personId, Name = clean, Way = way, AtUtc = nowUtc, ByUserId = byUserId };
        line.Raise(new DeliberationMeetingSignedIn(meeting.Id));
        return (line, null);
    }

    /// <summary>应到, 实到 and the rate, as the councils count them (no guests here: everyone who came is counted).</summary>
    public static AttendanceFigures Figures(int expected, int present) => new(expected, present, 0);
}

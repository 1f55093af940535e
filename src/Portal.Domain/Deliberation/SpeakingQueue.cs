using System.Collections.Immutable;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>
/// A meeting's speaking rules (issue 13 item 4): how long one speech may run and how many times one person may speak on
/// one motion. Both are set per meeting; a speech keeps the limit it started with, so changing the rule mid-meeting
/// never rewrites what a past speech was allowed.
/// </summary>
public readonly record struct SpeakingRules(int SpeechLimitSeconds, int MaxSpeechesPerMotion)
{
    public const int DefaultSpeechLimitSeconds = 120;
    public const int DefaultMaxSpeechesPerMotion = 2;
    public const int SpeechLimitMinSeconds = 30;
    public const int SpeechLimitMaxSeconds = 1_800;
    public const int MaxSpeechesPerMotionMax = 10;

    public const string ErrorSpeechLimit = "Deliberation.Error.Meeting.SpeechLimit";
    public const string ErrorMaxSpeeches = "Deliberation.Error.Meeting.MaxSpeeches";

    /// <summary>Two minutes a speech, two speeches a person a motion: the defaults.</summary>
    public static SpeakingRules Default { get; } = new(DefaultSpeechLimitSeconds, DefaultMaxSpeechesPerMotion);

    /// <summary>The rule these values break, or null: 30 s – 30 min a speech, 1 – 10 speeches a person a motion.</summary>
    public string? Error => SpeechLimitSeconds is < SpeechLimitMinSeconds or > SpeechLimitMaxSeconds ? ErrorSpeechLimit
        : MaxSpeechesPerMotion is < 1 or > MaxSpeechesPerMotionMax ? ErrorMaxSpeeches
        : null;
}

public enum MotionState
{
    /// <summary>Added to the meeting, not yet put to the floor.</summary>
    Pending = 1,
    /// <summary>Under discussion: residents may ask to speak on it. One at a time.</summary>
    Open = 2,
    /// <summary>Discussion ended (final).</summary>
    Closed = 3,
}

/// <summary>
/// A motion (动议) of a meeting: what is being discussed. <see cref="Number"/> is its identity in the meeting (1, 2, …,
/// never reused).
/// </summary>
public sealed record Motion(int Number, string Title, MotionState State, DateTime? OpenedAtUtc, DateTime? ClosedAtUtc)
{
    public const int TitleMaxLength = 100;
}

public enum SpeakRequestState
{
    /// <summary>In the queue, in the order asked.</summary>
    Waiting = 1,
    /// <summary>Given the floor: the speech is under way.</summary>
    Speaking = 2,
    /// <summary>The speech was held.</summary>
    Spoken = 3,
    /// <summary>The chair passed over it (the person was not there when called): no speech, so it does not count.</summary>
    Skipped = 4,
    /// <summary>The person took the request back before being called.</summary>
    Withdrawn = 5,
    /// <summary>The motion closed while it waited.</summary>
    Lapsed = 6,
}

/// <summary>A request to speak on a motion, by a directory person (<see cref="PersonId"/>) under their display name.</summary>
public sealed record SpeakRequest(int Number, int MotionNumber, int PersonId, string Name, DateTime RequestedAtUtc, SpeakRequestState State)
{
    public const int NameMaxLength = 50;
}

public enum SpeechEnd
{
    /// <summary>The chair ended it (the speaker finished, or ran over and was asked to stop).</summary>
    Chair = 1,
    /// <summary>The speaker said they were done.</summary>
    Speaker = 2,
    /// <summary>The motion (or the meeting) closed while it ran.</summary>
    MotionClosed = 3,
}

/// <summary>
/// One speech: who, on which motion, from when to when, and the limit it had. The timer is advisory: a speech that runs
/// over its limit shows by how much, and nothing cuts it off (the chair decides; a microphone cut by a machine in a
/// residents' meeting would do more harm than an overrun).
/// </summary>
public sealed record Speech(int Number, int MotionNumber, int RequestNumber, int PersonId, string Name, DateTime StartedAtUtc, int LimitSeconds,
    DateTime? EndedAtUtc, SpeechEnd? EndedBy)
{
    public bool IsRunning => EndedAtUtc is null;

    public TimeSpan Limit => TimeSpan.FromSeconds(LimitSeconds);

    /// <summary>How long it ran (up to <paramref name="nowUtc"/> while it runs).</summary>
    public TimeSpan Elapsed(DateTime nowUtc)
    {
        var end = EndedAtUtc ?? nowUtc;
        return end > StartedAtUtc ? end - StartedAtUtc : TimeSpan.Zero;
    }

    /// <summary>Time left at <paramref name="nowUtc"/>; negative once over the limit (shown as "+0:15", never enforced).</summary>
    public TimeSpan Remaining(DateTime nowUtc) => Limit - Elapsed(nowUtc);

    /// <summary>By how much it ran over its limit (zero when within it).</summary>
    public TimeSpan Overrun(DateTime nowUtc) => Elapsed(nowUtc) > Limit ? Elapsed(nowUtc) - Limit : TimeSpan.Zero;
}

/// <summary>
/// The speaking order of one meeting (UI-free, immutable, like the councils' live agenda): motions taken one at a time;
/// on the open motion residents ask to speak and wait in the order they asked; the chair gives the floor to the first
/// waiting, ends a speech, skips a request, closes the motion. Every operation answers the next state, or the state it
/// was given and the code of the rule it broke — a refusal changes nothing.
/// <para>The rules, exactly:</para>
/// <list type="bullet">
/// <item>One motion is open at a time; a closed motion stays closed.</item>
/// <item>A person may ask to speak only on the open motion, only once at a time (not while waiting or speaking), and only
/// while the speeches they held on it plus the one they wait for are fewer than <see cref="SpeakingRules.MaxSpeechesPerMotion"/>:
/// with the default 2, the third request is refused with <see cref="ErrorNoSpeechesLeft"/>. A skipped, withdrawn or
/// lapsed request held no speech and does not count.</item>
/// <item>The floor goes to the first waiting request, in the order asked, and only when nobody is speaking. The chair
/// names the request they see as next, so a double click or a stale screen never gives the floor to the one after.</item>
/// <item>A speech's limit is the rule's at its start; running over is shown, never enforced.</item>
/// <item>Closing a motion ends the running speech and lapses the waiting requests.</item>
/// </list>
/// </summary>
public sealed record SpeakingQueue(SpeakingRules Rules, ImmutableArray<Motion> Motions, ImmutableArray<SpeakRequest> Requests, ImmutableArray<Speech> Speeches)
{
    public const string ErrorMotionTitle = "Deliberation.Error.Meeting.MotionTitle";
    public const string ErrorUnknownMotion = "Deliberation.Error.Meeting.UnknownMotion";
    public const string ErrorAnotherMotionOpen = "Deliberation.Error.Meeting.AnotherMotionOpen";
    public const string ErrorMotionClosed = "Deliberation.Error.Meeting.MotionClosed";
    public const string ErrorNoOpenMotion = "Deliberation.Error.Meeting.NoOpenMotion";
    public const string ErrorAlreadyQueued = "Deliberation.Error.Meeting.AlreadyQueued";
    public const string ErrorNoSpeechesLeft = "Deliberation.Error.Meeting.NoSpeechesLeft";
    public const string ErrorSomeoneSpeaking = "Deliberation.Error.Meeting.SomeoneSpeaking";
    public const string ErrorNotNext = "Deliberation.Error.Meeting.NotNext";
    public const string ErrorNotWaiting = "Deliberation.Error.Meeting.NotWaiting";
    public const string ErrorNoSuchSpeech = "Deliberation.Error.Meeting.NoSuchSpeech";
    public const string ErrorName = "Deliberation.Error.Meeting.Name";

    public static SpeakingQueue Empty(SpeakingRules rules) => new(rules, [], [], []);

    public Motion? OpenMotion => Motions.FirstOrDefault(m => m.State == MotionState.Open);

    public Speech? CurrentSpeech => Speeches.FirstOrDefault(s => s.IsRunning);

    /// <summary>The open motion's waiting requests, first to be called first.</summary>
    public IReadOnlyList<SpeakRequest> Waiting => OpenMotion is { } open
        ? Requests.Where(r => r.MotionNumber == open.Number && r.State == SpeakRequestState.Waiting).OrderBy(r => r.Number).ToList()
        : [];

    /// <summary>The person's place in the open motion's queue (1 = next), or null when they are not waiting.</summary>
    public int? PlaceOf(int personId)
    {
        var waiting = Waiting;
        for (var i = 0; i < waiting.Count; i++)
            if (waiting[i].PersonId == personId) return i + 1;
        return null;
    }

    /// <summary>Speeches the person held (or holds) on the motion.</summary>
    public int SpeechesBy(int personId, int motionNumber) => Speeches.Count(s => s.MotionNumber == motionNumber && s.PersonId == personId);

    /// <summary>
    /// How many more times the person may ask to speak on the open motion now: the rule's maximum less the speeches held
    /// and the request waiting; 0 when there is no open motion.
    /// </summary>
    public int RequestsLeft(int personId) => OpenMotion is { } open
        ? Math.Max(0, Rules.MaxSpeechesPerMotion - SpeechesBy(personId, open.Number) - (PlaceOf(personId) is null ? 0 : 1))
        : 0;

    public (SpeakingQueue Queue, int Number, string? Error) AddMotion(string? title)
    {
        var clean = UserText.SingleLine(title).Trim();
        if (clean.Length is 0 or > Motion.TitleMaxLength) return (this, 0, ErrorMotionTitle);
        var number = Motions.Length + 1;
        return (this with { Motions = Motions.Add(new Motion(number, clean, MotionState.Pending, null, null)) }, number, null);
    }

    public (SpeakingQueue Queue, string? Error) OpenMotionNumber(int number, DateTime nowUtc)
    {
        if (MotionAt(number) is not { } motion) return (this, ErrorUnknownMotion);
        if (motion.State == MotionState.Closed) return (this, ErrorMotionClosed);
        if (motion.State == MotionState.Open) return (this, null);
        if (OpenMotion is not null) return (this, ErrorAnotherMotionOpen);
        return (this with { Motions = Motions.SetItem(number - 1, motion with { State = MotionState.Open, OpenedAtUtc = nowUtc }) }, null);
    }

    /// <summary>Closes the open motion <paramref name="number"/>: the running speech ends now, waiting requests lapse.</summary>
    public (SpeakingQueue Queue, string? Error) CloseMotion(int number, DateTime nowUtc)
    {
        if (MotionAt(number) is not { } motion) return (this, ErrorUnknownMotion);
        if (motion.State == MotionState.Closed) return (this, ErrorMotionClosed);
        var ended = EndRunning(nowUtc, SpeechEnd.MotionClosed);
        var requests = ended.Requests.Select(r => r.MotionNumber == number && r.State == SpeakRequestState.Waiting ? r with { State = SpeakRequestState.Lapsed } : r)
            .ToImmutableArray();
        return (ended with
        {
            Requests = requests,
            Motions = Motions.SetItem(number - 1, motion with { State = MotionState.Closed, OpenedAtUtc = motion.OpenedAtUtc ?? nowUtc, ClosedAtUtc = nowUtc }),
        }, null);
    }

    /// <summary>The person asks to speak on the open motion; answers the request's number.</summary>
    public (SpeakingQueue Queue, int Number, string? Error) Request(int personId, string? name, DateTime nowUtc)
    {
        if (OpenMotion is not { } open) return (this, 0, ErrorNoOpenMotion);
        var clean = UserText.SingleLine(name).Trim();
        if (clean.Length is 0 or > SpeakRequest.NameMaxLength) return (this, 0, ErrorName);
        if (Requests.Any(r => r.MotionNumber == open.Number && r.PersonId == personId && r.State is SpeakRequestState.Waiting or SpeakRequestState.Speaking))
            return (this, 0, ErrorAlreadyQueued);
        if (SpeechesBy(personId, open.Number) >= Rules.MaxSpeechesPerMotion) return (this, 0, ErrorNoSpeechesLeft);
        var number = Requests.Length + 1;
        return (this with { Requests = Requests.Add(new SpeakRequest(number, open.Number, personId, clean, nowUtc, SpeakRequestState.Waiting)) }, number, null);
    }

    /// <summary>The person takes back their waiting request on the open motion.</summary>
    public (SpeakingQueue Queue, string? Error) Withdraw(int personId)
    {
        var request = Waiting.FirstOrDefault(r => r.PersonId == personId);
        return request is null ? (this, ErrorNotWaiting) : (WithRequest(request with { State = SpeakRequestState.Withdrawn }), null);
    }

    /// <summary>
    /// Gives the floor to request <paramref name="requestNumber"/>, which must be the first waiting: the speech starts now
    /// with the rule's limit. Refused while someone is speaking.
    /// </summary>
    public (SpeakingQueue Queue, string? Error) GiveFloor(int requestNumber, DateTime nowUtc)
    {
        if (OpenMotion is null) return (this, ErrorNoOpenMotion);
        if (CurrentSpeech is not null) return (this, ErrorSomeoneSpeaking);
        if (Waiting.FirstOrDefault() is not { } next || next.Number != requestNumber) return (this, ErrorNotNext);
        var speech = new Speech(Speeches.Length + 1, next.MotionNumber, next.Number, next.PersonId, next.Name, nowUtc, Rules.SpeechLimitSeconds, null, null);
        return (WithRequest(next with { State = SpeakRequestState.Speaking }) with { Speeches = Speeches.Add(speech) }, null);
    }

    /// <summary>Ends speech <paramref name="speechNumber"/> if it is the one running (the chair's stop, or the speaker's "done").</summary>
    public (SpeakingQueue Queue, string? Error) EndSpeech(int speechNumber, SpeechEnd by, DateTime nowUtc)
    {
        if (CurrentSpeech is not { } running || running.Number != speechNumber) return (this, ErrorNoSuchSpeech);
        return (EndRunning(nowUtc, by), null);
    }

    /// <summary>The chair passes over a waiting request (the person is not there): no speech, so it does not count.</summary>
    public (SpeakingQueue Queue, string? Error) Skip(int requestNumber)
    {
        var request = Waiting.FirstOrDefault(r => r.Number == requestNumber);
        return request is null ? (this, ErrorNotWaiting) : (WithRequest(request with { State = SpeakRequestState.Skipped }), null);
    }

    /// <summary>Ends whatever runs and closes the open motion (the meeting closes).</summary>
    public SpeakingQueue CloseAll(DateTime nowUtc) => OpenMotion is { } open ? CloseMotion(open.Number, nowUtc).Queue : EndRunning(nowUtc, SpeechEnd.MotionClosed);

    // Numbers are 1, 2, … in order added and never removed: number n sits at n - 1.
    private Motion? MotionAt(int number) => number >= 1 && number <= Motions.Length ? Motions[number - 1] : null;

    private SpeakingQueue WithRequest(SpeakRequest request) => this with { Requests = Requests.SetItem(request.Number - 1, request) };

    private SpeakingQueue EndRunning(DateTime nowUtc, SpeechEnd by)
    {
        if (CurrentSpeech is not { } running) return this;
        var end = nowUtc > running.StartedAtUtc ? nowUtc : running.StartedAtUtc;
        var request = Requests[running.RequestNumber - 1];
        return WithRequest(request with { State = SpeakRequestState.Spoken }) with
        {
            Speeches = Speeches.SetItem(running.Number - 1, running with { EndedAtUtc = end, EndedBy = by }),
        };
    }
}

using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Councils;

/// <summary>Where a proposed topic (议题) stands in the secretariat's screening.</summary>
public enum TopicStatus
{
    Submitted = 1,
    /// <summary>Accepted for the meeting; the chair may put it on the agenda.</summary>
    Accepted = 2,
    /// <summary>Merged into another topic (<see cref="Topic.MergedIntoTopicId"/>); final.</summary>
    Merged = 3,
    /// <summary>Put off to a later meeting, with a reason; the proposer may resubmit it for another meeting.</summary>
    Deferred = 4,
    /// <summary>Withdrawn by the proposer, or by the secretariat on the proposer's word; final.</summary>
    Withdrawn = 5,
}

public enum TopicAction
{
    Accept = 1,
    Merge = 2,
    Defer = 3,
    Withdraw = 4,
    /// <summary>A deferred topic submitted again for another meeting.</summary>
    Resubmit = 5,
}

/// <summary>
/// A topic a member unit proposes for a meeting (议题征集), optionally linked to a need, resource or project of the three
/// lists (<see cref="WorkItemId"/>). <see cref="ScreeningReason"/> is shown to the proposer.
/// </summary>
public sealed class Topic : VersionedEntity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4_000;
    public const int ReasonMaxLength = 500;
    public const int DefaultMinutes = 15;

    // Set at submission; Resubmit moves the topic to another meeting and restarts its clock, nothing else does.
    private int _meetingId;
    private DateTime _submittedAtUtc;

    public int MeetingId { get => _meetingId; init => _meetingId = value; }
    public int ProposerUnitId { get; init; }
    public string? ProposedByUserId { get; init; }
    public required string Title { get; init; }
    [MultiLineText]
    public string DescriptionMarkdown { get; init; } = "";
    /// <summary>The need, resource offer or project it concerns, if any.</summary>
    public int? WorkItemId { get; init; }
    /// <summary>The time the proposer asks for; the agenda item's time box starts from it.</summary>
    public int ProposedMinutes { get; init; } = DefaultMinutes;
    public DateTime SubmittedAtUtc { get => _submittedAtUtc; init => _submittedAtUtc = value; }

    public TopicStatus Status { get; private set; } = TopicStatus.Submitted;
    public int? MergedIntoTopicId { get; private set; }
    [MultiLineText]
    public string? ScreeningReason { get; private set; }
    public DateTime? ScreenedAtUtc { get; private set; }

    /// <summary>
    /// Screens the topic through <see cref="TopicScreening"/>. <paramref name="target"/> is the topic merged into (Merge only);
    /// <paramref name="newMeetingId"/> the meeting a deferred topic is resubmitted for (Resubmit only). A refusal changes nothing.
    /// </summary>
    public string? Apply(TopicAction action, DateTime nowUtc, string? reason = null, Topic? target = null, int? newMeetingId = null)
    {
        var error = TopicScreening.Check(this, action, reason, target, newMeetingId);
        if (error is not null) return error;
        Status = TopicScreening.Target(action);
        ScreeningReason = UserText.MultiLineTrimmedOrNull(reason);
        ScreenedAtUtc = nowUtc;
        MergedIntoTopicId = action == TopicAction.Merge ? target!.Id : null;
        if (action == TopicAction.Resubmit)
        {
            _meetingId = newMeetingId!.Value;
            _submittedAtUtc = nowUtc;
            ScreenedAtUtc = null;
        }
        Raise(new TopicScreened(action));
        return null;
    }

    /// <summary>
    /// A topic of a member unit's ad-hoc meeting request (<see cref="MeetingCalendar.RequestAdHoc"/>), for the requested
    /// meeting once it has its id. The meeting announces the request (<see cref="AdHocMeetingRequested"/>), not each topic.
    /// </summary>
    public static Topic RequestedWith(int meetingId, int proposerUnitId, string? proposedByUserId, string title, string descriptionMarkdown,
        int proposedMinutes, DateTime nowUtc) =>
        new()
        {
            MeetingId = meetingId, ProposerUnitId = proposerUnitId, ProposedByUserId = proposedByUserId, Title = title,
            DescriptionMarkdown = descriptionMarkdown, ProposedMinutes = proposedMinutes, SubmittedAtUtc = nowUtc,
        };
}

/// <summary>
/// The screening state machine (议题筛选):
/// <code>
/// Submitted → Accepted | Merged | Deferred | Withdrawn
/// Accepted  → Merged | Deferred | Withdrawn    (the secretariat may still change its mind until the agenda is confirmed)
/// Deferred  → Submitted (Resubmit, for another meeting) | Withdrawn
/// Merged, Withdrawn: final
/// </code>
/// Merge and Defer need a reason because the proposer sees it; Withdraw does not (it is usually the proposer's own act).
/// Nothing changes once the meeting's agenda is confirmed: that check is <see cref="TopicRules.CanScreen"/>.
/// </summary>
public static class TopicScreening
{
    public const string NotAllowedInStatus = "Council.Error.Topic.NotAllowedInStatus";
    public const string ReasonRequired = "Council.Error.Topic.ReasonRequired";
    public const string MergeTargetInvalid = "Council.Error.Topic.MergeTargetInvalid";
    public const string MeetingRequired = "Council.Error.Topic.MeetingRequired";

    private static readonly Dictionary<TopicStatus, TopicAction[]> Allowed = new()
    {
        [TopicStatus.Submitted] = [TopicAction.Accept, TopicAction.Merge, TopicAction.Defer, TopicAction.Withdraw],
        [TopicStatus.Accepted] = [TopicAction.Merge, TopicAction.Defer, TopicAction.Withdraw],
        [TopicStatus.Deferred] = [TopicAction.Resubmit, TopicAction.Withdraw],
        [TopicStatus.Merged] = [],
        [TopicStatus.Withdrawn] = [],
    };

    public static TopicStatus Target(TopicAction action) => action switch
    {
        TopicAction.Accept => TopicStatus.Accepted,
        TopicAction.Merge => TopicStatus.Merged,
        TopicAction.Defer => TopicStatus.Deferred,
        TopicAction.Withdraw => TopicStatus.Withdrawn,
        TopicAction.Resubmit => TopicStatus.Submitted,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static bool IsAllowed(TopicStatus from, TopicAction action) => Allowed.TryGetValue(from, out var a) && a.Contains(action);

    public static IReadOnlyList<TopicAction> ActionsIn(TopicStatus status) => Allowed.GetValueOrDefault(status) ?? [];

    /// <summary>The error code of a screening step, or null when it may happen.</summary>
    public static string? Check(Topic topic, TopicAction action, string? reason, Topic? target, int? newMeetingId)
    {
        if (!IsAllowed(topic.Status, action)) return NotAllowedInStatus;
        // Checked as it will be stored (Apply keeps this value): a reason of invisible characters only is no reason.
        var given = UserText.MultiLineTrimmed(reason);
        if (action is TopicAction.Merge or TopicAction.Defer && given.Length == 0) return ReasonRequired;
        if (given.Length > Topic.ReasonMaxLength) return ReasonRequired;
        if (action == TopicAction.Merge)
        {
            // Merge into a live topic of the same meeting that will itself be discussed: not itself, not one already merged,
            // deferred or withdrawn (else the merged suggestion would silently vanish).
            if (target is null || target.Id == topic.Id || target.MeetingId != topic.MeetingId ||
                target.Status is not (TopicStatus.Submitted or TopicStatus.Accepted))
                return MergeTargetInvalid;
        }
        if (action == TopicAction.Resubmit && (newMeetingId is null || newMeetingId == topic.MeetingId)) return MeetingRequired;
        return null;
    }
}

/// <summary>One agenda line the chair confirms: an accepted topic, in order.</summary>
public sealed record ConfirmedAgendaLine(int Number, int TopicId, string Title, int TimeBoxMinutes);

/// <summary>Topic collection rules: the deadline, who may submit, and the chair's agenda confirmation.</summary>
public static class TopicRules
{
    public const string ErrorDeadlinePassed = "Council.Error.Topic.DeadlinePassed";
    public const string ErrorNotMemberUnit = "Council.Error.Topic.NotMemberUnit";
    public const string ErrorMeetingClosedForTopics = "Council.Error.Topic.MeetingClosed";
    public const string ErrorTitleRequired = "Council.Error.Topic.TitleRequired";
    public const string ErrorMinutes = "Council.Error.Topic.Minutes";
    public const string ErrorAgendaEmpty = "Council.Error.Agenda.Empty";
    public const string ErrorAgendaTopicNotAccepted = "Council.Error.Agenda.TopicNotAccepted";
    public const string ErrorAgendaDuplicate = "Council.Error.Agenda.DuplicateTopic";
    public const string ErrorMeetingStarted = "Council.Error.Agenda.MeetingStarted";

    public const int MinutesMax = 120;

    /// <summary>
    /// The moment topic collection closes (exclusive), in UTC: the end of the local (China) day that lies
    /// <paramref name="daysBefore"/> days before the meeting's local day. "15 days before a meeting on 15 December" means
    /// topics are taken all through 30 November, as a notice "请于11月30日前报送" is read; counting whole local days, not
    /// 15 × 24 hours, keeps the deadline the same whatever hour the meeting starts.
    /// </summary>
    public static DateTime SubmissionDeadlineUtc(DateTime meetingStartUtc, int daysBefore, TimeZoneInfo zone)
    {
        // At least one day: the secretariat needs time to screen and the chair to confirm before the meeting day.
        ArgumentOutOfRangeException.ThrowIfLessThan(daysBefore, 1);
        var meetingDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(meetingStartUtc, zone));
        var lastDay = meetingDay.AddDays(-daysBefore);
        var endLocal = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(endLocal, DateTimeKind.Unspecified), zone);
    }

    /// <summary>The last local day on which topics are taken (for the notice text).</summary>
    public static DateOnly LastSubmissionDay(DateTime meetingStartUtc, int daysBefore, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(SubmissionDeadlineUtc(meetingStartUtc, daysBefore, zone), zone)).AddDays(-1);

    /// <summary>
    /// Whether a unit may submit a topic now: only units sitting on the council on the meeting's day, only before the
    /// deadline, and only while the meeting still collects topics (scheduled or, for an ad-hoc request, requested).
    /// Returns every error code that applies.
    /// </summary>
    public static IReadOnlyList<string> CheckSubmission(
        Meeting meeting, int proposerUnitId, IReadOnlySet<int> memberUnitIds, int topicDeadlineDays, string? title, int minutes,
        DateTime nowUtc, TimeZoneInfo zone)
    {
        var errors = new List<string>();
        if (!memberUnitIds.Contains(proposerUnitId)) errors.Add(ErrorNotMemberUnit);
        if (meeting.Status is not (MeetingStatus.Scheduled or MeetingStatus.Requested)) errors.Add(ErrorMeetingClosedForTopics);
        // An ad-hoc request carries its topics with it; the deadline applies to regular collection only.
        else if (meeting.Status == MeetingStatus.Scheduled && nowUtc >= SubmissionDeadlineUtc(meeting.StartsAtUtc, topicDeadlineDays, zone))
            errors.Add(ErrorDeadlinePassed);
        if (UserText.SingleLine(title) is { Length: 0 or > Topic.TitleMaxLength }) errors.Add(ErrorTitleRequired);
        if (minutes is < 1 or > MinutesMax) errors.Add(ErrorMinutes);
        return errors;
    }

    /// <summary>Screening is possible until the chair confirms the agenda; after that the agenda is changed live only.</summary>
    public static bool CanScreen(Meeting meeting) => meeting.Status is MeetingStatus.Requested or MeetingStatus.Scheduled;

    /// <summary>
    /// The chair confirms the agenda: the chosen topics in the chosen order, each accepted and of this meeting, at least one,
    /// no repeats; refused once the meeting has started (then the live agenda takes over). Returns the lines or an error.
    /// </summary>
    public static (IReadOnlyList<ConfirmedAgendaLine> Lines, string? Error) ConfirmAgenda(
        Meeting meeting, IReadOnlyList<int> orderedTopicIds, IEnumerable<Topic> meetingTopics, DateTime nowUtc)
    {
        if (meeting.Status is MeetingStatus.InProgress or MeetingStatus.Ended or MeetingStatus.MinutesApproved || nowUtc >= meeting.StartsAtUtc)
            return ([], ErrorMeetingStarted);
        if (meeting.Status != MeetingStatus.Scheduled) return ([], MeetingWorkflow.NotAllowedInStatus);
        if (orderedTopicIds.Count == 0) return ([], ErrorAgendaEmpty);
        if (orderedTopicIds.Distinct().Count() != orderedTopicIds.Count) return ([], ErrorAgendaDuplicate);
        var byId = meetingTopics.Where(t => t.MeetingId == meeting.Id).ToDictionary(t => t.Id);
        var lines = new List<ConfirmedAgendaLine>();
        foreach (var id in orderedTopicIds)
        {
            if (!byId.TryGetValue(id, out var topic) || topic.Status != TopicStatus.Accepted) return ([], ErrorAgendaTopicNotAccepted);
            lines.Add(new ConfirmedAgendaLine(lines.Count + 1, topic.Id, topic.Title, topic.ProposedMinutes));
        }
        return (lines, null);
    }

    /// <summary>Topics that count as adopted for the annual review: accepted ones, and those merged into another (the idea was taken up).</summary>
    public static bool IsAdopted(Topic topic) => topic.Status is TopicStatus.Accepted or TopicStatus.Merged;
}

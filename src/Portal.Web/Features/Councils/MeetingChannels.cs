using Portal.Domain.Councils;
using Portal.Domain.Common;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Councils;

/// <summary>
/// The per-meeting live channel ("meeting/{id}") and the events on it. Every participant's page and the projector join it;
/// catch-up after a dropped connection is by the channel's sequence number (<see cref="LiveHub.Join"/>), and the agenda
/// events are self-contained (<see cref="AgendaChange"/>), so replaying the missed ones in order restores the view.
/// </summary>
public static class MeetingChannels
{
    public const string Prefix = "meeting/";

    /// <summary>An applied agenda operation; payload <see cref="AgendaChange"/>.</summary>
    public const string AgendaChanged = "meeting.agenda";

    /// <summary>Someone checked in or was marked present; payload <see cref="AttendanceChanged"/>.</summary>
    public const string AttendanceChangedType = "meeting.attendance";

    /// <summary>
    /// The meeting changed status (agenda confirmed or reopened, started, ended, minutes approved, cancelled); payload
    /// <see cref="MeetingStatusChanged"/>. When its revision is not the next one a client holds, the client reloads the snapshot.
    /// </summary>
    public const string StatusChanged = "meeting.status";

    public static string For(int meetingId) => LiveChannelIds.For(Prefix, meetingId);

    public static bool TryParse(string channel, out int meetingId) => LiveChannelIds.TryParse(channel, Prefix, out meetingId);
}

/// <summary>One attendance change with the new 应到/实到 figures.</summary>
public sealed record AttendanceChanged(
    int PersonId,
    string PersonName,
    string? UnitName,
    bool IsExpected,
    DateTime? CheckedInAtUtc,
    CheckInWay? Way,
    int Expected,
    int Present,
    int Guests,
    double? RatePercent);

/// <summary>The meeting's status after a transition, and its agenda revision then.</summary>
public sealed record MeetingStatusChanged(MeetingStatus Status, DateTime? StartedAtUtc, DateTime? EndedAtUtc, int AgendaRevision);

/// <summary>
/// Everything a meeting view starts from: the agenda at <see cref="AgendaRevision"/>, attendance figures, and the live
/// channel's <see cref="LastSequence"/> (events after it are applied on top). Read by the meeting page and the projector.
/// </summary>
public sealed record MeetingSnapshot(
    int MeetingId,
    string CouncilName,
    string Title,
    MeetingStatus Status,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Location,
    int AgendaRevision,
    int? CurrentNumber,
    IReadOnlyList<AgendaItemState> Items,
    AttendanceFigures Attendance,
    long LastSequence,
    DateTime ServerTimeUtc)
{
    /// <summary>
    /// Reads the snapshot from a loaded meeting (with agenda items and attendances). The sequence is read before the
    /// caller loaded the meeting, so an event published in between is applied twice at worst, never missed; applying an
    /// agenda event whose revision is not above <see cref="AgendaRevision"/> is a no-op.
    /// </summary>
    public static MeetingSnapshot From(Meeting meeting, string councilName, string? defaultLocation, long lastSequence, DateTime nowUtc) => new(
        meeting.Id, councilName, meeting.Title, meeting.Status, meeting.StartsAtUtc, meeting.EndsAtUtc, meeting.Location ?? defaultLocation,
        meeting.AgendaRevision, meeting.CurrentAgendaItemNumber,
        meeting.AgendaItems.OrderBy(i => i.Position).Select(i => i.ToState()).ToList(),
        AttendanceRules.Figures(meeting.Attendances), lastSequence, nowUtc);
}

/// <summary>
/// What a meeting's participants hear of it: applied agenda operations and status moves, on the meeting's channel, stored
/// with the change that caused them. The status event carries the meeting as saved (so a move and an agenda stored in the
/// same save, like confirming the agenda, report the revision after both).
/// </summary>
public sealed class MeetingLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) => (source, domainEvent) switch
    {
        (Meeting meeting, MeetingAgendaChanged agenda) =>
            LiveEventDraft.Of(MeetingChannels.For(meeting.Id), MeetingChannels.AgendaChanged, agenda.Change),
        (Meeting meeting, MeetingStatusMoved) => LiveEventDraft.Of(MeetingChannels.For(meeting.Id), MeetingChannels.StatusChanged,
            new MeetingStatusChanged(meeting.Status, meeting.StartedAtUtc, meeting.EndedAtUtc, meeting.AgendaRevision)),
        _ => null,
    };
}

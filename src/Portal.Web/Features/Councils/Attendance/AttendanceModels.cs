using Portal.Domain.Councils;

namespace Portal.Web.Features.Councils;

/// <summary>
/// A meeting's attendance list as a participant sees it, with what the caller may do: <see cref="CanMark"/> when they steer
/// the meeting and its status still takes marks (up to the end, and after it while the minutes are drafted).
/// <see cref="Sequence"/> is the last live event on the meeting's channel that the figures include (at least).
/// </summary>
public sealed record AttendanceView(
    int MeetingId,
    string Title,
    MeetingStatus Status,
    AttendanceFigures Figures,
    IReadOnlyList<AttendanceRow> Rows,
    bool CanSteer,
    bool CanMark,
    long Sequence = 0)
{
    /// <summary>
    /// The view after a published change (event <paramref name="sequence"/> on the meeting's channel): the person's row
    /// updated (or added, for a guest), so a check-in costs the panel no reload. The figures are replaced only by a change
    /// later than those they show: changes reach the panel twice (its own command's outcome and the live event) and not
    /// always in order, and each carries the figures as they stood after it. Rows the roster dropped meanwhile are seen on
    /// the next load.
    /// </summary>
    public AttendanceView With(AttendanceChanged change, long sequence)
    {
        var existing = Rows.FirstOrDefault(r => r.PersonId == change.PersonId);
        var row = new AttendanceRow(change.PersonId, change.PersonName, change.UnitName, change.IsExpected, change.CheckedInAtUtc, change.Way,
            existing?.LeaveReason);
        IReadOnlyList<AttendanceRow> rows = existing is null ? [.. Rows, row] : Rows.Select(r => r.PersonId == change.PersonId ? row : r).ToList();
        return sequence > Sequence
            ? this with { Figures = new AttendanceFigures(change.Expected, change.Present, change.Guests), Rows = rows, Sequence = sequence }
            : this with { Rows = rows };
    }
}

/// <summary>One person on the list: expected (应到) or a guest (列席) who checked in.</summary>
public sealed record AttendanceRow(
    int PersonId,
    string Name,
    string? UnitName,
    bool IsExpected,
    DateTime? CheckedInAtUtc,
    CheckInWay? Way,
    string? LeaveReason)
{
    public bool IsPresent => CheckedInAtUtc is not null;
}

/// <summary>What the check-in page shows about a meeting before the participant presses 签到.</summary>
public sealed record CheckInInfo(
    int MeetingId,
    string CouncilName,
    string Title,
    MeetingStatus Status,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    string? Location,
    bool IsParticipant,
    DateTime? CheckedInAtUtc);

/// <summary>
/// What a check-in or a mark stored: the change as its live event carries it, and that event's sequence on the meeting's
/// channel (the panel takes figures only from a change later than those it shows).
/// </summary>
public sealed record AttendanceStored(AttendanceChanged Change, long Sequence);

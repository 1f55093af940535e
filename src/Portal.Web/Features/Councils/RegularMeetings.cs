using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils;

/// <summary>
/// Puts a council's regular meetings on the calendar (<see cref="MeetingCalendar"/>) with their title, chair of the day
/// and recorder; and answers who chairs on a given day. The one way both the secretariat's "schedule" action and the
/// demo data create meetings, and the way an ad-hoc meeting gets its chair.
/// </summary>
public static class RegularMeetings
{
    /// <summary>
    /// The meetings the calendar rule gives for local days <paramref name="from"/> to <paramref name="to"/> that start after
    /// <paramref name="nowUtc"/> and whose period has no meeting yet; not yet added to the context. Requires the council's members.
    /// </summary>
    public static async Task<IReadOnlyList<Meeting>> PlanAsync(PortalDbContext db, Council council, DateOnly from, DateOnly to, DateTime nowUtc, CancellationToken ct)
    {
        var existing = await db.Meetings.AsNoTracking().Where(m => m.CouncilId == council.Id && m.PeriodKey != null)
            .Select(m => m.PeriodKey!).ToListAsync(ct);
        var meetings = new List<Meeting>();
        foreach (var planned in MeetingCalendar.Generate(council.CalendarRule(), from, to, nowUtc, PortalTime.Zone, existing))
        {
            var meeting = MeetingCalendar.CreateRegular(council.Id, planned, TitleOf(council, planned.LocalDay), council.DefaultLocation);
            meeting.ChairPersonId = await ChairOfAsync(db, council, planned.LocalDay, ct);
            meeting.RecorderPersonId = CouncilRoster.Holding(council.Members, CouncilRole.Recorder, planned.LocalDay).FirstOrDefault()?.PersonId;
            meetings.Add(meeting);
        }
        return meetings;
    }

    /// <summary>"2027年3月党建联席会议" for monthly councils, "2027年第1季度党建联席会议" otherwise (the usual notice titles).</summary>
    public static string TitleOf(Council council, DateOnly day) => council.Frequency == MeetingFrequency.Monthly
        ? $"{day.Year}年{day.Month}月党建联席会议"
        : $"{day.Year}年第{(day.Month - 1) / 3 + 1}季度党建联席会议";

    /// <summary>Who chairs on that day: the rotating chair unit's Party leader, else the elected or fixed chair.</summary>
    public static async Task<int?> ChairOfAsync(PortalDbContext db, Council council, DateOnly day, CancellationToken ct)
    {
        if (council.ChairArrangement == ChairArrangement.LeadUnitWithRotatingChair && council.LeadUnitId is { } lead && council.RotationStartYear is { } start
            && ChairRotation.FromMembers(lead, start, council.Members).ChairOf(day.Year) is { } unit)
            return await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => u.LeaderPersonId).FirstOrDefaultAsync(ct);
        return CouncilRoster.Holding(council.Members, CouncilRole.Chair, day).FirstOrDefault()?.PersonId;
    }
}

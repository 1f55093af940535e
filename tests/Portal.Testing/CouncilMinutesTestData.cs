using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Web.Features.Localization;

namespace Portal.Testing;

/// <summary>
/// A meeting that has been held, for the minutes tests: <see cref="CouncilTestData.MeetingAboutToStartAsync"/>, then
/// started, attended (everyone with a seat expected; one on excused leave, one absent), every agenda item discussed in
/// order with actual times, notes and an outcome, and ended — all through the council domain, written straight to the
/// database (the live-agenda service has its own tests).
/// </summary>
public static class CouncilMinutesTestData
{
    public const string LeaveReason = "外出公务";

    public static async Task<int> HeldMeetingAsync(PortalHost host, string title = "测试联席会议", params (string Title, int Minutes)[] items)
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(host, title, null, items);
        var council = await CouncilTestData.FirstCouncilAsync(host);
        await using var db = await host.NewDbContextAsync();
        var meeting = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.Attendances).SingleAsync(m => m.Id == id);
        var now = DateTime.UtcNow;
        Check(meeting.Apply(MeetingAction.Start, now.AddMinutes(-90)).ErrorCode);

        var day = DateOnly.FromDateTime(PortalTime.ToLocal(meeting.StartsAtUtc));
        var seats = council.Members.Where(m => m.PersonId is not null && m.IsSittingOn(day)).OrderBy(m => m.Id).ToList();
        for (var k = 0; k < seats.Count; k++)
        {
            var attendance = new Attendance { MeetingId = id, PersonId = seats[k].PersonId!.Value, UnitId = seats[k].UnitId, IsExpected = true };
            if (k == 1) attendance.LeaveReason = LeaveReason;
            else if (k != 2) Check(AttendanceRules.CheckIn(meeting, attendance, CheckInWay.MarkedBySecretary, now.AddMinutes(-90), null));
            meeting.Attendances.Add(attendance);
        }

        var at = now.AddMinutes(-85);
        foreach (var item in meeting.AgendaItems.OrderBy(i => i.Position))
        {
            item.ActualStartUtc = at;
            at = at.AddMinutes(item.TimeBoxMinutes);
            item.ActualEndUtc = at;
            item.Notes = $"{item.Title}：各单位发言讨论。";
            item.Outcome = $"{item.Title}：形成一致意见。";
        }
        Check(meeting.Apply(MeetingAction.End, now.AddMinutes(-5)).ErrorCode);
        await db.SaveChangesAsync();
        return id;
    }

    private static void Check(string? error)
    {
        if (error is not null) throw new InvalidOperationException("Test meeting refused by the domain: " + error);
    }
}

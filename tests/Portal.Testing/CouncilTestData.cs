using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Web.Features.Platform;

namespace Portal.Testing;

/// <summary>
/// Council arrangements for tests, made through the council domain like the portal makes them: a meeting of the first
/// demo community's council (secretariat: the "secretary" account's person; recorder: the grid worker) that starts
/// shortly, with topics accepted and the agenda confirmed, and no attendance recorded yet.
/// </summary>
public static class CouncilTestData
{
    /// <summary>The first demo community's council (the rotating one, monthly).</summary>
    public static async Task<Council> FirstCouncilAsync(PortalHost host)
    {
        await using var db = await host.NewDbContextAsync();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == DemoDataSeeder.CommunityNames[0]);
        // The demo's council is the community's first; tests may create more.
        return await db.Councils.AsNoTracking().Include(c => c.Members).Where(c => c.CommunityId == community.Id).OrderBy(c => c.Id).FirstAsync();
    }

    /// <summary>
    /// Creates an ad-hoc meeting starting <paramref name="startsIn"/> from now (5 minutes by default, so check-in is open)
    /// with an agenda confirmed from the given items (three by default). Returns the meeting's id.
    /// </summary>
    public static async Task<int> MeetingAboutToStartAsync(PortalHost host, string title = "测试联席会议", TimeSpan? startsIn = null,
        params (string Title, int Minutes)[] items)
    {
        if (items.Length == 0) items = [("社区停车秩序整治", 20), ("老年助餐点选址", 15), ("共建单位场地开放", 10)];
        var council = await FirstCouncilAsync(host);
        await using var db = await host.NewDbContextAsync();
        var now = DateTime.UtcNow;
        var starts = now + (startsIn ?? TimeSpan.FromMinutes(5));
        var day = DateOnly.FromDateTime(Portal.Web.Features.Localization.PortalTime.ToLocal(starts));
        var unitSeats = council.Members.Where(m => m.UnitId is not null && m.IsSittingOn(day)).OrderBy(m => m.Id).ToList();
        var meeting = new Meeting
        {
            CouncilId = council.Id, Kind = MeetingKind.AdHoc, Title = title, StartsAtUtc = starts, EndsAtUtc = starts.AddHours(2),
            Location = council.DefaultLocation, RequestedByUnitId = unitSeats[0].UnitId, RequestedAtUtc = now.AddDays(-3),
            ChairPersonId = unitSeats[0].PersonId,
            RecorderPersonId = CouncilRoster.Holding(council.Members, CouncilRole.Recorder, day).First().PersonId,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var topics = items.Select((item, k) => new Topic
        {
            MeetingId = meeting.Id, ProposerUnitId = unitSeats[k % unitSeats.Count].UnitId!.Value, Title = item.Title,
            ProposedMinutes = item.Minutes, SubmittedAtUtc = now.AddDays(-2),
        }).ToList();
        db.Topics.AddRange(topics);
        await db.SaveChangesAsync();
        foreach (var topic in topics) Check(topic.Apply(TopicAction.Accept, now));
        var (lines, error) = TopicRules.ConfirmAgenda(meeting, topics.Select(t => t.Id).ToList(), topics, now);
        Check(error);
        Check(meeting.ConfirmAgenda(lines, now));
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>
    /// Creates a regular meeting of the first demo council, Scheduled, starting <paramref name="startsIn"/> from now (20 days
    /// by default, so topic collection is open: that council closes it 3 days before), with no topics. Returns its id.
    /// </summary>
    public static async Task<int> ScheduledMeetingAsync(PortalHost host, string title = "测试议题征集会议", TimeSpan? startsIn = null)
    {
        var council = await FirstCouncilAsync(host);
        await using var db = await host.NewDbContextAsync();
        var starts = DateTime.UtcNow + (startsIn ?? TimeSpan.FromDays(20));
        var day = DateOnly.FromDateTime(Portal.Web.Features.Localization.PortalTime.ToLocal(starts));
        var meeting = new Meeting
        {
            CouncilId = council.Id, Kind = MeetingKind.Regular, Title = title, StartsAtUtc = starts, EndsAtUtc = starts.AddHours(2),
            Location = council.DefaultLocation,
            ChairPersonId = council.Members.Where(m => m.UnitId is not null && m.IsSittingOn(day)).OrderBy(m => m.Id).First().PersonId,
            RecorderPersonId = CouncilRoster.Holding(council.Members, CouncilRole.Recorder, day).First().PersonId,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private static void Check(string? error)
    {
        if (error is not null) throw new InvalidOperationException("Test council data refused by the domain: " + error);
    }
}

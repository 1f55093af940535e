using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Domain.Directory;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Demo;

/// <summary>
/// One joint Party-building council per demo community, built only through the council domain: the first rotates its
/// chair yearly among its units under a lead unit and meets monthly; the second has an elected chair and meets
/// quarterly. Meetings come from <see cref="MeetingCalendar"/> for the current year and the next six months; past ones
/// are held (attendance recorded, the latest with a confirmed agenda, outcomes and resolutions), the next one collects
/// topics in every screening state. Deterministic apart from the moment it runs; the directory and accounts must exist.
/// </summary>
public static class CouncilDemoSeeder
{
    /// <summary>The rotating council's units take turns from two years before the seeding year, so its schedule has a past.</summary>
    public const int RotationYearsBack = 2;

    // The demo has no unit for a community's own Party committee, so the street office (a unit of the whole street)
    // leads both councils; in the rotating council it convenes every year and never takes a turn.
    private const string LeadUnitName = "和平里街道办事处";

    private sealed record Plan(string CommunityName, ChairArrangement Arrangement, MeetingFrequency Frequency, int FirstMonth, int Week, DayOfWeek Day, TimeOnly Start, int Minutes, string Location);

    private static readonly Plan[] Plans =
    [
        new(DemoCommunity(0), ChairArrangement.LeadUnitWithRotatingChair, MeetingFrequency.Monthly, 1, 1, DayOfWeek.Friday, new(14, 30), 120, "社区党群服务中心二楼会议室"),
        new(DemoCommunity(1), ChairArrangement.ElectedChair, MeetingFrequency.Quarterly, 1, 2, DayOfWeek.Wednesday, new(9, 30), 90, "安德里社区活动中心"),
    ];

    private static readonly (string Title, int Minutes)[] TopicIdeas =
    [
        ("冬季供暖设施联合巡检", 20), ("老旧小区加装电梯意见征集", 30), ("消防通道占用集中整治", 15),
        ("双职工家庭课后托管", 20), ("社区助餐点扩容", 15), ("垃圾分类桶站改造", 10),
    ];

    private static string DemoCommunity(int index) => Platform.DemoDataSeeder.CommunityNames[index];

    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var zone = PortalTime.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var termStart = new DateOnly(today.Year - RotationYearsBack, 1, 1);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        var lead = units.Single(u => u.Name == LeadUnitName);
        var secretary = await db.People.SingleAsync(p => p.Name == "刘红梅" && p.Phone == "13801010002", ct);
        var gridWorker = await db.People.SingleAsync(p => p.Name == "孙志强" && p.Phone == "13801010003", ct);

        foreach (var plan in Plans)
        {
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == plan.CommunityName, ct);
            var memberUnits = units.Where(u => u.CommunityId == community.Id).ToList();
            var council = new Council
            {
                Level = CouncilLevel.Community,
                StreetId = community.StreetId,
                CommunityId = community.Id,
                Name = $"{community.Name}党建联席会议",
                Frequency = plan.Frequency,
                TopicDeadlineDays = plan.Frequency == MeetingFrequency.Monthly ? 3 : 15,
                ChairArrangement = plan.Arrangement,
                LeadUnitId = plan.Arrangement == ChairArrangement.LeadUnitWithRotatingChair ? lead.Id : null,
                RotationStartYear = plan.Arrangement == ChairArrangement.LeadUnitWithRotatingChair ? termStart.Year : null,
                DefaultLocation = plan.Location,
                CalendarFirstMonth = plan.FirstMonth,
                CalendarWeekOfMonth = plan.Week,
                CalendarDay = plan.Day,
                CalendarStartTime = plan.Start,
                MeetingDurationMinutes = plan.Minutes,
            };
            // Member units: the Party leader sits, the liaison handles council business; the first two units' leaders are deputies.
            for (var i = 0; i < memberUnits.Count; i++)
            {
                var unit = memberUnits[i];
                var role = plan.Arrangement == ChairArrangement.ElectedChair && i == 0 ? CouncilRole.Chair : i < 3 ? CouncilRole.DeputyChair : CouncilRole.Member;
                if (plan.Arrangement == ChairArrangement.LeadUnitWithRotatingChair && i >= 2) role = CouncilRole.Member;
                council.Members.Add(new CouncilMember
                {
                    UnitId = unit.Id, PersonId = unit.LeaderPersonId, LiaisonPersonId = unit.LiaisonPersonId, Role = role,
                    TermFrom = termStart, RotationOrder = plan.Arrangement == ChairArrangement.LeadUnitWithRotatingChair ? i + 1 : null,
                });
            }
            // The lead unit sits too (it convenes), without a turn.
            council.Members.Add(new CouncilMember { UnitId = lead.Id, PersonId = lead.LeaderPersonId, LiaisonPersonId = lead.LiaisonPersonId, Role = CouncilRole.Member, TermFrom = termStart });
            // Community staff: the secretariat and the recorder are full-time, without a unit.
            var (secretariat, recorder) = plan.Arrangement == ChairArrangement.LeadUnitWithRotatingChair
                ? (secretary, gridWorker)
                : await TwoResidentsAsync(db, community.Id, ct);
            council.Members.Add(new CouncilMember { PersonId = secretariat.Id, Role = CouncilRole.Secretariat, IsPartTime = false, TermFrom = termStart });
            council.Members.Add(new CouncilMember { PersonId = recorder.Id, Role = CouncilRole.Recorder, IsPartTime = false, TermFrom = termStart });
            var errors = council.Validate().Concat(council.Members.SelectMany(m => m.Validate())).ToList();
            if (errors.Count > 0) throw new InvalidOperationException("Demo council invalid: " + string.Join(", ", errors));
            db.Councils.Add(council);
            await db.SaveChangesAsync(ct);

            await SeedMeetingsAsync(db, council, today, nowUtc, ct);
            if (plan == Plans[0]) await SeedMeetingInProgressAsync(db, council, units, recorder.Id, secretary.Name, nowUtc, ct);
        }
    }

    private static async Task<(Person, Person)> TwoResidentsAsync(PortalDbContext db, int communityId, CancellationToken ct)
    {
        var two = await db.People.Where(p => p.ResidenceCommunityId == communityId && p.IsPartyMember)
            .OrderBy(p => p.Id).Take(2).ToListAsync(ct);
        return (two[0], two[1]);
    }

    private static async Task SeedMeetingsAsync(PortalDbContext db, Council council, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        // Generated as the secretariat would have on New Year's Day, so this year's past meetings exist too.
        var generatedAt = PortalTime.StartOfDayUtc(yearStart).AddDays(-1);
        var meetings = (await RegularMeetings.PlanAsync(db, council, yearStart, today.AddMonths(6), generatedAt, ct)).ToList();
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);

        var past = meetings.Where(m => m.EndsAtUtc < nowUtc).ToList();
        for (var i = 0; i < past.Count; i++)
        {
            var meeting = past[i];
            var isLatest = i == past.Count - 1;
            if (isLatest) await ConfirmAgendaAsync(db, council, meeting, meeting.StartsAtUtc.AddDays(-council.TopicDeadlineDays - 5), ct);
            meeting.Apply(MeetingAction.Start, meeting.StartsAtUtc);
            RecordAttendance(council, meeting, i);
            if (isLatest) RecordOutcomes(council, meeting);
            meeting.Apply(MeetingAction.End, meeting.EndsAtUtc);
            // The latest meeting's minutes are still with the recorder; earlier ones are approved.
            if (!isLatest) meeting.Apply(MeetingAction.ApproveMinutes, meeting.EndsAtUtc.AddDays(2));
        }
        await db.SaveChangesAsync(ct);

        if (meetings.FirstOrDefault(m => m.StartsAtUtc > nowUtc) is { } next)
            await SeedTopicsInEveryStateAsync(db, council, next, nowUtc, ct);
    }

    private static List<CouncilMember> UnitSeats(Council council) => council.Members.Where(m => m.UnitId is not null).OrderBy(m => m.Id).ToList();

    private static async Task ConfirmAgendaAsync(PortalDbContext db, Council council, Meeting meeting, DateTime atUtc, CancellationToken ct)
    {
        var seats = UnitSeats(council);
        // Units bring the community's needs to the council, where they become projects: these topics concern needs of
        // the demo projects, so the annual review knows which unit raised each project and asks its liaison to rate it.
        var projectNeeds = (await db.WorkItems.AsNoTracking()
                .Where(w => w.CommunityId == council.CommunityId && w.ProjectId != null)
                .Select(w => new { w.Id, Project = w.ProjectId!.Value }).ToListAsync(ct))
            .GroupBy(n => n.Project).OrderBy(g => g.Key).Select(g => g.Min(n => n.Id)).ToList();
        var topics = TopicIdeas.Take(3).Select((idea, k) => new Topic
        {
            MeetingId = meeting.Id, ProposerUnitId = seats[k % seats.Count].UnitId!.Value, Title = idea.Title,
            DescriptionMarkdown = $"{idea.Title}，请各共建单位共同研究。", ProposedMinutes = idea.Minutes, SubmittedAtUtc = atUtc.AddDays(-3),
            WorkItemId = k < projectNeeds.Count ? projectNeeds[k] : null,
        }).ToList();
        db.Topics.AddRange(topics);
        await db.SaveChangesAsync(ct);
        foreach (var topic in topics) Check(topic.Apply(TopicAction.Accept, atUtc));
        var (lines, error) = TopicRules.ConfirmAgenda(meeting, topics.Select(t => t.Id).ToList(), topics, atUtc);
        Check(error);
        Check(meeting.ConfirmAgenda(lines, atUtc));
    }

    private static void RecordAttendance(Council council, Meeting meeting, int meetingIndex)
    {
        var day = DateOnly.FromDateTime(PortalTime.ToLocal(meeting.StartsAtUtc));
        var seats = council.Members.Where(m => m.PersonId is not null && m.IsSittingOn(day)).ToList();
        for (var k = 0; k < seats.Count; k++)
        {
            var seat = seats[k];
            var attendance = new Attendance { MeetingId = meeting.Id, PersonId = seat.PersonId!.Value, UnitId = seat.UnitId, IsExpected = true };
            // Roughly one in six absent, in a pattern that moves from meeting to meeting; every other absence is excused.
            var absent = (k + meetingIndex) % 6 == 5;
            if (absent) attendance.LeaveReason = (k + meetingIndex) % 12 == 5 ? "外出公务" : null;
            else Check(AttendanceRules.CheckIn(meeting, attendance, k % 3 == 0 ? CheckInWay.MarkedBySecretary : CheckInWay.QrCode,
                meeting.StartsAtUtc.AddMinutes(-10 + k % 10), null));
            meeting.Attendances.Add(attendance);
        }
    }

    private static void RecordOutcomes(Council council, Meeting meeting)
    {
        var seats = UnitSeats(council);
        var at = meeting.StartsAtUtc;
        foreach (var item in meeting.AgendaItems.OrderBy(a => a.Position))
        {
            item.ActualStartUtc = at;
            at = at.AddMinutes(item.TimeBoxMinutes + 2);
            item.ActualEndUtc = at;
            item.TimerElapsed = item.ActualEndUtc.Value - item.ActualStartUtc.Value;
            item.Outcome = "同意，按分工推进";
            item.Notes = "各单位发言讨论，形成一致意见。";
        }
        var meetingDay = DateOnly.FromDateTime(PortalTime.ToLocal(meeting.StartsAtUtc));
        var first = meeting.AgendaItems.OrderBy(a => a.Position).First();
        var resolution = new Resolution
        {
            MeetingId = meeting.Id, AgendaItemNumber = first.Number, Decision = $"{first.Title}：制定方案并于一个月内完成",
            OwnerUnitId = seats[0].UnitId!.Value, CoOwners = [new() { UnitId = seats[1].UnitId!.Value }], DueDate = meetingDay.AddMonths(1),
            ChaserPersonId = council.Members.First(m => m.Role == CouncilRole.Secretariat).PersonId,
        };
        var errors = resolution.Validate(meetingDay);
        if (errors.Count > 0) throw new InvalidOperationException("Demo resolution invalid: " + string.Join(", ", errors));
        meeting.Resolutions.Add(resolution);
    }

    /// <summary>
    /// An ad-hoc meeting of the first council running at the moment of seeding, so a demo user can try the live agenda at
    /// once: started a quarter of an hour ago with its agenda confirmed from four accepted topics, attendance taken, the first
    /// item discussed and recorded, the second current. Its agenda changes go through the live agenda like the page's and
    /// are logged the same way, so operations based on them are checked exactly as in a real meeting.
    /// </summary>
    private static async Task SeedMeetingInProgressAsync(PortalDbContext db, Council council, List<CoBuildingUnit> units, int recorderId,
        string secretaryName, DateTime nowUtc, CancellationToken ct)
    {
        var seats = UnitSeats(council);
        var starts = nowUtc.AddMinutes(-15);
        var year = PortalTime.ToLocal(starts).Year;
        var chairUnit = ChairRotation.FromMembers(council.LeadUnitId!.Value, council.RotationStartYear!.Value, council.Members).ChairOf(year);
        var meeting = new Meeting
        {
            CouncilId = council.Id, Kind = MeetingKind.AdHoc, Title = "冬季安全隐患联合排查临时会议", StartsAtUtc = starts, EndsAtUtc = starts.AddMinutes(90),
            Location = council.DefaultLocation, RequestedByUnitId = seats[1].UnitId, RequestedAtUtc = nowUtc.AddDays(-4), ProposedStartsAtUtc = starts,
            ChairPersonId = chairUnit is { } id ? units.Single(u => u.Id == id).LeaderPersonId : null, RecorderPersonId = recorderId,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);

        (string Title, int Minutes)[] ideas = [("燃气管道入户安全检查", 20), ("楼道堆物清理与消防通道", 15), ("独居老人冬季走访", 15), ("应急物资储备点确认", 10)];
        var topics = ideas.Select((idea, k) => new Topic
        {
            MeetingId = meeting.Id, ProposerUnitId = seats[k % seats.Count].UnitId!.Value, Title = idea.Title,
            DescriptionMarkdown = $"{idea.Title}，请各共建单位共同研究。", ProposedMinutes = idea.Minutes, SubmittedAtUtc = nowUtc.AddDays(-4),
        }).ToList();
        db.Topics.AddRange(topics);
        await db.SaveChangesAsync(ct);
        var confirmedAt = nowUtc.AddDays(-2);
        foreach (var topic in topics) Check(topic.Apply(TopicAction.Accept, confirmedAt));
        var (lines, error) = TopicRules.ConfirmAgenda(meeting, topics.Select(t => t.Id).ToList(), topics, confirmedAt);
        Check(error);
        Check(meeting.ConfirmAgenda(lines, confirmedAt));
        Check(meeting.Apply(MeetingAction.Start, starts).ErrorCode);
        RecordAttendance(council, meeting, 0);

        var agenda = meeting.LoadAgenda();
        var first = agenda.Items[0].Number;
        var second = agenda.Items[1].Number;
        AgendaOperation[] steps =
        [
            new SetCurrentItem(agenda.Revision, secretaryName, first),
            new EditItem(agenda.Revision + 1, secretaryName, first, Outcome: "同意，由物业和燃气公司联合入户检查，月底前完成",
                Notes: "各单位通报了辖区燃气使用情况，确定分片包干。"),
            new SetCurrentItem(agenda.Revision + 2, secretaryName, second),
        ];
        DateTime[] at = [starts.AddMinutes(1), nowUtc.AddMinutes(-4), nowUtc.AddMinutes(-3)];
        for (var i = 0; i < steps.Length; i++)
        {
            var result = LiveAgenda.Apply(agenda, steps[i], at[i]);
            Check(result.ErrorCode);
            db.AgendaChanges.Add(AgendaChangeEntry.From(meeting.Id, result.Change!, result.HistoryEntry!));
            agenda = result.State;
        }
        meeting.StoreAgenda(agenda);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The next meeting's topic collection: submitted, accepted, merged, deferred and withdrawn topics.</summary>
    private static async Task SeedTopicsInEveryStateAsync(PortalDbContext db, Council council, Meeting next, DateTime nowUtc, CancellationToken ct)
    {
        var seats = UnitSeats(council);
        var submittedAt = nowUtc.AddDays(-2);
        var topics = TopicIdeas.Select((idea, k) => new Topic
        {
            MeetingId = next.Id, ProposerUnitId = seats[(k + 1) % seats.Count].UnitId!.Value, Title = idea.Title,
            DescriptionMarkdown = $"{idea.Title}，建议提交联席会议研究。", ProposedMinutes = idea.Minutes, SubmittedAtUtc = submittedAt,
        }).ToList();
        db.Topics.AddRange(topics);
        await db.SaveChangesAsync(ct);
        var screenedAt = nowUtc.AddDays(-1);
        Check(topics[0].Apply(TopicAction.Accept, screenedAt));
        Check(topics[1].Apply(TopicAction.Accept, screenedAt));
        Check(topics[2].Apply(TopicAction.Merge, screenedAt, $"与“{topics[1].Title}”合并讨论", topics[1]));
        Check(topics[3].Apply(TopicAction.Defer, screenedAt, "需先完成入户摸底，下次会议再议"));
        Check(topics[4].Apply(TopicAction.Withdraw, screenedAt));
        // topics[5] stays submitted: the secretariat has not screened it yet.
        await db.SaveChangesAsync(ct);
    }

    private static void Check(string? error)
    {
        if (error is not null) throw new InvalidOperationException("Demo council data refused by the domain: " + error);
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Councils;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Councils.Demo;

/// <summary>
/// One joint Party-building council per demo community, built only through the council domain: the first rotates its
/// chair yearly among its units under a lead unit and meets monthly; the second has an elected chair and meets
/// quarterly. Meetings come from <see cref="MeetingCalendar"/> for the current year and the next six months; past ones
/// are held (agenda confirmed from accepted topics, attendance, outcomes and resolutions); all but the latest had their
/// minutes approved by the recorder two days later the product's own way (<see cref="MinutesService.ApproveRecordAsync"/>),
/// which made every resolution a council task, and the tasks went on as their owner units handled them (accepted,
/// reported, closed — a few late, reminded by the deadline monitor and chased). The next meeting collects topics in every
/// screening state. Deterministic apart from the moment it runs; the directory, accounts and the lists' demo must exist.
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

    /// <summary>What the earlier meetings of the year discussed, two topics a meeting.</summary>
    private static readonly (string Title, int Minutes)[] PastTopicIdeas =
    [
        ("春节前安全隐患联合排查", 20), ("老年人防范电信诈骗宣传", 15), ("雨季防汛物资储备", 15), ("小区停车秩序整治", 20),
        ("共建单位场地周末开放", 15), ("高温天气独居老人走访", 15), ("电动自行车集中充电设施建设", 20), ("开学季校园周边交通疏导", 15),
        ("社区文化节筹备", 15), ("楼道堆物集中清理", 10), ("困难家庭结对帮扶", 20), ("冬季供暖问题收集与响应", 15),
    ];

    /// <summary>How a decision is worded, with the days it allows.</summary>
    private static readonly (string Text, int Days)[] Decisions =
    [
        ("制定方案并于一个月内完成", 30), ("两周内完成排查并报送结果", 14), ("四十五天内完成并向联席会议报告", 45),
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

            // The community's secretary closes and chases the council's tasks (the demo's first community has the account).
            var closer = plan == Plans[0]
                ? (secretary.Name, await db.Users.Where(u => u.PersonId == secretary.Id).Select(u => u.Id).FirstOrDefaultAsync(ct))
                : (Lists.Demo.WorkItemDemoSeeder.SecretaryNames[1], (string?)null);
            await SeedMeetingsAsync(db, council, units, closer, today, nowUtc, ct);
            if (plan == Plans[0]) await SeedMeetingInProgressAsync(db, council, units, recorder.Id, secretary.Name, nowUtc, ct);
        }
    }

    private static async Task<(Person, Person)> TwoResidentsAsync(PortalDbContext db, int communityId, CancellationToken ct)
    {
        var two = await db.People.Where(p => p.ResidenceCommunityId == communityId && p.IsPartyMember)
            .OrderBy(p => p.Id).Take(2).ToListAsync(ct);
        return (two[0], two[1]);
    }

    private static async Task SeedMeetingsAsync(PortalDbContext db, Council council, List<CoBuildingUnit> units, (string Name, string? UserId) closer,
        DateOnly today, DateTime nowUtc, CancellationToken ct)
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
            await ConfirmAgendaAsync(db, council, meeting, i, isLatest, meeting.StartsAtUtc.AddDays(-council.TopicDeadlineDays - 5), ct);
            meeting.Apply(MeetingAction.Start, meeting.StartsAtUtc);
            RecordAttendance(council, meeting, i);
            RecordOutcomes(council, meeting, i, isLatest);
            meeting.Apply(MeetingAction.End, meeting.EndsAtUtc);
        }
        await db.SaveChangesAsync(ct);

        // The latest meeting's minutes are still with the recorder; earlier ones were approved two days after the meeting.
        await ApproveMinutesAsync(db, council, past.Take(Math.Max(0, past.Count - 1)).ToList(), units, closer, nowUtc, ct);

        if (meetings.FirstOrDefault(m => m.StartsAtUtc > nowUtc) is { } next)
            await SeedTopicsInEveryStateAsync(db, council, next, nowUtc, ct);
    }

    private static List<CouncilMember> UnitSeats(Council council) => council.Members.Where(m => m.UnitId is not null).OrderBy(m => m.Id).ToList();

    /// <summary>
    /// The chair confirms the meeting's agenda from accepted topics. The latest meeting's topics concern needs of the demo
    /// projects — units bring the community's needs to the council, where they become projects — so the annual review
    /// knows which unit raised each project and asks its liaison to rate it; earlier meetings discussed the year's topics.
    /// </summary>
    private static async Task ConfirmAgendaAsync(PortalDbContext db, Council council, Meeting meeting, int meetingIndex, bool isLatest,
        DateTime atUtc, CancellationToken ct)
    {
        var seats = UnitSeats(council);
        var projectNeeds = isLatest
            ? (await db.WorkItems.AsNoTracking()
                    .Where(w => w.CommunityId == council.CommunityId && w.ProjectId != null)
                    .Select(w => new { w.Id, Project = w.ProjectId!.Value }).ToListAsync(ct))
                .GroupBy(n => n.Project).OrderBy(g => g.Key).Select(g => g.Min(n => n.Id)).ToList()
            : [];
        var ideas = isLatest
            ? TopicIdeas.Take(3).ToList()
            : [PastTopicIdeas[2 * meetingIndex % PastTopicIdeas.Length], PastTopicIdeas[(2 * meetingIndex + 1) % PastTopicIdeas.Length]];
        var topics = ideas.Select((idea, k) => new Topic
        {
            MeetingId = meeting.Id, ProposerUnitId = seats[(k + (isLatest ? 0 : meetingIndex)) % seats.Count].UnitId!.Value, Title = idea.Title,
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

    /// <summary>
    /// Each item discussed in its time box with notes and an outcome; a resolution on the first item (the latest meeting's
    /// as before) and, every third meeting, on the second too — owner and co-owner units taking turns.
    /// </summary>
    private static void RecordOutcomes(Council council, Meeting meeting, int meetingIndex, bool isLatest)
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
        var items = meeting.AgendaItems.OrderBy(a => a.Position).Take(isLatest || meetingIndex % 3 != 1 ? 1 : 2).ToList();
        for (var k = 0; k < items.Count; k++)
        {
            var turn = isLatest ? k : meetingIndex + k;
            var (text, days) = isLatest ? Decisions[0] : Decisions[turn % Decisions.Length];
            var resolution = new Resolution
            {
                MeetingId = meeting.Id, AgendaItemNumber = items[k].Number, Decision = $"{items[k].Title}：{text}",
                OwnerUnitId = seats[turn % seats.Count].UnitId!.Value, CoOwners = [new() { UnitId = seats[(turn + 1) % seats.Count].UnitId!.Value }],
                DueDate = isLatest ? meetingDay.AddMonths(1) : meetingDay.AddDays(days),
                ChaserPersonId = council.Members.First(m => m.Role == CouncilRole.Secretariat).PersonId,
            };
            var errors = resolution.Validate(meetingDay);
            if (errors.Count > 0) throw new InvalidOperationException("Demo resolution invalid: " + string.Join(", ", errors));
            meeting.Resolutions.Add(resolution);
        }
    }

    /// <summary>
    /// The recorder approved each meeting's minutes (the text as the product drafts it) two days after it, the product's way:
    /// every resolution became a council task dispatched to its owner unit then. The tasks then went on as their units
    /// handled them, up to now (<see cref="HandleTask"/>).
    /// </summary>
    private static async Task ApproveMinutesAsync(PortalDbContext db, Council council, List<Meeting> meetings, List<CoBuildingUnit> units,
        (string Name, string? UserId) closer, DateTime nowUtc, CancellationToken ct)
    {
        if (meetings.Count == 0) return;
        var recorderIds = meetings.Select(m => m.RecorderPersonId).OfType<int>().Distinct().ToList();
        var recorders = await db.People.AsNoTracking().Where(p => recorderIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.PersonId != null && recorderIds.Contains(u.PersonId.Value))
            .ToDictionaryAsync(u => u.PersonId!.Value, u => u.Id, ct);
        var approved = new List<Resolution>();
        foreach (var meeting in meetings)
        {
            var approvedAt = meeting.EndsAtUtc.AddDays(2);
            if (approvedAt >= nowUtc) approvedAt = nowUtc.AddMinutes(-5);
            var recorder = meeting.RecorderPersonId ?? throw new InvalidOperationException($"Demo meeting {meeting.Id} has no recorder");
            var text = await MinutesService.DraftAsync(db, council, meeting, MinutesEdition.Full, ct);
            var (resolutions, error) = await MinutesService.ApproveRecordAsync(db, council, meeting, text,
                new StepActor(accounts.GetValueOrDefault(recorder), recorders[recorder]), approvedAt, ct);
            Check(error);
            approved.AddRange(resolutions!);
        }
        // The save adds the tasks (the work items' handler of the approvals) and links the resolutions to them.
        await db.SaveChangesAsync(ct);
        var tasks = approved.Select(r => db.WorkItems.Local.Single(w => w.Id == r.WorkItemId)).ToList();

        var liaisonIds = units.Select(u => u.LiaisonPersonId).OfType<int>().ToList();
        var liaisons = await db.People.AsNoTracking().Where(p => liaisonIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string OwnerName(int? unitId) => units.FirstOrDefault(u => u.Id == unitId) is { } unit
            ? unit.LiaisonPersonId is { } l && liaisons.TryGetValue(l, out var name) ? name : unit.Name
            : "—";
        for (var i = 0; i < tasks.Count; i++) HandleTask(tasks[i], i, OwnerName(tasks[i].OwnerUnitId), closer, nowUtc);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// How an owner unit handled its council task: most accepted it the next day, reported it done well before the deadline
    /// and the secretary closed it (every fourth still waits to be closed); every fifth stalled after a progress note, ran
    /// past its deadline — reminded and escalated by the deadline monitor — and was chased; recent ones are in progress,
    /// every third not yet accepted.
    /// </summary>
    private static void HandleTask(WorkItem task, int index, string owner, (string Name, string? UserId) closer, DateTime nowUtc)
    {
        var walk = new Lists.Demo.DemoWalk(task, nowUtc, DeadlineRules.Default);
        var allowed = task.DueAtUtc!.Value - task.RaisedAtUtc;
        var stalls = index % 5 == 3;
        if (task.DueAtUtc > nowUtc && index % 3 == 0)
        {
            walk.Finish();
            return;
        }
        if (walk.Step(TimeSpan.FromDays(1), WorkItemAction.Accept, owner, note: "已接收任务，明确专人负责。")
            && walk.Step(allowed * 0.3, WorkItemAction.AddProgress, owner,
                note: stalls ? "已完成前期摸底，因施工审批未获批复，预计下月完成。" : "已按分工推进，阶段性工作完成。"))
        {
            if (stalls)
            {
                // The secretary follows up once the monitor has escalated it to her (a day after the deadline).
                var escalated = task.DueAtUtc.Value + DeadlineRules.Default.EscalationGrace + TimeSpan.FromHours(3);
                walk.Step(escalated - walk.At, WorkItemAction.Chase, closer.Name, closer.UserId, "书记督办：请说明原因并限期办结。");
            }
            else if (walk.Step(allowed * 0.4, WorkItemAction.ReportBack, owner, note: "任务已完成，佐证材料已上传，请销号。") && index % 4 != 2)
                walk.Step(TimeSpan.FromDays(3), WorkItemAction.Close, closer.Name, closer.UserId, "经核实已办结，销号归档。");
        }
        walk.Finish();
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

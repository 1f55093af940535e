using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Domain.Voting;
using WorkItemKind = Portal.Domain.WorkItems.WorkItemKind;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Demo;

namespace Portal.Web.Features.Deliberation.Demo;

/// <summary>
/// The first demo community's deliberation, built through the domain at moments in the past (issue 13, item 12):
/// <list type="bullet">
/// <item>a Hangzhou-variant session at its vote step: the resident account's building decides on installing a lift, an
/// owners' "major matter" counted by exclusive area and headcount, open for a week; the owners' meeting two days ago
/// recorded on-site ballots, the rest (the resident account among them) have still to vote;</item>
/// <item>a Baiyin-variant session at its notice step: a need about parking promoted to deliberation, decided by a
/// residents' meeting of the resident account's grid two weeks ago (closed, passed, with its verdict), the decision on
/// the public board with one objection answered and one waiting for the secretary;</item>
/// <item>matters in every screening state (waiting, declined with its reason, merged) and a draft vote.</item>
/// </list>
/// The steps before the vote have their evidence as real records of the session, made while the step was current: the
/// opinions posted in its comment window (a grid worker's notes of a door-to-door round among them), the deliberation
/// meetings held with their sign-in sheets (the resident account signed itself in, the rest from the paper sheet by the
/// building's or grid's real residents' names), and the plan's versions. Deterministic apart from the moment it runs; the
/// directory, accounts, reference data (procedures, rule sets) and the lists' demo must exist. Domain events are
/// dropped: the past is nobody's news.
/// </summary>
public static class DeliberationDemoSeeder
{
    private const string HangzhouName = "杭州七步议事法";
    private const string BaiyinName = "白银七步议事法";
    private const string OwnersMajorRules = "civil-code-278-major";
    private const string ResidentsMeetingRules = "residents-meeting";
    private const string ParkingNeedTitle = "楼前违章停车影响通行";

    private sealed record Actor(string UserId, string Name, int? PersonId);

    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == Platform.DemoDataSeeder.CommunityNames[0], ct);
        var secretary = await ActorAsync(db, "secretary", ct);
        var gridWorker = await ActorAsync(db, "gridworker", ct);
        var resident = await ActorAsync(db, "resident", ct);
        var member = await ActorAsync(db, "member", ct);
        var home = await db.People.AsNoTracking().Where(p => p.Id == resident.PersonId)
            .Select(p => new { p.HouseholdId, p.Household!.BuildingId, BuildingName = p.Household.Building!.Name, p.Household.Building.GridId, GridName = p.Household.Building.Grid!.Name })
            .SingleAsync(ct);

        DateTime At(int daysAgo, int hour, int minute = 0) =>
            PortalTime.StartOfDayUtc(DateOnly.FromDateTime(PortalTime.ToLocal(nowUtc)).AddDays(-daysAgo)).AddHours(hour).AddMinutes(minute);

        var lift = await LiftSessionAsync(db, community.Id, community.StreetId, new MatterScope(MatterScopeKind.Building, home.BuildingId), home.BuildingName,
            home.HouseholdId, secretary, gridWorker, resident, member, At, ct);
        await ParkingSessionAsync(db, community.Id, community.StreetId, new MatterScope(MatterScopeKind.Grid, home.GridId), home.GridName,
            secretary, gridWorker, resident, member, At, ct);
        await OtherMattersAsync(db, community.Id, new MatterScope(MatterScopeKind.Building, home.BuildingId), home.BuildingName, lift,
            secretary, resident, member, At, ct);
        await DemoVote.DraftAsync(db, community.Id, new MatterScope(MatterScopeKind.Community, community.Id), "关于增设电动自行车集中充电棚的表决",
            ResidentsMeetingRules, Secrecy.Named, BallotChannels.Online | BallotChannels.OnSite, At(-6, 19), At(-6, 21), secretary.UserId, ct);
    }

    /// <summary>Hangzhou steps 1–5 done, step 6 (说了算) current with the owners' vote open.</summary>
    private static async Task<Matter> LiftSessionAsync(PortalDbContext db, int communityId, int streetId, MatterScope building, string buildingName,
        int? residentHousehold, Actor secretary, Actor gridWorker, Actor resident, Actor member, Func<int, int, int, DateTime> at, CancellationToken ct)
    {
        var matter = Made(Matter.RaiseByResident(communityId, building, $"{buildingName}加装电梯",
            $"{buildingName}是六层老楼，没有电梯，楼里老人多，上下楼困难。希望按照老旧小区加装电梯的政策，征求全体业主意见后加装一部电梯。",
            resident.UserId, at(40, 20, 15)));
        Ok(matter.Accept(secretary.UserId, at(38, 9, 30)));
        db.Matters.Add(matter);
        await SaveAsync(db, ct, matter);

        var session = await StartAsync(db, matter, HangzhouName, streetId, at(37, 10, 0), ct);
        var by = SecretaryHere(secretary);
        var neighbours = await NamesAsync(db, p => p.Household!.BuildingId == building.Id && p.Id != resident.PersonId, ct);

        // 提议题: the matter put to the building.
        Complete(session, by, at(36, 16, 0), await OpinionsAsync(db, session, null, ct,
            (resident, "我家住五楼，父亲腿脚不好，每次去医院都要邻居帮忙背下楼。希望尽快加装电梯。", at(37, 20, 30)),
            (member, "支持加装。建议先摸清每户意愿，特别是一、二楼住户的顾虑，再拿方案。", at(36, 9, 10))));
        // 出主意: a week's comment window and a meeting in the courtyard.
        var ideas = await OpinionsAsync(db, session, null, ct,
            (gridWorker, $"入户走访记录：{buildingName}共走访住户 18 户，14 户支持加装，2 户反对（一楼，担心采光和噪音），2 户未表态。", at(33, 17, 40)),
            (member, "费用可以按楼层分摊，楼层越高分摊越多；一楼住户不出资，并考虑适当补偿。", at(31, 21, 5)));
        var courtyard = await MeetingAsync(db, session, "加装电梯意见征集会", $"{buildingName}楼下", at(30, 19, 0), neighbours.Count + 1, secretary, resident,
            neighbours.Where((_, i) => i % 4 != 3), ct);
        Complete(session, by, at(30, 21, 0), [.. ideas, courtyard]);
        // 拟方案: the first draft of the plan.
        var draft = await PlanAsync(db, session, null, secretary, LiftPlan(buildingName, firstFloorCompensation: false), null, at(23, 16, 0), ct);
        Complete(session, by, at(22, 11, 0), Evidence(draft));
        // 开言路: opinions on the draft.
        Complete(session, by, at(15, 18, 0), await OpinionsAsync(db, session, draft, ct,
            (resident, "分摊比例总体合理。希望施工期间保留楼梯通行，不要整栋封闭。", at(20, 20, 0)),
            (gridWorker, "一楼两户书面意见：同意加装，但希望方案写明采光、噪音的补偿和电梯井位置不挡窗户。", at(17, 15, 30))));
        // 定公约: the plan as changed after the opinions, agreed at a second meeting.
        var agreed = await PlanAsync(db, session, draft, secretary, LiftPlan(buildingName, firstFloorCompensation: true),
            "增加一楼住户补偿和施工期间通行安排", at(12, 10, 0), ct);
        var agreement = await MeetingAsync(db, session, "加装电梯方案协商会", "社区党群服务中心二楼会议室", at(9, 19, 0), neighbours.Count + 1, secretary, null,
            neighbours.Where((_, i) => i % 3 != 1), ct);
        Complete(session, by, at(9, 21, 0), Evidence(agreed), agreement);
        await SaveAsync(db, ct, session);

        var vote = await DemoVote.DraftAsync(db, communityId, building, $"{buildingName}加装电梯表决（重大事项）", OwnersMajorRules, Secrecy.Named,
            BallotChannels.Online | BallotChannels.OnSite | BallotChannels.Paper | BallotChannels.DoorToDoor,
            at(3, 9, 0), at(-7, 18, 0), secretary.UserId, ct);
        Link(db, session, 5, vote.Vote.Id, secretary, at(8, 10, 0));
        await vote.OpenAsync(at(3, 9, 0), ct);

        // The owners' meeting two days ago: most owners came and voted on site (recorded by the secretary); the lowest
        // floors gain least and pay most of the nuisance, so they are the ones against. The resident account's own
        // flat has not voted yet, so the demo shows a ballot to cast.
        var floors = await db.Households.AsNoTracking().Where(h => h.BuildingId == building.Id).ToDictionaryAsync(h => h.Id, h => h.DoorNumber, ct);
        var voters = vote.Roll.Where(e => e.HouseholdId != residentHousehold).ToList();
        var cast = 0;
        for (var i = 0; i < voters.Count && cast * 3 < vote.Roll.Count * 2 - 3; i++)
        {
            if (i % 4 == 3) continue; // away that evening
            var elector = voters[i];
            var floor = elector.HouseholdId is { } h && floors.TryGetValue(h, out var door) && door.Length > 0 ? door[0] - '0' : 3;
            var choice = floor <= 1 ? BallotQuestion.Disagree : floor == 2 && i % 2 == 0 ? BallotQuestion.Abstain : BallotQuestion.Agree;
            vote.Cast(elector, choice, BallotChannel.OnSite, at(2, 19, 10 + cast * 3), secretary.UserId);
            cast++;
        }
        await vote.SaveAsync(ct);
        return matter;
    }

    /// <summary>Baiyin steps 1–4 done (the residents' meeting vote closed and passed), step 5 (合力办事) current with its notice up.</summary>
    private static async Task ParkingSessionAsync(PortalDbContext db, int communityId, int streetId, MatterScope grid, string gridName,
        Actor secretary, Actor gridWorker, Actor resident, Actor member, Func<int, int, int, DateTime> at, CancellationToken ct)
    {
        var need = await db.WorkItems.AsNoTracking()
            .Where(w => w.CommunityId == communityId && w.Kind == WorkItemKind.Need && w.Title == ParkingNeedTitle)
            .OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync(ct);
        const string title = "停车秩序整治与停车公约";
        const string description = "楼前和消防通道违章停车影响通行和消防安全，居民多次反映。拟划定停车位、明确临时停车规则，形成停车公约。";
        var matter = Made(need is { } needId
            ? Matter.PromoteNeed(communityId, grid, needId, title, description, secretary.UserId, at(32, 10, 0))
            : Matter.RaiseByResident(communityId, grid, title, description, resident.UserId, at(32, 10, 0)));
        Ok(matter.Accept(secretary.UserId, at(31, 9, 0)));
        db.Matters.Add(matter);
        await SaveAsync(db, ct, matter);

        var session = await StartAsync(db, matter, BaiyinName, streetId, at(30, 9, 30), ct);
        var neighbours = await NamesAsync(db, p => p.Household!.Building!.GridId == grid.Id && p.Id != resident.PersonId, ct);
        // 居民说事: what residents told the grid worker, and the resident account's own complaint.
        Complete(session, new StepActor(gridWorker.UserId, gridWorker.Name, new HashSet<PortalRole> { PortalRole.GridWorker }), at(28, 15, 0),
            await OpinionsAsync(db, session, null, ct,
                (resident, "晚上楼前和消防通道停满了车，救护车进不来，孩子上学也要绕着车走。", at(29, 21, 40)),
                (gridWorker, $"{gridName}巡查记录：连续一周晚间巡查，消防通道平均被占用 6 处，外来车辆约占三成。", at(28, 11, 20))));
        var by = SecretaryHere(secretary);
        // 下沉听事: the secretary hears the grid's residents.
        var hearing = await MeetingAsync(db, session, "停车问题下沉听事会", $"{gridName}网格服务站", at(24, 19, 0), neighbours.Count + 1, secretary, resident,
            neighbours.Where((_, i) => i % 3 == 0), ct);
        Complete(session, by, at(24, 21, 0), [hearing, .. await OpinionsAsync(db, session, null, ct,
            (member, "建议划定固定车位按登记顺序使用，外来车辆由物业登记放行。", at(24, 20, 10)))]);
        // 公开议事: the draft convention discussed in the open.
        var convention = await PlanAsync(db, session, null, secretary, ParkingConvention(gridName), null, at(21, 10, 0), ct);
        var open = await MeetingAsync(db, session, "停车公约公开议事会", $"{gridName}网格服务站", at(18, 19, 0), neighbours.Count + 1, secretary, null,
            neighbours.Where((_, i) => i % 2 == 0), ct);
        Complete(session, by, at(18, 21, 0), open, Evidence(convention));
        await SaveAsync(db, ct, session);

        // The residents' meeting: everyone present is marked at the door; those who came vote on site, the resident
        // account from their phone in the hall.
        var vote = await DemoVote.DraftAsync(db, communityId, grid, $"{gridName}停车公约（草案）表决", ResidentsMeetingRules, Secrecy.Named,
            BallotChannels.Online | BallotChannels.OnSite, at(15, 19, 0), at(15, 21, 0), secretary.UserId, ct);
        Link(db, session, 3, vote.Vote.Id, secretary, at(17, 10, 0));
        await vote.OpenAsync(at(15, 19, 0), ct);
        var minute = 0;
        for (var i = 0; i < vote.Roll.Count; i++)
        {
            var elector = vote.Roll[i];
            if (elector.PersonId == resident.PersonId)
            {
                vote.Cast(elector, BallotQuestion.Agree, BallotChannel.Online, at(15, 19, 40), resident.UserId);
                continue;
            }
            if (i % 4 == 1) continue; // did not come
            vote.MarkPresent(elector, at(15, 19, 5), secretary.UserId);
            if (i % 7 == 5) continue; // came, did not vote
            var choice = i % 6 == 2 ? BallotQuestion.Disagree : i % 9 == 4 ? BallotQuestion.Abstain : BallotQuestion.Agree;
            vote.Cast(elector, choice, BallotChannel.OnSite, at(15, 19, 45 + minute++ / 4), secretary.UserId);
        }
        await vote.CloseAsync(at(15, 21, 0), ct);
        if (vote.Vote.Verdict?.Outcome != Outcome.Passed) throw new InvalidOperationException("The demo's residents' meeting vote was meant to pass.");
        Complete(session, by, at(14, 10, 0), new EvidenceRef(EvidenceKind.Vote, vote.Vote.Id));
        await SaveAsync(db, ct, session);

        var (notice, error) = PublicNotice.Publish(session.Id, at(3, 9, 0), 7,
            $"经{gridName}居民会议表决通过《停车公约》：楼前及消防通道禁止停车，划定 36 个停车位按登记顺序使用，临时停车不超过 2 小时。公示期内如有异议，请在本页提出。");
        if (notice is null) throw new InvalidOperationException($"Demo notice refused: {error}");
        var (first, filed) = notice.FileObjection(resident.UserId, "夜班回来时车位常常已满，能否保留几个夜间临时车位？", at(2, 21, 10));
        Ok(filed);
        Ok(notice.Answer(first, "已和物业商定：东侧 4 个车位 22:00—次日 7:00 作为夜间临时车位，公约实施细则中写明。", secretary.UserId, at(1, 10, 20)));
        Ok(notice.FileObjection(member.UserId, "建议在公约中写明违规停车的劝导流程，由谁来劝导。", at(1, 22, 5)).Error);
        db.PublicNotices.Add(notice);
        await SaveAsync(db, ct, notice);
    }

    /// <summary>Matters that did not become sessions: waiting for the secretary, declined with a reason, merged.</summary>
    private static async Task OtherMattersAsync(PortalDbContext db, int communityId, MatterScope building, string buildingName, Matter lift,
        Actor secretary, Actor resident, Actor member, Func<int, int, int, DateTime> at, CancellationToken ct)
    {
        var waiting = Made(Matter.RaiseByResident(communityId, new MatterScope(MatterScopeKind.Community, communityId), "小区东门增设无障碍坡道",
            "东门台阶较高，轮椅和婴儿车进出不便，希望增设无障碍坡道。", member.UserId, at(4, 18, 30)));
        var declined = Made(Matter.RaiseByResident(communityId, building, "楼下增设快递柜",
            "快递经常放在楼道里，容易丢失，希望在楼下增设快递柜。", resident.UserId, at(20, 12, 0)));
        Ok(declined.Decline("物业已于上月在小区北门安装智能快递柜，可就近使用，此事无需再议。", secretary.UserId, at(19, 9, 0)));
        var duplicate = Made(Matter.RaiseByResident(communityId, building, $"{buildingName}能不能装电梯",
            "家里老人腿脚不好，希望楼里装电梯。", member.UserId, at(35, 21, 0)));
        Ok(duplicate.MergeInto(lift, "与本楼加装电梯议题相同，已合并，请关注该议题的进展。", secretary.UserId, at(34, 9, 0)));
        db.Matters.AddRange(waiting, declined, duplicate);
        await SaveAsync(db, ct, waiting, declined, duplicate);
    }

    private static async Task<Actor> ActorAsync(PortalDbContext db, string userName, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, ct);
        return new Actor(user.Id, user.DisplayName, user.PersonId);
    }

    private static StepActor SecretaryHere(Actor secretary) =>
        new(secretary.UserId, secretary.Name, new HashSet<PortalRole> { PortalRole.CommunitySecretary });

    private static async Task<DeliberationSession> StartAsync(PortalDbContext db, Matter matter, string templateName, int streetId, DateTime atUtc, CancellationToken ct)
    {
        var template = await db.ProcedureTemplates.AsNoTracking().Where(t => t.OwnerScope == null && t.Name == templateName)
            .OrderByDescending(t => t.Version).FirstAsync(ct);
        var (session, error) = DeliberationSession.Start(matter, template, streetId, atUtc);
        if (session is null) throw new InvalidOperationException($"Demo session on '{matter.Title}' refused: {error}");
        db.DeliberationSessions.Add(session);
        // Saved at once: the steps' records (opinions, meetings, plan versions) point at it.
        await SaveAsync(db, ct, session);
        return session;
    }

    private static void Complete(DeliberationSession session, StepActor by, DateTime atUtc, params EvidenceRef[] evidence) =>
        Ok(session.CompleteStep(session.CurrentStepIndex ?? -1, by, evidence, atUtc));

    /// <summary>Opinions posted in the current step's comment window (on a plan version when given); the step's evidence.</summary>
    private static async Task<EvidenceRef[]> OpinionsAsync(PortalDbContext db, DeliberationSession session, PlanVersion? plan, CancellationToken ct,
        params (Actor By, string Text, DateTime AtUtc)[] posts)
    {
        var opinions = posts.Select(p => Made(Opinion.Post(session, plan, p.By.UserId, p.By.Name, p.Text, p.AtUtc))).ToList();
        db.Opinions.AddRange(opinions);
        await SaveAsync(db, ct, [.. opinions]);
        return [.. opinions.Select(o => new EvidenceRef(EvidenceKind.Opinions, o.Id))];
    }

    /// <summary>
    /// A meeting held and closed: <paramref name="self"/> (an account with a person) signed in on their phone, the
    /// others' lines recorded by the chair from the paper sheet. Its sign-in sheet is the step's evidence.
    /// </summary>
    private static async Task<EvidenceRef> MeetingAsync(PortalDbContext db, DeliberationSession session, string title, string location, DateTime startsAtUtc,
        int expected, Actor chair, Actor? self, IEnumerable<string> paperNames, CancellationToken ct)
    {
        var meeting = Made(DeliberationMeeting.Schedule(session, title, location, startsAtUtc, expected, SpeakingRules.Default, chair.UserId));
        db.DeliberationMeetings.Add(meeting);
        await SaveAsync(db, ct, meeting);
        Ok(meeting.Open(startsAtUtc));
        var lines = new List<MeetingSignIn>();
        if (self is { PersonId: { } person }) lines.Add(Made(MeetingSignIn.Self(meeting, person, self.Name, self.UserId, startsAtUtc.AddMinutes(-5))));
        lines.AddRange(paperNames.Select((name, i) => Made(MeetingSignIn.Recorded(meeting, name, chair.UserId, startsAtUtc.AddMinutes(i % 10)))));
        db.MeetingSignIns.AddRange(lines);
        Ok(meeting.Close(startsAtUtc.AddMinutes(90)));
        await SaveAsync(db, ct, [meeting, .. lines]);
        return new EvidenceRef(EvidenceKind.SignInSheet, meeting.Id);
    }

    /// <summary>The plan's next version after <paramref name="latest"/> (null: its first).</summary>
    private static async Task<PlanVersion> PlanAsync(PortalDbContext db, DeliberationSession session, PlanVersion? latest, Actor author, string body,
        string? summary, DateTime atUtc, CancellationToken ct)
    {
        var version = Made(PlanVersion.Write(session, latest, latest?.Number, author.UserId, author.Name, body, summary, atUtc));
        db.PlanVersions.Add(version);
        await SaveAsync(db, ct, version);
        return version;
    }

    private static EvidenceRef Evidence(PlanVersion plan) => new(EvidenceKind.PlanDocument, plan.Id);

    /// <summary>The names of the residents a meeting is for (all are expected), in a stable order, for its paper sign-in sheet.</summary>
    private static Task<List<string>> NamesAsync(PortalDbContext db, Expression<Func<Person, bool>> where, CancellationToken ct) =>
        db.People.AsNoTracking().Where(where).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(ct);

    private static string LiftPlan(string buildingName, bool firstFloorCompensation) => string.Join("\n", new[]
    {
        $"# {buildingName}加装电梯方案",
        "",
        "1. 在楼栋北侧单元入口加装一部电梯，平层入户，电梯井不遮挡住户窗户。",
        "2. 总费用约 68 万元，申请老旧小区加装电梯补助 20 万元，其余由二至六楼业主按楼层分摊：二楼 5%，三楼 15%，四楼 22%，五楼 27%，六楼 31%。",
        "3. 一楼业主不分摊费用。",
    }.Concat(firstFloorCompensation
        ? new[]
        {
            "4. 一楼业主因采光、噪音受影响的，由二至六楼业主按上述比例共同给予每户一次性补偿 8000 元。",
            "5. 施工期间分段封闭，保留东侧楼梯通行；夜间 22:00 至次日 7:00 不施工。",
            "6. 电梯日常维护费用由使用电梯的业主按楼层分摊，物业公司负责维保合同。",
        }
        : new[]
        {
            "4. 电梯日常维护费用由使用电梯的业主按楼层分摊，物业公司负责维保合同。",
        }));

    private static string ParkingConvention(string gridName) => string.Join("\n",
        $"# {gridName}停车公约（草案）",
        "",
        "1. 楼前通道和消防通道任何时间禁止停车。",
        "2. 划定 36 个停车位，居民按登记顺序使用，每户限一个车位。",
        "3. 外来车辆由物业登记放行，临时停车不超过 2 小时。",
        "4. 违规停车先由网格员、楼栋长劝导，劝导不听的报物业和交警处理。");

    private static void Link(PortalDbContext db, DeliberationSession session, int stepIndex, int voteId, Actor by, DateTime atUtc)
    {
        var (link, error) = SessionVote.Link(session, stepIndex, voteId, by.UserId, atUtc);
        db.SessionVotes.Add(link ?? throw new InvalidOperationException($"Demo vote link refused: {error}"));
    }

    private static T Made<T>((T? Made, string? Error) made) where T : class =>
        made.Made ?? throw new InvalidOperationException($"Demo {typeof(T).Name} refused: {made.Error}");

    private static void Ok(string? error)
    {
        if (error is not null) throw new InvalidOperationException($"Demo step refused: {error}");
    }

    /// <summary>Saves with the entities' domain events dropped (no notices or live events for a seeded past).</summary>
    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct, params Entity[] entities)
    {
        foreach (var entity in entities) entity.TakeEvents();
        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
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
/// The steps before the vote name their opinions, sign-in sheets and plan documents by record number, as the step
/// dialog accepts them today. Deterministic apart from the moment it runs; the directory, accounts, reference data
/// (procedures, rule sets) and the lists' demo must exist. Domain events are dropped: the past is nobody's news.
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
            home.HouseholdId, secretary, resident, At, ct);
        await ParkingSessionAsync(db, community.Id, community.StreetId, new MatterScope(MatterScopeKind.Grid, home.GridId), home.GridName,
            secretary, gridWorker, resident, member, At, ct);
        await OtherMattersAsync(db, community.Id, new MatterScope(MatterScopeKind.Building, home.BuildingId), home.BuildingName, lift,
            secretary, resident, member, At, ct);
        await DemoVote.DraftAsync(db, community.Id, new MatterScope(MatterScopeKind.Community, community.Id), "关于增设电动自行车集中充电棚的表决",
            ResidentsMeetingRules, Secrecy.Named, BallotChannels.Online | BallotChannels.OnSite, At(-6, 19), At(-6, 21), secretary.UserId, ct);
    }

    /// <summary>Hangzhou steps 1–5 done, step 6 (说了算) current with the owners' vote open.</summary>
    private static async Task<Matter> LiftSessionAsync(PortalDbContext db, int communityId, int streetId, MatterScope building, string buildingName,
        int? residentHousehold, Actor secretary, Actor resident, Func<int, int, int, DateTime> at, CancellationToken ct)
    {
        var matter = Raised(Matter.RaiseByResident(communityId, building, $"{buildingName}加装电梯",
            $"{buildingName}是六层老楼，没有电梯，楼里老人多，上下楼困难。希望按照老旧小区加装电梯的政策，征求全体业主意见后加装一部电梯。",
            resident.UserId, at(40, 20, 15)));
        Ok(matter.Accept(secretary.UserId, at(38, 9, 30)));
        db.Matters.Add(matter);
        await SaveAsync(db, ct, matter);

        var session = await StartAsync(db, matter, HangzhouName, streetId, at(37, 10, 0), ct);
        var by = SecretaryHere(secretary);
        Complete(session, by, at(36, 16, 0), (EvidenceKind.Opinions, 1));
        Complete(session, by, at(30, 17, 0), (EvidenceKind.Opinions, 2), (EvidenceKind.SignInSheet, 1));
        Complete(session, by, at(22, 11, 0), (EvidenceKind.PlanDocument, 1));
        Complete(session, by, at(15, 18, 0), (EvidenceKind.Opinions, 3));
        Complete(session, by, at(9, 20, 30), (EvidenceKind.PlanDocument, 2), (EvidenceKind.SignInSheet, 2));
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
        var matter = Raised(need is { } needId
            ? Matter.PromoteNeed(communityId, grid, needId, title, description, secretary.UserId, at(32, 10, 0))
            : Matter.RaiseByResident(communityId, grid, title, description, resident.UserId, at(32, 10, 0)));
        Ok(matter.Accept(secretary.UserId, at(31, 9, 0)));
        db.Matters.Add(matter);
        await SaveAsync(db, ct, matter);

        var session = await StartAsync(db, matter, BaiyinName, streetId, at(30, 9, 30), ct);
        Complete(session, new StepActor(gridWorker.UserId, gridWorker.Name, new HashSet<PortalRole> { PortalRole.GridWorker }), at(28, 15, 0),
            (EvidenceKind.Opinions, 4));
        var by = SecretaryHere(secretary);
        Complete(session, by, at(24, 19, 30), (EvidenceKind.SignInSheet, 3), (EvidenceKind.Opinions, 5));
        Complete(session, by, at(18, 20, 0), (EvidenceKind.SignInSheet, 4), (EvidenceKind.PlanDocument, 3));
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
        Complete(session, by, at(14, 10, 0), (EvidenceKind.Vote, vote.Vote.Id));
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
        var waiting = Raised(Matter.RaiseByResident(communityId, new MatterScope(MatterScopeKind.Community, communityId), "小区东门增设无障碍坡道",
            "东门台阶较高，轮椅和婴儿车进出不便，希望增设无障碍坡道。", member.UserId, at(4, 18, 30)));
        var declined = Raised(Matter.RaiseByResident(communityId, building, "楼下增设快递柜",
            "快递经常放在楼道里，容易丢失，希望在楼下增设快递柜。", resident.UserId, at(20, 12, 0)));
        Ok(declined.Decline("物业已于上月在小区北门安装智能快递柜，可就近使用，此事无需再议。", secretary.UserId, at(19, 9, 0)));
        var duplicate = Raised(Matter.RaiseByResident(communityId, building, $"{buildingName}能不能装电梯",
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
        return session;
    }

    private static void Complete(DeliberationSession session, StepActor by, DateTime atUtc, params (EvidenceKind Kind, int RecordId)[] evidence) =>
        Ok(session.CompleteStep(session.CurrentStepIndex ?? -1, by, [.. evidence.Select(e => new EvidenceRef(e.Kind, e.RecordId))], atUtc));

    private static void Link(PortalDbContext db, DeliberationSession session, int stepIndex, int voteId, Actor by, DateTime atUtc)
    {
        var (link, error) = SessionVote.Link(session, stepIndex, voteId, by.UserId, atUtc);
        db.SessionVotes.Add(link ?? throw new InvalidOperationException($"Demo vote link refused: {error}"));
    }

    private static Matter Raised((Matter? Matter, string? Error) raised) =>
        raised.Matter ?? throw new InvalidOperationException($"Demo matter refused: {raised.Error}");

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

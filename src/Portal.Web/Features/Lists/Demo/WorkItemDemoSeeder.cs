using Microsoft.EntityFrameworkCore;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;
using Portal.Web.Data;

namespace Portal.Web.Features.Lists.Demo;

/// <summary>
/// A realistic year of the three lists for the demo: needs and micro-wishes in every status with full histories,
/// resources of the co-building units, projects with milestones, and commitments — for both communities, dated
/// relative to the seeding time so the dashboard always shows the last twelve months. Every status change goes through
/// <see cref="WorkItem.Apply"/> in order (<see cref="DemoWalk"/>, with the deadline monitor's reminders and escalations
/// where it would have made them), so the stored histories replay through the workflow. Deterministic (fixed
/// seed) apart from the moment it runs.
/// </summary>
public static class WorkItemDemoSeeder
{
    public const int NeedsPerCommunity = 75;
    public const int CommitmentsPerCommunity = 24;
    public const int ProjectsPerCommunity = 4;

    /// <summary>The communities' secretaries in community order (only the first has a demo account).</summary>
    internal static readonly string[] SecretaryNames = ["刘红梅", "陈淑珍"];
    private const string GridWorkerName = "孙志强";

    // Titles per category; the grid's name is not in them, the item's grid is recorded separately.
    private static readonly Dictionary<string, string[]> Titles = new()
    {
        [WorkItemCategories.ElderlyCare] = ["独居老人希望每周有人上门探望", "高龄老人助餐点增加送餐服务", "老年人智能手机使用培训", "空巢老人家中安装紧急呼叫器", "老人理发上门服务"],
        [WorkItemCategories.Children] = ["双职工家庭孩子放学后无人看护", "暑期儿童托管班", "小区儿童游乐设施损坏需维修", "青少年课后作业辅导"],
        [WorkItemCategories.Difficulty] = ["低保户冬季取暖困难", "残疾人家庭需要无障碍改造", "困难家庭子女助学", "失业居民再就业技能培训"],
        [WorkItemCategories.Venue] = ["居民议事会缺少活动场地", "舞蹈队需要固定排练场所", "党员活动室借用"],
        [WorkItemCategories.Lectures] = ["开展防范电信诈骗讲座", "垃圾分类知识宣讲", "家庭教育讲座", "慢性病健康知识讲座"],
        [WorkItemCategories.Environment] = ["楼道堆放杂物需清理", "小区绿化带杂草丛生", "垃圾桶满溢无人清运", "雨后路面积水严重", "楼前违章停车影响通行"],
        [WorkItemCategories.Safety] = ["楼道消防通道被占用", "单元门门禁损坏", "小区路灯不亮存在安全隐患", "电动自行车楼道充电隐患"],
        [WorkItemCategories.Health] = ["希望社区开展免费体检", "家庭医生签约服务咨询", "慢病患者定期上门测血压"],
        [WorkItemCategories.Utilities] = ["楼内暖气不热", "自来水水压过低", "单元楼停电", "燃气管道有异味", "楼道水管漏水"],
        [WorkItemCategories.Culture] = ["春节写春联送福字活动", "社区合唱团招募指导老师", "开设书法兴趣班"],
        [WorkItemCategories.Legal] = ["邻里纠纷需要调解", "老人遗嘱继承法律咨询", "物业费纠纷法律援助"],
        [WorkItemCategories.Other] = ["快递柜设置位置不合理", "希望增设便民修鞋摊点"],
    };

    private static readonly string[] ProgressNotes =
    [
        "已联系居民了解具体情况，约定上门时间。", "已到现场查看，正在协调相关单位。", "材料已采购到位，安排人员施工。",
        "党员志愿者已上门服务一次，后续每周跟进。", "已与物业沟通，列入本周维修计划。", "已完成初步处理，待进一步观察效果。",
    ];

    private static readonly string[] ReportNotes =
    [
        "问题已解决，现场照片已留存，请居民评价。", "服务已完成，居民当面确认。", "维修完毕，经检查运行正常。", "活动已顺利开展，参与居民反响良好。",
    ];

    private static readonly string[] UnhappyNotes = ["问题没有彻底解决，过两天又出现了。", "处理不及时，效果不理想。", "只处理了一部分，希望彻底解决。"];

    private sealed record Unit(int Id, int? CommunityId, string Name, string LiaisonName);

    private sealed record Raiser(string Name, int? GridId, bool IsPartyMember, int PersonId);

    /// <summary>Adds the lists' demo data; the directory and accounts must already be seeded.</summary>
    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var random = new Random(20261123);
        var communities = await db.Communities.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var units = await db.Units.OrderBy(u => u.Id)
            .Select(u => new Unit(u.Id, u.CommunityId, u.Name, u.Liaison != null ? u.Liaison.Name : u.Name)).ToListAsync(ct);
        var people = await db.People.Where(p => p.ResidenceCommunityId != null && p.GridId != null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.GridId, p.IsPartyMember, Community = p.ResidenceCommunityId!.Value }).ToListAsync(ct);
        var userIds = await db.Users.Where(u => u.UserName == "secretary" || u.UserName == "resident" || u.UserName == "resident2" || u.UserName == "gridworker")
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.PersonId), ct);

        // Deadline rules and resources first: items refer to the rule sets, projects to the resources.
        // A community that already has rules (version 1) keeps them.
        var existing = await db.DeadlineRuleSets.Where(r => r.VersionNumber == 1).ToDictionaryAsync(r => r.CommunityId, ct);
        var ruleSets = communities.Select(c => existing.GetValueOrDefault(c)
            ?? DeadlineRuleSet.From(DeadlineRules.Default, c, 1, nowUtc.AddDays(-370), SecretaryNames[communities.IndexOf(c) % 2])).ToList();
        db.DeadlineRuleSets.AddRange(ruleSets.Where(r => r.Id == 0));
        var resources = Resources(units, nowUtc);
        db.Resources.AddRange(resources);
        await db.SaveChangesAsync(ct);

        var commitmentOrgs = await CommitmentOrgsAsync(db, ct);
        var projects = new List<WorkItem>();
        var pending = new List<WorkItem>();
        for (var ci = 0; ci < communities.Count; ci++)
        {
            var communityId = communities[ci];
            var ctx = new Context(random, nowUtc, communityId, ruleSets[ci].Id, ruleSets[ci].ToRules(), SecretaryNames[ci % 2],
                ci == 0 && userIds.TryGetValue("secretary", out var s) ? s.Id : null,
                units.Where(u => u.CommunityId == communityId || u.CommunityId is null).ToList(),
                people.Where(p => p.Community == communityId).Select(p => new Raiser(p.Name, p.GridId, p.IsPartyMember, p.Id)).ToList());
            projects.AddRange(Projects(ctx, resources.Where(r => ctx.Units.Any(u => u.Id == r.UnitId)).ToList()));
            var residentKey = ci == 0 ? "resident" : "resident2";
            var resident = userIds.TryGetValue(residentKey, out var r) ? r : default;
            pending.AddRange(Needs(ctx, resident.Id, resident.PersonId, ci == 0 && userIds.TryGetValue("gridworker", out var g) ? g.Id : null));
            pending.AddRange(Commitments(ctx, commitmentOrgs));
            // What the deadline monitor did since each item's last step.
            foreach (var walk in ctx.Walks) walk.Finish();
        }
        db.WorkItems.AddRange(projects);
        await db.SaveChangesAsync(ct);

        // Link a few needs of each community to its projects (needs taken up by a project), and commit resources.
        foreach (var project in projects)
        {
            var candidates = pending.Where(n => n.Kind == WorkItemKind.Need && n.CommunityId == project.CommunityId && n.ProjectId is null
                && n.Category == project.Category && n.Status != WorkItemStatus.Rejected).Take(2).ToList();
            if (candidates.Count == 0)
                candidates = pending.Where(n => n.Kind == WorkItemKind.Need && n.CommunityId == project.CommunityId && n.ProjectId is null
                    && n.Status != WorkItemStatus.Rejected).Take(2).ToList();
            foreach (var need in candidates) need.TakeUpInto(project.Id);
            var fitting = resources.Where(res => res.RemainingCapacity > 0 && units.Any(u => u.Id == res.UnitId && (u.CommunityId == project.CommunityId || u.CommunityId is null)))
                .OrderByDescending(res => res.CategorySet.Contains(project.Category)).ThenBy(_ => random.Next()).Take(2).ToList();
            foreach (var res in fitting)
            {
                var quantity = Math.Max(1, res.RemainingCapacity * random.Next(20, 60) / 100);
                if (!res.Commit(quantity, units.First(u => u.Id == res.UnitId).CommunityId)) continue;
                db.ProjectResources.Add(new ProjectResource { ProjectId = project.Id, ResourceId = res.Id, Quantity = quantity });
            }
        }
        db.WorkItems.AddRange(pending);
        await db.SaveChangesAsync(ct);
    }

    private sealed class Context(Random random, DateTime now, int communityId, int ruleSetId, DeadlineRules rules, string secretaryName,
        string? secretaryUserId, List<Unit> units, List<Raiser> people)
    {
        public Random Random { get; } = random;
        public DateTime Now { get; } = now;
        public int CommunityId { get; } = communityId;
        public int RuleSetId { get; } = ruleSetId;
        public DeadlineRules Rules { get; } = rules;
        public List<DemoWalk> Walks { get; } = [];
        public string SecretaryName { get; } = secretaryName;
        public string? SecretaryUserId { get; } = secretaryUserId;
        public List<Unit> Units { get; } = units;
        public List<Raiser> People { get; } = people;

        public T Pick<T>(IReadOnlyList<T> list) => list[Random.Next(list.Count)];

        /// <summary>A walk through the item's lifecycle under the community's deadline rules, finished with the others.</summary>
        public DemoWalk Walk(WorkItem item)
        {
            var walk = new DemoWalk(item, Now, Rules);
            Walks.Add(walk);
            return walk;
        }
        public TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + Random.NextDouble() * (max - min));
    }

    private static List<WorkItem> Needs(Context ctx, string? residentUserId, int? residentPersonId, string? gridWorkerUserId)
    {
        // The resident account's own needs are raised (and rated) by the person the account is linked to.
        var residentSelf = ctx.People.FirstOrDefault(p => p.PersonId == residentPersonId);
        var items = new List<WorkItem>();
        var rules = DeadlineRules.Default;
        var categories = WorkItemCategories.All;
        for (var i = 0; i < NeedsPerCommunity; i++)
        {
            var r = ctx.Random;
            var category = ctx.Pick(categories);
            var urgency = category == WorkItemCategories.Utilities
                ? (r.Next(5) == 0 ? Urgency.Emergency : Urgency.Utilities)
                : r.Next(10) switch { 0 => Urgency.Emergency, < 7 => Urgency.General, _ => Urgency.Complex };
            // Spread over the last year with more in recent months; a handful in the last days so every early status exists.
            var ageDays = i switch { 0 => 0.02, 1 => 2, < 8 => r.NextDouble() * 3, _ => Math.Pow(r.NextDouble(), 1.3) * 360 };
            // A few complex needs dispatched twelve to fifteen days ago and still being handled: due soon at seeding time,
            // so the dashboard's "due soon" column is not empty on first run (triage and dispatch take 3 to 54 hours, which
            // puts the 15-day deadline 0.25 to 2.75 days ahead, inside the last fifth of the time allowed).
            var dueSoon = IsDueSoonNeed(i);
            if (dueSoon)
            {
                urgency = Urgency.Complex;
                ageDays = 14.5 + r.NextDouble() * 0.2;
            }
            var picked = ctx.Pick(ctx.People);
            var mine = i % 12 == 0 && residentUserId is not null && residentSelf is not null;
            var raiser = mine ? residentSelf! : picked;
            var channel = mine ? RaiseChannel.Self : (RaiseChannel)(r.Next(6) + 1);
            var enteredBy = channel switch
            {
                RaiseChannel.DoorKnocking or RaiseChannel.GridPatrol => (Name: GridWorkerName, UserId: gridWorkerUserId),
                RaiseChannel.Hotline or RaiseChannel.SuggestionBox or RaiseChannel.Survey => (Name: ctx.SecretaryName, UserId: ctx.SecretaryUserId),
                _ => (Name: raiser.Name, UserId: mine ? residentUserId : null),
            };
            var item = new WorkItem
            {
                Kind = WorkItemKind.Need,
                Title = ctx.Pick(Titles[category]),
                DescriptionMarkdown = $"居民反映：{ctx.Pick(Titles[category])}，希望社区协调解决。\n\n- 反映渠道已记录\n- 联系方式见居民档案",
                Category = category,
                Urgency = urgency,
                CommunityId = ctx.CommunityId,
                GridId = raiser.GridId,
                Address = $"{r.Next(1, 13)}号楼{r.Next(1, 5)}单元",
                Channel = channel,
                RaisedByName = enteredBy.Name,
                RaisedByUserId = enteredBy.UserId,
                RequesterUserId = mine ? residentUserId : null,
                RaisedAtUtc = ctx.Now - TimeSpan.FromDays(ageDays) - ctx.Hours(0, 2),
            };
            items.Add(item);
            var walk = ctx.Walk(item);
            var sec = ctx.SecretaryName;
            var secId = ctx.SecretaryUserId;

            var fate = r.Next(100);
            if (!dueSoon && (fate < 5 || i % 30 == 20))
            {
                walk.Step(ctx.Hours(2, 30), WorkItemAction.Reject, sec, secId, "经研判，该诉求已由其他渠道受理，不再重复立项。");
                continue;
            }
            var shared = r.Next(3) > 0;
            var triagedAfter = ctx.Hours(2, 30);
            var triageNote = shared ? "研判为共性需求，列入需求清单。" : "研判为个性需求，列入微心愿。";
            if (!walk.Step(triagedAfter, sec, secId, (w, actor, at) => w.Triage(actor, at, shared, isPublic: true, triageNote)))
                continue;
            // One waits for dispatch (triaged this week).
            if (i == 1) continue;

            // Most are dispatched by the secretary; about a quarter are claimed by a unit or a Party member.
            var owner = ctx.Pick(ctx.Units);
            var allowed = rules.Allowed(urgency);
            string ownerName;
            if (r.Next(4) == 0 && i % 25 != 3 && !dueSoon)
            {
                var byMember = r.Next(3) == 0 && ctx.People.Any(p => p.IsPartyMember);
                var member = byMember ? ctx.Pick(ctx.People.Where(p => p.IsPartyMember).ToList()) : null;
                ownerName = member?.Name ?? owner.LiaisonName;
                // Due by the rules from the claim on, as the claim step itself decides.
                if (!walk.Step(ctx.Hours(4, 72), ownerName, null, (w, actor, at) => w.Claim(actor, at, member is null ? owner.Id : null, member?.PersonId,
                        new HashSet<int> { owner.Id }, rules, ctx.RuleSetId, member is null ? $"{owner.Name}认领此项需求。" : "党员认领，主动服务。")))
                    continue;
            }
            else
            {
                var dispatchDelay = urgency == Urgency.Emergency ? ctx.Hours(0.05, 0.3) : ctx.Hours(1, 24);
                if (!dueSoon && r.Next(12) == 0)
                {
                    // Dispatched to the wrong unit first: declined and dispatched again.
                    var wrong = ctx.Pick(ctx.Units);
                    if (!walk.Step(dispatchDelay, sec, secId, Dispatch(wrong, rules, ctx))) continue;
                    if (!walk.Step(ctx.Hours(1, 12), WorkItemAction.Decline, wrong.LiaisonName, note: "不属于本单位职责范围，请重新派单。")) continue;
                }
                var delay = dispatchDelay;
                if (!walk.Step(delay, sec, secId, Dispatch(owner, rules, ctx))) continue;
                ownerName = owner.LiaisonName;
                // A few owners never accept: these stay dispatched and run overdue (the first due-soon one is still waiting,
                // so every community has a dispatched item whatever the random draws).
                if (r.Next(25) == 0 || i % 25 == 3 || i == 9)
                {
                    Chase(walk, item, ctx);
                    continue;
                }
                var acceptAfter = urgency == Urgency.Emergency ? ctx.Hours(0.05, 0.3) : ctx.Hours(0.5, 12);
                if (!walk.Step(acceptAfter, WorkItemAction.Accept, ownerName, note: "已接单，马上安排。")) continue;
            }

            if (dueSoon)
            {
                walk.Step(ctx.Hours(2, 48), WorkItemAction.AddProgress, ownerName, note: ctx.Pick(ProgressNotes));
                continue;
            }

            // A few owners stall after accepting: open, overdue and chased.
            if (r.Next(10) == 0)
            {
                walk.Step(allowed * 0.3, WorkItemAction.AddProgress, ownerName, note: ctx.Pick(ProgressNotes));
                Chase(walk, item, ctx);
                continue;
            }
            var late = r.Next(100) < 15;
            var handling = allowed * (late ? 1.1 + r.NextDouble() * 0.6 : 0.2 + r.NextDouble() * 0.6);
            if (!walk.Step(handling * 0.4, WorkItemAction.AddProgress, ownerName, note: ctx.Pick(ProgressNotes))) continue;
            if (late) walk.Step(TimeSpan.FromTicks(Math.Max(1, (item.DueAtUtc!.Value - walk.At).Ticks / 2)), WorkItemAction.Chase, sec, secId, "请抓紧办理，按期反馈。");
            var reportAt = (item.AcceptedAtUtc ?? walk.At) + handling;
            if (reportAt <= walk.At) reportAt = walk.At + TimeSpan.FromMinutes(10);
            if (!walk.Step(reportAt - walk.At, WorkItemAction.ReportBack, ownerName, note: ctx.Pick(ReportNotes))) continue;

            // A few wait for the resident's rating.
            if (i % 15 == 11) continue;
            var rater = raiser.Name;
            var unhappy = r.Next(100) < 12;
            if (unhappy)
            {
                if (!walk.Step(ctx.Hours(12, 96), WorkItemAction.Rate, rater, item.RequesterUserId, ctx.Pick(UnhappyNotes), Satisfaction.NotSatisfied)) continue;
                if (!walk.Step(ctx.Hours(6, 48), WorkItemAction.AddProgress, ownerName, note: "根据居民意见重新处理，已再次上门。")) continue;
                if (!walk.Step(ctx.Hours(24, 96), WorkItemAction.ReportBack, ownerName, note: "已按居民意见整改完毕。")) continue;
            }
            // Around one in ten residents does not rate; the secretary closes it after the rating window.
            if (!unhappy && r.Next(10) == 0)
            {
                walk.Step(TimeSpan.FromDays(7), WorkItemAction.Close, sec, secId, "居民七日内未评价，按规定销号。");
                continue;
            }
            var rating = r.Next(100) < 72 ? Satisfaction.Satisfied : Satisfaction.FairlySatisfied;
            if (!walk.Step(ctx.Hours(12, 96), WorkItemAction.Rate, rater, item.RequesterUserId, rating == Satisfaction.Satisfied ? "非常满意，感谢！" : "基本满意。", rating)) continue;
            // A few rated items wait for the secretary's closing, so the dashboard shows every step.
            if (i % 15 == 7) continue;
            walk.Step(ctx.Hours(12, 168), WorkItemAction.Close, sec, secId, "办结销号，资料归档。");
        }
        return items;
    }

    /// <summary>The needs (by index within a community) seeded to be due soon when seeding.</summary>
    private static bool IsDueSoonNeed(int index) => index % 25 == 9;

    /// <summary>The secretary's dispatch of a need to <paramref name="owner"/>, due by the rules at its urgency.</summary>
    private static Func<WorkItem, StepActor, DateTime, string?> Dispatch(Unit owner, DeadlineRules rules, Context ctx) =>
        (w, actor, at) => w.Dispatch(actor, at, owner.Id, [], w.Urgency, dueAtUtc: null, rules, ctx.RuleSetId, new HashSet<int> { owner.Id },
            $"派至{owner.Name}办理。");

    /// <summary>
    /// Left unhandled past the deadline: the monitor reminds and escalates it (the walk records that), and the secretary
    /// chases the owner once it has been escalated, without moving the item.
    /// </summary>
    private static void Chase(DemoWalk walk, WorkItem item, Context ctx)
    {
        if (walk.Stopped || item.DueAtUtc is not { } due) return;
        var escalated = due + ctx.Rules.EscalationGrace + TimeSpan.FromHours(1);
        var wait = escalated > walk.At ? escalated - walk.At : TimeSpan.Zero;
        walk.Step(wait + ctx.Hours(2, 24), WorkItemAction.Chase, ctx.SecretaryName, ctx.SecretaryUserId, "书记督办：请说明原因并限期办结。");
        walk.Stop();
    }

    private static List<Resource> Resources(List<Unit> units, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var specs = new (ResourceKind Kind, string Title, string Categories, int Capacity, string CapacityUnit)[]
        {
            (ResourceKind.Venue, "多功能会议室", "Venue,Lectures,Culture", 60, "人"),
            (ResourceKind.Volunteers, "党员志愿服务队", "ElderlyCare,Environment,Difficulty", 20, "人"),
            (ResourceKind.Expertise, "专业技术服务", "Health,Legal,Safety", 24, "次"),
            (ResourceKind.Funds, "共建帮扶资金", "Difficulty,Children,ElderlyCare", 50_000, "元"),
            (ResourceKind.Equipment, "维修工具与设备", "Utilities,Safety,Environment", 10, "套"),
        };
        var details = new Dictionary<string, (ResourceKind, string, string, int, string)[]>
        {
            ["东城区第二人民医院"] = [(ResourceKind.Expertise, "义诊与健康讲座", "Health,Lectures,ElderlyCare", 12, "场"), (ResourceKind.Volunteers, "医护志愿者", "Health,ElderlyCare", 15, "人")],
            ["和平里第四小学"] = [(ResourceKind.Venue, "学校操场与礼堂（周末开放）", "Venue,Children,Culture", 300, "人"), (ResourceKind.Volunteers, "教师课后辅导志愿队", "Children,Lectures", 10, "人")],
            ["国网北京东城供电公司"] = [(ResourceKind.Expertise, "电力抢修与安全用电检查", "Utilities,Safety", 30, "次"), (ResourceKind.Equipment, "应急照明设备", "Safety,Utilities", 20, "台")],
            ["青年湖物业管理有限公司"] = [(ResourceKind.Equipment, "维修工具与设备", "Utilities,Environment,Safety", 8, "套"), (ResourceKind.Volunteers, "保洁绿化突击队", "Environment", 12, "人")],
            ["和平里街道办事处"] = [(ResourceKind.Funds, "为民办实事专项资金", "Difficulty,ElderlyCare,Environment,Children", 200_000, "元"), (ResourceKind.Expertise, "法律援助律师团", "Legal", 24, "次"), (ResourceKind.Venue, "街道文化中心", "Venue,Culture,Lectures", 150, "人")],
            ["安德里社区卫生服务站"] = [(ResourceKind.Expertise, "家庭医生上门服务", "Health,ElderlyCare", 40, "次")],
            ["北京华信科技有限公司"] = [(ResourceKind.Funds, "企业公益基金", "Children,Difficulty,Culture", 80_000, "元"), (ResourceKind.Expertise, "智能手机使用培训讲师", "ElderlyCare,Lectures", 10, "场")],
            ["东城区消防救援支队和平里站"] = [(ResourceKind.Expertise, "消防安全培训与检查", "Safety,Lectures", 16, "次")],
            ["中国邮政和平里营业部"] = [(ResourceKind.Volunteers, "邮递员网格巡访", "ElderlyCare,Safety", 8, "人")],
        };
        var list = new List<Resource>();
        foreach (var unit in units)
        {
            var mine = details.TryGetValue(unit.Name, out var d) ? d : [specs[list.Count % specs.Length], specs[(list.Count + 2) % specs.Length]];
            foreach (var (kind, title, categories, capacity, capacityUnit) in mine)
            {
                list.Add(new Resource
                {
                    UnitId = unit.Id, Kind = kind, Title = title, Categories = categories, Capacity = capacity, CapacityUnit = capacityUnit,
                    Description = $"{unit.Name}提供：{title}，可预约使用。",
                    AvailableFrom = today.AddMonths(-11), AvailableUntil = list.Count % 4 == 0 ? null : today.AddMonths(6),
                });
            }
        }
        return list;
    }

    private static readonly (string Title, string Category, decimal Budget, string[] Milestones)[] ProjectSpecs =
    [
        ("老旧小区楼道照明改造", WorkItemCategories.Safety, 48_000m, ["现场勘查", "方案设计与公示", "施工安装", "验收"]),
        ("“银龄食堂”助餐服务点建设", WorkItemCategories.ElderlyCare, 120_000m, ["选址", "装修改造", "试运营", "正式运营"]),
        ("“四点半课堂”课后托管", WorkItemCategories.Children, 30_000m, ["招募志愿教师", "场地布置", "开班"]),
        ("社区微花园共建", WorkItemCategories.Environment, 25_000m, ["居民议事", "设计", "种植", "养护移交"]),
        ("便民维修服务站", WorkItemCategories.Utilities, 15_000m, ["设备采购", "志愿者培训", "开放服务"]),
        ("邻里法律服务驿站", WorkItemCategories.Legal, 10_000m, ["律师团队对接", "驿站挂牌", "首批咨询"]),
        ("健康小屋建设", WorkItemCategories.Health, 60_000m, ["设备配置", "人员培训", "开放运行"]),
        ("社区文化节", WorkItemCategories.Culture, 20_000m, ["节目征集", "彩排", "演出"]),
    ];

    private static List<WorkItem> Projects(Context ctx, List<Resource> resources)
    {
        var list = new List<WorkItem>();
        var offset = ctx.CommunityId % 2 == 0 ? 0 : ProjectsPerCommunity;
        for (var i = 0; i < ProjectsPerCommunity; i++)
        {
            var spec = ProjectSpecs[(offset + i) % ProjectSpecs.Length];
            var lead = ctx.Units[(i * 3 + 1) % ctx.Units.Count];
            var ageDays = 40 + i * 70;
            var item = new WorkItem
            {
                Kind = WorkItemKind.Project, Title = spec.Title, Category = spec.Category, Urgency = Urgency.Complex, CommunityId = ctx.CommunityId,
                DescriptionMarkdown = $"由{lead.Name}牵头，联合共建单位实施。", RaisedByName = ctx.SecretaryName, RaisedByUserId = ctx.SecretaryUserId,
                Channel = RaiseChannel.Council, RaisedAtUtc = ctx.Now.AddDays(-ageDays), Project = new ProjectDetails { BudgetYuan = spec.Budget }, IsPublic = true, IsShared = true,
            };
            item.CoOwners.Add(new WorkItemCoOwner { UnitId = ctx.Units[(i * 3 + 2) % ctx.Units.Count].Id });
            var walk = ctx.Walk(item);
            var span = TimeSpan.FromDays(ageDays);
            walk.Step(TimeSpan.FromDays(1), WorkItemAction.Triage, ctx.SecretaryName, ctx.SecretaryUserId, "联席会议研究同意立项。");
            // Projects are long-running: the deadline is the plan's end date, not the hotline standard.
            var due = item.RaisedAtUtc + TimeSpan.FromDays(ageDays * (i == 1 ? 0.8 : 1.3));
            walk.Step(TimeSpan.FromDays(2), ctx.SecretaryName, ctx.SecretaryUserId, (w, actor, at) => w.Dispatch(actor, at, lead.Id,
                w.CoOwners.Select(c => c.UnitId).ToList(), w.Urgency, due, ctx.Rules, null, ctx.Units.Select(u => u.Id).ToHashSet(), $"由{lead.Name}牵头实施。"));
            walk.Step(TimeSpan.FromDays(1), WorkItemAction.Accept, lead.LiaisonName, note: "牵头单位已接收任务。");
            var doneShare = i == ProjectsPerCommunity - 1 ? 1.0 : 0.25 + 0.2 * i;
            for (var m = 0; m < spec.Milestones.Length; m++)
            {
                var position = (m + 1.0) / spec.Milestones.Length;
                var percent = position <= doneShare ? 100m : position - 1.0 / spec.Milestones.Length < doneShare ? 50m : 0m;
                item.Milestones.Add(new Milestone
                {
                    Title = spec.Milestones[m], Weight = m == spec.Milestones.Length - 1 ? 1 : 2, PercentDone = percent, SortOrder = m,
                    DueDate = DateOnly.FromDateTime(item.RaisedAtUtc.AddDays(ageDays * 1.2 * position)),
                });
                if (percent == 100m)
                    walk.Step(TimeSpan.FromDays(Math.Max(1, span.TotalDays * 0.8 / spec.Milestones.Length)), WorkItemAction.AddProgress, lead.LiaisonName, note: $"完成节点：{spec.Milestones[m]}。");
            }
            item.Project!.ProgressPercent = ProgressRollUp.Percent(item.Milestones.Select(m => new MilestoneProgress(m.Weight, m.PercentDone)));
            if (doneShare >= 1.0)
            {
                walk.Step(TimeSpan.FromDays(2), WorkItemAction.ReportBack, lead.LiaisonName, note: "项目全部完成，请验收。");
                walk.Step(TimeSpan.FromDays(1), WorkItemAction.Rate, ctx.SecretaryName, ctx.SecretaryUserId, "居民代表验收满意。", Satisfaction.Satisfied);
                walk.Step(TimeSpan.FromDays(1), WorkItemAction.Close, ctx.SecretaryName, ctx.SecretaryUserId, "项目验收通过，销号归档。");
            }
            list.Add(item);
        }
        return list;
    }

    private static readonly string[] CommitmentTexts =
    [
        "每月开展一次为老志愿服务", "全年为困难家庭提供免费维修服务不少于10次", "每季度举办一次健康义诊", "开放单位场地供社区活动使用",
        "结对帮扶两户困难家庭", "每周参与一次小区环境整治", "为社区青少年开展科普讲座4场", "党员带头做好垃圾分类宣传",
        "协助社区开展消防安全检查", "资助社区文化活动经费", "参与网格巡查，及时上报隐患", "为居民提供法律咨询服务12次",
    ];

    /// <summary>The Party organisations commitments are filed under: each community's committee, each unit's, each member's branch.</summary>
    private sealed record CommitmentOrgs(
        Dictionary<int, int> CommunityCommittee, Dictionary<int, int> UnitOrganization, Dictionary<int, int> MemberOrganization, int? DemoMemberPersonId);

    private static async Task<CommitmentOrgs> CommitmentOrgsAsync(PortalDbContext db, CancellationToken ct)
    {
        var committees = await db.PartyOrganizations.Where(o => o.CommunityId != null && o.Level == PartyOrganizationLevel.Committee)
            .Select(o => new { Community = o.CommunityId!.Value, o.Id }).ToListAsync(ct);
        return new CommitmentOrgs(
            committees.GroupBy(o => o.Community).ToDictionary(g => g.Key, g => g.Min(o => o.Id)),
            await db.Units.Where(u => u.PartyOrganizationId != null).ToDictionaryAsync(u => u.Id, u => u.PartyOrganizationId!.Value, ct),
            await db.People.Where(p => p.IsPartyMember && p.HomePartyOrganizationId != null).ToDictionaryAsync(p => p.Id, p => p.HomePartyOrganizationId!.Value, ct),
            // The demo member account starts without commitments, so it can make its own (up to five) on first run.
            await db.Users.Where(u => u.UserName == "member").Select(u => u.PersonId).FirstOrDefaultAsync(ct));
    }

    /// <summary>How far a demo commitment has come: 待审核 … 已归档, or assessed as failed and back to fulfilment.</summary>
    private enum CommitmentStage { Made, Vetted, Published, Fulfilling, Reported, Failed, Filed }

    /// <summary>
    /// Commitments on the decided path (make → 审核 Triage → 公示 Dispatch with IsPublic → 开始践诺 Accept → progress →
    /// 践诺完成 ReportBack → 评诺 Rate with three scores by <see cref="CommitmentRules.Assess"/> → 归档 Close). The community's
    /// own committee makes twelve annual ones this year (the secretary acts for it), co-building units and members the
    /// rest; a few are overdue, some wait for vetting or assessment, some are last year's and filed.
    /// </summary>
    private static List<WorkItem> Commitments(Context ctx, CommitmentOrgs orgs)
    {
        var list = new List<WorkItem>();
        // Their own random stream, so the other lists' demo data stays the same whatever the commitments draw.
        var r = new Random(ctx.CommunityId * 7919 + 2026);
        TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + r.NextDouble() * (max - min));
        var year = PortalYear(ctx.Now);
        var startOfYear = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var endOfYear = startOfYear.AddYears(1).AddSeconds(-1);
        var daysIntoYear = Math.Max(1, (ctx.Now - startOfYear).TotalDays);
        var committee = orgs.CommunityCommittee.GetValueOrDefault(ctx.CommunityId);
        var units = ctx.Units.Where(u => orgs.UnitOrganization.ContainsKey(u.Id)).ToList();
        var members = ctx.People.Where(p => p.IsPartyMember && p.PersonId != orgs.DemoMemberPersonId && orgs.MemberOrganization.ContainsKey(p.PersonId)).ToList();
        CommitmentStage[] committeeStages =
        [
            CommitmentStage.Filed, CommitmentStage.Filed, CommitmentStage.Filed, CommitmentStage.Filed, CommitmentStage.Reported,
            CommitmentStage.Fulfilling, CommitmentStage.Fulfilling, CommitmentStage.Failed, CommitmentStage.Published, CommitmentStage.Vetted,
            CommitmentStage.Made, CommitmentStage.Fulfilling,
        ];
        for (var i = 0; i < CommitmentsPerCommunity; i++)
        {
            // 0–11 the committee's this year, 12–17 units', 18–21 members', 22–23 last year's (filed).
            var lastYear = i >= 22;
            var unit = i is >= 12 and < 18 or 22 && units.Count > 0 ? units[i % units.Count] : null;
            var member = i is >= 18 and < 22 or 23 && members.Count > 0 ? members[i % members.Count] : null;
            var stage = i switch
            {
                < 12 => committeeStages[i],
                12 or 13 => CommitmentStage.Filed,
                14 => CommitmentStage.Reported,
                15 => CommitmentStage.Fulfilling,
                16 => CommitmentStage.Made,
                17 => CommitmentStage.Published,
                18 => CommitmentStage.Filed,
                19 => CommitmentStage.Reported,
                20 => CommitmentStage.Fulfilling,
                21 => CommitmentStage.Made,
                _ => CommitmentStage.Filed,
            };
            // Earlier stages were made more recently; the ones waiting for vetting in the last days.
            var share = stage switch
            {
                CommitmentStage.Filed => 0.02 + r.NextDouble() * 0.2,
                CommitmentStage.Reported or CommitmentStage.Failed => 0.1 + r.NextDouble() * 0.2,
                CommitmentStage.Fulfilling => 0.2 + r.NextDouble() * 0.3,
                CommitmentStage.Published or CommitmentStage.Vetted => 0.85 + r.NextDouble() * 0.05,
                _ => 0.97,
            };
            var raisedAt = lastYear ? startOfYear.AddDays(-300 + r.Next(60)) : startOfYear.AddDays(daysIntoYear * share);
            if (raisedAt >= ctx.Now) raisedAt = ctx.Now.AddHours(-1);
            // Annual ones are promised by the year's end; every fourth one in fulfilment (and every ad hoc one) sooner, so some are overdue.
            var adHoc = i % 5 == 4;
            var overdue = stage == CommitmentStage.Fulfilling && i % 2 == 1;
            var due = overdue ? raisedAt + (ctx.Now - raisedAt) * 0.7
                : adHoc ? raisedAt.AddDays(90)
                : lastYear ? endOfYear.AddYears(-1) : endOfYear;
            if (due <= raisedAt.AddDays(3)) due = endOfYear;
            var text = CommitmentTexts[(i + ctx.CommunityId) % CommitmentTexts.Length];
            var organization = member is not null ? orgs.MemberOrganization[member.PersonId]
                : unit is not null ? orgs.UnitOrganization[unit.Id] : committee;
            var owner = member?.Name ?? unit?.LiaisonName ?? ctx.SecretaryName;
            var item = new WorkItem
            {
                Kind = WorkItemKind.Commitment, Title = text, Category = WorkItemCategories.All[r.Next(WorkItemCategories.All.Count)], Urgency = Urgency.Complex,
                CommunityId = ctx.CommunityId, RaisedByName = owner, RaisedAtUtc = raisedAt,
                RaisedByUserId = member is null && unit is null ? ctx.SecretaryUserId : null,
                Commitment = new CommitmentDetails
                {
                    PartyOrganizationId = organization == 0 ? null : organization,
                    Type = adHoc ? CommitmentType.AdHoc : CommitmentType.Annual,
                    Year = lastYear ? year - 1 : year,
                },
                DescriptionMarkdown = $"承诺事项：{text}。\n\n- 承诺时限：{due.AddHours(8):yyyy年M月d日}\n- 践诺方式：定期开展，留存佐证材料",
                Channel = RaiseChannel.Self, OwnerUnitId = unit?.Id, OwnerPersonId = member?.PersonId, DueAtUtc = due,
            };
            list.Add(item);
            var walk = ctx.Walk(item);
            bool Reached(CommitmentStage s) => stage == s || walk.Stopped;
            if (stage == CommitmentStage.Made) continue;
            walk.Step(Hours(24, 72), WorkItemAction.Triage, ctx.SecretaryName, ctx.SecretaryUserId, "经审核，承诺事项具体可行，同意公示。");
            if (Reached(CommitmentStage.Vetted)) continue;
            // Publishing would be refused once the promised date has passed; the demo never publishes late.
            if (walk.At.AddDays(1) >= due) continue;
            walk.Step(Hours(4, 24), ctx.SecretaryName, ctx.SecretaryUserId,
                (w, actor, at) => w.PublishCommitment(actor, at, "承诺已在社区公示栏公示，接受党员群众监督。"));
            if (Reached(CommitmentStage.Published)) continue;
            walk.Step(Hours(2, 48), WorkItemAction.Accept, owner, note: "开始践诺。");
            walk.Step(TimeSpan.FromDays(10 + r.Next(20)), WorkItemAction.AddProgress, owner, note: "已完成阶段性践诺，附活动照片和签到表。");
            if (Reached(CommitmentStage.Fulfilling)) continue;
            walk.Step(TimeSpan.FromDays(15 + r.Next(20)), WorkItemAction.ReportBack, owner, note: "承诺事项已全部兑现，佐证材料已上传。");
            if (Reached(CommitmentStage.Reported)) continue;
            var (m, res, o) = stage == CommitmentStage.Failed
                ? (50m + r.Next(10), 45m + r.Next(10), 55m + r.Next(10))
                : (75m + r.Next(25), 70m + r.Next(30), 78m + r.Next(22));
            var assessment = CommitmentRules.Assess(m, res, o);
            if (walk.Step(TimeSpan.FromDays(3 + r.Next(7)), WorkItemAction.Rate, ctx.SecretaryName, ctx.SecretaryUserId,
                    $"党员评分 {m}，群众评分 {res}，组织评分 {o}，综合得分 {assessment.Total}。", assessment.Satisfaction))
            {
                item.Commitment.MemberScore = m;
                item.Commitment.ResidentScore = res;
                item.Commitment.OrganizationScore = o;
            }
            if (Reached(CommitmentStage.Failed)) continue;
            walk.Step(TimeSpan.FromDays(2), WorkItemAction.Close, ctx.SecretaryName, ctx.SecretaryUserId, "践诺评诺完成，归入台账。");
        }
        return list;
    }

    private static int PortalYear(DateTime utc) => utc.AddHours(8).Year;
}

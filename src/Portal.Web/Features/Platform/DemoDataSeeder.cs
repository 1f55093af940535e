using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Announcements;
using Portal.Domain.Directory;
using Portal.Web.Data.Identity;
using Portal.Web.Data;

namespace Portal.Web.Features.Platform;

/// <summary>
/// Loads a realistic demo into an empty database (Development): one street, two communities with grids,
/// buildings and ~200 households with areas and owners, co-building units of every common type, Party
/// organisations and members, and the demo accounts listed in the README. Deterministic, so tests can rely on it.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<PortalDbContext> dbFactory, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoDataSeeder> logger) : IStartupSeeder
{
    public const string DefaultPassword = "Portal@2026";
    public const string StreetName = "和平里街道";
    public static readonly string[] CommunityNames = ["青年湖社区", "安德里社区"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "国庆", "淑珍", "海燕", "志强", "玉兰", "晓东"];
    private static readonly string[] Skills = ["法律咨询", "医疗护理", "心理疏导", "家电维修", "书法", "摄影", "教育辅导", "理发", "财务", "文艺演出", "信息技术", "养老照护"];

    /// <summary>At start-up (when demo data is configured): seed an empty database, then show how to sign in.</summary>
    async Task IStartupSeeder.SeedAsync(CancellationToken ct)
    {
        await SeedIfEmptyAsync(ct);
        PrintAccounts();
    }

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await check.Streets.AnyAsync(ct) || await check.Users.AnyAsync(ct)) return;
        }
        logger.LogInformation("Loading demo data");
        var random = new Random(2026);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var street = new Street { Name = StreetName, Code = "110105011" };
        db.Streets.Add(street);
        var communities = CommunityNames.Select((n, i) => new Community
        {
            Street = street, Name = n, Code = $"11010501100{i + 1}", Address = i == 0 ? "和平里东街青年湖北里 12 号" : "安德路安德里北街 5 号",
        }).ToList();
        db.Communities.AddRange(communities);

        var streetCommittee = new PartyOrganization { Name = "和平里街道党工委", Level = PartyOrganizationLevel.Committee, SecretaryName = "郑建国" };
        db.PartyOrganizations.Add(streetCommittee);
        var households = new List<Household>();
        var grids = new List<Grid>();
        foreach (var community in communities)
        {
            var communityCommittee = new PartyOrganization { Name = $"{community.Name}党委", Level = PartyOrganizationLevel.Committee, Parent = streetCommittee, Community = community };
            db.PartyOrganizations.Add(communityCommittee);
            for (var g = 1; g <= 3; g++)
            {
                var grid = new Grid { Community = community, Name = $"第{ChineseNumber(g)}网格" };
                grids.Add(grid);
                db.PartyOrganizations.Add(new PartyOrganization { Name = $"{community.Name}{grid.Name}党支部", Level = PartyOrganizationLevel.Branch, Parent = communityCommittee, Community = community });
                for (var b = 1; b <= 2; b++)
                {
                    var building = new Building { Grid = grid, Name = $"{(g - 1) * 2 + b}号楼" };
                    db.Buildings.Add(building);
                    for (var entrance = 1; entrance <= 2; entrance++)
                    for (var floor = 1; floor <= 6; floor++)
                    for (var door = 1; door <= (floor == 1 ? 1 : 2); door++)
                    {
                        households.Add(new Household
                        {
                            Building = building,
                            Entrance = $"{entrance}单元",
                            DoorNumber = $"{floor}0{door}",
                            ExclusiveArea = Math.Round(55m + random.Next(0, 6000) / 100m, 2),
                            AreaSource = random.Next(10) == 0 ? AreaSource.Survey : AreaSource.Register,
                        });
                    }
                }
            }
        }
        db.Grids.AddRange(grids);
        db.Households.AddRange(households);

        // Owners: one per household, except a developer that still holds a few unsold units and some owners of two flats.
        foreach (var community in communities)
        {
            var own = households.Where(h => h.Building!.Grid!.Community == community).ToList();
            var developer = new Owner { Community = community, Name = "北京和平置业有限公司", Kind = OwnerKind.Developer, Phone = "010-64211234" };
            db.Owners.Add(developer);
            for (var i = 0; i < own.Count; i++)
            {
                if (i % 25 == 7)
                {
                    db.HouseholdOwnerships.Add(new HouseholdOwnership { Household = own[i], Owner = developer });
                    continue;
                }
                var owner = new Owner { Community = community, Name = PersonName(random), Phone = MobilePhone(random), Kind = OwnerKind.Individual };
                db.Owners.Add(owner);
                db.HouseholdOwnerships.Add(new HouseholdOwnership { Household = own[i], Owner = owner });
                if (i % 30 == 11 && i + 1 < own.Count)
                {
                    db.HouseholdOwnerships.Add(new HouseholdOwnership { Household = own[++i], Owner = owner });
                }
            }
        }

        var unitSpecs = new (string Name, UnitType Type, int Community)[]
        {
            ("和平里街道办事处", UnitType.GovernmentAgency, -1),
            ("东城区第二人民医院", UnitType.Hospital, 0),
            ("和平里第四小学", UnitType.School, 0),
            ("国网北京东城供电公司", UnitType.StateEnterprise, 0),
            ("青年湖物业管理有限公司", UnitType.PropertyManagement, 0),
            ("青年湖北里业主委员会", UnitType.OwnersCommittee, 0),
            ("中国邮政和平里营业部", UnitType.StateEnterprise, 1),
            ("安德里社区卫生服务站", UnitType.Hospital, 1),
            ("北京华信科技有限公司", UnitType.PrivateEnterprise, 1),
            ("安德物业服务有限公司", UnitType.PropertyManagement, 1),
            ("东城区消防救援支队和平里站", UnitType.Military, 1),
        };
        var units = new List<CoBuildingUnit>();
        foreach (var spec in unitSpecs)
        {
            var org = new PartyOrganization { Name = $"{spec.Name}党支部", Level = PartyOrganizationLevel.Branch, SecretaryName = PersonName(random) };
            db.PartyOrganizations.Add(org);
            var unit = new CoBuildingUnit
            {
                Street = street,
                Community = spec.Community >= 0 ? communities[spec.Community] : null,
                Name = spec.Name,
                Type = spec.Type,
                PartyOrganization = org,
                Address = spec.Community >= 0 ? communities[spec.Community].Address : "和平里中街 15 号",
            };
            units.Add(unit);
        }
        db.Units.AddRange(units);

        // People: residents and in-service Party members who live here and work at a co-building unit.
        var people = new List<Person>();
        foreach (var household in households.Where((_, i) => i % 3 == 0))
        {
            var grid = household.Building!.Grid!;
            var isMember = random.Next(4) == 0;
            var homeUnit = isMember ? units[random.Next(units.Count)] : null;
            people.Add(new Person
            {
                Name = PersonName(random),
                Phone = MobilePhone(random),
                IsPartyMember = isMember,
                HomeUnit = homeUnit,
                HomePartyOrganization = homeUnit?.PartyOrganization,
                ResidenceCommunity = grid.Community,
                Grid = grid,
                Household = household,
                Skills = isMember ? Skills[random.Next(Skills.Length)] : null,
            });
        }
        db.People.AddRange(people);
        LinkOwnerOccupiers(db, people);
        await db.SaveChangesAsync(ct);
        // Leaders and liaisons work at their unit (Person -> Unit) and the unit points back at them: a second save breaks the cycle.
        foreach (var unit in units)
        {
            var leader = new Person { Name = PersonName(random), Phone = MobilePhone(random), IsPartyMember = true, HomeUnit = unit, HomePartyOrganization = unit.PartyOrganization };
            var liaison = new Person { Name = PersonName(random), Phone = MobilePhone(random), IsPartyMember = true, HomeUnit = unit, HomePartyOrganization = unit.PartyOrganization };
            db.People.AddRange(leader, liaison);
            unit.AppointStaff(leader, liaison);
        }
        await db.SaveChangesAsync(ct);

        await SeedAccountsAsync(db, street, communities, grids, units, people, ct);
        await SeedAnnouncementsAsync(db, communities, ct);
        await Lists.Demo.WorkItemDemoSeeder.SeedAsync(db, DateTime.UtcNow, ct);
        await Councils.Demo.CouncilDemoSeeder.SeedAsync(db, DateTime.UtcNow, ct);
        await Deliberation.Demo.DeliberationDemoSeeder.SeedAsync(db, DateTime.UtcNow, ct);
    }

    /// <summary>
    /// Most residents own the flat they live in: where a person lives in a flat whose one owner is an individual holding
    /// no other unit, that owner is the person (their name and phone), so they vote in owners' votes as themselves.
    /// The owners are not saved yet, so their record is set before it is first stored.
    /// </summary>
    private static void LinkOwnerOccupiers(PortalDbContext db, List<Person> people)
    {
        var ownerships = db.ChangeTracker.Entries<HouseholdOwnership>().Select(e => e.Entity).ToList();
        var unitsOf = ownerships.GroupBy(o => o.Owner!).ToDictionary(g => g.Key, g => g.Count());
        var ownersOf = ownerships.GroupBy(o => o.Household!).ToDictionary(g => g.Key, g => g.Select(o => o.Owner!).ToList());
        foreach (var person in people)
        {
            if (person.Household is not { } home || !ownersOf.TryGetValue(home, out var owners)) continue;
            if (owners is not [{ Kind: OwnerKind.Individual } owner] || unitsOf[owner] != 1 || owner.Person is not null) continue;
            var entry = db.Entry(owner);
            entry.Reference(o => o.Person).CurrentValue = person;
            entry.Property(o => o.Name).CurrentValue = person.Name;
            entry.Property(o => o.Phone).CurrentValue = person.Phone;
        }
    }

    public static readonly (string UserName, string Roles)[] DemoAccounts =
    [
        ("admin", "街道管理员 street administrator"),
        ("secretary", "社区书记 community secretary (青年湖社区)"),
        ("liaison", "单位联络员 unit liaison (东城区第二人民医院)"),
        ("member", "党员 Party member (青年湖社区)"),
        ("gridworker", "网格员 grid worker (青年湖社区第一网格)"),
        ("resident", "居民 resident (青年湖社区)"),
        ("resident2", "居民 resident (安德里社区)"),
    ];

    /// <summary>Prints the demo accounts to the console so that whoever started the portal can sign in.</summary>
    public void PrintAccounts()
    {
        var password = configuration["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;
        Console.WriteLine();
        Console.WriteLine("Demo accounts (password from Demo:Password: " + password + "):");
        foreach (var (userName, roles) in DemoAccounts)
            Console.WriteLine($"  {userName,-11} {roles}");
        Console.WriteLine();
    }

    private async Task SeedAccountsAsync(PortalDbContext db, Street street, List<Community> communities, List<Grid> grids,
        List<CoBuildingUnit> units, List<Person> people, CancellationToken ct)
    {
        var password = configuration["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;
        var member = people.First(x => x.IsPartyMember && x.ResidenceCommunity == communities[0]);
        var resident = people.First(x => !x.IsPartyMember && x.ResidenceCommunity == communities[0]);
        var resident2 = people.First(x => !x.IsPartyMember && x.ResidenceCommunity == communities[1]);
        // Staff accounts are people in the directory too: the street office's administrator, the secretary, the grid worker.
        var administrator = new Person { Name = "郑建国", Phone = "13801010001", IsPartyMember = true, Skills = "基层治理" };
        var secretary = new Person { Name = "刘红梅", Phone = "13801010002", IsPartyMember = true, ResidenceCommunity = communities[0], Skills = "群众工作,调解" };
        var gridWorker = new Person { Name = "孙志强", Phone = "13801010003", IsPartyMember = false, ResidenceCommunity = grids[0].Community, Grid = grids[0], Skills = "网格巡查" };
        db.People.AddRange(administrator, secretary, gridWorker);
        await db.SaveChangesAsync(ct);
        var accounts = new (string UserName, string DisplayName, int? PersonId, ScopedRole[] Roles)[]
        {
            ("admin", "郑建国（街道管理员）", administrator.Id, [new(PortalRole.StreetAdministrator, ScopeKind.Street, street.Id)]),
            ("secretary", "刘红梅（社区书记）", secretary.Id, [new(PortalRole.CommunitySecretary, ScopeKind.Community, communities[0].Id), new(PortalRole.CouncilMember, ScopeKind.Community, communities[0].Id)]),
            ("liaison", $"{units[1].Liaison!.Name}（联络员）", units[1].LiaisonPersonId, [new(PortalRole.UnitLiaison, ScopeKind.Unit, units[1].Id)]),
            ("member", member.Name, member.Id, [new(PortalRole.PartyMember, ScopeKind.Community, communities[0].Id), new(PortalRole.Resident, ScopeKind.Community, communities[0].Id)]),
            ("gridworker", "孙志强（网格员）", gridWorker.Id, [new(PortalRole.GridWorker, ScopeKind.Grid, grids[0].Id)]),
            ("resident", resident.Name, resident.Id, [new(PortalRole.Resident, ScopeKind.Community, communities[0].Id)]),
            ("resident2", resident2.Name, resident2.Id, [new(PortalRole.Resident, ScopeKind.Community, communities[1].Id)]),
        };

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var account in accounts)
        {
            var user = new PortalUser { UserName = account.UserName, DisplayName = account.DisplayName, PersonId = account.PersonId };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {account.UserName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            db.RoleAssignments.AddRange(account.Roles.Select(r => new UserRoleAssignment { UserId = user.Id, Role = r.Role, Scope = r.Scope, ScopeId = r.ScopeId }));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedAnnouncementsAsync(PortalDbContext db, List<Community> communities, CancellationToken ct)
    {
        var secretaryId = await db.Users.Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync(ct);
        var now = DateTime.UtcNow;
        db.Announcements.AddRange(
            new Announcement
            {
                CommunityId = communities[0].Id, Title = "关于召开第四季度党建联席会议的通知", IsPinned = true,
                BodyMarkdown = "各共建单位：\n\n定于**12月5日（周五）下午2:30**在社区党群服务中心二楼会议室召开第四季度党建联席会议。\n\n请各单位于**11月25日前**通过平台提交议题及需求、资源清单。\n\n青年湖社区党委",
                Status = AnnouncementStatus.Published, PublishedAtUtc = now.AddDays(-2), AuthorUserId = secretaryId, AuthorName = "刘红梅",
            },
            new Announcement
            {
                CommunityId = communities[0].Id, Title = "冬季供暖设施检修安排",
                BodyMarkdown = "青年湖物业将于本周对 1–6 号楼供暖管线进行检修，检修期间请居民注意：\n\n- 检修时间：每日 9:00–17:00\n- 如有漏水请拨打物业值班电话 010-64213355",
                Status = AnnouncementStatus.Published, PublishedAtUtc = now.AddDays(-5), AuthorUserId = secretaryId, AuthorName = "刘红梅",
            },
            new Announcement
            {
                CommunityId = communities[1].Id, Title = "安德里社区“双报到”党员志愿服务招募",
                BodyMarkdown = "社区现招募在职党员志愿者参与**周末环境整治**和**老年人助餐**服务，欢迎报名。",
                Status = AnnouncementStatus.Published, PublishedAtUtc = now.AddDays(-1), AuthorUserId = secretaryId, AuthorName = "安德里社区党委",
            });
        await db.SaveChangesAsync(ct);
    }

    private static string PersonName(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    private static string MobilePhone(Random random) => "1" + "3589"[random.Next(4)] + random.Next(100_000_000, 999_999_999).ToString();

    private static string ChineseNumber(int n) => "零一二三四五六七八九十"[n].ToString();
}

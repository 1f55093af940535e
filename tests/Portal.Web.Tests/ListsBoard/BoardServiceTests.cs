using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Directory;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Board;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.ListsBoard;

/// <summary>
/// The public board of the real portal (real database, access policy and pages): who may read which community's board,
/// that nothing personal reaches its view models or its rendered HTML, that only published items appear, and that the
/// commitment assessment shows the right totals and grades.
/// </summary>
public sealed class BoardServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<BoardService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<BoardService>()));

    private Task<T> Db<T>(Func<PortalDbContext, Task<T>> query) => TestAccounts.DbAsync(Host, query);

    private Task<int> CommunityAsync(int index) =>
        Db(db => db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    /// <summary>Adds a work item of community 0 (or the given one), walked through the lifecycle by <paramref name="steps"/>.</summary>
    private Task<int> AddAsync(WorkItemKind kind, string title, bool isPublic, Action<WorkItem>? setUp = null, int communityIndex = 0,
        params WorkItemAction[] steps) => AddOwnedAsync(kind, title, isPublic, null, null, setUp, communityIndex, steps);

    /// <summary>As <see cref="AddAsync"/>, owned by <paramref name="ownerUnitId"/> and due at <paramref name="dueAtUtc"/> from the start.</summary>
    private async Task<int> AddOwnedAsync(WorkItemKind kind, string title, bool isPublic, int? ownerUnitId, DateTime? dueAtUtc,
        Action<WorkItem>? setUp, int communityIndex, params WorkItemAction[] steps)
    {
        var community = await CommunityAsync(communityIndex);
        var now = DateTime.UtcNow;
        var item = new WorkItem
        {
            Kind = kind, Title = title, Category = WorkItemCategories.Safety, CommunityId = community, RaisedByName = "测试",
            RaisedAtUtc = now.AddDays(-3), IsPublic = isPublic, IsShared = true, OwnerUnitId = ownerUnitId, DueAtUtc = dueAtUtc,
            // Every project and commitment has its kind's row, as the factories and the migration make sure.
            Project = kind == WorkItemKind.Project ? new ProjectDetails() : null,
            Commitment = kind == WorkItemKind.Commitment ? new CommitmentDetails { Type = CommitmentType.Annual, Year = now.Year } : null,
        };
        setUp?.Invoke(item);
        return await SaveAsync(item, now, steps);
    }

    /// <summary>Walks the item through <paramref name="steps"/> and stores it.</summary>
    private Task<int> SaveAsync(WorkItem item, DateTime now, params WorkItemAction[] steps) => Db(async db =>
    {
        foreach (var step in steps)
            Assert.True(item.Apply(step, now, step == WorkItemAction.Rate ? Satisfaction.Satisfied : null).Allowed, $"{step} from {item.Status}");
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(Ct);
        return item.Id;
    });

    private static readonly StepActor Secretary = new(null, "测试");

    private static readonly WorkItemAction[] ToAssessed =
        [WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.ReportBack, WorkItemAction.Rate];

    private Task<HttpClient> SignedInAsync(string user) => PortalClient.SignedInAsync(Host.BaseAddress, user);

    [Fact]
    public async Task A_resident_sees_their_own_communitys_board_and_is_refused_another_communitys()
    {
        var own = await CommunityAsync(0);
        var other = await CommunityAsync(1);

        var choices = await As("resident", s => s.CommunitiesAsync(Ct));
        Assert.Equal(own, choices.DefaultId);
        Assert.Equal([own], choices.Communities.Select(c => c.Id));

        var summary = await As("resident", s => s.SummaryAsync(own, Ct));
        Assert.NotNull(summary);
        Assert.Equal(DemoDataSeeder.CommunityNames[0], summary.CommunityName);
        Assert.True(summary.NeedsPublished > 0 && summary.CommitmentsPublished > 0, "the demo data publishes needs and commitments");
        Assert.NotNull(await As("resident", s => s.NeedsAsync(own, new BoardQuery(), Ct)));

        Assert.Null(await As("resident", s => s.SummaryAsync(other, Ct)));
        Assert.Null(await As("resident", s => s.NeedsAsync(other, new BoardQuery(), Ct)));
        Assert.Null(await As("resident", s => s.ProjectsAsync(other, new BoardQuery(), Ct)));
        Assert.Null(await As("resident", s => s.CommitmentsAsync(other, new BoardQuery(), Ct)));
        // The other community's resident sees theirs, and not this one.
        Assert.NotNull(await As("resident2", s => s.SummaryAsync(other, Ct)));
        Assert.Null(await As("resident2", s => s.CommitmentsAsync(own, new BoardQuery(), Ct)));
        // A street administrator may look at every community's board and is offered the choice.
        Assert.True((await As("admin", s => s.CommunitiesAsync(Ct))).Communities.Count > 1);

        // Through the page: the other community's board is refused, with none of its items.
        using var client = await SignedInAsync("resident");
        var refused = await client.GetStringAsync($"/lists/board?community={other}", Ct);
        Assert.Contains("data-testid=\"board-refused\"", refused);
        Assert.DoesNotContain("data-testid=\"board-need\"", refused);
        var mine = WebUtility.HtmlDecode(await client.GetStringAsync("/lists/board", Ct));
        Assert.Contains("data-testid=\"board-need\"", mine);
        Assert.Contains(DemoDataSeeder.CommunityNames[0], mine);
        Assert.DoesNotContain("data-testid=\"board-refused\"", mine);

        // Signed out: the sign-in page, not the board.
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);
        using var response = await anonymous.GetAsync("/lists/board", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Neither_the_view_models_nor_the_page_carry_raisers_requesters_addresses_descriptions_or_member_names()
    {
        var community = await CommunityAsync(0);
        var grid = await Db(db => db.RoleAssignments
            .Where(r => r.Role == Portal.Domain.Access.PortalRole.GridWorker && db.Users.Any(u => u.Id == r.UserId && u.UserName == "gridworker"))
            .Select(r => r.ScopeId).SingleAsync(Ct));
        const string address = "幸福里小区隐私楼7号楼3单元501室";
        const string phone = "13987654321";
        const string secretDetail = "独居老人隐私说明";
        var title = Unique("公示测试楼道扶手损坏");

        // A grid worker enters the need on the resident's behalf; the secretary makes it shared and public and dispatches it.
        var raised = await TestAccounts.AsAsync(Host, "gridworker", s => s.GetRequiredService<WorkItemService>().RaiseAsync(new RaiseNeedForm
        {
            Title = title, Description = $"{secretDetail}，联系电话 {phone}", Category = WorkItemCategories.ElderlyCare,
            CommunityId = community, GridId = grid, Address = address, Channel = RaiseChannel.DoorKnocking, RequesterUserName = "resident",
        }, Ct));
        Assert.True(raised.Succeeded, Host.TextOf(raised));
        var need = await Db(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == raised.Id, Ct));
        var hospital = await Db(db => db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct));
        var triaged = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<WorkItemService>().TriageAsync(need.Id, need.Version, true, true, ct: Ct));
        Assert.True(triaged.Succeeded, Host.TextOf(triaged));
        var version = await Db(db => db.WorkItems.Where(w => w.Id == need.Id).Select(w => w.Version).SingleAsync(Ct));
        var dispatched = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<WorkItemService>()
            .DispatchAsync(need.Id, version, hospital, Urgency.General, ct: Ct));
        Assert.True(dispatched.Succeeded, Host.TextOf(dispatched));
        var requesterName = await Db(db => db.Users.Where(u => u.UserName == "resident").Select(u => u.DisplayName).SingleAsync(Ct));

        // A Party member's published commitment, filed under their branch.
        var memberName = Unique("践诺党员");
        var branch = await Db(db => db.PartyOrganizations.Where(o => o.CommunityId == community).Select(o => new { o.Id, o.Name }).FirstAsync(Ct));
        var memberId = await Db(async db =>
        {
            var person = new Person { Name = memberName, Phone = phone, IsPartyMember = true, ResidenceCommunityId = community };
            db.People.Add(person);
            await db.SaveChangesAsync(Ct);
            return person.Id;
        });
        var commitmentTitle = Unique("公示测试承诺为老服务");
        var now = DateTime.UtcNow;
        var made = WorkItem.NewCommitment(commitmentTitle, $"{memberName}承诺：{secretDetail}", WorkItemCategories.Safety, community, branch.Id,
            CommitmentType.Annual, 2026, null, memberId, now.AddDays(30), new StepActor(null, memberName), now.AddDays(-3));
        Assert.Null(made.Triage(Secretary, now, isShared: true, isPublic: true));
        Assert.Null(made.PublishCommitment(Secretary, now));
        await SaveAsync(made, now);

        var personal = new[] { need.RaisedByName, requesterName, address, phone, secretDetail, memberName };
        Assert.All(personal, p => Assert.False(string.IsNullOrWhiteSpace(p)));

        // The view models: found, and nothing personal in them.
        var needs = await As("member", s => s.NeedsAsync(community, new BoardQuery(title), Ct));
        var row = Assert.Single(needs!.Items);
        Assert.Equal((title, WorkItemStatus.Dispatched, "东城区第二人民医院", WorkItemKind.Need), (row.Title, row.Status, row.OwnerUnitName, row.Kind));
        Assert.NotNull(row.GridName);
        var commitments = await As("member", s => s.CommitmentsAsync(community, new BoardQuery(commitmentTitle), Ct));
        var commitment = Assert.Single(commitments!.Items);
        Assert.True(commitment.ByMember);
        Assert.Equal(branch.Name, commitment.OrganizationName);
        var models = JsonSerializer.Serialize(new object[]
        {
            needs, commitments,
            (await As("member", s => s.NeedsAsync(community, new BoardQuery(Take: 50), Ct)))!,
            (await As("member", s => s.CommitmentsAsync(community, new BoardQuery(Take: 50), Ct)))!,
            (await As("member", s => s.ProjectsAsync(community, new BoardQuery(Take: 50), Ct)))!,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(title, models);
        Assert.Contains(commitmentTitle, models);
        Assert.All(personal, p => Assert.DoesNotContain(p, models));

        // The rendered page, as another member of the community sees it.
        using var client = await SignedInAsync("member");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/lists/board?community={community}", Ct));
        Assert.Contains(title, html);
        Assert.Contains(commitmentTitle, html);
        Assert.Contains("党员承诺", html);
        Assert.All(personal, p => Assert.DoesNotContain(p, html));
    }

    [Fact]
    public async Task Unpublished_and_rejected_needs_and_commitments_are_absent_and_the_figures_count_only_published_ones()
    {
        var community = await CommunityAsync(0);
        var before = (await As("resident", s => s.SummaryAsync(community, Ct)))!;
        var tag = Unique("未公示测试");

        await SaveAsync(new WorkItem
        {
            Kind = WorkItemKind.Need, Title = tag + "刚提交", Category = WorkItemCategories.Safety, CommunityId = community, RaisedByName = "测试",
            RaisedAtUtc = DateTime.UtcNow.AddDays(-3),
        }, DateTime.UtcNow);
        await AddAsync(WorkItemKind.MicroWish, tag + "不公开微心愿", isPublic: false, null, 0, WorkItemAction.Triage);
        await AddAsync(WorkItemKind.Need, tag + "已驳回", isPublic: true, null, 0, WorkItemAction.Triage, WorkItemAction.Reject);
        await AddAsync(WorkItemKind.Commitment, tag + "待审核承诺", isPublic: false);
        await AddAsync(WorkItemKind.Commitment, tag + "审核通过未公示", isPublic: false, null, 0, WorkItemAction.Triage);
        await AddAsync(WorkItemKind.Commitment, tag + "不予通过", isPublic: false, null, 0, WorkItemAction.Reject);
        await AddAsync(WorkItemKind.Project, tag + "内部项目", isPublic: false, null, 0, WorkItemAction.Triage);
        // Published ones of another community do not show here either.
        await AddAsync(WorkItemKind.Need, tag + "别的社区", isPublic: true, null, 1, WorkItemAction.Triage);
        var published = await AddAsync(WorkItemKind.MicroWish, tag + "已公示微心愿", isPublic: true, null, 0, WorkItemAction.Triage);
        var fulfilled = await AddAsync(WorkItemKind.Commitment, tag + "已兑现承诺", isPublic: true,
            c => (c.Commitment!.MemberScore, c.Commitment!.ResidentScore, c.Commitment!.OrganizationScore) = (90, 90, 90), 0, ToAssessed);

        var query = new BoardQuery(tag, Take: 50);
        var needs = (await As("resident", s => s.NeedsAsync(community, query, Ct)))!;
        Assert.Equal([published], needs.Items.Select(n => n.Id));
        Assert.Equal(1, needs.Total);
        var commitments = (await As("resident", s => s.CommitmentsAsync(community, query, Ct)))!;
        Assert.Equal([fulfilled], commitments.Items.Select(c => c.Id));
        Assert.Empty((await As("resident", s => s.ProjectsAsync(community, query, Ct)))!.Items);

        var after = (await As("resident", s => s.SummaryAsync(community, Ct)))!;
        Assert.Equal(before.NeedsPublished + 1, after.NeedsPublished);
        Assert.Equal(before.NeedsResolved, after.NeedsResolved);
        Assert.Equal(before.CommitmentsPublished + 1, after.CommitmentsPublished);
        Assert.Equal(before.CommitmentsFulfilled + 1, after.CommitmentsFulfilled);
        Assert.Equal(before.ProjectsInProgress, after.ProjectsInProgress);
    }

    [Fact]
    public async Task Commitments_show_the_three_scores_with_the_weighted_total_and_grade_once_assessed()
    {
        var community = await CommunityAsync(0);
        var tag = Unique("评诺测试");
        var unit = await Db(db => db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => new { u.Id, u.Name }).SingleAsync(Ct));
        var excellent = await AddOwnedAsync(WorkItemKind.Commitment, tag + "优秀", true, unit.Id, null, c =>
        {
            (c.Commitment!.MemberScore, c.Commitment!.ResidentScore, c.Commitment!.OrganizationScore) = (92, 88, 95);
            c.Commitment!.Type = CommitmentType.AdHoc;
            c.Commitment!.Year = 2026;
        }, 0, [.. ToAssessed, WorkItemAction.Close]);
        var pass = await AddAsync(WorkItemKind.Commitment, tag + "合格", true,
            c => (c.Commitment!.MemberScore, c.Commitment!.ResidentScore, c.Commitment!.OrganizationScore) = (70, 65, 80), 0, ToAssessed);
        var good = await AddAsync(WorkItemKind.Commitment, tag + "良好", true,
            c => (c.Commitment!.MemberScore, c.Commitment!.ResidentScore, c.Commitment!.OrganizationScore) = (75, 80, 70.5m), 0, ToAssessed);
        // Two scores in: not assessed yet, no total shown.
        var pending = await AddAsync(WorkItemKind.Commitment, tag + "待评", true,
            c => (c.Commitment!.MemberScore, c.Commitment!.ResidentScore) = (99, 99), 0, WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.ReportBack);

        var rows = (await As("resident", s => s.CommitmentsAsync(community, new BoardQuery(tag, Take: 50), Ct)))!.Items.ToDictionary(r => r.Id);
        Assert.Equal(4, rows.Count);

        var a = rows[excellent].Assessment!;
        // 92×0.3 + 88×0.4 + 95×0.3 = 27.6 + 35.2 + 28.5 = 91.3
        Assert.Equal((92m, 88m, 95m, 91.3m, CommitmentGrade.Excellent), (a.MemberScore, a.ResidentScore, a.OrganizationScore, a.Total, a.Grade));
        Assert.Equal((unit.Name, false, CommitmentType.AdHoc, 2026, WorkItemStatus.Closed),
            (rows[excellent].OrganizationName, rows[excellent].ByMember, rows[excellent].Type, rows[excellent].Year, rows[excellent].Status));
        // 70×0.3 + 65×0.4 + 80×0.3 = 21 + 26 + 24 = 71
        Assert.Equal((71m, CommitmentGrade.Pass), (rows[pass].Assessment!.Total, rows[pass].Assessment!.Grade));
        // 75×0.3 + 80×0.4 + 70.5×0.3 = 22.5 + 32 + 21.15 = 75.65 → 75.7
        Assert.Equal((75.7m, CommitmentGrade.Good), (rows[good].Assessment!.Total, rows[good].Assessment!.Grade));
        Assert.Null(rows[pending].Assessment);
        Assert.Equal(WorkItemStatus.Reported, rows[pending].Status);

        // The page writes the same totals and grades.
        using var client = await SignedInAsync("resident");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/lists/board", Ct));
        // The newest annual-year commitment comes first, so it is on the first page.
        var shown = Regex.Match(html, $"data-id=\"{excellent}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(shown.Success, "the assessed commitment is on the board's first page");
        Assert.Contains("综合 91.3 分", shown.Value);
        Assert.Contains("优秀", shown.Value);
        Assert.Contains("党员 92 · 群众 88 · 组织 95", shown.Value);
        Assert.Contains(unit.Name, shown.Value);
    }

    [Fact]
    public async Task Public_projects_show_their_units_progress_and_milestones_and_private_ones_do_not()
    {
        var community = await CommunityAsync(0);
        var tag = Unique("项目公示测试");
        var units = await Db(db => db.Units.Where(u => u.CommunityId == community || u.CommunityId == null).OrderBy(u => u.Id).Take(3)
            .Select(u => new { u.Id, u.Name }).ToListAsync(Ct));
        var milestones = new[] { (Weight: 1m, Done: 100m), (Weight: 1m, Done: 50m), (Weight: 2m, Done: 0m) };
        var project = await AddOwnedAsync(WorkItemKind.Project, tag + "加装电梯", true, units[0].Id, DateTime.UtcNow.AddDays(60), p =>
        {
            p.CoOwners = [new WorkItemCoOwner { UnitId = units[1].Id }, new WorkItemCoOwner { UnitId = units[2].Id }];
            p.Milestones = milestones.Select((m, i) => new Milestone { Title = "阶段" + i, Weight = m.Weight, PercentDone = m.Done, SortOrder = i }).ToList();
            p.Project!.ProgressPercent = ProgressRollUp.Percent(milestones.Select(m => new MilestoneProgress(m.Weight, m.Done)));
        }, 0, WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept);
        await AddAsync(WorkItemKind.Project, tag + "未公开", false, null, 0, WorkItemAction.Triage);

        var page = (await As("resident", s => s.ProjectsAsync(community, new BoardQuery(tag), Ct)))!;
        var row = Assert.Single(page.Items);
        Assert.Equal(project, row.Id);
        Assert.Equal(units[0].Name, row.LeadUnitName);
        Assert.Equal(new[] { units[1].Name, units[2].Name }.Order(), row.CoUnitNames.Order());
        // (1×100 + 1×50 + 2×0) / 4 = 37.5 → the roll-up's rounding
        Assert.Equal(ProgressRollUp.Percent(milestones.Select(m => new MilestoneProgress(m.Weight, m.Done))), row.ProgressPercent);
        Assert.Equal((1, 3, WorkItemStatus.InProgress), (row.MilestonesDone, row.MilestonesTotal, row.Status));

        var summary = (await As("resident", s => s.SummaryAsync(community, Ct)))!;
        Assert.True(summary.ProjectsInProgress >= 1);
        Assert.NotNull(summary.AverageProgress);
    }
}

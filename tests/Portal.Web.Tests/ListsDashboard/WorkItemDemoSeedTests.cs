using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Board;
using Portal.Web.Features.Lists.Deadlines;
using Portal.Web.Features.Lists.Demo;
using Portal.Web.Features.Lists.Projects;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Authorization;

namespace Portal.Web.Tests.ListsDashboard;

/// <summary>The lists' demo year as the portal seeds it on a fresh database: volumes, statuses and consistent histories.</summary>
public sealed class WorkItemDemoSeedTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PortalDbContext> DbAsync() =>
        await server.Portal.NewDbContextAsync(Ct);

    [Fact]
    public async Task Both_communities_get_a_year_of_needs_in_every_status_with_overdue_open_items()
    {
        await using var db = await DbAsync();
        var now = DateTime.UtcNow;
        var communities = await db.Communities.Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(2, communities.Count);
        foreach (var community in communities)
        {
            var needs = await db.WorkItems.Where(w => w.CommunityId == community && (w.Kind == WorkItemKind.Need || w.Kind == WorkItemKind.MicroWish)).ToListAsync(Ct);
            Assert.Equal(WorkItemDemoSeeder.NeedsPerCommunity, needs.Count);
            Assert.All(Enum.GetValues<WorkItemStatus>(), s => Assert.Contains(needs, n => n.Status == s));
            Assert.Contains(needs, n => n.Kind == WorkItemKind.MicroWish);
            Assert.True(needs.Select(n => n.Category).Distinct().Count() >= 8);
            Assert.True(needs.Select(n => n.Channel).Distinct().Count() >= 4);
            Assert.True(needs.Select(n => n.GridId).Distinct().Count() >= 2);
            // A year: the oldest is 10–12 months old, the newest days.
            Assert.InRange(now - needs.Min(n => n.RaisedAtUtc), TimeSpan.FromDays(250), TimeSpan.FromDays(366));
            Assert.All(needs, n => Assert.True(n.RaisedAtUtc <= now));
            Assert.Contains(needs, n => n.WasClaimed && n.OwnerUnitId is not null);
            Assert.Contains(needs, n => n.WasClaimed && n.OwnerPersonId is not null);
            Assert.Contains(needs, n => n.Rating == Satisfaction.Satisfied);
            Assert.Contains(needs, n => n.Rating == Satisfaction.FairlySatisfied);
            Assert.Contains(needs, n => n.ReopenCount > 0);
            var overdueOpen = needs.Where(n => WorkItemWorkflow.IsOpen(n.Status) && n.OwnerUnitId is not null && n.DueAtUtc < now).ToList();
            Assert.NotEmpty(overdueOpen);
            var loads = WorkItemMetrics.ByOwnerUnit(needs.Select(n => new WorkItemFacts(n.Id, n.Kind, n.Status, n.OwnerUnitId, n.IsPublic, n.RaisedAtUtc,
                n.DispatchedAtUtc, n.DueAtUtc, n.AcceptedAtUtc, n.WasClaimed, n.ReportedAtUtc, n.Rating, n.RatedAtUtc, n.ClosedAtUtc)), now, DeadlineRules.Default);
            Assert.Contains(loads, l => l.UnitId is not null && l.Overdue > 0);
            // Some are due soon right after seeding, so the dashboard's "due soon" column is not empty on first run.
            Assert.True(loads.Sum(l => l.DueSoon) >= 3, $"due soon: {loads.Sum(l => l.DueSoon)}");

            Assert.Equal(WorkItemDemoSeeder.ProjectsPerCommunity, await db.WorkItems.CountAsync(w => w.CommunityId == community && w.Kind == WorkItemKind.Project, Ct));
            Assert.Equal(WorkItemDemoSeeder.CommitmentsPerCommunity, await db.WorkItems.CountAsync(w => w.CommunityId == community && w.Kind == WorkItemKind.Commitment && w.Commitment!.Year > 0, Ct));
            Assert.True(await db.WorkItems.AnyAsync(w => w.CommunityId == community && w.Kind == WorkItemKind.Commitment && w.Commitment!.MemberScore != null && w.Commitment!.ResidentScore != null && w.Commitment!.OrganizationScore != null, Ct));
            var rules = await db.DeadlineRuleSets.SingleAsync(r => r.CommunityId == community, Ct);
            Assert.Equal(1, rules.VersionNumber);
            Assert.Equal(DeadlineRules.Default, rules.ToRules());
        }
    }

    [Fact]
    public async Task What_a_demo_account_raised_or_rated_names_the_account_s_own_person()
    {
        await using var db = await DbAsync();
        var accounts = await db.Users.Where(u => u.PersonId != null)
            .Join(db.People, u => u.PersonId, p => p.Id, (u, p) => new { u.Id, u.UserName, Person = p.Name, p.GridId })
            .ToDictionaryAsync(a => a.Id, Ct);
        var items = await db.WorkItems.Include(w => w.Events)
            .Where(w => w.RaisedByUserId != null || w.RequesterUserId != null).AsSplitQuery().ToListAsync(Ct);
        // The residents' own needs ("my needs") are among them.
        Assert.Contains(items, w => w.RequesterUserId is { } r && accounts[r].UserName == "resident");
        foreach (var item in items)
        {
            if (item.RaisedByUserId is { } raiser)
                Assert.True(accounts[raiser].Person == item.RaisedByName,
                    $"{item.Title}: raised by {accounts[raiser].UserName} ({accounts[raiser].Person}) but shows {item.RaisedByName}");
            if (item.RequesterUserId is { } requester)
            {
                var account = accounts[requester];
                Assert.True(account.Person == item.RaisedByName, $"{item.Title}: requested by {account.UserName} ({account.Person}) but shows {item.RaisedByName}");
                Assert.Equal(account.GridId, item.GridId);
            }
            foreach (var e in item.Events.Where(e => e.ActorUserId is not null))
                Assert.True(accounts[e.ActorUserId!].Person == e.ActorName || e.ActorName.StartsWith(accounts[e.ActorUserId!].Person, StringComparison.Ordinal),
                    $"{item.Title}: {e.Action} by {accounts[e.ActorUserId!].UserName} ({accounts[e.ActorUserId!].Person}) shows {e.ActorName}");
        }
    }

    [Fact]
    public async Task Resources_and_projects_are_linked_and_progress_rolls_up()
    {
        await using var db = await DbAsync();
        var resources = await db.Resources.ToListAsync(Ct);
        Assert.InRange(resources.Count, 20, 30);
        Assert.Equal(await db.Units.CountAsync(Ct), resources.Select(r => r.UnitId).Distinct().Count());
        var committed = await db.ProjectResources.ToListAsync(Ct);
        Assert.NotEmpty(committed);
        foreach (var resource in resources)
        {
            Assert.Equal(committed.Where(c => c.ResourceId == resource.Id).Sum(c => c.Quantity), resource.CommittedCapacity);
            Assert.True(resource.CommittedCapacity <= resource.Capacity);
        }
        Assert.Contains(resources, r => r.CommittedCapacity > 0);
        var projects = await db.WorkItems.Where(w => w.Kind == WorkItemKind.Project).Include(w => w.Milestones).ToListAsync(Ct);
        Assert.Equal(8, projects.Count);
        foreach (var project in projects)
        {
            Assert.NotEmpty(project.Milestones);
            Assert.Equal(ProgressRollUp.Percent(project.Milestones.Select(m => new MilestoneProgress(m.Weight, m.PercentDone))), project.Project!.ProgressPercent);
            Assert.True(await db.WorkItems.AnyAsync(w => w.ProjectId == project.Id, Ct));
            Assert.Contains(committed, c => c.ProjectId == project.Id);
        }
        Assert.Contains(projects, p => p.Status == WorkItemStatus.Closed);
        Assert.Contains(projects, p => p.Project!.ProgressPercent is > 0 and < 100);
    }

    [Fact]
    public async Task An_open_project_past_its_deadline_reads_overdue_on_its_page_and_in_the_lists()
    {
        await using var db = await DbAsync();
        var now = DateTime.UtcNow;
        var late = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkItemKind.Project && w.DueAtUtc < now && (w.Status == WorkItemStatus.Dispatched || w.Status == WorkItemStatus.InProgress))
            .ToListAsync(Ct);
        Assert.Contains(late, p => p.Title == "邻里法律服务驿站");
        var admin = await server.SignedInAsync("admin");
        foreach (var project in late)
        {
            var page = await admin.GetStringAsync($"/lists/projects/{project.Id}", Ct);
            Assert.Contains("data-testid=\"project-overdue\"", page);

            // The project list, its page and the public board read it overdue.
            var rows = await TestAccounts.AsAsync(server.Portal, "admin", s => s.GetRequiredService<ProjectService>().ListAsync(new ProjectQuery(Take: 200), Ct));
            Assert.True(rows.Items.Single(r => r.Id == project.Id).IsOverdue, project.Title);
            var detail = await TestAccounts.AsAsync(server.Portal, "admin", s => s.GetRequiredService<ProjectService>().GetAsync(project.Id, Ct));
            Assert.True(detail!.IsOverdue, project.Title);
            var board = await TestAccounts.AsAsync(server.Portal, "admin",
                s => s.GetRequiredService<BoardService>().ProjectsAsync(project.CommunityId, new BoardQuery(Take: 50), Ct));
            Assert.True(board!.Items.Single(r => r.Id == project.Id).IsOverdue, project.Title);

            // Its history is what the deadline monitor would have written: reminded when due soon and when overdue, then
            // escalated a day later — so the running monitor finds nothing left to do.
            var events = await db.WorkItemEvents.AsNoTracking().Where(e => e.WorkItemId == project.Id && e.IsAutomatic).OrderBy(e => e.AtUtc).ToListAsync(Ct);
            Assert.Equal([WorkItemAction.Chase, WorkItemAction.Chase, WorkItemAction.Escalate], events.Select(e => e.Action));
            Assert.All(events, e => Assert.Equal(DeadlineMonitor.SystemActorName, e.ActorName));
            Assert.InRange(project.EscalatedAtUtc!.Value, project.DueAtUtc!.Value + DeadlineRules.Default.EscalationGrace,
                project.DueAtUtc.Value + DeadlineRules.Default.EscalationGrace + TimeSpan.FromMinutes(2));
            Assert.Null(DeadlineMonitor.StepDue(project, DeadlineRules.Default, DateTimeOffset.UtcNow));
        }
        // Projects on time or done carry no mark.
        var rest = await TestAccounts.AsAsync(server.Portal, "admin", s => s.GetRequiredService<ProjectService>().ListAsync(new ProjectQuery(Take: 200), Ct));
        Assert.All(rest.Items.Where(r => late.All(p => p.Id != r.Id)), r => Assert.False(r.IsOverdue, r.Title));
    }

    [Fact]
    public async Task Every_history_replays_through_the_workflow_to_the_stored_status()
    {
        await using var db = await DbAsync();
        var items = await db.WorkItems.Include(w => w.Events).AsSplitQuery().ToListAsync(Ct);
        var communities = await db.Communities.CountAsync(Ct);
        // The lists' own items, and the councils' tasks (made when their minutes were approved), all replay.
        Assert.Equal(communities * (WorkItemDemoSeeder.NeedsPerCommunity + WorkItemDemoSeeder.CommitmentsPerCommunity + WorkItemDemoSeeder.ProjectsPerCommunity),
            items.Count(i => i.Kind != WorkItemKind.CouncilTask));
        Assert.Contains(items, i => i.Kind == WorkItemKind.CouncilTask);
        foreach (var item in items)
        {
            var status = WorkItemStatus.Raised;
            var at = item.RaisedAtUtc;
            foreach (var e in item.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            {
                Assert.Equal(status, e.FromStatus);
                var result = WorkItemWorkflow.Apply(status, e.Action, e.Rating);
                Assert.True(result.Allowed, $"{item.Title}: {e.Action} from {status}");
                Assert.Equal(result.Status, e.ToStatus);
                Assert.True(e.AtUtc >= at, $"{item.Title}: events in order");
                Assert.False(string.IsNullOrWhiteSpace(e.ActorName));
                status = result.Status;
                at = e.AtUtc;
            }
            Assert.Equal(item.Status, status);
            Assert.True(at <= DateTime.UtcNow);
        }
    }
}

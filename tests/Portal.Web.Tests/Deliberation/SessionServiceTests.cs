using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.ListsDeadlines;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// Sessions and templates through the real services: the shipped procedures seeded once, starting on an accepted matter
/// with a version that serves the community, completing steps by role and with evidence checked against the database,
/// the timeline, overdue sessions, and a revision that running sessions do not see.
/// </summary>
public sealed class SessionServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<SessionService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<T> AsTemplates<T>(string user, Func<TemplateService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<DeliberationSession> SessionAsync(int id) =>
        TestAccounts.DbAsync(Host, db => db.DeliberationSessions.AsNoTracking().SingleAsync(s => s.Id == id, Ct));

    private Task<int> HangzhouAsync() => TestAccounts.DbAsync(Host, db =>
        db.ProcedureTemplates.Where(t => t.Key == ShippedProcedures.Global()[0].Key).Select(t => t.Id).SingleAsync(Ct));

    private async Task<int> StartedAsync(string title, int? templateId = null)
    {
        var matter = await DeliberationTestData.RaisedAsync(Host, "resident", title, accepted: true);
        var template = templateId ?? await HangzhouAsync();
        var started = await As("secretary", s => s.StartAsync(matter, template, Ct));
        Assert.True(started.Succeeded, Host.TextOf(started));
        return started.Id;
    }

    /// <summary>A resident's opinion in the session's open comment window (the first step of 杭州七步法 collects them): evidence of that step.</summary>
    private async Task<int> OpinionAsync(int sessionId)
    {
        var posted = await Host.AsAsync<OpinionService, Result<OpinionRow>>("resident", s => s.PostAsync(sessionId, "建议清理楼道堆物。", Ct));
        Assert.True(posted.Succeeded, Host.TextOf(posted));
        return posted.Id;
    }

    [Fact]
    public async Task The_shipped_procedures_are_stored_once_and_seeding_again_changes_nothing()
    {
        var keys = ShippedProcedures.Global().Select(t => t.Key).ToList();
        async Task<List<ProcedureTemplate>> ShippedAsync() => await TestAccounts.DbAsync(Host, db =>
            db.ProcedureTemplates.AsNoTracking().Where(t => keys.Contains(t.Key)).OrderBy(t => t.Id).ToListAsync(Ct));
        var before = await ShippedAsync();

        var seeder = Host.Services.GetServices<IStartupSeeder>().OfType<ShippedProcedureSeeder>().Single();
        await seeder.SeedAsync(Ct);

        var after = await ShippedAsync();
        Assert.Equal(4, after.Count);
        Assert.Equal(before.Select(t => t.Id), after.Select(t => t.Id));
        Assert.All(after, t => Assert.Null(t.OwnerScope));
        Assert.Equal(ShippedProcedures.Global()[0].Steps, after.Single(t => t.Key == keys[0]).Steps);
    }

    [Fact]
    public async Task A_session_keeps_the_template_version_and_the_secretary_completes_the_first_step()
    {
        var id = await StartedAsync("楼道堆物清理");
        var session = await SessionAsync(id);
        Assert.Equal(("杭州七步议事法", 1, 7, 0), (session.TemplateName, session.TemplateVersion, session.Steps.Length, session.CurrentStepIndex));

        var opinion = await OpinionAsync(id);
        var done = await As("secretary", s => s.CompleteStepAsync(id, session.Version, 0, [new EvidenceRef(Opinions, opinion)], Ct));

        Assert.True(done.Succeeded, Host.TextOf(done));
        var timeline = await As("resident", s => s.TimelineAsync(id, Ct));
        Assert.NotNull(timeline);
        Assert.Equal([TimelineState.Done, TimelineState.Current, TimelineState.Next, TimelineState.Later],
            timeline.Steps.Take(4).Select(s => s.State));
        Assert.Equal("刘红梅（社区书记）", timeline.Steps[0].Done!.ByName);
        Assert.Equal([new EvidenceRef(Opinions, opinion)], timeline.Steps[0].Done!.Evidence);
        // The same in words, as the complete-step dialog names the records: the step's opinions counted.
        Assert.Equal(["意见 1 条"], timeline.Steps[0].Done!.Named.Select(n => Host.TextOf(n.Label)));
        // 出主意 has a 7-day comment window, counted from the first step's completion.
        Assert.Equal(timeline.Steps[0].Done!.AtUtc.AddDays(7), timeline.Steps[1].DueUtc);
        Assert.False(timeline.CanCompleteCurrent);
        Assert.True((await As("secretary", s => s.TimelineAsync(id, Ct)))!.CanCompleteCurrent);
    }

    [Fact]
    public async Task Others_cannot_complete_a_step_and_nothing_changes()
    {
        var id = await StartedAsync("步骤权限");
        var (_, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, other);
        var opinion = await OpinionAsync(id);
        var version = (await SessionAsync(id)).Version;

        var byResident = await As("resident", s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(Opinions, opinion)], Ct));
        var byAdmin = await As("admin", s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(Opinions, opinion)], Ct));
        var byOutsider = await As(outsider, s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(Opinions, opinion)], Ct));
        var noEvidence = await As("secretary", s => s.CompleteStepAsync(id, version, 0, [], Ct));

        Assert.Equal("该步骤须由规程指定的角色完成。", Host.TextOf(byResident));
        Assert.Equal("该步骤须由规程指定的角色完成。", Host.TextOf(byAdmin));
        Assert.Equal(Outcome.NotFound, byOutsider.Outcome);
        Assert.Null(await As(outsider, s => s.TimelineAsync(id, Ct)));
        Assert.Equal("该步骤要求的佐证材料不齐全。", Host.TextOf(noEvidence));
        var session = await SessionAsync(id);
        Assert.Equal((0, version), (session.CurrentStepIndex, session.Version));
        Assert.Empty(session.Completions);
    }

    [Fact]
    public async Task Implementation_records_must_be_closed_work_items_of_the_sessions_community()
    {
        var (home, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var template = await AsTemplates("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "一步落实",
            Steps = [ProcedureStep.Of("落实", PortalRole.CommunitySecretary, null, ImplementationRecord)],
        }, Ct));
        Assert.True(template.Succeeded, Host.TextOf(template));
        var id = await StartedAsync("落实记录", template.Id);
        var version = (await SessionAsync(id)).Version;
        var (open, foreign, closed) = await TestAccounts.DbAsync(Host, async db => (
            await db.WorkItems.Where(w => w.CommunityId == home && w.Status != WorkItemStatus.Closed).Select(w => w.Id).FirstAsync(Ct),
            await db.WorkItems.Where(w => w.CommunityId == other).Select(w => w.Id).FirstAsync(Ct),
            await db.WorkItems.Where(w => w.CommunityId == home && w.Status == WorkItemStatus.Closed).Select(w => (int?)w.Id).FirstOrDefaultAsync(Ct)));

        var notFinal = await As("secretary", s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(ImplementationRecord, open)], Ct));
        var notHere = await As("secretary", s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(ImplementationRecord, foreign)], Ct));
        var missing = await As("secretary", s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(ImplementationRecord, 987_654)], Ct));

        Assert.Equal("佐证材料尚未完成（如任务未销号），不能作为佐证。", Host.TextOf(notFinal));
        Assert.Equal("佐证材料不存在或不属于本社区。", Host.TextOf(notHere));
        Assert.Equal("佐证材料不存在或不属于本社区。", Host.TextOf(missing));
        Assert.Empty((await SessionAsync(id)).Completions);
        Assert.NotNull(closed);
        var done = await As("secretary", s => s.CompleteStepAsync(id, version, 0, [new EvidenceRef(ImplementationRecord, closed.Value)], Ct));
        Assert.True(done.Succeeded, Host.TextOf(done));
        Assert.NotNull((await SessionAsync(id)).FinishedAtUtc);
    }

    [Fact]
    public async Task Starting_needs_a_manager_an_accepted_matter_and_only_once()
    {
        var hangzhou = await HangzhouAsync();
        var raised = await DeliberationTestData.RaisedAsync(Host, "resident", "未受理议题");
        var accepted = await DeliberationTestData.RaisedAsync(Host, "resident", "已受理议题", accepted: true);

        Assert.Equal("议题受理后才能启动议事。", Host.TextOf(await As("secretary", s => s.StartAsync(raised, hangzhou, Ct))));
        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.StartAsync(accepted, hangzhou, Ct))).Outcome);
        Assert.True((await As("secretary", s => s.StartAsync(accepted, hangzhou, Ct))).Succeeded);
        Assert.Equal("该议题的议事已经启动。", Host.TextOf(await As("secretary", s => s.StartAsync(accepted, hangzhou, Ct))));
    }

    [Fact]
    public async Task A_revision_is_a_new_version_that_running_sessions_do_not_see_and_a_stale_one_is_a_conflict()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var v1 = await AsTemplates("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "两步议事",
            Steps = [ProcedureStep.Of("提", PortalRole.CommunitySecretary, null, Opinions), ProcedureStep.Of("定", PortalRole.CommunitySecretary, null, Vote)],
        }, Ct));
        var running = await StartedAsync("修订前启动", v1.Id);

        var v2 = await AsTemplates("secretary", s => s.ReviseAsync(v1.Id, "三步议事",
            [ProcedureStep.Of("提", PortalRole.CommunitySecretary, null, Opinions), ProcedureStep.Of("议", PortalRole.CommunitySecretary, 3, SignInSheet),
             ProcedureStep.Of("定", PortalRole.CommunitySecretary, null, Vote)], Ct));
        var stale = await AsTemplates("secretary", s => s.ReviseAsync(v1.Id, "另一版", [ProcedureStep.Of("提", PortalRole.CommunitySecretary, null, Opinions)], Ct));
        var byResident = await AsTemplates("resident", s => s.ReviseAsync(v2.Id, "居民改", [ProcedureStep.Of("提", PortalRole.Resident, null, Opinions)], Ct));
        var invalid = await AsTemplates("secretary", s => s.ReviseAsync(v2.Id, "无步骤", [], Ct));

        Assert.True(v2.Succeeded, Host.TextOf(v2));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Equal(Outcome.NotFound, byResident.Outcome);
        Assert.Equal("规程至少需要一个步骤。", Host.TextOf(invalid));
        Assert.Equal((1, 2), ((await SessionAsync(running)).TemplateVersion, (await SessionAsync(running)).Steps.Length));
        var offered = await AsTemplates("resident", s => s.ForCommunityAsync(home, Ct));
        var mine = Assert.Single(offered, t => t.Name is "两步议事" or "三步议事");
        Assert.Equal((2, 3, false), (mine.Version, mine.Steps.Count, mine.CanEdit));
        Assert.Equal(4, offered.Count(t => t.OwnerScope is null));
        Assert.Equal(Outcome.NotFound, (await AsTemplates("secretary", s => s.ReviseAsync(offered.First(t => t.OwnerScope is null).Id, "改内置",
            [ProcedureStep.Of("提", PortalRole.CommunitySecretary, null, Opinions)], Ct))).Outcome);
    }

    [Fact]
    public async Task The_list_shows_a_session_past_its_steps_time_limit_as_overdue()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var template = await AsTemplates("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "限时一天",
            Steps = [ProcedureStep.Of("收集意见", PortalRole.CommunitySecretary, 1, Opinions)],
        }, Ct));
        var id = await StartedAsync("限时议题", template.Id);
        var clock = new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(2));

        var later = await Host.AsAsync<IServiceProvider, DeliberationPage<SessionRow>>("resident",
            services => ActivatorUtilities.CreateInstance<SessionService>(services, (TimeProvider)clock).ListAsync(new SessionQuery(home, SessionFilter.Overdue), Ct));
        var now = await As("resident", s => s.ListAsync(new SessionQuery(home, SessionFilter.Overdue), Ct));

        var row = Assert.Single(later.Rows, r => r.Id == id);
        Assert.Equal(("收集意见", true), (row.CurrentStepName, row.IsOverdue));
        Assert.DoesNotContain(now.Rows, r => r.Id == id);
    }
}

using Portal.Web.Features.Lists;
using Portal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Directory;
using Portal.Web.Features.Lists.Projects;
using Portal.Web.Features.Lists.Resources;
using Portal.Web.Kit.Live;
using Portal.Web.Tests.Data;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Notifications;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsResources;

/// <summary>Projects on the real portal: creation from a need with committed capacity, milestones' roll-up, claiming, boundaries.</summary>
public sealed class ProjectServiceTests(ListsServer server) : IClassFixture<ListsServer>
{
    private const string Hospital = "东城区第二人民医院";
    private const string School = "和平里第四小学";

    private async Task<int> ResourceAsync(string title, int capacity, string unit = Hospital)
    {
        var form = new ResourceForm
        {
            UnitId = await server.UnitIdAsync(unit), Kind = ResourceKind.Volunteers, Title = title,
            Categories = [WorkItemCategories.ElderlyCare], Capacity = capacity, CapacityUnit = "人",
        };
        var saved = await server.AsAsync<ResourceService, Result<ResourceForm>>("secretary", s => s.SaveAsync(form));
        Assert.True(saved.Succeeded, string.Join(";", saved.Problems));
        return saved.Id;
    }

    private static DateOnly InAMonth => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

    /// <summary>Creates as the match dialog does: from the need at the version the match showed (now, unless the form has one).</summary>
    private async Task<Result<ProjectEvent>> CreateAsync(string user, ProjectCreateForm form)
    {
        if (form.NeedVersion == Guid.Empty)
        {
            await using var db = await server.DbAsync();
            form.NeedVersion = await db.WorkItems.Where(w => w.Id == form.NeedId).Select(w => w.Version).SingleAsync();
        }
        return await server.AsAsync<ProjectService, Result<ProjectEvent>>(user, s => s.CreateFromNeedAsync(form));
    }

    private async Task<(int Committed, int? NeedProject, int Projects)> StateAsync(int resourceId, int needId)
    {
        await using var db = await server.DbAsync();
        return (await db.Resources.Where(r => r.Id == resourceId).Select(r => r.CommittedCapacity).SingleAsync(),
            await db.WorkItems.Where(w => w.Id == needId).Select(w => w.ProjectId).SingleAsync(),
            await db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.Project));
    }

    [Fact]
    public async Task A_secretary_turns_a_need_and_resources_into_a_project_consuming_capacity_and_it_is_announced()
    {
        var need = await server.AddNeedAsync("老年食堂送餐", WorkItemCategories.ElderlyCare);
        var volunteers = await ResourceAsync("送餐志愿者", 10);
        var community = await server.CommunityIdAsync(0);
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = server.Services.GetRequiredService<LiveEventBus>().Subscribe(ListsChannels.For(community), e =>
        {
            if (e.Type == ProjectEvents.Created) received.TrySetResult(e);
            return Task.CompletedTask;
        });

        var result = await CreateAsync("secretary", new ProjectCreateForm
        {
            NeedId = need, LeadUnitId = await server.UnitIdAsync(Hospital), CoUnitIds = [await server.UnitIdAsync(School)],
            DueDate = InAMonth, BudgetYuan = 5000, Resources = [new ResourcePick { ResourceId = volunteers, Quantity = 4 }],
        });
        Assert.True(result.Succeeded, string.Join(";", result.Problems));

        var (committed, needProject, _) = await StateAsync(volunteers, need);
        Assert.Equal(4, committed);
        Assert.Equal(result.Id, needProject);
        var detail = await server.AsAsync<ProjectService, ProjectDetail?>("secretary", s => s.GetAsync(result.Id));
        Assert.NotNull(detail);
        Assert.Equal(WorkItemStatus.Dispatched, detail.Status);
        Assert.Equal(Hospital, detail.LeadUnit!.Name);
        Assert.Equal(School, Assert.Single(detail.CoUnits).Name);
        Assert.Equal(need, Assert.Single(detail.Needs).Id);
        Assert.Equal(4, Assert.Single(detail.Resources).Quantity);
        await using (var db = await server.DbAsync())
        {
            var events = await db.WorkItemEvents.Where(e => e.WorkItemId == result.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([WorkItemAction.Triage, WorkItemAction.Dispatch], events);
        }

        var live = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(result.Id, live.PayloadAs<ProjectEvent>()!.ProjectId);
        Assert.DoesNotContain("老年食堂", live.Payload.GetRawText());

        // Capacity can no longer go below what the project took.
        var edit = (await server.AsAsync<ResourceService, ResourceForm?>("liaison", s => s.GetForEditAsync(volunteers)))!;
        edit.Capacity = 3;
        var lowered = await server.AsAsync<ResourceService, Result<ResourceForm>>("liaison", s => s.SaveAsync(edit));
        Assert.Equal(Outcome.Invalid, lowered.Outcome);
        Assert.Equal("容量不能低于已承诺给项目的 4 人。", server.Portal.TextOf(lowered, ResourceFields.Capacity));
        edit.Capacity = 4;
        Assert.True((await server.AsAsync<ResourceService, Result<ResourceForm>>("liaison", s => s.SaveAsync(edit))).Succeeded);
    }

    [Fact]
    public async Task Over_committing_any_resource_is_refused_and_nothing_is_saved()
    {
        var need = await server.AddNeedAsync("社区义诊", WorkItemCategories.ElderlyCare);
        var doctors = await ResourceAsync("义诊医生", 5);
        var venue = await ResourceAsync("义诊场地", 2);
        var before = await StateAsync(doctors, need);

        var result = await CreateAsync("secretary", new ProjectCreateForm
        {
            NeedId = need, DueDate = InAMonth,
            Resources = [new ResourcePick { ResourceId = doctors, Quantity = 3 }, new ResourcePick { ResourceId = venue, Quantity = 3 }],
        });
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("“义诊场地”剩余容量只有 2 人，不能超额承诺。", server.Portal.TextOf(result, ProjectFields.Resources));
        Assert.Equal(before, await StateAsync(doctors, need));
        Assert.Equal(0, (await StateAsync(venue, need)).Committed);
    }

    [Fact]
    public async Task A_need_changed_since_it_was_matched_is_a_conflict_and_nothing_is_saved()
    {
        var need = await server.AddNeedAsync("社区理发", WorkItemCategories.ElderlyCare);
        var barbers = await ResourceAsync("理发志愿者", 4);
        var match = (await server.AsAsync<MatchingService, MatchResult?>("secretary", s => s.SuggestForNeedAsync(need)))!;
        await using (var db = await server.DbAsync())
            await db.WorkItems.Where(w => w.Id == need).ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, Guid.NewGuid()), TestContext.Current.CancellationToken);
        var before = await StateAsync(barbers, need);

        var result = await CreateAsync("secretary", new ProjectCreateForm
        {
            NeedId = need, NeedVersion = match.NeedVersion, DueDate = InAMonth, Resources = [new ResourcePick { ResourceId = barbers, Quantity = 1 }],
        });
        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal("需求或资源刚被他人修改，未保存任何内容，请刷新后重试。", server.Portal.TextOf(result));
        Assert.Equal(before, await StateAsync(barbers, need));
    }

    [Fact]
    public async Task A_past_due_date_or_negative_budget_is_refused()
    {
        var need = await server.AddNeedAsync("楼道清理", WorkItemCategories.ElderlyCare);
        var result = await CreateAsync("secretary", new ProjectCreateForm
        {
            NeedId = need, DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), BudgetYuan = -1,
        });
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("完成期限必须晚于今天。", server.Portal.TextOf(result, ProjectFields.DueDate));
        Assert.Equal("预算不能为负数。", server.Portal.TextOf(result, ProjectFields.Budget));
    }

    [Fact]
    public async Task Residents_and_liaisons_cannot_create_projects()
    {
        var need = await server.AddNeedAsync("儿童托管", WorkItemCategories.ElderlyCare);
        var form = new ProjectCreateForm { NeedId = need, DueDate = InAMonth };
        Assert.False((await CreateAsync("resident", form)).Succeeded);
        Assert.False((await CreateAsync("liaison", form)).Succeeded);
        Assert.False((await CreateAsync("resident2", form)).Succeeded);
        Assert.Null((await StateAsync(await ResourceAsync("占位资源", 1), need)).NeedProject);
    }

    [Fact]
    public async Task A_project_has_its_history_from_the_factory_and_its_lead_units_liaison_is_told_of_the_dispatch()
    {
        var need = await server.AddNeedAsync("社区助浴服务", WorkItemCategories.ElderlyCare);
        var open = await server.AddNeedAsync("社区助浴服务（待认领）", WorkItemCategories.ElderlyCare);
        var led = await CreateAsync("secretary", new ProjectCreateForm { NeedId = need, LeadUnitId = await server.UnitIdAsync(Hospital), DueDate = InAMonth });
        var unled = await CreateAsync("secretary", new ProjectCreateForm { NeedId = open, DueDate = InAMonth });
        Assert.True(led.Succeeded && unled.Succeeded, string.Join(";", led.Problems.Concat(unled.Problems)));

        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.DbAsync();
        var secretary = await db.Users.Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync(ct);
        var liaison = await db.Users.Where(u => u.UserName == "liaison").Select(u => u.Id).SingleAsync(ct);
        async Task<List<(WorkItemAction, string?)>> HistoryAsync(int id) =>
            (await db.WorkItemEvents.Where(e => e.WorkItemId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorUserId }).ToListAsync(ct))
            .Select(e => (e.Action, e.ActorUserId)).ToList();
        Assert.Equal([(WorkItemAction.Triage, secretary), (WorkItemAction.Dispatch, secretary)], await HistoryAsync(led.Id));
        Assert.Equal([(WorkItemAction.Triage, secretary)], await HistoryAsync(unled.Id));
        Assert.Contains(await db.Notifications.Where(n => n.WorkItemId == led.Id).Select(n => new { n.UserId, n.MessageKey }).ToListAsync(ct),
            n => n.UserId == liaison && n.MessageKey == NotificationKeys.Dispatched);
        Assert.False(await db.Notifications.AnyAsync(n => n.WorkItemId == unled.Id, ct));
    }

    [Fact]
    public async Task Milestone_changes_roll_the_progress_up_and_bad_values_are_refused()
    {
        var need = await server.AddNeedAsync("加装电梯协调", WorkItemCategories.ElderlyCare);
        var project = (await CreateAsync("secretary", new ProjectCreateForm { NeedId = need, LeadUnitId = await server.UnitIdAsync(Hospital), DueDate = InAMonth })).Id;
        Task<Result<MilestoneRow>> Save(string user, MilestoneForm m) => server.AsAsync<ProjectService, Result<MilestoneRow>>(user, s => s.SaveMilestoneAsync(project, m));
        Task<ProjectDetail?> Get() => server.AsAsync<ProjectService, ProjectDetail?>("secretary", s => s.GetAsync(project));

        Assert.True((await Save("secretary", new MilestoneForm { Title = "入户调查", Weight = 1, PercentDone = 100 })).Succeeded);
        // The lead unit's liaison keeps milestones too.
        Assert.True((await Save("liaison", new MilestoneForm { Title = "施工", Weight = 3, PercentDone = 0 })).Succeeded);
        Assert.Equal(25, (await Get())!.ProgressPercent);

        var building = (await Get())!.Milestones.Single(m => m.Title == "施工");
        Assert.True((await Save("secretary", new MilestoneForm { Id = building.Id, Version = building.Version, Title = "施工", Weight = 3, PercentDone = 50 })).Succeeded);
        Assert.Equal(63, (await Get())!.ProgressPercent);

        var stale = await Save("secretary", new MilestoneForm { Id = building.Id, Version = building.Version, Title = "施工", Weight = 3, PercentDone = 60 });
        Assert.Equal(Outcome.Conflict, stale.Outcome);

        var bad = await Save("secretary", new MilestoneForm { Title = "错误", Weight = -1, PercentDone = 101 });
        Assert.Equal("权重不能为负数。", server.Portal.TextOf(bad, ProjectFields.Weight));
        Assert.Equal("完成度必须在 0 到 100 之间。", server.Portal.TextOf(bad, ProjectFields.PercentDone));
        Assert.False((await Save("resident", new MilestoneForm { Title = "居民加的", Weight = 1 })).Succeeded);

        var survey = (await Get())!.Milestones.Single(m => m.Title == "入户调查");
        Assert.True((await server.AsAsync<ProjectService, Result<MilestoneRow>>("secretary", s => s.RemoveMilestoneAsync(project, survey.Id, survey.Version))).Succeeded);
        var after = (await Get())!;
        Assert.Equal(50, after.ProgressPercent);
        Assert.Equal(2, after.Milestones.Count + 1);
    }

    [Fact]
    public async Task A_project_title_of_only_invisible_characters_takes_the_need_s_and_such_a_milestone_title_is_refused()
    {
        var need = await server.AddNeedAsync("无障碍坡道改造", WorkItemCategories.ElderlyCare);

        // The title is optional (the need's is the default): invisible characters only are no title.
        var created = await CreateAsync("secretary", new ProjectCreateForm { NeedId = need, Title = UnsafeCharacters.Only, DueDate = InAMonth });
        Assert.True(created.Succeeded, string.Join(";", created.Problems));
        var detail = (await server.AsAsync<ProjectService, ProjectDetail?>("secretary", s => s.GetAsync(created.Id)))!;
        Assert.Equal("无障碍坡道改造", detail.Title);

        var milestone = await server.AsAsync<ProjectService, Result<MilestoneRow>>("secretary",
            s => s.SaveMilestoneAsync(created.Id, new MilestoneForm { Title = UnsafeCharacters.Only, Weight = 1 }));
        Assert.Equal(Outcome.Invalid, milestone.Outcome);
        Assert.Equal("请填写里程碑名称。", server.Portal.TextOf(milestone, ProjectFields.Title));
        await using var db = await server.DbAsync();
        Assert.Equal(0, await db.Milestones.CountAsync(m => m.WorkItemId == created.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_liaison_claims_an_open_project_for_their_unit_and_nobody_claims_it_twice()
    {
        var need = await server.AddNeedAsync("社区健康讲座", WorkItemCategories.ElderlyCare);
        var project = (await CreateAsync("secretary", new ProjectCreateForm { NeedId = need, DueDate = InAMonth })).Id;
        var detail = (await server.AsAsync<ProjectService, ProjectDetail?>("liaison", s => s.GetAsync(project)))!;
        Assert.Equal(WorkItemStatus.Triaged, detail.Status);
        Assert.True(detail.CanClaim);
        Assert.Null(await server.AsAsync<ProjectService, ProjectDetail?>("resident2", s => s.GetAsync(project)));

        Assert.False((await server.AsAsync<ProjectService, Result<ProjectEvent>>("resident", s => s.ClaimAsync(project, detail.Version))).Succeeded);
        var claimed = await server.AsAsync<ProjectService, Result<ProjectEvent>>("liaison", s => s.ClaimAsync(project, detail.Version));
        Assert.True(claimed.Succeeded, string.Join(";", claimed.Problems));
        var after = (await server.AsAsync<ProjectService, ProjectDetail?>("liaison", s => s.GetAsync(project)))!;
        Assert.Equal(WorkItemStatus.InProgress, after.Status);
        Assert.Equal(Hospital, after.LeadUnit!.Name);
        Assert.False((await server.AsAsync<ProjectService, Result<ProjectEvent>>("member", s => s.ClaimAsync(project, after.Version))).Succeeded);
    }

    [Fact]
    public async Task A_party_member_claims_an_open_project_for_themselves_and_the_claim_is_in_its_history()
    {
        var need = await server.AddNeedAsync("党员认领：楼道照明", WorkItemCategories.ElderlyCare);
        var project = (await CreateAsync("secretary", new ProjectCreateForm { NeedId = need, DueDate = InAMonth })).Id;
        var detail = (await server.AsAsync<ProjectService, ProjectDetail?>("member", s => s.GetAsync(project)))!;
        Assert.True(detail.CanClaim);
        var claimed = await server.AsAsync<ProjectService, Result<ProjectEvent>>("member", s => s.ClaimAsync(project, detail.Version));
        Assert.True(claimed.Succeeded, string.Join(";", claimed.Problems));

        await using var db = await server.DbAsync();
        var item = await db.WorkItems.SingleAsync(w => w.Id == project, TestContext.Current.CancellationToken);
        Assert.Equal(WorkItemStatus.InProgress, item.Status);
        Assert.NotNull(item.OwnerPersonId);
        Assert.Null(item.OwnerUnitId);
        Assert.True(item.WasClaimed);
        var last = await db.WorkItemEvents.Where(e => e.WorkItemId == project).OrderBy(e => e.Id).LastAsync(TestContext.Current.CancellationToken);
        Assert.Equal(WorkItemAction.Claim, last.Action);
        Assert.Equal(WorkItemStatus.Triaged, last.FromStatus);
    }
}

using Portal.Web.Features.Lists;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsWorkItems;

/// <summary>
/// The work-item service of the real portal (real database, access policy, state machine, live bus, attachment store),
/// called as each demo user, and the attachment download through real HTTP with real sign-in cookies.
/// </summary>
public sealed class WorkItemServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<WorkItemService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<WorkItemService>()));

    private Task<T> Db<T>(Func<PortalDbContext, Task<T>> query) => TestAccounts.DbAsync(Host, query);

    private Task<int> CommunityAsync(int index) =>
        Db(db => db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private Task<int> HospitalAsync() => Db(db => db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct));

    /// <summary>The demo grid worker's grid (in 青年湖社区).</summary>
    private Task<int> GridAsync() => Db(db => db.RoleAssignments
        .Where(r => r.Role == PortalRole.GridWorker && db.Users.Any(u => u.Id == r.UserId && u.UserName == "gridworker"))
        .Select(r => r.ScopeId).SingleAsync(Ct));

    private async Task<int> RaiseAsync(string title, string user = "resident")
    {
        var form = new RaiseNeedForm
        {
            Title = title, Description = "楼道灯坏了，**晚上**很黑", Category = WorkItemCategories.Safety,
            CommunityId = await CommunityAsync(0), GridId = await GridAsync(), Urgency = Urgency.General,
        };
        var result = await As(user, s => s.RaiseAsync(form, Ct));
        Assert.True(result.Succeeded, Host.TextOf(result));
        return result.Id;
    }

    private Task<WorkItem> ItemAsync(int id) =>
        Db(db => db.WorkItems.AsNoTracking().Include(w => w.Events).ThenInclude(e => e.Attachments).SingleAsync(w => w.Id == id, Ct));

    private async Task<Guid> VersionAsync(int id) => (await ItemAsync(id)).Version;

    private async Task Ok(Task<Result> action)
    {
        var result = await action;
        Assert.True(result.Succeeded, $"{result.Outcome}: {Host.TextOf(result)}");
    }

    private Task<HttpClient> SignedInAsync(string user) => PortalClient.SignedInAsync(Host.BaseAddress, user);

    private async Task<string> OtherSecretaryAsync()
    {
        var user = await TestAccounts.CreateAsync(Host, "sec2", new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, await CommunityAsync(1)));
        return user.UserName!;
    }

    [Fact]
    public async Task The_full_lifecycle_with_a_not_satisfied_rating_that_reopens_it_and_each_role_sees_what_it_may()
    {
        var received = new List<WorkItemChanged>();
        var community = await CommunityAsync(0);
        using var subscription = Host.Services.GetRequiredService<LiveEventBus>().Subscribe(ListsChannels.For(community), e =>
        {
            lock (received) received.Add(e.PayloadAs<WorkItemChanged>()!);
            return Task.CompletedTask;
        });
        var id = await RaiseAsync("三号楼楼道灯坏了");
        var hospital = await HospitalAsync();
        var otherSecretary = await OtherSecretaryAsync();

        // Before dispatch: the resident, the grid worker and the secretary see it; the liaison, a Party member who cannot
        // claim it (not public), the other community's resident and secretary do not.
        foreach (var user in new[] { "resident", "gridworker", "secretary", "admin" })
            Assert.NotNull(await As(user, s => s.GetAsync(id, Ct)));
        foreach (var user in new[] { "liaison", "member", "resident2", otherSecretary })
        {
            Assert.Null(await As(user, s => s.GetAsync(id, Ct)));
            Assert.DoesNotContain((await As(user, s => s.ListAsync(new WorkItemQuery { Take = 100 }, Ct))).Items, r => r.Id == id);
        }

        await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), isShared: true, isPublic: false, ct: Ct)));
        var before = DateTime.UtcNow;
        await Ok(As("secretary", async s => await s.DispatchAsync(id, await VersionAsync(id), hospital, Urgency.General, ct: Ct)));
        var dispatched = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.Dispatched, dispatched.Status);
        Assert.Equal(hospital, dispatched.OwnerUnitId);
        // No rule set edited in the demo community yet for this test: the hotline default of 7 days for general items.
        Assert.InRange(dispatched.DueAtUtc!.Value, before.AddDays(7).AddMinutes(-1), DateTime.UtcNow.AddDays(7).AddMinutes(1));

        var liaisonView = await As("liaison", s => s.GetAsync(id, Ct));
        Assert.NotNull(liaisonView);
        Assert.Contains(WorkItemAction.Accept, liaisonView.AllowedActions);
        Assert.Contains((await As("liaison", s => s.ListAsync(new WorkItemQuery { OwnerUnitId = hospital, Take = 100 }, Ct))).Items, r => r.Id == id);

        await Ok(As("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct)));
        await Ok(As("liaison", async s => await s.AddProgressAsync(id, await VersionAsync(id), "已更换灯泡", [new AttachmentUpload("现场.png", Png)], Ct)));
        await Ok(As("liaison", async s => await s.ReportBackAsync(id, await VersionAsync(id), "已修好", ct: Ct)));

        // Only the requester rates.
        Assert.Equal(Outcome.NotAllowed, (await As("secretary", async s => await s.RateAsync(id, await VersionAsync(id), Satisfaction.Satisfied, ct: Ct))).Outcome);
        await Ok(As("resident", async s => await s.RateAsync(id, await VersionAsync(id), Satisfaction.NotSatisfied, "还是不亮", Ct)));
        var reopened = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.InProgress, reopened.Status);
        Assert.Equal(1, reopened.ReopenCount);

        await Ok(As("liaison", async s => await s.ReportBackAsync(id, await VersionAsync(id), "更换了线路", ct: Ct)));
        await Ok(As("resident", async s => await s.RateAsync(id, await VersionAsync(id), Satisfaction.Satisfied, ct: Ct)));
        await Ok(As("secretary", async s => await s.CloseAsync(id, await VersionAsync(id), ct: Ct)));

        var closed = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.Closed, closed.Status);
        Assert.Equal(
            [WorkItemAction.Triage, WorkItemAction.Dispatch, WorkItemAction.Accept, WorkItemAction.AddProgress, WorkItemAction.ReportBack,
             WorkItemAction.Rate, WorkItemAction.ReportBack, WorkItemAction.Rate, WorkItemAction.Close],
            closed.Events.OrderBy(e => e.Id).Select(e => e.Action));
        var detail = await As("resident", s => s.GetAsync(id, Ct));
        Assert.Contains("<strong>晚上</strong>", detail!.DescriptionHtml);
        Assert.Empty(detail.AllowedActions);
        lock (received)
        {
            Assert.Contains(received, e => e.Id == id && e.Status == WorkItemStatus.Raised);
            Assert.Contains(received, e => e.Id == id && e.Status == WorkItemStatus.Closed && e.Kind == WorkItemKind.Need);
        }

        // The attachment: whoever may see the item downloads it; everyone else gets 404, anonymous users no file at all.
        var attachment = closed.Events.SelectMany(e => e.Attachments).Single();
        var url = $"/api/lists/attachments/{attachment.Id}";
        foreach (var user in new[] { "resident", "liaison", "gridworker", "secretary" })
        {
            using var client = await SignedInAsync(user);
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync(Ct));
        }
        foreach (var user in new[] { "resident2", "member", otherSecretary })
        {
            using var client = await SignedInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url, Ct)).StatusCode);
        }
        var (anonymous, _) = PortalClient.Create(Host.BaseAddress);
        var anonymousResponse = await anonymous.GetAsync(url, Ct);
        Assert.NotEqual(HttpStatusCode.OK, anonymousResponse.StatusCode);
    }

    [Fact]
    public async Task A_liaison_sees_only_their_units_items_and_a_grid_worker_only_their_grids()
    {
        var id = await RaiseAsync("二号楼门禁坏了");
        await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, ct: Ct)));
        var otherUnit = await Db(db => db.Units.Where(u => u.Name == "和平里第四小学").Select(u => u.Id).FirstAsync(Ct));
        await Ok(As("secretary", async s => await s.DispatchAsync(id, await VersionAsync(id), otherUnit, Urgency.Utilities, ct: Ct)));
        Assert.Null(await As("liaison", s => s.GetAsync(id, Ct)));
        // Not their unit: the liaison cannot act on it either.
        Assert.Equal(Outcome.NotFound, (await As("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct))).Outcome);

        // An item in another grid of the same community: the secretary sees it, the grid worker does not.
        var grid = await GridAsync();
        var otherGrid = await Db(db => db.Grids.Where(g => g.CommunityId == db.Grids.Where(x => x.Id == grid).Select(x => x.CommunityId).First() && g.Id != grid).Select(g => g.Id).FirstAsync(Ct));
        var form = new RaiseNeedForm { Title = "别的网格", Category = WorkItemCategories.Other, CommunityId = await CommunityAsync(0), GridId = otherGrid };
        var other = await As("resident", s => s.RaiseAsync(form, Ct));
        Assert.True(other.Succeeded, Host.TextOf(other));
        Assert.Null(await As("gridworker", s => s.GetAsync(other.Id, Ct)));
        Assert.NotNull(await As("secretary", s => s.GetAsync(other.Id, Ct)));
        // The resident's list holds only their own items.
        var mine = await As("resident", s => s.ListAsync(new WorkItemQuery { Take = 100 }, Ct));
        var residentId = (await TestAccounts.FindAsync(Host, "resident")).Id;
        var requesters = await Db(db => db.WorkItems.Where(w => mine.Items.Select(i => i.Id).Contains(w.Id)).Select(w => w.RequesterUserId).Distinct().ToListAsync(Ct));
        Assert.Equal([residentId], requesters);
    }

    [Fact]
    public async Task Forbidden_actions_and_transitions_change_nothing_and_say_why()
    {
        var id = await RaiseAsync("小区路灯不亮");
        var before = await ItemAsync(id);

        // Not the secretary: forbidden. The secretary, but not allowed in this status: the state machine's message.
        var byResident = await As("resident", s => s.CloseAsync(id, before.Version, ct: Ct));
        Assert.Equal(Outcome.NotAllowed, byResident.Outcome);
        var closeRaised = await As("secretary", s => s.CloseAsync(id, before.Version, ct: Ct));
        Assert.Equal(Outcome.Invalid, closeRaised.Outcome);
        Assert.Equal("当前状态下不能进行此操作，请刷新后重试。", Host.TextOf(closeRaised));
        var rejectWithoutReason = await As("secretary", s => s.RejectAsync(id, before.Version, " ", Ct));
        Assert.Equal(Outcome.Invalid, rejectWithoutReason.Outcome);
        // Dispatch needs triage first.
        var hospital = await HospitalAsync();
        Assert.Equal(Outcome.Invalid, (await As("secretary", s => s.DispatchAsync(id, before.Version, hospital, Urgency.General, ct: Ct))).Outcome);

        var after = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.Raised, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(after.Events);

        // A due date in the past and a unit of another street are refused after triage too, again changing nothing.
        await Ok(As("secretary", s => s.TriageAsync(id, before.Version, true, true, ct: Ct)));
        var triaged = await ItemAsync(id);
        var past = await As("secretary", s => s.DispatchAsync(id, triaged.Version, hospital, Urgency.General, dueAtUtc: DateTime.UtcNow.AddHours(-1), ct: Ct));
        Assert.Equal(Outcome.Invalid, past.Outcome);
        Assert.Equal("办结时限不能早于现在。", Host.TextOf(past));
        Assert.Equal(Outcome.Invalid, (await As("secretary", s => s.DispatchAsync(id, triaged.Version, 999_999, Urgency.General, ct: Ct))).Outcome);
        var still = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.Triaged, still.Status);
        Assert.Equal(triaged.Version, still.Version);
        Assert.Null(still.OwnerUnitId);
    }

    [Fact]
    public async Task Two_people_acting_on_the_same_version_one_gets_a_conflict_and_nothing_is_lost()
    {
        var id = await RaiseAsync("垃圾清运不及时");
        var loaded = await VersionAsync(id);
        await Ok(As("secretary", s => s.TriageAsync(id, loaded, true, false, ct: Ct)));

        var second = await As("admin", s => s.RejectAsync(id, loaded, "重复诉求", Ct));

        Assert.Equal(Outcome.Conflict, second.Outcome);
        Assert.Equal("该事项刚被其他人修改过，请刷新后重试。您填写的内容已保留。", Host.TextOf(second));
        var item = await ItemAsync(id);
        Assert.Equal(WorkItemStatus.Triaged, item.Status);
        Assert.Single(item.Events);
    }

    [Fact]
    public async Task Raising_validates_title_category_and_scope_and_only_staff_enter_needs_on_someones_behalf()
    {
        var qingnianhu = await CommunityAsync(0);
        var andeli = await CommunityAsync(1);
        var empty = await As("resident", s => s.RaiseAsync(new RaiseNeedForm { Title = " ", Category = "Nope", CommunityId = qingnianhu }, Ct));
        Assert.Equal("请填写标题。", Host.TextOf(empty, WorkItemFields.Title));
        Assert.Equal("请选择类别。", Host.TextOf(empty, WorkItemFields.Category));
        var tooLong = await As("resident", s => s.RaiseAsync(new RaiseNeedForm { Title = new string('长', 101), Category = WorkItemCategories.Other, CommunityId = qingnianhu }, Ct));
        Assert.True(tooLong.MessageOf(WorkItemFields.Title) is not null);
        var elsewhere = await As("resident", s => s.RaiseAsync(new RaiseNeedForm { Title = "别的社区", Category = WorkItemCategories.Other, CommunityId = andeli }, Ct));
        Assert.True(elsewhere.MessageOf(WorkItemFields.Community) is not null);
        var residentOnBehalf = await As("resident", s => s.RaiseAsync(new RaiseNeedForm { Title = "代填", Category = WorkItemCategories.Other, CommunityId = qingnianhu, Channel = RaiseChannel.Hotline }, Ct));
        Assert.Equal(Outcome.Invalid, residentOnBehalf.Outcome);
        Assert.Equal(0, await Db(db => db.WorkItems.CountAsync(w => w.Title == "代填" || w.Title == "别的社区", Ct)));

        // The grid worker enters one from door-knocking for the resident, who can then see and rate it.
        var grid = await GridAsync();
        var entered = await As("gridworker", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = "入户走访：独居老人需要助餐", Category = WorkItemCategories.ElderlyCare, CommunityId = qingnianhu, GridId = grid,
            Channel = RaiseChannel.DoorKnocking, RequesterUserName = "resident",
        }, Ct));
        Assert.True(entered.Succeeded, Host.TextOf(entered));
        var item = await ItemAsync(entered.Id);
        Assert.Equal(RaiseChannel.DoorKnocking, item.Channel);
        Assert.Equal((await TestAccounts.FindAsync(Host, "resident")).Id, item.RequesterUserId);
        Assert.NotNull(await As("resident", s => s.GetAsync(entered.Id, Ct)));
        // The other community's resident is no valid requester here.
        var wrongRequester = await As("secretary", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = "代填错人", Category = WorkItemCategories.Other, CommunityId = qingnianhu, Channel = RaiseChannel.Hotline, RequesterUserName = "resident2",
        }, Ct));
        Assert.True(wrongRequester.MessageOf(WorkItemFields.Requester) is not null);
    }

    [Fact]
    public async Task Attachments_of_the_wrong_type_or_size_are_refused_and_uploaded_names_never_reach_the_file_system()
    {
        var id = await RaiseAsync("墙皮脱落");
        await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, ct: Ct)));
        await Ok(As("secretary", async s => await s.DispatchAsync(id, await VersionAsync(id), await HospitalAsync(), Urgency.Complex, ct: Ct)));
        await Ok(As("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct)));
        var store = Host.Services.GetRequiredService<AttachmentStore>();
        var filesBefore = Directory.Exists(store.Directory) ? Directory.GetFiles(store.Directory).Length : 0;

        async Task<Result> Upload(string name, byte[] content) =>
            await As("liaison", async s => await s.AddProgressAsync(id, await VersionAsync(id), "照片", [new AttachmentUpload(name, content)], Ct));

        var html = await Upload("photo.png", "<script>alert(1)</script>"u8.ToArray());
        Assert.Equal("文件“photo.png”的类型不允许，只能上传 JPG、PNG、WebP 图片或 PDF。", Host.TextOf(html, WorkItemFields.Attachments));
        Assert.Equal(Outcome.Invalid, (await Upload("tool.exe", Png)).Outcome);
        var big = new byte[Attachment.MaxBytes + 1];
        Png.CopyTo(big, 0);
        Assert.Equal("文件“big.png”超过 5 MB：请移除它或换一个较小的文件后再提交。", Host.TextOf((await Upload("big.png", big)), WorkItemFields.Attachments));
        Assert.Equal(WorkItemStatus.InProgress, (await ItemAsync(id)).Status);
        Assert.Empty((await ItemAsync(id)).Events.SelectMany(e => e.Attachments));

        await Ok(Upload("../../x.png", Png));
        await Ok(Upload("..\\..\\evil\\y.pdf", "%PDF-1.7\n"u8.ToArray()));

        var stored = (await ItemAsync(id)).Events.SelectMany(e => e.Attachments).OrderBy(a => a.Id).ToList();
        Assert.Equal(["x.png", "y.pdf"], stored.Select(a => a.FileName));
        Assert.All(stored, a => Assert.Matches("^[0-9a-f]{32}\\.(png|pdf)$", a.StoredName));
        Assert.All(stored, a => Assert.True(File.Exists(Path.Combine(store.Directory, a.StoredName))));
        Assert.Equal(filesBefore + 2, Directory.GetFiles(store.Directory).Length);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(store.Directory, "../../x.png"))));
        Assert.Equal("y.pdf", AttachmentStore.SanitizeFileName("..\\..\\evil\\y.pdf"));
    }
    [Fact]
    public async Task Public_triaged_items_can_be_claimed_by_a_liaison_for_their_unit_or_a_party_member_for_themselves()
    {
        var forUnit = await RaiseAsync("社区活动室需要志愿医生义诊");
        var forMember = await RaiseAsync("帮独居老人取药");
        var hidden = await RaiseAsync("不公开的个性诉求");
        foreach (var id in new[] { forUnit, forMember })
            await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, isPublic: true, ct: Ct)));
        await Ok(As("secretary", async s => await s.TriageAsync(hidden, await VersionAsync(hidden), false, isPublic: false, ct: Ct)));

        // Open for claiming: liaisons and Party members of the community see public items, but not the unpublished one.
        Assert.NotNull(await As("member", s => s.GetAsync(forMember, Ct)));
        Assert.Null(await As("member", s => s.GetAsync(hidden, Ct)));
        Assert.Null(await As("resident2", s => s.GetAsync(forMember, Ct)));
        var liaisonView = await As("liaison", s => s.GetAsync(forUnit, Ct));
        Assert.Contains(WorkItemAction.Claim, liaisonView!.AllowedActions);
        Assert.Equal(WorkItemKind.MicroWish, (await ItemAsync(hidden)).Kind);

        // A liaison cannot claim for a unit they do not act for.
        var school = await Db(db => db.Units.Where(u => u.Name == "和平里第四小学").Select(u => u.Id).SingleAsync(Ct));
        var wrongUnit = await As("liaison", async s => await s.ClaimAsync(forUnit, await VersionAsync(forUnit), school, ct: Ct));
        Assert.False(wrongUnit.Succeeded);
        Assert.Equal(WorkItemStatus.Triaged, (await ItemAsync(forUnit)).Status);

        var hospital = await HospitalAsync();
        await Ok(As("liaison", async s => await s.ClaimAsync(forUnit, await VersionAsync(forUnit), hospital, ct: Ct)));
        var claimed = await ItemAsync(forUnit);
        Assert.Equal(WorkItemStatus.InProgress, claimed.Status);
        Assert.Equal(hospital, claimed.OwnerUnitId);
        Assert.True(claimed.WasClaimed);
        Assert.NotNull(claimed.DueAtUtc);

        await Ok(As("member", async s => await s.ClaimAsync(forMember, await VersionAsync(forMember), null, ct: Ct)));
        var byMember = await ItemAsync(forMember);
        Assert.Equal(WorkItemStatus.InProgress, byMember.Status);
        Assert.NotNull(byMember.OwnerPersonId);
        // The member now owns it: they report back; the liaison, not an owner, may not.
        Assert.Equal(Outcome.NotFound, (await As("liaison", async s => await s.ReportBackAsync(forMember, await VersionAsync(forMember), "完成", ct: Ct))).Outcome);
        await Ok(As("member", async s => await s.ReportBackAsync(forMember, await VersionAsync(forMember), "药已送到", ct: Ct)));
    }

    /// <summary>A need raised, triaged, dispatched to the hospital and accepted by its liaison: ready for progress notes.</summary>
    private async Task<int> InProgressAsync(string title)
    {
        var id = await RaiseAsync(title);
        await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), true, false, ct: Ct)));
        await Ok(As("secretary", async s => await s.DispatchAsync(id, await VersionAsync(id), await HospitalAsync(), Urgency.Complex, ct: Ct)));
        await Ok(As("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct)));
        return id;
    }

    [Fact]
    public async Task A_need_title_with_NUL_and_a_bidi_override_is_stored_clean()
    {
        // What a careless paste or a hostile client sends: NUL, ESC, a right-to-left override, a zero-width space, a line
        // break in the one-line title, decomposed "é"; a description with CRLF, a tab, a bell and a bidi isolate.
        var form = new RaiseNeedForm
        {
            Title = "\u202E路灯\0不亮\u001B[31m\r\n三号楼\u200B Cafe\u0301 ",
            Description = "第一行\r\n\t第二行\u0007\u2066隐藏\u2069",
            Address = "和平里\0东街\u202D 1 号",
            Category = WorkItemCategories.Safety, CommunityId = await CommunityAsync(0), GridId = await GridAsync(), Urgency = Urgency.General,
        };

        var result = await As("resident", s => s.RaiseAsync(form, Ct));

        Assert.True(result.Succeeded, Host.TextOf(result));
        var item = await ItemAsync(result.Id);
        Assert.Equal("路灯不亮[31m 三号楼 Caf\u00e9", item.Title);
        Assert.Equal("第一行\n\t第二行隐藏", item.DescriptionMarkdown);
        Assert.Equal("和平里东街 1 号", item.Address);
        // The audit trail records what was stored, not what was sent.
        var audit = await Db(db => db.AuditEntries.Where(a => a.EntityType == nameof(WorkItem) && a.EntityId == result.Id.ToString()).Select(a => a.Changes).FirstAsync(Ct));
        Assert.Contains("路灯不亮[31m 三号楼 Caf\u00e9", audit);
        Assert.DoesNotContain("\\u0000", audit);
    }

    [Fact]
    public async Task A_title_of_nothing_but_control_and_invisible_characters_is_refused_as_empty()
    {
        var form = new RaiseNeedForm
        {
            Title = "\0\u200B\u202E\u0007", Category = WorkItemCategories.Safety, CommunityId = await CommunityAsync(0), Urgency = Urgency.General,
        };

        var result = await As("resident", s => s.RaiseAsync(form, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写标题。", Host.TextOf(result, WorkItemFields.Title));
    }

    [Fact]
    public async Task A_step_that_keeps_the_status_still_moves_the_version_so_a_step_on_the_old_one_conflicts()
    {
        var id = await InProgressAsync("楼道灯不亮");
        var loaded = await VersionAsync(id);

        // Progress and chasing leave the status as it is; the item has changed all the same.
        await Ok(As("liaison", s => s.AddProgressAsync(id, loaded, "已联系物业", ct: Ct)));
        var afterProgress = await VersionAsync(id);
        var chase = await As("secretary", s => s.ChaseAsync(id, loaded, "请尽快处理", Ct));

        Assert.NotEqual(loaded, afterProgress);
        Assert.Equal(Outcome.Conflict, chase.Outcome);
        Assert.Equal(afterProgress, await VersionAsync(id));
    }

    [Fact]
    public async Task Evidence_file_names_lose_bidi_overrides_zero_width_and_control_characters()
    {
        var id = await InProgressAsync("井盖松动");

        // "现场照片\u202Egnp.exe.png" would show as "现场照片gnp.exe.png" reversed (…exe.png read as "png.exe").
        await Ok(As("liaison", async s => await s.AddProgressAsync(id, await VersionAsync(id), "照片",
            [new AttachmentUpload("现场\u200B照片\u202Egnp.exe.png", Png), new AttachmentUpload("签到\0表\u2066.pdf", "%PDF-1.7\n"u8.ToArray())], Ct)));

        var stored = (await ItemAsync(id)).Events.SelectMany(e => e.Attachments).OrderBy(a => a.Id).Select(a => a.FileName).ToList();
        Assert.Equal(["现场照片gnp.exe.png", "签到表.pdf"], stored);
    }

    [Fact]
    public async Task An_oversized_evidence_file_refuses_the_whole_progress_step_and_saves_nothing()
    {
        var id = await InProgressAsync("楼顶漏水");
        var before = await ItemAsync(id);
        var store = Host.Services.GetRequiredService<AttachmentStore>();
        var filesBefore = Directory.Exists(store.Directory) ? Directory.GetFiles(store.Directory).Length : 0;
        var big = new byte[Attachment.MaxBytes + 1];
        Png.CopyTo(big, 0);

        // A good photo and an oversized one: the step is refused as a whole, with the oversized file named.
        var result = await As("liaison", async s => await s.AddProgressAsync(id, before.Version, "已上楼查看",
            [new AttachmentUpload("现场.png", Png), new AttachmentUpload("航拍.png", big)], Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains("航拍.png", Host.TextOf(result, WorkItemFields.Attachments));
        var after = await ItemAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal(filesBefore, Directory.Exists(store.Directory) ? Directory.GetFiles(store.Directory).Length : 0);
    }
}

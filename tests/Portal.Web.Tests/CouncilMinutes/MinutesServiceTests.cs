using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.CouncilMinutes;

/// <summary>
/// Resolutions, the minutes draft and its approval through the real portal: approval makes one dispatched council task
/// per resolution, exactly once, on the one work-item lifecycle; only those who may record change anything; refusals
/// change nothing; the council page's task figures.
/// </summary>
public sealed class MinutesServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<MinutesService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<MinutesService>()));

    private Task<MinutesView> ViewAsync(int meetingId) => As("gridworker", async s => (await s.GetAsync(meetingId, Ct))!);

    /// <summary>The unit the "liaison" account is liaison of: a member unit of the first council.</summary>
    private Task<int> LiaisonUnitAsync() => TestAccounts.DbAsync(Host, db => db.RoleAssignments
        .Where(r => r.Role == PortalRole.UnitLiaison && db.Users.Any(u => u.Id == r.UserId && u.UserName == "liaison")).Select(r => r.ScopeId).FirstAsync(Ct));

    private static DateOnly Today => DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));

    [Fact]
    public async Task Approving_turns_each_resolution_into_one_dispatched_council_task_exactly_once()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "审定测试会议");
        var view = await ViewAsync(meetingId);
        Assert.True(view.CanEditResolutions);
        Assert.True(view.CanApprove);
        var owner = await LiaisonUnitAsync();
        Assert.Contains(view.Units, u => u.Id == owner);
        var others = view.Units.Where(u => u.Id != owner).Select(u => u.Id).Take(2).ToList();
        var chaser = view.Chasers[0];
        var first = new ResolutionForm
        {
            Decision = "停车秩序整治：制定方案并组织实施", AgendaItemNumber = view.AgendaItems[0].Number, OwnerUnitId = owner,
            CoOwnerUnitIds = others, DueDate = Today.AddDays(30).ToDateTime(TimeOnly.MinValue), ChaserPersonId = chaser.Id,
        };
        var saved = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, first, Ct));
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems));
        var second = new ResolutionForm { Decision = "助餐点选址：两周内报送选址意见", OwnerUnitId = others[0], DueDate = Today.AddDays(14).ToDateTime(TimeOnly.MinValue) };
        saved = await As("gridworker", s => s.SaveResolutionAsync(meetingId, saved.Version!.Value, second, Ct));
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems));

        var draft = await As("gridworker", s => s.GenerateDraftAsync(meetingId, Ct));
        Assert.NotNull(draft);
        Assert.Contains("停车秩序整治：制定方案并组织实施", draft);
        Assert.Contains(CouncilMinutesTestData.LeaveReason, draft);
        var text = draft + "\n补充：会后各单位按分工落实。\n";
        var approved = await As("gridworker", s => s.ApproveAsync(meetingId, saved.Version!.Value, text, Ct));
        Assert.True(approved.Succeeded, string.Join(", ", approved.Problems));

        await using (var db = await Host.NewDbContextAsync(Ct))
        {
            var meeting = await db.Meetings.Include(m => m.Resolutions).ThenInclude(r => r.CoOwners).SingleAsync(m => m.Id == meetingId, Ct);
            Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status);
            Assert.Contains("补充：会后各单位按分工落实。", meeting.MinutesMarkdown);
            Assert.All(meeting.Resolutions, r => Assert.NotNull(r.WorkItemId));
            var ids = meeting.Resolutions.Select(r => r.WorkItemId!.Value).ToList();
            Assert.Equal(2, ids.Distinct().Count());
            var tasks = await db.WorkItems.Include(w => w.CoOwners).Include(w => w.Events).Where(w => ids.Contains(w.Id)).ToListAsync(Ct);
            Assert.Equal(2, tasks.Count);
            foreach (var resolution in meeting.Resolutions)
            {
                var task = tasks.Single(t => t.Id == resolution.WorkItemId);
                Assert.Equal(WorkItemKind.CouncilTask, task.Kind);
                Assert.Equal(WorkItemStatus.Dispatched, task.Status);
                Assert.Equal(RaiseChannel.Council, task.Channel);
                Assert.Equal(resolution.Decision, task.Title);
                Assert.Equal(resolution.OwnerUnitId, task.OwnerUnitId);
                Assert.Equal(resolution.CoOwners.Select(c => c.UnitId).Order(), task.CoOwners.Select(c => c.UnitId).Order());
                Assert.Equal(PortalTime.StartOfDayUtc(resolution.DueDate.AddDays(1)), task.DueAtUtc);
                Assert.Contains($"/councils/meetings/{meetingId}/minutes", task.DescriptionMarkdown);
                Assert.Equal([WorkItemAction.Triage, WorkItemAction.Dispatch], task.Events.OrderBy(e => e.Id).Select(e => e.Action));
            }
            var firstTask = tasks.Single(t => t.Title == first.Decision);
            Assert.Contains(chaser.Name, firstTask.DescriptionMarkdown);
            Assert.Contains(view.AgendaItems[0].Title, firstTask.DescriptionMarkdown);
            // The owner unit's liaison hears of the dispatch like of any other; the meeting's live topic hears the status.
            var liaison = await db.Users.Where(u => u.UserName == "liaison").Select(u => u.Id).SingleAsync(Ct);
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == liaison && n.WorkItemId == firstTask.Id, Ct));
            Assert.True(await db.LiveEvents.AnyAsync(e => e.Channel == MeetingChannels.For(meetingId) && e.Type == MeetingChannels.StatusChanged, Ct));
        }

        // A second approval is refused by the workflow and makes no second set of tasks.
        var count = await TestAccounts.DbAsync(Host, db => db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.CouncilTask, Ct));
        var again = await As("gridworker", s => s.ApproveAsync(meetingId, approved.Version!.Value, text, Ct));
        Assert.Equal((Outcome.Invalid, "当前会议状态不能进行此操作。"), (again.Outcome, Host.TextOf(again)));
        Assert.Equal(count, await TestAccounts.DbAsync(Host, db => db.WorkItems.CountAsync(w => w.Kind == WorkItemKind.CouncilTask, Ct)));
        // Approved minutes are closed for changes.
        var late = await As("gridworker", s => s.SaveResolutionAsync(meetingId, approved.Version!.Value, second, Ct));
        Assert.Equal((Outcome.Invalid, "当前会议状态不能进行此操作。"), (late.Outcome, Host.TextOf(late)));
        var lateDraft = await As("gridworker", s => s.SaveDraftAsync(meetingId, approved.Version!.Value, "# 改稿", Ct));
        Assert.Equal((Outcome.Invalid, "当前会议状态不能进行此操作。"), (lateDraft.Outcome, Host.TextOf(lateDraft)));
        var after = await ViewAsync(meetingId);
        Assert.False(after.CanEditResolutions);
        Assert.False(after.CanApprove);
        Assert.Equal(2, after.Resolutions.Count);
    }

    [Fact]
    public async Task Participants_who_may_not_record_and_residents_are_refused_and_nothing_changes()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "权限测试会议");
        var view = await ViewAsync(meetingId);
        var form = new ResolutionForm { Decision = "不应保存", OwnerUnitId = view.Units[0].Id, DueDate = Today.AddDays(10).ToDateTime(TimeOnly.MinValue) };

        // The liaison of a member unit participates (may read the draft) but does not record.
        var liaisonView = await As("liaison", s => s.GetAsync(meetingId, Ct));
        Assert.NotNull(liaisonView);
        Assert.False(liaisonView.CanEditResolutions);
        Assert.False(liaisonView.CanApprove);
        Assert.Equal(Outcome.NotAllowed, (await As("liaison", s => s.SaveResolutionAsync(meetingId, view.Version, form, Ct))).Outcome);
        Assert.Equal(Outcome.NotAllowed, (await As("liaison", s => s.SaveDraftAsync(meetingId, view.Version, "# 纪要", Ct))).Outcome);
        Assert.Equal(Outcome.NotAllowed, (await As("liaison", s => s.ApproveAsync(meetingId, view.Version, "# 纪要", Ct))).Outcome);
        Assert.Null(await As("liaison", s => s.GenerateDraftAsync(meetingId, Ct)));

        // A resident of the community is no participant: unapproved minutes do not exist for them; another community's neither.
        foreach (var user in new[] { "resident", "resident2" })
        {
            Assert.Null(await As(user, s => s.GetAsync(meetingId, Ct)));
            Assert.Null(await As(user, s => s.PrintAsync(meetingId, ct: Ct)));
            Assert.Equal(Outcome.NotFound, (await As(user, s => s.SaveResolutionAsync(meetingId, view.Version, form, Ct))).Outcome);
            Assert.Equal(Outcome.NotFound, (await As(user, s => s.ApproveAsync(meetingId, view.Version, "# 纪要", Ct))).Outcome);
        }

        await using var db = await Host.NewDbContextAsync(Ct);
        var meeting = await db.Meetings.Include(m => m.Resolutions).SingleAsync(m => m.Id == meetingId, Ct);
        Assert.Equal(MeetingStatus.Ended, meeting.Status);
        Assert.Equal(view.Version, meeting.Version);
        Assert.Empty(meeting.Resolutions);
        Assert.Null(meeting.MinutesMarkdown);
    }

    [Fact]
    public async Task Invalid_resolutions_stale_versions_and_an_empty_text_change_nothing()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "校验测试会议");
        var view = await ViewAsync(meetingId);
        var notMember = await TestAccounts.DbAsync(Host, db => db.Units.Where(u => !view.Units.Select(x => x.Id).Contains(u.Id)).Select(u => u.Id).FirstAsync(Ct));

        var empty = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, new ResolutionForm(), Ct));
        Assert.Equal(Outcome.Invalid, empty.Outcome);
        Assert.Equal("请填写决定事项（不超过 1000 字）。", Host.TextOf(empty, MinutesFields.Decision));
        Assert.Equal("请选择责任单位。", Host.TextOf(empty, MinutesFields.Owner));
        Assert.Equal("请填写完成时限。", Host.TextOf(empty, MinutesFields.DueDate));

        var wrong = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, new ResolutionForm
        {
            Decision = "校验", OwnerUnitId = view.Units[0].Id, CoOwnerUnitIds = [view.Units[0].Id, notMember],
            DueDate = view.MeetingDay.ToDateTime(TimeOnly.MinValue), AgendaItemNumber = 999, ChaserPersonId = -1,
        }, Ct));
        Assert.Equal(Outcome.Invalid, wrong.Outcome);
        Assert.Equal([MinutesFields.AgendaItem, MinutesFields.Chaser, MinutesFields.CoOwners, MinutesFields.DueDate], wrong.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));

        var foreignOwner = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, new ResolutionForm
        {
            Decision = "校验", OwnerUnitId = notMember, DueDate = view.MeetingDay.AddDays(3).ToDateTime(TimeOnly.MinValue),
        }, Ct));
        Assert.Equal("只能选择本次会议时在册的成员单位。", Host.TextOf(foreignOwner, MinutesFields.Owner));

        var noText = await As("gridworker", s => s.ApproveAsync(meetingId, view.Version, "  ", Ct));
        Assert.Equal("请先生成或填写纪要正文。", Host.TextOf(noText, MinutesFields.Draft));

        // Someone else saved meanwhile: the stale save is refused with the conflict message.
        var draftSaved = await As("gridworker", s => s.SaveDraftAsync(meetingId, view.Version, "# 第一稿", Ct));
        Assert.True(draftSaved.Succeeded);
        var stale = await As("gridworker", s => s.SaveDraftAsync(meetingId, view.Version, "# 过期的稿", Ct));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        var staleApproval = await As("gridworker", s => s.ApproveAsync(meetingId, view.Version, "# 过期的稿", Ct));
        Assert.Equal(Outcome.Conflict, staleApproval.Outcome);

        await using var db = await Host.NewDbContextAsync(Ct);
        var meeting = await db.Meetings.Include(m => m.Resolutions).SingleAsync(m => m.Id == meetingId, Ct);
        Assert.Equal(MeetingStatus.Ended, meeting.Status);
        Assert.Empty(meeting.Resolutions);
        Assert.Equal("# 第一稿\n", meeting.MinutesMarkdown);
        Assert.Equal(draftSaved.Version, meeting.Version);
    }

    [Fact]
    public async Task A_decision_or_minutes_text_of_only_invisible_characters_is_refused_as_missing_and_nothing_changes()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "不可见字符纪要会议");
        var view = await ViewAsync(meetingId);

        var resolution = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, new ResolutionForm
        {
            Decision = UnsafeCharacters.Only, OwnerUnitId = view.Units[0].Id, DueDate = view.MeetingDay.AddDays(30).ToDateTime(TimeOnly.MinValue),
        }, Ct));
        var approval = await As("gridworker", s => s.ApproveAsync(meetingId, view.Version, UnsafeCharacters.Only, Ct));

        Assert.Equal("请填写决定事项（不超过 1000 字）。", Host.TextOf(resolution, MinutesFields.Decision));
        Assert.Equal("请先生成或填写纪要正文。", Host.TextOf(approval, MinutesFields.Draft));
        await using var db = await Host.NewDbContextAsync(Ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Resolutions).SingleAsync(m => m.Id == meetingId, Ct);
        Assert.Equal((MeetingStatus.Ended, view.Version), (meeting.Status, meeting.Version));
        Assert.Empty(meeting.Resolutions);
        Assert.Null(meeting.MinutesMarkdown);
    }

    [Fact]
    public async Task A_resolution_is_removed_at_the_version_seen_and_a_stale_or_missing_one_changes_nothing()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "删除决定事项会议");
        var view = await ViewAsync(meetingId);
        var form = new ResolutionForm { Decision = "待删除的决定", OwnerUnitId = view.Units[0].Id, DueDate = Today.AddDays(10).ToDateTime(TimeOnly.MinValue) };
        var saved = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, form, Ct));
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems));
        var resolutionId = (await ViewAsync(meetingId)).Resolutions.Single().Id;

        // Only who records; at the version they saw; a resolution that is not there is reported, not guessed at.
        Assert.Equal(Outcome.NotAllowed, (await As("liaison", s => s.DeleteResolutionAsync(meetingId, saved.Version!.Value, resolutionId, Ct))).Outcome);
        Assert.Equal(Outcome.Conflict, (await As("gridworker", s => s.DeleteResolutionAsync(meetingId, view.Version, resolutionId, Ct))).Outcome);
        var missing = await As("gridworker", s => s.DeleteResolutionAsync(meetingId, saved.Version!.Value, resolutionId + 10_000, Ct));
        Assert.Equal((Outcome.NotFound, "该决定事项已不存在。"), (missing.Outcome, Host.TextOf(missing)));
        Assert.Single((await ViewAsync(meetingId)).Resolutions);

        var deleted = await As("gridworker", s => s.DeleteResolutionAsync(meetingId, saved.Version!.Value, resolutionId, Ct));

        Assert.True(deleted.Succeeded, string.Join(", ", deleted.Problems));
        var after = await ViewAsync(meetingId);
        Assert.Empty(after.Resolutions);
        Assert.Equal(deleted.Version, after.Version);
        Assert.False(await TestAccounts.DbAsync(Host, db => db.Resolutions.AnyAsync(r => r.Id == resolutionId, Ct)));
    }

    [Fact]
    public async Task The_council_page_counts_new_open_and_closed_tasks_and_lists_the_overdue_with_their_reason()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var before = (await As("secretary", s => s.TasksAsync(council.Id, Ct)))!;
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "任务统计测试会议");
        var view = await ViewAsync(meetingId);
        var saved = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view.Version, new ResolutionForm
        {
            Decision = "场地开放：本月内签订开放协议", OwnerUnitId = view.Units[0].Id, DueDate = Today.AddDays(20).ToDateTime(TimeOnly.MinValue),
        }, Ct));
        var approved = await As("gridworker", s => s.ApproveAsync(meetingId, saved.Version!.Value, "# 纪要\n\n正文", Ct));
        Assert.True(approved.Succeeded, string.Join(", ", approved.Problems));
        var taskId = await TestAccounts.DbAsync(Host, db => db.Resolutions.Where(r => r.MeetingId == meetingId).Select(r => r.WorkItemId!.Value).SingleAsync(Ct));

        var after = (await As("resident", s => s.TasksAsync(council.Id, Ct)))!;
        Assert.Equal(before.CreatedThisYear + 1, after.CreatedThisYear);
        Assert.Equal(before.Open + 1, after.Open);
        Assert.Equal(before.Closed, after.Closed);
        Assert.Contains(after.Recent, t => t.WorkItemId == taskId && t.Title == "场地开放：本月内签订开放协议");
        Assert.DoesNotContain(after.Overdue, t => t.WorkItemId == taskId);

        // The deadline passes; the secretary chases with a note, which the council page shows as the reason.
        await TestAccounts.DbAsync(Host, db => db.WorkItems.Where(w => w.Id == taskId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAtUtc, DateTime.UtcNow.AddDays(-2)), Ct));
        var version = await TestAccounts.DbAsync(Host, db => db.WorkItems.Where(w => w.Id == taskId).Select(w => w.Version).SingleAsync(Ct));
        var chased = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<WorkItemService>().ChaseAsync(taskId, version, "协议文本待法务审核，请加快进度", Ct));
        Assert.True(chased.Succeeded);
        var overdue = (await As("secretary", s => s.TasksAsync(council.Id, Ct)))!.Overdue.Single(t => t.WorkItemId == taskId);
        Assert.Equal("协议文本待法务审核，请加快进度", overdue.Reason);
        Assert.Equal(view.Units[0].Name, overdue.OwnerUnitName);

        // Another community's resident does not see this council's tasks at all.
        Assert.Null(await As("resident2", s => s.TasksAsync(council.Id, Ct)));
    }
}

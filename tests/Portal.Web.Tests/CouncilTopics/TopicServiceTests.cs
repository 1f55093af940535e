using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Councils;
using Portal.Domain.Directory;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Features.Councils.Topics;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.CouncilTopics;

/// <summary>
/// Topic collection, screening and agenda confirmation through the real <see cref="TopicService"/> as each demo account:
/// who may submit for which unit, the deadline, screening reasons and merge targets, the confirmed agenda's items in order,
/// and who is notified. Every test makes its own meeting of the first demo council (topics close 3 days before).
/// </summary>
public sealed class TopicServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<TopicService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, services => action(services.GetRequiredService<TopicService>()));

    private Task<int> HospitalAsync() => TestAccounts.DbAsync(Host, async db =>
        (await db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.UserName })
            .SingleAsync(x => x.UserName == "liaison" && x.r.Role == PortalRole.UnitLiaison, Ct)).r.ScopeId);

    /// <summary>A member unit of the first council other than the liaison's hospital.</summary>
    private async Task<int> OtherMemberUnitAsync()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var hospital = await HospitalAsync();
        return council.Members.Where(m => m.UnitId is not null && m.UnitId != hospital && m.TermTo == null).Select(m => m.UnitId!.Value).First();
    }

    private async Task<int> SubmitAsync(string user, int meetingId, string title, int? unitId = null, int minutes = 15)
    {
        var result = await As(user, s => s.SubmitAsync(meetingId, new TopicForm { Title = title, UnitId = unitId, Minutes = minutes }, Ct));
        Assert.True(result.Succeeded, Host.TextOf(result));
        return result.Id;
    }

    private Task<Topic> TopicAsync(int id) => TestAccounts.DbAsync(Host, db => db.Topics.AsNoTracking().SingleAsync(t => t.Id == id, Ct));

    private Task<List<string>> NotifiedAsync(string key, string titlePart) => TestAccounts.DbAsync(Host, db =>
        db.Notifications.AsNoTracking().Where(n => n.MessageKey == key && n.MessageArgument!.Contains(titlePart))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).ToListAsync(Ct));

    // ---- Submission ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_liaison_submits_for_their_own_member_unit_without_choosing_it()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-联络员");

        var id = await SubmitAsync("liaison", meetingId, "医院义诊进社区");

        var topic = await TopicAsync(id);
        Assert.Equal(await HospitalAsync(), topic.ProposerUnitId);
        Assert.Equal(TopicStatus.Submitted, topic.Status);
        Assert.Equal((await TestAccounts.FindAsync(Host, "liaison")).Id, topic.ProposedByUserId);
        var page = await As("liaison", s => s.GetAsync(meetingId, Ct));
        Assert.True(page!.Rights.CanSubmit);
        Assert.False(page.Rights.CanScreen);
        Assert.True(Assert.Single(page.Topics).IsMine);
    }

    [Fact]
    public async Task A_manager_submits_on_behalf_of_any_member_unit_but_a_liaison_not_for_another_unit()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-代报");
        var other = await OtherMemberUnitAsync();

        var id = await SubmitAsync("secretary", meetingId, "代报议题", other);
        Assert.Equal(other, (await TopicAsync(id)).ProposerUnitId);

        var refused = await As("liaison", s => s.SubmitAsync(meetingId, new TopicForm { Title = "替别的单位报", UnitId = other }, Ct));
        Assert.Equal(Outcome.NotAllowed, refused.Outcome);
    }

    [Theory]
    [InlineData("resident", Outcome.NotAllowed)]
    [InlineData("member", Outcome.NotAllowed)]
    [InlineData("resident2", Outcome.NotFound)]
    public async Task Residents_and_other_communities_cannot_submit(string user, Outcome expected)
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-拒绝" + user);

        var result = await As(user, s => s.SubmitAsync(meetingId, new TopicForm { Title = "不该成功" }, Ct));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(0, await TestAccounts.DbAsync(Host, db => db.Topics.CountAsync(t => t.MeetingId == meetingId, Ct)));
        if (user == "resident")
        {
            var page = await As(user, s => s.GetAsync(meetingId, Ct));
            Assert.False(page!.Rights.CanSubmit);
            Assert.Empty(page.Topics);
        }
    }

    [Fact]
    public async Task A_unit_that_does_not_sit_on_the_council_is_refused_with_the_localized_reason()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-非成员单位");
        var community = await TestAccounts.DbAsync(Host, db => db.Communities.SingleAsync(c => c.Name == DemoDataSeeder.CommunityNames[0], Ct));
        var unitId = await TestAccounts.DbAsync(Host, async db =>
        {
            var unit = new CoBuildingUnit { StreetId = community.StreetId, CommunityId = community.Id, Name = "新入驻企业（非成员）" };
            db.Units.Add(unit);
            await db.SaveChangesAsync(Ct);
            return unit.Id;
        });
        // A liaison of the unit who also lives in the community (so they can see its council).
        var account = await TestAccounts.CreateAsync(Host, "nonmember",
            new ScopedRole(PortalRole.UnitLiaison, ScopeKind.Unit, unitId), new ScopedRole(PortalRole.Resident, ScopeKind.Community, community.Id));

        var result = await As(account.UserName!, s => s.SubmitAsync(meetingId, new TopicForm { Title = "想上会", UnitId = unitId }, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("只有联席会议成员单位可以提交议题。", Host.TextOf(result, TopicFields.Unit));
        Assert.Equal(0, await TestAccounts.DbAsync(Host, db => db.Topics.CountAsync(t => t.MeetingId == meetingId, Ct)));
    }

    [Fact]
    public async Task After_the_deadline_and_with_bad_fields_nothing_is_stored_and_each_error_names_its_field()
    {
        // The first council closes collection 3 whole days before; 2 days ahead is past that.
        var lateId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-已截止", TimeSpan.FromDays(2));
        var openId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-字段");

        var late = await As("liaison", s => s.SubmitAsync(lateId, new TopicForm { Title = "迟到的议题" }, Ct));
        var bad = await As("liaison", s => s.SubmitAsync(openId, new TopicForm { Title = " ", Minutes = 500 }, Ct));

        Assert.Equal("议题征集已截止。", Host.TextOf(late));
        Assert.Equal("请填写议题名称（不超过 100 字）。", Host.TextOf(bad, TopicFields.Title));
        Assert.Equal("建议时长须在 1 到 120 分钟之间。", Host.TextOf(bad, TopicFields.Minutes));
        Assert.Equal(0, await TestAccounts.DbAsync(Host, db => db.Topics.CountAsync(t => t.MeetingId == lateId || t.MeetingId == openId, Ct)));
        var page = await As("liaison", s => s.GetAsync(lateId, Ct));
        Assert.False(page!.CollectionOpen);
        Assert.False(page.Rights.CanSubmit);
    }

    [Fact]
    public async Task A_topic_links_only_to_a_list_item_the_submitter_can_see()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-关联");
        var options = await As("secretary", s => s.LinkOptionsAsync(meetingId, Ct));
        Assert.NotEmpty(options);
        var linked = options[0];
        var unit = await OtherMemberUnitAsync();

        var ok = await As("secretary", s => s.SubmitAsync(meetingId, new TopicForm { Title = "关联事项", UnitId = unit, WorkItemId = linked.Id }, Ct));
        var missing = await As("liaison", s => s.SubmitAsync(meetingId, new TopicForm { Title = "关联不存在的事项", WorkItemId = int.MaxValue }, Ct));

        Assert.True(ok.Succeeded, Host.TextOf(ok));
        Assert.Equal(linked.Id, (await TopicAsync(ok.Id)).WorkItemId);
        Assert.Equal(Outcome.Invalid, missing.Outcome);
        Assert.NotNull(missing.MessageOf(TopicFields.Link));
    }

    [Fact]
    public async Task The_link_options_are_what_the_lists_show_the_caller_and_an_item_they_cannot_see_is_refused()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-关联可见");
        var community = (await CouncilTestData.FirstCouncilAsync(Host)).CommunityId;
        var seen = new Dictionary<string, List<int>>();
        foreach (var user in new[] { "secretary", "liaison" })
        {
            var expected = new List<int>();
            foreach (var kind in TopicService.LinkableKinds)
            {
                var list = await TestAccounts.AsAsync(Host, user, s => s.GetRequiredService<WorkItemService>()
                    .ListAsync(new WorkItemQuery { Kind = kind, CommunityId = community, Take = TopicService.LinkOptionsPerKind }, Ct));
                expected.AddRange(list.Items.Select(i => i.Id));
            }
            seen[user] = (await As(user, s => s.LinkOptionsAsync(meetingId, Ct))).Select(o => o.Id).ToList();
            Assert.Equal(expected, seen[user]);
        }
        var hidden = seen["secretary"].Except(seen["liaison"]).First();

        var refused = await As("liaison", s => s.SubmitAsync(meetingId, new TopicForm { Title = "关联看不到的事项", WorkItemId = hidden }, Ct));

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.NotNull(refused.MessageOf(TopicFields.Link));
        Assert.False(await TestAccounts.DbAsync(Host, db => db.Topics.AnyAsync(t => t.MeetingId == meetingId, Ct)));
    }

    [Fact]
    public async Task A_title_of_only_invisible_characters_is_refused_as_missing_and_nothing_is_stored()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "提交-不可见字符");

        var result = await As("liaison", s => s.SubmitAsync(meetingId, new TopicForm { Title = UnsafeCharacters.Only, Description = UnsafeCharacters.Only }, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写议题名称（不超过 100 字）。", Host.TextOf(result, TopicFields.Title));
        Assert.Equal(0, await TestAccounts.DbAsync(Host, db => db.Topics.CountAsync(t => t.MeetingId == meetingId, Ct)));
    }

    // ---- Screening ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Deferring_needs_a_reason_which_the_proposer_then_sees_and_is_notified_of()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "筛选-暂缓");
        var id = await SubmitAsync("liaison", meetingId, "暂缓测试议题");
        var version = (await TopicAsync(id)).Version;

        var noReason = await As("secretary", s => s.ScreenAsync(id, version, TopicAction.Defer, "  ", ct: Ct));
        var byLiaison = await As("liaison", s => s.ScreenAsync(id, version, TopicAction.Accept, ct: Ct));
        var deferred = await As("secretary", s => s.ScreenAsync(id, version, TopicAction.Defer, "需先入户摸底", ct: Ct));

        Assert.Equal("请填写原因（不超过 500 字），将告知提议单位。", Host.TextOf(noReason, TopicFields.Reason));
        Assert.Equal(Outcome.NotAllowed, byLiaison.Outcome);
        Assert.True(deferred.Succeeded, Host.TextOf(deferred));
        var view = Assert.Single((await As("liaison", s => s.GetAsync(meetingId, Ct)))!.Topics);
        Assert.Equal(TopicStatus.Deferred, view.Status);
        Assert.Equal("需先入户摸底", view.ScreeningReason);
        Assert.Equal(["liaison"], await NotifiedAsync(CouncilNotificationKeys.TopicDeferred, "暂缓测试议题"));
        // The stale version is refused now that the topic changed.
        Assert.Equal(Outcome.Conflict, (await As("secretary", s => s.ScreenAsync(id, version, TopicAction.Withdraw, ct: Ct))).Outcome);
    }

    [Fact]
    public async Task A_screening_reason_of_only_invisible_characters_is_refused_as_missing()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "筛选-不可见原因");
        var id = await SubmitAsync("liaison", meetingId, "不可见原因测试议题");
        var target = await SubmitAsync("liaison", meetingId, "合并目标议题");
        var version = (await TopicAsync(id)).Version;

        var deferred = await As("secretary", s => s.ScreenAsync(id, version, TopicAction.Defer, UnsafeCharacters.Only, ct: Ct));
        var merged = await As("secretary", s => s.ScreenAsync(id, version, TopicAction.Merge, UnsafeCharacters.Only, target, Ct));

        Assert.Equal("请填写原因（不超过 500 字），将告知提议单位。", Host.TextOf(deferred, TopicFields.Reason));
        Assert.Equal("请填写原因（不超过 500 字），将告知提议单位。", Host.TextOf(merged, TopicFields.Reason));
        var topic = await TopicAsync(id);
        Assert.Equal((TopicStatus.Submitted, version), (topic.Status, topic.Version));
    }

    [Fact]
    public async Task Accepting_needs_no_reason_and_the_proposer_may_withdraw_their_own_topic()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "筛选-采纳");
        var a = await SubmitAsync("liaison", meetingId, "采纳测试议题");
        var b = await SubmitAsync("liaison", meetingId, "撤回测试议题");

        var accepted = await As("secretary", async s => await s.ScreenAsync(a, (await TopicAsync(a)).Version, TopicAction.Accept, ct: Ct));
        var withdrawn = await As("liaison", async s => await s.ScreenAsync(b, (await TopicAsync(b)).Version, TopicAction.Withdraw, ct: Ct));

        Assert.True(accepted.Succeeded, Host.TextOf(accepted));
        Assert.True(withdrawn.Succeeded, Host.TextOf(withdrawn));
        Assert.Equal(TopicStatus.Accepted, (await TopicAsync(a)).Status);
        Assert.Equal(TopicStatus.Withdrawn, (await TopicAsync(b)).Status);
        Assert.Equal(["liaison"], await NotifiedAsync(CouncilNotificationKeys.TopicAccepted, "采纳测试议题"));
        // The proposer withdrew it themselves: nobody is told.
        Assert.Empty(await NotifiedAsync(CouncilNotificationKeys.TopicWithdrawn, "撤回测试议题"));
    }

    [Fact]
    public async Task Merging_goes_only_into_another_open_topic_of_the_same_meeting()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "筛选-合并");
        var otherMeetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "筛选-合并-另一会议");
        var source = await SubmitAsync("liaison", meetingId, "合并来源");
        var target = await SubmitAsync("secretary", meetingId, "合并目标", await OtherMemberUnitAsync());
        var closed = await SubmitAsync("secretary", meetingId, "已撤回的目标", await OtherMemberUnitAsync());
        var elsewhere = await SubmitAsync("liaison", otherMeetingId, "别的会议的议题");
        await As("secretary", async s => await s.ScreenAsync(closed, (await TopicAsync(closed)).Version, TopicAction.Withdraw, ct: Ct));

        async Task<Result<TopicState>> MergeInto(int? into, string? reason = "内容相近") =>
            await As("secretary", async s => await s.ScreenAsync(source, (await TopicAsync(source)).Version, TopicAction.Merge, reason, into, Ct));

        var invalid = "只能并入同一会议中未结束的其他议题。";
        Assert.Equal(invalid, Host.TextOf(await MergeInto(source), TopicFields.Target));
        Assert.Equal(invalid, Host.TextOf(await MergeInto(closed), TopicFields.Target));
        Assert.Equal(invalid, Host.TextOf(await MergeInto(elsewhere), TopicFields.Target));
        Assert.Equal(invalid, Host.TextOf(await MergeInto(null), TopicFields.Target));
        Assert.NotNull((await MergeInto(target, null)).MessageOf(TopicFields.Reason));
        Assert.Equal(TopicStatus.Submitted, (await TopicAsync(source)).Status);

        var merged = await MergeInto(target);

        Assert.True(merged.Succeeded, Host.TextOf(merged));
        var stored = await TopicAsync(source);
        Assert.Equal(TopicStatus.Merged, stored.Status);
        Assert.Equal(target, stored.MergedIntoTopicId);
        var view = (await As("liaison", s => s.GetAsync(meetingId, Ct)))!.Topics.Single(t => t.Id == source);
        Assert.Equal("合并目标", view.MergedIntoTitle);
        Assert.Equal("内容相近", view.ScreeningReason);
    }

    [Fact]
    public async Task A_deferred_topic_is_resubmitted_by_its_proposer_for_a_later_meeting()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "改报-原会议", TimeSpan.FromDays(10));
        var laterId = await CouncilTestData.ScheduledMeetingAsync(Host, "改报-新会议", TimeSpan.FromDays(40));
        var id = await SubmitAsync("liaison", meetingId, "改报议题");
        await As("secretary", async s => await s.ScreenAsync(id, (await TopicAsync(id)).Version, TopicAction.Defer, "下次再议", ct: Ct));

        var page = await As("liaison", s => s.GetAsync(meetingId, Ct));
        Assert.Contains(TopicAction.Resubmit, page!.Topics.Single().Actions);
        Assert.Contains(page.LaterMeetings, m => m.Id == laterId);
        var result = await As("liaison", async s => await s.ResubmitAsync(id, (await TopicAsync(id)).Version, laterId, Ct));

        Assert.True(result.Succeeded, Host.TextOf(result));
        var topic = await TopicAsync(id);
        Assert.Equal(laterId, topic.MeetingId);
        Assert.Equal(TopicStatus.Submitted, topic.Status);
    }

    // ---- Agenda ---------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Confirming_stores_the_agenda_items_in_the_chosen_order_and_notifies_everyone_sitting_but_no_resident()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "议程确认会议");
        var first = await SubmitAsync("liaison", meetingId, "议程甲");
        var second = await SubmitAsync("secretary", meetingId, "议程乙", await OtherMemberUnitAsync());
        var pending = await SubmitAsync("liaison", meetingId, "未筛选议题");
        foreach (var id in new[] { first, second })
            await As("secretary", async s => await s.ScreenAsync(id, (await TopicAsync(id)).Version, TopicAction.Accept, ct: Ct));
        var version = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync(Ct));
        var bus = Host.Services.GetRequiredService<LiveEventBus>();
        var sequence = await bus.LastSequenceAsync(MeetingChannels.For(meetingId), Ct);

        var notAccepted = await As("secretary", s => s.ConfirmAgendaAsync(meetingId, version, [new(second, 10), new(pending, 10)], Ct));
        var byLiaison = await As("liaison", s => s.ConfirmAgendaAsync(meetingId, version, [new(second, 10)], Ct));
        var badMinutes = await As("secretary", s => s.ConfirmAgendaAsync(meetingId, version, [new(second, 0)], Ct));
        var confirmed = await As("secretary", s => s.ConfirmAgendaAsync(meetingId, version, [new(second, 10), new(first, 25)], Ct));

        Assert.Equal("只有已采纳的议题才能列入议程。", Host.TextOf(notAccepted, TopicFields.Agenda));
        Assert.Equal(Outcome.NotAllowed, byLiaison.Outcome);
        Assert.Equal(Outcome.Invalid, badMinutes.Outcome);
        Assert.True(confirmed.Succeeded, Host.TextOf(confirmed));
        var meeting = await TestAccounts.DbAsync(Host, db => db.Meetings.Include(m => m.AgendaItems).AsNoTracking().SingleAsync(m => m.Id == meetingId, Ct));
        Assert.Equal(MeetingStatus.AgendaConfirmed, meeting.Status);
        var items = meeting.AgendaItems.OrderBy(i => i.Position).ToList();
        Assert.Equal([(second, "议程乙", 10), (first, "议程甲", 25)], items.Select(i => (i.TopicId!.Value, i.Title, i.TimeBoxMinutes)));
        var events = await bus.ReadAfterAsync(MeetingChannels.For(meetingId), sequence, Ct);
        Assert.Contains(events, e => e.Type == MeetingChannels.StatusChanged);

        var notified = await NotifiedAsync(CouncilNotificationKeys.AgendaConfirmed, "议程确认会议");
        Assert.Contains("liaison", notified);      // a member unit's liaison (by account and by person)
        Assert.Contains("gridworker", notified);   // the recorder's seat
        Assert.DoesNotContain("secretary", notified); // the actor
        Assert.DoesNotContain("resident", notified);
        Assert.DoesNotContain("resident2", notified);
        Assert.DoesNotContain("member", notified);
        Assert.Equal(notified.Count, notified.Distinct().Count());
        // Opening the notification goes to the live meeting page.
        var links = await TestAccounts.DbAsync(Host, db => db.Notifications.AsNoTracking()
            .Where(n => n.MessageKey == CouncilNotificationKeys.AgendaConfirmed && n.MessageArgument!.Contains("议程确认会议"))
            .Select(n => n.LinkPath).Distinct().ToListAsync(Ct));
        Assert.Equal([$"councils/meetings/{meetingId}"], links);

        // Screening stops once the agenda is confirmed; the chair may reopen it before the meeting.
        var late = await As("secretary", async s => await s.ScreenAsync(pending, (await TopicAsync(pending)).Version, TopicAction.Accept, ct: Ct));
        Assert.Equal(Outcome.Invalid, late.Outcome);
        var reopened = await As("secretary", async s => await s.ReopenAgendaAsync(meetingId,
            await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync(Ct)), Ct));
        Assert.True(reopened.Succeeded, Host.TextOf(reopened));
        Assert.Equal(MeetingStatus.Scheduled, await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Confirming_with_a_stale_meeting_version_is_refused_as_a_conflict()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "议程并发");
        var id = await SubmitAsync("liaison", meetingId, "并发议题");
        await As("secretary", async s => await s.ScreenAsync(id, (await TopicAsync(id)).Version, TopicAction.Accept, ct: Ct));

        var result = await As("secretary", s => s.ConfirmAgendaAsync(meetingId, Guid.NewGuid(), [new(id, 15)], Ct));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal(MeetingStatus.Scheduled, await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync(Ct)));
    }

    // ---- Ad-hoc requests ----------------------------------------------------------------------------------------

    private static AdHocRequestForm Request(string title, DateTime startsLocal) => new()
    {
        Title = title, StartsLocal = startsLocal, DurationMinutes = 60, Reason = "汛期临近，需尽快协调",
        Topics = [new() { Title = title + "·议题一", Minutes = 20 }, new() { Title = "", Minutes = 15 }],
    };

    private static DateTime InDaysLocal(int days) => Portal.Web.Features.Localization.PortalTime.ToLocal(DateTime.UtcNow).Date.AddDays(days).AddHours(15);

    [Fact]
    public async Task A_request_with_several_topics_is_announced_to_each_manager_once()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var form = Request("多议题临时会议", InDaysLocal(5));
        form.Topics = [new() { Title = "多议题·一", Minutes = 20 }, new() { Title = "多议题·二", Minutes = 10 }];

        var requested = await As("liaison", s => s.RequestAsync(council.Id, form, Ct));

        Assert.True(requested.Succeeded, Host.TextOf(requested));
        Assert.Equal(2, await TestAccounts.DbAsync(Host, db => db.Topics.CountAsync(t => t.MeetingId == requested.Id, Ct)));
        var notified = await NotifiedAsync(CouncilNotificationKeys.AdHocRequested, "多议题临时会议");
        Assert.Contains("secretary", notified);
        Assert.Equal(notified.Distinct().Count(), notified.Count);
    }

    [Fact]
    public async Task A_liaison_requests_an_ad_hoc_meeting_which_a_manager_confirms_at_another_time()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);

        var empty = await As("liaison", s => s.RequestAsync(council.Id, new AdHocRequestForm { Title = "缺议题", StartsLocal = InDaysLocal(5), Reason = "理由", Topics = [new()] }, Ct));
        var requested = await As("liaison", s => s.RequestAsync(council.Id, Request("防汛临时会议", InDaysLocal(5)), Ct));

        Assert.Equal("申请临时会议须至少提出一个议题。", Host.TextOf(empty, TopicFields.Topics));
        Assert.True(requested.Succeeded, Host.TextOf(requested));
        var meeting = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == requested.Id, Ct));
        Assert.Equal(MeetingStatus.Requested, meeting.Status);
        Assert.Equal(MeetingKind.AdHoc, meeting.Kind);
        Assert.Equal(await HospitalAsync(), meeting.RequestedByUnitId);
        var topics = await TestAccounts.DbAsync(Host, db => db.Topics.AsNoTracking().Where(t => t.MeetingId == meeting.Id).ToListAsync(Ct));
        Assert.Equal("防汛临时会议·议题一", Assert.Single(topics).Title);
        Assert.Equal(TopicStatus.Submitted, topics[0].Status);
        Assert.Contains("secretary", await NotifiedAsync(CouncilNotificationKeys.AdHocRequested, "防汛临时会议"));
        Assert.Contains(meeting.Id, (await As("secretary", s => s.CouncilLinksAsync(council.Id, Ct)))!.Requested.Select(r => r.Id));
        Assert.Empty((await As("liaison", s => s.CouncilLinksAsync(council.Id, Ct)))!.Requested);

        var byLiaison = await As("liaison", s => s.ConfirmRequestAsync(meeting.Id, meeting.Version, InDaysLocal(6), 90, Ct));
        var inPast = await As("secretary", s => s.ConfirmRequestAsync(meeting.Id, meeting.Version, InDaysLocal(-1), 90, Ct));
        var confirmed = await As("secretary", s => s.ConfirmRequestAsync(meeting.Id, meeting.Version, InDaysLocal(6), 90, Ct));

        Assert.Equal(Outcome.NotAllowed, byLiaison.Outcome);
        Assert.Equal("会议时间不能早于现在。", Host.TextOf(inPast, TopicFields.Start));
        Assert.True(confirmed.Succeeded, Host.TextOf(confirmed));
        var after = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id, Ct));
        Assert.Equal(MeetingStatus.Scheduled, after.Status);
        Assert.Equal(InDaysLocal(6), Portal.Web.Features.Localization.PortalTime.ToLocal(after.StartsAtUtc));
        Assert.Equal(TimeSpan.FromMinutes(90), after.EndsAtUtc - after.StartsAtUtc);
        Assert.Equal(meeting.ProposedStartsAtUtc, after.ProposedStartsAtUtc);
        Assert.Contains("liaison", await NotifiedAsync(CouncilNotificationKeys.AdHocConfirmed, "防汛临时会议"));
    }

    [Fact]
    public async Task A_manager_declines_a_request_only_with_a_reason_which_the_requesting_unit_is_told()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var requested = await As("liaison", s => s.RequestAsync(council.Id, Request("拟拒绝的临时会议", InDaysLocal(7)), Ct));
        var version = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == requested.Id).Select(m => m.Version).SingleAsync(Ct));

        var noReason = await As("secretary", s => s.DeclineRequestAsync(requested.Id, version, " ", Ct));
        var declined = await As("secretary", s => s.DeclineRequestAsync(requested.Id, version, "已纳入下月例会", Ct));

        Assert.Equal("请填写原因（不超过 500 字），将告知相关单位。", Host.TextOf(noReason, TopicFields.Reason));
        Assert.True(declined.Succeeded, Host.TextOf(declined));
        var meeting = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == requested.Id, Ct));
        Assert.Equal(MeetingStatus.Declined, meeting.Status);
        Assert.Equal("已纳入下月例会", meeting.DecisionReason);
        var page = await As("liaison", s => s.GetAsync(requested.Id, Ct));
        Assert.Equal("已纳入下月例会", page!.DecisionReason);
        var told = await TestAccounts.DbAsync(Host, db => db.Notifications.AsNoTracking()
            .Where(n => n.MessageKey == CouncilNotificationKeys.AdHocDeclined && n.MessageArgument!.Contains("拟拒绝的临时会议")).ToListAsync(Ct));
        Assert.NotEmpty(told);
        Assert.All(told, n => Assert.Contains("已纳入下月例会", n.MessageArgument));
    }

    [Fact]
    public async Task An_ad_hoc_request_of_only_invisible_characters_is_refused_field_by_field_and_nothing_is_stored()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var before = await TestAccounts.DbAsync(Host, db => db.Meetings.CountAsync(Ct));

        var result = await As("liaison", s => s.RequestAsync(council.Id, new AdHocRequestForm
        {
            Title = UnsafeCharacters.Only, StartsLocal = InDaysLocal(5), DurationMinutes = 60, Reason = UnsafeCharacters.Only,
            Topics = [new() { Title = UnsafeCharacters.Only, Minutes = 20 }],
        }, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写会议名称（不超过 100 字）。", Host.TextOf(result, TopicFields.Title));
        Assert.Equal("请填写申请理由（不超过 500 字）。", Host.TextOf(result, TopicFields.Reason));
        // A topic row of invisible characters is an empty row: the request has no topic.
        Assert.Equal("申请临时会议须至少提出一个议题。", Host.TextOf(result, TopicFields.Topics));
        Assert.Equal(before, await TestAccounts.DbAsync(Host, db => db.Meetings.CountAsync(Ct)));
    }

    [Fact]
    public async Task Declining_with_a_reason_of_only_invisible_characters_is_refused_as_missing()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var requested = await As("liaison", s => s.RequestAsync(council.Id, Request("不可见理由的临时会议", InDaysLocal(7)), Ct));
        var version = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == requested.Id).Select(m => m.Version).SingleAsync(Ct));

        var declined = await As("secretary", s => s.DeclineRequestAsync(requested.Id, version, UnsafeCharacters.Only, Ct));

        Assert.Equal("请填写原因（不超过 500 字），将告知相关单位。", Host.TextOf(declined, TopicFields.Reason));
        var meeting = await TestAccounts.DbAsync(Host, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == requested.Id, Ct));
        Assert.Equal((MeetingStatus.Requested, version), (meeting.Status, meeting.Version));
    }

    [Fact]
    public async Task A_resident_cannot_request_a_meeting()
    {
        var council = await CouncilTestData.FirstCouncilAsync(Host);

        var options = await As("resident", s => s.RequestOptionsAsync(council.Id, Ct));
        var result = await As("resident", s => s.RequestAsync(council.Id, Request("居民不能申请", InDaysLocal(5)), Ct));

        Assert.Empty(options!.Units);
        Assert.Equal(Outcome.NotAllowed, result.Outcome);
    }

    // ---- Another community ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Another_community_s_secretary_gets_not_found_for_everything()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "他社区书记");
        var id = await SubmitAsync("liaison", meetingId, "他社区不可见议题");
        var council = await CouncilTestData.FirstCouncilAsync(Host);
        var community2 = await TestAccounts.DbAsync(Host, db => db.Communities.SingleAsync(c => c.Name == DemoDataSeeder.CommunityNames[1], Ct));
        var other = await TestAccounts.CreateAsync(Host, "sec2", new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, community2.Id));
        var topicVersion = (await TopicAsync(id)).Version;
        var meetingVersion = await TestAccounts.DbAsync(Host, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync(Ct));

        Assert.Null(await As(other.UserName!, s => s.GetAsync(meetingId, Ct)));
        Assert.Null(await As(other.UserName!, s => s.CouncilLinksAsync(council.Id, Ct)));
        Assert.Null(await As(other.UserName!, s => s.RequestOptionsAsync(council.Id, Ct)));
        Assert.Equal(Outcome.NotFound, (await As(other.UserName!, s => s.SubmitAsync(meetingId, new TopicForm { Title = "x" }, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(other.UserName!, s => s.ScreenAsync(id, topicVersion, TopicAction.Accept, ct: Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(other.UserName!, s => s.ConfirmAgendaAsync(meetingId, meetingVersion, [new(id, 15)], Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(other.UserName!, s => s.ConfirmRequestAsync(meetingId, meetingVersion, InDaysLocal(5), 60, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(other.UserName!, s => s.RequestAsync(council.Id, Request("他社区申请", InDaysLocal(5)), Ct))).Outcome);
        Assert.Equal(TopicStatus.Submitted, (await TopicAsync(id)).Status);
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.CouncilMeetings;

/// <summary>
/// The live agenda through the real portal (services, database, event bus): who may do what, concurrent operations from
/// two people at the same revision, the events every page follows, and decisions that survive a restart.
/// </summary>
public sealed class MeetingLiveServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<MeetingLiveService, Task<T>> action) => Host.AsAsync(user, action);

    private string CouncilText(string key)
    {
        using var scope = Host.Services.CreateScope();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        return scope.ServiceProvider.GetRequiredService<IStringLocalizer<CouncilsText>>()[key];
    }

    private string MeetingText(string key)
    {
        using var scope = Host.Services.CreateScope();
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        return scope.ServiceProvider.GetRequiredService<IStringLocalizer<MeetingsText>>()[key];
    }

    private async Task<int> RunningMeetingAsync(string title)
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(Host, title);
        var started = await As("secretary", s => s.StartMeetingAsync(id, Ct));
        Assert.True(started.Succeeded, Host.TextOf(started));
        return id;
    }

    private async Task<MeetingSnapshot> SnapshotAsync(int id) =>
        (await As("secretary", s => s.LoadAsync(id, Ct)))!.Snapshot!;

    [Fact]
    public async Task Steering_recording_and_reading_are_allowed_exactly_by_the_meeting_s_rights()
    {
        var id = await RunningMeetingAsync("权限测试会议");
        var snapshot = await SnapshotAsync(id);
        var first = snapshot.Items[0].Number;
        var rev = snapshot.AgendaRevision;
        var notAllowed = MeetingText(MeetingLiveService.ErrorNotAllowed);

        // The secretary (secretariat, community secretary) steers and records.
        Assert.True((await As("secretary", s => s.SetCurrentAsync(id, rev, first, Ct))).Succeeded);
        // The recorder (grid worker) records but does not steer.
        var recorded = await As("gridworker", s => s.RecordAsync(id, rev + 1, first, "同意", "记录一", Ct));
        Assert.True(recorded.Succeeded, Host.TextOf(recorded));
        var recorderSteers = await As("gridworker", s => s.MoveAsync(id, rev + 2, first, null, Ct));
        Assert.False(recorderSteers.Succeeded);
        Assert.Equal(notAllowed, Host.TextOf(recorderSteers));
        Assert.Equal(Outcome.NotAllowed, recorderSteers.Outcome);
        Assert.Equal(notAllowed, Host.TextOf(await As("gridworker", s => s.EndMeetingAsync(id, Ct))));

        // A member unit's liaison takes part: reads the agenda, neither steers nor records.
        var liaison = await As("liaison", s => s.LoadAsync(id, Ct));
        Assert.NotNull(liaison!.Snapshot);
        Assert.True(liaison.Rights.CanParticipate);
        Assert.Equal(notAllowed, Host.TextOf(await As("liaison", s => s.SetCurrentAsync(id, rev + 2, snapshot.Items[1].Number, Ct))));
        Assert.Equal(notAllowed, Host.TextOf(await As("liaison", s => s.RecordAsync(id, rev + 2, first, null, "联络员记录", Ct))));
        Assert.Equal(notAllowed, Host.TextOf(await As("liaison", s => s.AddUrgentAsync(id, rev + 2, "联络员议题", 5, null, Ct))));

        // A resident of the community may see the council but is no participant: the header, a message, no agenda.
        var resident = await As("resident", s => s.LoadAsync(id, Ct));
        Assert.NotNull(resident);
        Assert.Null(resident.Snapshot);
        Assert.False(resident.Rights.CanParticipate);
        Assert.Equal(notAllowed, Host.TextOf(await As("resident", s => s.RecordAsync(id, rev + 2, first, null, "居民记录", Ct))));
        Assert.Equal(notAllowed, Host.TextOf(await As("resident", s => s.StartTimerAsync(id, rev + 2, first, Ct))));
        // Another community's resident: as if the meeting did not exist.
        Assert.Null(await As("resident2", s => s.LoadAsync(id, Ct)));
        Assert.Equal(MeetingText(MeetingAgendaCoordinator.ErrorNotFound), Host.TextOf(await As("resident2", s => s.SetCurrentAsync(id, rev + 2, first, Ct))));

        // Nothing the refused callers tried was stored.
        var after = await SnapshotAsync(id);
        Assert.Equal(rev + 2, after.AgendaRevision);
        Assert.Equal("记录一", after.Items.Single(i => i.Number == first).Notes);
        Assert.Equal(3, after.Items.Count);
        var log = await TestAccounts.DbAsync(Host, db => db.AgendaChanges.Where(c => c.MeetingId == id).OrderBy(c => c.Revision).ToListAsync(Ct));
        Assert.Equal([rev + 1, rev + 2], log.Select(c => c.Revision));
    }

    [Fact]
    public async Task An_agenda_title_of_only_invisible_characters_is_refused_and_such_notes_are_no_notes()
    {
        var id = await RunningMeetingAsync("不可见字符会议");
        var snapshot = await SnapshotAsync(id);
        var first = snapshot.Items[0].Number;
        var rev = snapshot.AgendaRevision;
        var required = CouncilText(LiveAgenda.ErrorTitleRequired);

        Assert.Equal(required, Host.TextOf(await As("secretary", s => s.AddUrgentAsync(id, rev, UnsafeCharacters.Only, 10, null, Ct))));
        Assert.Equal(required, Host.TextOf(await As("secretary", s => s.EditAsync(id, rev, first, UnsafeCharacters.Only, null, Ct))));
        Assert.Equal(rev, (await SnapshotAsync(id)).AgendaRevision);

        // Outcome and notes are optional: invisible characters only clear them, as an empty field does.
        Assert.True((await As("secretary", s => s.RecordAsync(id, rev, first, "同意", "记录", Ct))).Succeeded);
        Assert.True((await As("secretary", s => s.RecordAsync(id, rev + 1, first, UnsafeCharacters.Only, UnsafeCharacters.Only, Ct))).Succeeded);
        var item = (await SnapshotAsync(id)).Items.Single(i => i.Number == first);
        Assert.Equal((null, null, snapshot.Items[0].Title), (item.Outcome, item.Notes, item.Title));
        var stored = await TestAccounts.DbAsync(Host, db => db.AgendaItems.AsNoTracking().SingleAsync(i => i.MeetingId == id && i.Number == first, Ct));
        Assert.Equal((null, null), (stored.Outcome, stored.Notes));
    }

    [Fact]
    public async Task Two_people_at_the_same_revision_both_keep_changes_to_different_items_and_fields_and_the_second_same_field_edit_is_refused()
    {
        var id = await RunningMeetingAsync("并发测试会议");
        var snapshot = await SnapshotAsync(id);
        var (a, b) = (snapshot.Items[0].Number, snapshot.Items[1].Number);
        var rev = snapshot.AgendaRevision;

        // Different items, at once, both based on the same revision.
        var different = await Task.WhenAll(
            As("secretary", s => s.EditAsync(id, rev, a, "社区停车秩序整治（修订）", null, Ct)),
            As("gridworker", s => s.RecordAsync(id, rev, b, null, "助餐点记录", Ct)));
        Assert.All(different, r => Assert.True(r.Succeeded, Host.TextOf(r)));
        Assert.Single(different, r => r.Value!.Merged);

        // Different fields of one item, at once.
        var sameItem = await Task.WhenAll(
            As("secretary", s => s.EditAsync(id, rev + 2, b, null, 25, Ct)),
            As("gridworker", s => s.RecordAsync(id, rev + 2, b, "同意选址", null, Ct)));
        Assert.All(sameItem, r => Assert.True(r.Succeeded, Host.TextOf(r)));

        // The same field of one item, at once: one is stored, the other refused with the clear message; nothing merged blindly.
        var sameField = await Task.WhenAll(
            As("secretary", s => s.RecordAsync(id, rev + 4, a, null, "书记的记录", Ct)),
            As("gridworker", s => s.RecordAsync(id, rev + 4, a, null, "记录员的记录", Ct)));
        var winner = Assert.Single(sameField, r => r.Succeeded);
        var loser = Assert.Single(sameField, r => !r.Succeeded);
        Assert.Equal(CouncilText(LiveAgenda.ErrorEditConflict), Host.TextOf(loser));
        Assert.Equal(Outcome.Conflict, loser.Outcome);

        var after = await SnapshotAsync(id);
        Assert.Equal(rev + 5, after.AgendaRevision);
        var itemA = after.Items.Single(i => i.Number == a);
        var itemB = after.Items.Single(i => i.Number == b);
        Assert.Equal("社区停车秩序整治（修订）", itemA.Title);
        Assert.Equal(winner == sameField[0] ? "书记的记录" : "记录员的记录", itemA.Notes);
        Assert.Equal("助餐点记录", itemB.Notes);
        Assert.Equal(25, itemB.TimeBoxMinutes);
        Assert.Equal("同意选址", itemB.Outcome);
    }

    [Fact]
    public async Task Concurrent_moves_and_an_urgent_item_merge_and_a_second_move_of_the_same_item_is_refused()
    {
        var id = await RunningMeetingAsync("拖动测试会议");
        var snapshot = await SnapshotAsync(id);
        var (a, b, c) = (snapshot.Items[0].Number, snapshot.Items[1].Number, snapshot.Items[2].Number);
        var rev = snapshot.AgendaRevision;

        var results = await Task.WhenAll(
            As("secretary", s => s.MoveAsync(id, rev, c, a, Ct)),
            As("admin", s => s.AddUrgentAsync(id, rev, "燃气安全紧急通报", 5, b, Ct)));
        Assert.All(results, r => Assert.True(r.Succeeded, Host.TextOf(r)));
        var moveAgain = await As("admin", s => s.MoveAsync(id, rev, c, null, Ct));
        Assert.Equal(CouncilText(LiveAgenda.ErrorMoveConflict), Host.TextOf(moveAgain));

        var after = await SnapshotAsync(id);
        Assert.Equal([c, a], after.Items.Select(i => i.Number).Where(n => n == a || n == c));
        var urgent = Assert.Single(after.Items, i => i.IsUrgent);
        var order = after.Items.Select(i => i.Number).ToList();
        Assert.Equal(order.IndexOf(b) - 1, order.IndexOf(urgent.Number));
    }

    [Fact]
    public async Task Every_applied_change_is_published_with_consecutive_revisions_and_replaying_them_gives_the_stored_agenda()
    {
        var id = await RunningMeetingAsync("事件测试会议");
        var bus = Host.Services.GetRequiredService<LiveEventBus>();
        var topic = MeetingChannels.For(id);
        var before = await SnapshotAsync(id);
        var received = new ConcurrentQueue<LiveEvent>();
        using var subscription = bus.Subscribe(topic, e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });
        var (a, b, c) = (before.Items[0].Number, before.Items[1].Number, before.Items[2].Number);
        var rev = before.AgendaRevision;

        Assert.True((await As("secretary", s => s.SetCurrentAsync(id, rev, a, Ct))).Succeeded);
        // Two people at once, then a refused operation (no event) and more changes.
        await Task.WhenAll(
            As("secretary", s => s.MoveAsync(id, rev + 1, c, b, Ct)),
            As("gridworker", s => s.RecordAsync(id, rev + 1, a, "同意", "记录", Ct)));
        // Based on the revision before the first set-current: refused, and it publishes nothing.
        Assert.False((await As("secretary", s => s.SetCurrentAsync(id, rev, b, Ct))).Succeeded);
        Assert.True((await As("secretary", s => s.AddUrgentAsync(id, rev + 3, "临时议题", 5, null, Ct))).Succeeded);
        Assert.True((await As("secretary", s => s.SetCurrentAsync(id, rev + 4, b, Ct))).Succeeded);
        Assert.True((await As("secretary", s => s.EndMeetingAsync(id, Ct))).Succeeded);

        // Delivery is asynchronous; the store has them in order whatever the delivery order was.
        var stored = await bus.ReadAfterAsync(topic, before.LastSequence, Ct);
        var agendaEvents = stored.Where(e => e.Type == MeetingChannels.AgendaChanged).Select(e => e.PayloadAs<AgendaChange>()!).ToList();
        Assert.Equal(Enumerable.Range(rev + 1, agendaEvents.Count), agendaEvents.Select(e => e.Revision));
        Assert.Equal(AgendaChangeKind.Closed, agendaEvents[^1].Kind);
        var status = stored.Where(e => e.Type == MeetingChannels.StatusChanged).Select(e => e.PayloadAs<MeetingStatusChanged>()!).Last();
        Assert.Equal(MeetingStatus.Ended, status.Status);
        Assert.Equal(agendaEvents[^1].Revision, status.AgendaRevision);
        Assert.Equal(stored.Select(e => e.Sequence), stored.Select(e => e.Sequence).Order());

        var view = AgendaView.From(before, null, null);
        foreach (var e in stored)
        {
            var (next, step) = e.Type == MeetingChannels.AgendaChanged ? view.Apply(e.PayloadAs<AgendaChange>()!) : view.Apply(e.PayloadAs<MeetingStatusChanged>()!);
            Assert.NotEqual(AgendaViewStep.Gap, step);
            view = next;
        }
        var after = await SnapshotAsync(id);
        Assert.Equal(after.AgendaRevision, view.Revision);
        Assert.Equal(after.Items, view.Items);
        Assert.Equal(MeetingStatus.Ended, view.Status);

        // The subscriber (as a page is) got every one of them.
        await WaitUntilAsync(() => received.Count >= stored.Count);
        Assert.Equal(stored.Select(e => e.Sequence).Order(), received.Select(e => e.Sequence).Order());
    }

    [Fact]
    public async Task After_a_restart_the_change_log_still_decides_what_merges_and_what_is_refused()
    {
        var id = await RunningMeetingAsync("重启测试会议");
        var snapshot = await SnapshotAsync(id);
        var a = snapshot.Items[0].Number;
        var rev = snapshot.AgendaRevision;
        Assert.True((await As("gridworker", s => s.RecordAsync(id, rev, a, null, "重启前的记录", Ct))).Succeeded);

        // A new coordinator, as after a restart or on another node: no memory of the change above except the database.
        var restarted = ActivatorUtilities.CreateInstance<MeetingAgendaCoordinator>(Host.Services);
        var sameField = await restarted.ApplyAsync(id, new EditItem(rev, "刘红梅", a, Notes: "基于旧版本的记录"), Ct);
        Assert.Equal(LiveAgenda.ErrorEditConflict, sameField.ErrorCode);
        var otherField = await restarted.ApplyAsync(id, new EditItem(rev, "刘红梅", a, Title: "重启后改的名称"), Ct);
        Assert.True(otherField.Applied, otherField.ErrorCode);
        Assert.True(otherField.Merged);

        var after = await SnapshotAsync(id);
        var item = after.Items.Single(i => i.Number == a);
        Assert.Equal("重启前的记录", item.Notes);
        Assert.Equal("重启后改的名称", item.Title);
    }

    [Fact]
    public async Task Two_nodes_writing_the_same_meeting_at_once_both_land_one_after_the_other()
    {
        var id = await RunningMeetingAsync("双节点测试会议");
        var snapshot = await SnapshotAsync(id);
        var rev = snapshot.AgendaRevision;
        // Two coordinators do not share their locks, like two nodes: the database refuses the slower writer, which retries.
        var node1 = ActivatorUtilities.CreateInstance<MeetingAgendaCoordinator>(Host.Services);
        var node2 = ActivatorUtilities.CreateInstance<MeetingAgendaCoordinator>(Host.Services);
        for (var round = 0; round < 3; round++)
        {
            var results = await Task.WhenAll(
                Task.Run(() => node1.ApplyAsync(id, new EditItem(rev, "刘红梅", snapshot.Items[0].Number, Notes: $"节点一 {round}"), Ct), Ct),
                Task.Run(() => node2.ApplyAsync(id, new EditItem(rev, "孙志强", snapshot.Items[1].Number, Notes: $"节点二 {round}"), Ct), Ct));
            Assert.All(results, r => Assert.True(r.Applied, r.ErrorCode));
            rev += 2;
        }
        var log = await TestAccounts.DbAsync(Host, db => db.AgendaChanges.Where(c => c.MeetingId == id).OrderBy(c => c.Revision).Select(c => c.Revision).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(snapshot.AgendaRevision + 1, 6), log);
        var after = await SnapshotAsync(id);
        Assert.Equal("节点一 2", after.Items[0].Notes);
        Assert.Equal("节点二 2", after.Items[1].Notes);
    }

    [Fact]
    public async Task Before_the_start_the_agenda_is_not_live_and_after_the_end_only_outcomes_and_notes_are_taken()
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(Host, "状态测试会议");
        var snapshot = await SnapshotAsync(id);
        var a = snapshot.Items[0].Number;
        var rev = snapshot.AgendaRevision;
        var notInStatus = CouncilText(MeetingWorkflow.NotAllowedInStatus);

        Assert.Equal(notInStatus, Host.TextOf(await As("secretary", s => s.SetCurrentAsync(id, rev, a, Ct))));
        Assert.Equal(notInStatus, Host.TextOf(await As("secretary", s => s.EndMeetingAsync(id, Ct))));
        Assert.True((await As("secretary", s => s.StartMeetingAsync(id, Ct))).Succeeded);
        Assert.Equal(notInStatus, Host.TextOf(await As("secretary", s => s.StartMeetingAsync(id, Ct))));
        Assert.True((await As("secretary", s => s.SetCurrentAsync(id, rev, a, Ct))).Succeeded);
        Assert.True((await As("secretary", s => s.EndMeetingAsync(id, Ct))).Succeeded);

        var ended = await SnapshotAsync(id);
        Assert.Equal(MeetingStatus.Ended, ended.Status);
        Assert.Null(ended.CurrentNumber);
        Assert.NotNull(ended.Items.Single(i => i.Number == a).ActualEndUtc);
        Assert.Equal(notInStatus, Host.TextOf(await As("secretary", s => s.MoveAsync(id, ended.AgendaRevision, a, null, Ct))));
        Assert.Equal(notInStatus, Host.TextOf(await As("secretary", s => s.EditAsync(id, ended.AgendaRevision, a, "会后改名", null, Ct))));
        var late = await As("gridworker", s => s.RecordAsync(id, ended.AgendaRevision, a, "会后补记结论", null, Ct));
        Assert.True(late.Succeeded, Host.TextOf(late));
        Assert.Equal("会后补记结论", (await SnapshotAsync(id)).Items.Single(i => i.Number == a).Outcome);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50, Ct);
        Assert.True(condition());
    }
}

using Portal.Domain.Councils;
using Portal.Web.Features.Councils;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Councils.Meetings;

namespace Portal.Web.Tests.CouncilMeetings;

/// <summary>
/// The meeting page's one place for applying live events (<see cref="AgendaView"/>): events produced by the real live
/// agenda, applied in order, give the agenda the server holds; old ones are ignored; missing ones are reported as a gap.
/// </summary>
public sealed class AgendaViewTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 6, 30, 0, DateTimeKind.Utc);

    private static AgendaState Confirmed() => AgendaState.FromConfirmed(
    [
        new ConfirmedAgendaLine(1, 11, "社区停车秩序整治", 20),
        new ConfirmedAgendaLine(2, 12, "老年助餐点选址", 15),
        new ConfirmedAgendaLine(3, 13, "共建单位场地开放", 10),
    ], revision: 4);

    private static MeetingSnapshot SnapshotOf(AgendaState state) => new(1, "青年湖社区党建联席会议", "测试", MeetingStatus.InProgress, Start, Start.AddHours(2),
        null, state.Revision, state.CurrentNumber, state.Items, new AttendanceFigures(0, 0, 0), 0, Start);

    /// <summary>Applies the operations with the domain, returning the events and the final state.</summary>
    private static (List<AgendaChange> Events, AgendaState State) Run(AgendaState state, params Func<AgendaState, AgendaOperation>[] operations)
    {
        var events = new List<AgendaChange>();
        var at = Start;
        foreach (var operation in operations)
        {
            at = at.AddMinutes(1);
            var result = LiveAgenda.Apply(state, operation(state), at);
            Assert.True(result.Applied, result.ErrorCode);
            events.Add(result.Change!);
            state = result.State;
        }
        return (events, state);
    }

    private static void AssertShows(AgendaState expected, AgendaView view)
    {
        Assert.Equal(expected.Revision, view.Revision);
        Assert.Equal(expected.CurrentNumber, view.CurrentNumber);
        Assert.Equal(expected.Items, view.Items);
    }

    [Fact]
    public void Events_applied_in_order_give_the_server_s_agenda_for_every_kind_of_change()
    {
        var initial = Confirmed();
        var (events, final) = Run(initial,
            s => new SetCurrentItem(s.Revision, "刘红梅", 1),
            s => new MoveItem(s.Revision, "刘红梅", 3, 2),
            s => new AddUrgentItem(s.Revision, "刘红梅", "燃气安全紧急通报", 5, 1),
            s => new EditItem(s.Revision, "孙志强", 1, Outcome: "同意", Notes: "各单位分片包干"),
            s => new EditItem(s.Revision, "刘红梅", 2, Title: "老年助餐点选址（二期）", TimeBoxMinutes: 25),
            s => new StopTimer(s.Revision, "刘红梅", 1),
            s => new StartTimer(s.Revision, "刘红梅", 1),
            s => new SetCurrentItem(s.Revision, "刘红梅", 3),
            s => new RemoveItem(s.Revision, "刘红梅", 2));
        var view = AgendaView.From(SnapshotOf(initial), Start, null);

        foreach (var change in events)
        {
            var (next, step) = view.Apply(change);
            Assert.Equal(AgendaViewStep.Applied, step);
            view = next;
        }

        AssertShows(final, view);
        Assert.Equal([4, 1, 3], view.Items.Select(i => i.Number));
        Assert.True(view.Items[0].IsUrgent);
        Assert.Equal("各单位分片包干", view.Find(1)!.Notes);
        Assert.NotNull(view.Find(1)!.ActualEndUtc);
    }

    [Fact]
    public void An_event_already_held_is_ignored_and_a_missing_one_is_a_gap()
    {
        var initial = Confirmed();
        var (events, _) = Run(initial,
            s => new SetCurrentItem(s.Revision, "刘红梅", 1),
            s => new MoveItem(s.Revision, "刘红梅", 3, 1));
        var view = AgendaView.From(SnapshotOf(initial), Start, null);

        // The second event without the first: the view must not guess.
        var (same, gap) = view.Apply(events[1]);
        Assert.Equal(AgendaViewStep.Gap, gap);
        Assert.Same(view, same);

        var (afterFirst, applied) = view.Apply(events[0]);
        Assert.Equal(AgendaViewStep.Applied, applied);
        // The same event again (read by catch-up after the live delivery): nothing changes.
        var (again, ignored) = afterFirst.Apply(events[0]);
        Assert.Equal(AgendaViewStep.Ignored, ignored);
        Assert.Same(afterFirst, again);
        // An event the snapshot already contained.
        Assert.Equal(AgendaViewStep.Ignored, AgendaView.From(SnapshotOf(initial), Start, null).Apply(events[0] with { Revision = initial.Revision }).Step);
    }

    [Fact]
    public void An_order_naming_an_item_the_view_never_saw_is_a_gap()
    {
        var initial = Confirmed();
        var (events, _) = Run(initial, s => new AddUrgentItem(s.Revision, "刘红梅", "临时议题", 5, null));
        var view = AgendaView.From(SnapshotOf(initial), Start, null);
        var broken = events[0] with { ChangedItems = [] };

        Assert.Equal(AgendaViewStep.Gap, view.Apply(broken).Step);
    }

    [Fact]
    public void Closing_and_status_changes_are_taken_and_a_status_with_a_later_revision_is_a_gap()
    {
        var initial = Confirmed();
        var (events, state) = Run(initial, s => new SetCurrentItem(s.Revision, "刘红梅", 1));
        var closed = LiveAgenda.Close(state, "刘红梅", Start.AddMinutes(30));
        var view = AgendaView.From(SnapshotOf(initial), Start, null).Apply(events[0]).View;
        Assert.True(view.IsLive);

        view = view.Apply(closed.Change!).View;
        Assert.True(view.IsClosed);
        Assert.False(view.IsLive);
        Assert.Null(view.CurrentNumber);
        Assert.NotNull(view.Find(1)!.ActualEndUtc);

        var ended = new MeetingStatusChanged(MeetingStatus.Ended, Start, Start.AddMinutes(30), closed.State.Revision);
        var (afterStatus, step) = view.Apply(ended);
        Assert.Equal(AgendaViewStep.Applied, step);
        Assert.Equal(MeetingStatus.Ended, afterStatus.Status);
        Assert.Equal(Start.AddMinutes(30), afterStatus.EndedAtUtc);
        Assert.True(afterStatus.CanRecordNow);

        // The agenda was confirmed again (a revision without an agenda event): only a reload can show it.
        Assert.Equal(AgendaViewStep.Gap, view.Apply(ended with { AgendaRevision = closed.State.Revision + 1 }).Step);
    }

    [Fact]
    public void Up_and_down_name_the_item_to_go_before()
    {
        var view = AgendaView.From(SnapshotOf(Confirmed()), Start, null);

        Assert.Null(view.MoveUp(1));
        Assert.Equal(new MoveTarget(1), view.MoveUp(2));
        Assert.Equal(new MoveTarget(3), view.MoveDown(1));
        // One place down for the last-but-one item: to the end.
        Assert.Equal(new MoveTarget(null), view.MoveDown(2));
        Assert.Null(view.MoveDown(3));
        Assert.Null(view.MoveUp(99));

        // And the domain puts them where the page says.
        var state = Confirmed();
        var down = LiveAgenda.Apply(state, new MoveItem(state.Revision, "刘红梅", 2, view.MoveDown(2)!.BeforeNumber), Start).State;
        Assert.Equal([1, 3, 2], down.Order);
        var up = LiveAgenda.Apply(state, new MoveItem(state.Revision, "刘红梅", 2, view.MoveUp(2)!.BeforeNumber), Start).State;
        Assert.Equal([2, 1, 3], up.Order);
    }

    [Theory]
    [InlineData(600_000, "10:00")]
    [InlineData(59_001, "1:00")]
    [InlineData(59_000, "0:59")]
    [InlineData(1, "0:01")]
    [InlineData(0, "0:00")]
    [InlineData(-999, "+0:00")]
    [InlineData(-130_500, "+2:10")]
    public void The_countdown_reads_minutes_and_seconds_left_or_over(long milliseconds, string expected)
    {
        Assert.Equal(expected, CountdownText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void A_draft_keeps_typed_text_on_rebase_and_follows_the_new_value_where_nothing_was_typed()
    {
        var typed = new FieldDraft("旧记录") { Text = "我的记录" };
        var untouched = new FieldDraft("旧结论");
        Assert.Equal("我的记录", typed.Change);
        Assert.Null(untouched.Change);

        typed.Rebase("别人的记录");
        untouched.Rebase("别人的结论");

        Assert.Equal("我的记录", typed.Text);
        Assert.Equal("我的记录", typed.Change);
        Assert.Equal("别人的结论", untouched.Text);
        Assert.Null(untouched.Change);
    }
}

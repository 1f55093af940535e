using System.Collections.Immutable;
using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

public sealed class LiveAgendaTests
{
    private static readonly DateTime T0 = new(2026, 12, 15, 1, 0, 0, DateTimeKind.Utc);

    // Items 1, 2, 3 at revision 0.
    private static AgendaState Fresh() => AgendaState.FromConfirmed(
    [
        new ConfirmedAgendaLine(1, 101, "老旧小区加装电梯", 20),
        new ConfirmedAgendaLine(2, 102, "垃圾分类督导志愿者招募", 15),
        new ConfirmedAgendaLine(3, 103, "冬季困难群众走访", 10),
    ]);

    private static AgendaState Ok(AgendaResult result)
    {
        Assert.True(result.Applied, result.ErrorCode);
        return result.State;
    }

    private static void Refused(AgendaState before, AgendaResult result, string error)
    {
        Assert.Equal(error, result.ErrorCode);
        Assert.Null(result.Change);
        Assert.Same(before, result.State);
    }

    [Fact]
    public void Setting_the_current_item_starts_it_and_ends_the_previous_one()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new SetCurrentItem(0, "秘书", 1), T0));
        var result = LiveAgenda.Apply(s, new SetCurrentItem(1, "秘书", 2), T0.AddMinutes(18));

        var state = Ok(result);
        Assert.Equal(2, state.CurrentNumber);
        Assert.Equal(2, state.Revision);
        var first = state.Find(1)!;
        Assert.Equal(T0, first.ActualStartUtc);
        Assert.Equal(T0.AddMinutes(18), first.ActualEndUtc);
        Assert.False(first.TimerRunning);
        Assert.Equal(TimeSpan.FromMinutes(18), first.TimerElapsed);
        var second = state.Find(2)!;
        Assert.Equal(T0.AddMinutes(18), second.ActualStartUtc);
        Assert.True(second.TimerRunning);

        var change = result.Change!;
        Assert.Equal(AgendaChangeKind.CurrentSet, change.Kind);
        Assert.Equal(2, change.Revision);
        Assert.Equal([1, 2], change.ChangedItems.Select(i => i.Number));
        Assert.Equal(2, change.CurrentNumber);
        Assert.Equal("秘书", change.ActorName);
        Assert.False(result.Merged);
    }

    [Fact]
    public void The_countdown_is_computed_from_the_clock_and_a_stopped_timer_resumes_where_it_left_off()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new StartTimer(0, "主持人", 2), T0));
        Assert.Equal(TimeSpan.FromMinutes(15), s.Find(2)!.Remaining(T0));
        Assert.Equal(TimeSpan.FromMinutes(11), s.Find(2)!.Remaining(T0.AddMinutes(4)));
        Assert.Equal(T0, s.Find(2)!.ActualStartUtc);

        s = Ok(LiveAgenda.Apply(s, new StopTimer(1, "主持人", 2), T0.AddMinutes(5)));
        Assert.Equal(TimeSpan.FromMinutes(10), s.Find(2)!.Remaining(T0.AddHours(1))); // paused: the clock does not count

        s = Ok(LiveAgenda.Apply(s, new StartTimer(2, "主持人", 2), T0.AddMinutes(30)));
        Assert.Equal(TimeSpan.FromMinutes(7), s.Find(2)!.Remaining(T0.AddMinutes(33)));
        // Overrun shows as negative time.
        Assert.Equal(TimeSpan.FromMinutes(-2), s.Find(2)!.Remaining(T0.AddMinutes(42)));
    }

    [Fact]
    public void Starting_a_running_timer_or_stopping_a_stopped_one_is_refused()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new StartTimer(0, "主持人", 1), T0));

        Refused(s, LiveAgenda.Apply(s, new StartTimer(0, "秘书", 1), T0.AddSeconds(1)), LiveAgenda.ErrorTimerRunning);
        Refused(s, LiveAgenda.Apply(s, new StopTimer(1, "秘书", 2), T0.AddSeconds(1)), LiveAgenda.ErrorTimerNotRunning);
    }

    [Fact]
    public void An_item_is_moved_before_another_or_to_the_end()
    {
        var result = LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书", 3, BeforeNumber: 1), T0);
        var s = Ok(result);
        Assert.Equal([3, 1, 2], s.Order);
        Assert.Equal(AgendaChangeKind.Moved, result.Change!.Kind);
        Assert.Equal([3, 1, 2], result.Change.Order);

        s = Ok(LiveAgenda.Apply(s, new MoveItem(1, "秘书", 3, BeforeNumber: null), T0));
        Assert.Equal([1, 2, 3], s.Order);
        Refused(s, LiveAgenda.Apply(s, new MoveItem(2, "秘书", 3, BeforeNumber: 3), T0), LiveAgenda.ErrorNothingToChange);
    }

    [Fact]
    public void An_urgent_item_gets_a_new_number_that_is_never_reused()
    {
        var result = LiveAgenda.Apply(Fresh(), new AddUrgentItem(0, "主持人", " 暴雨预警应对 ", 10, BeforeNumber: 2), T0);
        var s = Ok(result);
        Assert.Equal([1, 4, 2, 3], s.Order);
        var urgent = s.Find(4)!;
        Assert.True(urgent.IsUrgent);
        Assert.Equal("暴雨预警应对", urgent.Title);
        Assert.Equal(AgendaChangeKind.UrgentAdded, result.Change!.Kind);

        s = Ok(LiveAgenda.Apply(s, new RemoveItem(1, "主持人", 4), T0));
        s = Ok(LiveAgenda.Apply(s, new AddUrgentItem(2, "主持人", "补充", 5, null), T0));
        Assert.Equal([1, 2, 3, 5], s.Order);
    }

    [Fact]
    public void Outcome_and_notes_are_recorded_and_an_empty_text_clears_them()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new EditItem(0, "记录人", 1, Outcome: "同意实施", Notes: "各单位发言踊跃\n物业表示支持"), T0));
        Assert.Equal("同意实施", s.Find(1)!.Outcome);
        Assert.Equal("各单位发言踊跃\n物业表示支持", s.Find(1)!.Notes);

        s = Ok(LiveAgenda.Apply(s, new EditItem(1, "记录人", 1, Outcome: ""), T0));
        Assert.Null(s.Find(1)!.Outcome);
        Assert.NotNull(s.Find(1)!.Notes);
    }

    [Fact]
    public void Invalid_edits_are_refused_and_change_nothing()
    {
        var s = Fresh();
        Refused(s, LiveAgenda.Apply(s, new EditItem(0, "秘书", 1), T0), LiveAgenda.ErrorNothingToChange);
        Refused(s, LiveAgenda.Apply(s, new EditItem(0, "秘书", 1, Title: "  "), T0), LiveAgenda.ErrorTitleRequired);
        Refused(s, LiveAgenda.Apply(s, new EditItem(0, "秘书", 1, Title: new string('题', AgendaItem.TitleMaxLength + 1)), T0), LiveAgenda.ErrorTextTooLong);
        Refused(s, LiveAgenda.Apply(s, new EditItem(0, "秘书", 1, TimeBoxMinutes: 0), T0), LiveAgenda.ErrorTimeBox);
        Refused(s, LiveAgenda.Apply(s, new EditItem(0, "秘书", 1, Notes: new string('记', AgendaItem.TextMaxLength + 1)), T0), LiveAgenda.ErrorTextTooLong);
        Refused(s, LiveAgenda.Apply(s, new AddUrgentItem(0, "秘书", "", 10, null), T0), LiveAgenda.ErrorTitleRequired);
        Refused(s, LiveAgenda.Apply(s, new AddUrgentItem(0, "秘书", "题", LiveAgenda.TimeBoxMaxMinutes + 1, null), T0), LiveAgenda.ErrorTimeBox);
        Refused(s, LiveAgenda.Apply(s, new EditItem(0, "秘书", 99, Title: "题"), T0), LiveAgenda.ErrorItemDeleted);
    }

    // --- Concurrency: two people act on revision 0 at the same moment; the first one's change is applied first. ---

    [Fact]
    public void A_reorder_and_an_edit_of_a_different_item_merge()
    {
        var afterMove = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书甲", 3, 1), T0));
        var result = LiveAgenda.Apply(afterMove, new EditItem(0, "秘书乙", 2, Title: "垃圾分类志愿者招募"), T0);

        var s = Ok(result);
        Assert.True(result.Merged);
        Assert.Equal([3, 1, 2], s.Order);
        Assert.Equal("垃圾分类志愿者招募", s.Find(2)!.Title);
        Assert.Equal(2, s.Revision);
    }

    [Fact]
    public void A_reorder_and_an_edit_of_the_moved_item_merge_too()
    {
        var afterMove = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书甲", 3, 1), T0));
        var s = Ok(LiveAgenda.Apply(afterMove, new EditItem(0, "秘书乙", 3, Notes: "走访名单已拟定"), T0));

        Assert.Equal([3, 1, 2], s.Order);
        Assert.Equal("走访名单已拟定", s.Find(3)!.Notes);
    }

    [Fact]
    public void Two_edits_of_different_fields_of_the_same_item_merge()
    {
        var afterTitle = Ok(LiveAgenda.Apply(Fresh(), new EditItem(0, "秘书甲", 1, Title: "加装电梯（第二批）"), T0));
        var result = LiveAgenda.Apply(afterTitle, new EditItem(0, "记录人", 1, Notes: "住户意见基本一致"), T0);

        var s = Ok(result);
        Assert.True(result.Merged);
        Assert.Equal("加装电梯（第二批）", s.Find(1)!.Title);
        Assert.Equal("住户意见基本一致", s.Find(1)!.Notes);
    }

    [Fact]
    public void Two_edits_of_the_same_field_of_the_same_item_refuse_the_second()
    {
        var afterFirst = Ok(LiveAgenda.Apply(Fresh(), new EditItem(0, "秘书甲", 1, Outcome: "同意"), T0));

        Refused(afterFirst, LiveAgenda.Apply(afterFirst, new EditItem(0, "秘书乙", 1, Outcome: "暂缓"), T0), LiveAgenda.ErrorEditConflict);
        // Even when only one of several fields collides, the whole edit is refused (no half-applied change).
        Refused(afterFirst, LiveAgenda.Apply(afterFirst, new EditItem(0, "秘书乙", 1, Notes: "讨论", Outcome: "暂缓"), T0), LiveAgenda.ErrorEditConflict);
        Assert.Equal("同意", afterFirst.Find(1)!.Outcome);
    }

    [Fact]
    public void After_reloading_at_the_current_revision_the_same_field_may_be_edited()
    {
        var afterFirst = Ok(LiveAgenda.Apply(Fresh(), new EditItem(0, "秘书甲", 1, Outcome: "同意"), T0));

        var s = Ok(LiveAgenda.Apply(afterFirst, new EditItem(afterFirst.Revision, "秘书乙", 1, Outcome: "同意，下月实施"), T0));
        Assert.Equal("同意，下月实施", s.Find(1)!.Outcome);
    }

    [Fact]
    public void Moves_of_different_items_merge_by_placing_each_before_its_anchor_as_it_is_now()
    {
        // 甲 drags 3 before 1; 乙, on the old view, drags 1 to the end.
        var afterFirst = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书甲", 3, 1), T0));
        var s = Ok(LiveAgenda.Apply(afterFirst, new MoveItem(0, "秘书乙", 1, null), T0));

        Assert.Equal([3, 2, 1], s.Order);
    }

    [Fact]
    public void Two_moves_of_the_same_item_refuse_the_second()
    {
        var afterFirst = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书甲", 3, 1), T0));

        Refused(afterFirst, LiveAgenda.Apply(afterFirst, new MoveItem(0, "秘书乙", 3, 2), T0), LiveAgenda.ErrorMoveConflict);
    }

    [Fact]
    public void A_move_of_an_item_someone_removed_or_before_it_is_refused()
    {
        var afterRemove = Ok(LiveAgenda.Apply(Fresh(), new RemoveItem(0, "秘书甲", 2), T0));

        Refused(afterRemove, LiveAgenda.Apply(afterRemove, new MoveItem(0, "秘书乙", 2, 1), T0), LiveAgenda.ErrorItemDeleted);
        Refused(afterRemove, LiveAgenda.Apply(afterRemove, new MoveItem(0, "秘书乙", 3, 2), T0), LiveAgenda.ErrorItemDeleted);
        Refused(afterRemove, LiveAgenda.Apply(afterRemove, new EditItem(0, "秘书乙", 2, Notes: "x"), T0), LiveAgenda.ErrorItemDeleted);
        Refused(afterRemove, LiveAgenda.Apply(afterRemove, new SetCurrentItem(0, "秘书乙", 2), T0), LiveAgenda.ErrorItemDeleted);
        Refused(afterRemove, LiveAgenda.Apply(afterRemove, new AddUrgentItem(0, "秘书乙", "急事", 5, 2), T0), LiveAgenda.ErrorItemDeleted);
        Refused(afterRemove, LiveAgenda.Apply(afterRemove, new RemoveItem(0, "秘书乙", 2), T0), LiveAgenda.ErrorItemDeleted);
    }

    [Fact]
    public void Removing_an_item_someone_edited_or_moved_meanwhile_is_refused_so_their_change_is_not_lost()
    {
        var afterEdit = Ok(LiveAgenda.Apply(Fresh(), new EditItem(0, "秘书甲", 2, Notes: "已联系志愿者"), T0));
        Refused(afterEdit, LiveAgenda.Apply(afterEdit, new RemoveItem(0, "秘书乙", 2), T0), LiveAgenda.ErrorItemChanged);

        var afterMove = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书甲", 2, 1), T0));
        Refused(afterMove, LiveAgenda.Apply(afterMove, new RemoveItem(0, "秘书乙", 2), T0), LiveAgenda.ErrorItemChanged);

        // Removing a different item merges.
        Assert.Equal([1, 2], Ok(LiveAgenda.Apply(afterEdit, new RemoveItem(0, "秘书乙", 3), T0)).Order);
    }

    [Fact]
    public void An_item_that_has_started_cannot_be_removed()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new SetCurrentItem(0, "主持人", 1), T0));
        s = Ok(LiveAgenda.Apply(s, new SetCurrentItem(1, "主持人", 2), T0.AddMinutes(10)));

        Refused(s, LiveAgenda.Apply(s, new RemoveItem(2, "秘书", 1), T0), LiveAgenda.ErrorItemStarted);
        Refused(s, LiveAgenda.Apply(s, new RemoveItem(2, "秘书", 2), T0), LiveAgenda.ErrorItemStarted);
    }

    [Fact]
    public void Two_people_setting_the_current_item_at_once_refuse_the_second()
    {
        var afterFirst = Ok(LiveAgenda.Apply(Fresh(), new SetCurrentItem(0, "主持人", 1), T0));

        Refused(afterFirst, LiveAgenda.Apply(afterFirst, new SetCurrentItem(0, "秘书", 2), T0), LiveAgenda.ErrorCurrentConflict);
        Refused(afterFirst, LiveAgenda.Apply(afterFirst, new SetCurrentItem(1, "秘书", 1), T0), LiveAgenda.ErrorAlreadyCurrent);
    }

    [Fact]
    public void Adding_an_urgent_item_merges_with_anything()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书甲", 3, 1), T0));
        s = Ok(LiveAgenda.Apply(s, new EditItem(1, "秘书甲", 1, Title: "电梯"), T0));
        var result = LiveAgenda.Apply(s, new AddUrgentItem(0, "主持人", "暴雨预警", 10, BeforeNumber: 1), T0);

        Assert.True(result.Merged);
        Assert.Equal([3, 4, 1, 2], Ok(result).Order);
    }

    [Fact]
    public void An_operation_from_a_revision_the_server_never_had_or_no_longer_remembers_is_refused()
    {
        var s = Fresh();
        Refused(s, LiveAgenda.Apply(s, new EditItem(1, "秘书", 1, Title: "题"), T0), LiveAgenda.ErrorUnknownRevision);
        Refused(s, LiveAgenda.Apply(s, new EditItem(-1, "秘书", 1, Title: "题"), T0), LiveAgenda.ErrorUnknownRevision);

        // Loaded from storage at revision 5 without its history: only operations based on revision 5 can be checked.
        var items = s.Items.Select((i, k) => Stored(i, k)).ToList();
        var loaded = AgendaState.FromStored(5, items, null, false);
        Refused(loaded, LiveAgenda.Apply(loaded, new EditItem(4, "秘书", 1, Title: "题"), T0), LiveAgenda.ErrorStale);
        Assert.Equal(6, Ok(LiveAgenda.Apply(loaded, new EditItem(5, "秘书", 1, Title: "题"), T0)).Revision);

        // With the stored history from revision 4 on, an operation based on revision 3 can be checked.
        var withHistory = AgendaState.FromStored(5, items, null, false,
            [new AgendaHistoryEntry(4, [new AgendaTouch(2, AgendaField.Notes)]), new AgendaHistoryEntry(5, [new AgendaTouch(1, AgendaField.Title)])]);
        Assert.Equal(3, withHistory.HistoryFrom);
        Refused(withHistory, LiveAgenda.Apply(withHistory, new EditItem(3, "秘书", 2, Notes: "x"), T0), LiveAgenda.ErrorEditConflict);
        Assert.True(LiveAgenda.Apply(withHistory, new EditItem(3, "秘书", 2, Title: "x"), T0).Merged);
        Refused(withHistory, LiveAgenda.Apply(withHistory, new EditItem(2, "秘书", 2, Title: "x"), T0), LiveAgenda.ErrorStale);
    }

    [Fact]
    public void Once_the_meeting_ends_only_outcomes_and_notes_may_still_be_recorded()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new SetCurrentItem(0, "主持人", 1), T0));
        var close = LiveAgenda.Close(s, "主持人", T0.AddMinutes(25));
        var closed = Ok(close);

        Assert.True(closed.IsClosed);
        Assert.Null(closed.CurrentNumber);
        Assert.Equal(T0.AddMinutes(25), closed.Find(1)!.ActualEndUtc);
        Assert.False(closed.Find(1)!.TimerRunning);
        Assert.Equal([1], close.Change!.ChangedItems.Select(i => i.Number));
        Assert.Equal(AgendaChangeKind.Closed, close.Change.Kind);
        Refused(closed, LiveAgenda.Close(closed, "主持人", T0), LiveAgenda.ErrorClosed);

        var r = closed.Revision;
        Refused(closed, LiveAgenda.Apply(closed, new MoveItem(r, "秘书", 3, 1), T0), LiveAgenda.ErrorClosed);
        Refused(closed, LiveAgenda.Apply(closed, new AddUrgentItem(r, "秘书", "补充", 5, null), T0), LiveAgenda.ErrorClosed);
        Refused(closed, LiveAgenda.Apply(closed, new SetCurrentItem(r, "秘书", 2), T0), LiveAgenda.ErrorClosed);
        Refused(closed, LiveAgenda.Apply(closed, new StartTimer(r, "秘书", 2), T0), LiveAgenda.ErrorClosed);
        Refused(closed, LiveAgenda.Apply(closed, new EditItem(r, "秘书", 2, Title: "改"), T0), LiveAgenda.ErrorClosed);
        Assert.Equal("会后补记", Ok(LiveAgenda.Apply(closed, new EditItem(r, "记录人", 2, Notes: "会后补记"), T0)).Find(2)!.Notes);
    }

    [Fact]
    public void Replaying_the_events_in_revision_order_rebuilds_the_servers_agenda_exactly()
    {
        // A client that saw revision 0 and then missed everything catches up from the events alone.
        var server = Fresh();
        var client = (Items: server.Items.ToDictionary(i => i.Number), Order: (IReadOnlyList<int>)server.Order, Current: server.CurrentNumber, Revision: 0);
        var events = new List<AgendaChange>();
        AgendaOperation[] ops =
        [
            new SetCurrentItem(0, "主持人", 1),
            new AddUrgentItem(0, "主持人", "暴雨预警", 10, 2),
            new MoveItem(1, "秘书", 3, 2),
            new EditItem(0, "记录人", 1, Notes: "意见一致"),
            new RemoveItem(3, "秘书", 2),
            new SetCurrentItem(5, "主持人", 4),
            new StopTimer(6, "主持人", 4),
        ];
        var clock = T0;
        foreach (var op in ops)
        {
            clock = clock.AddMinutes(3);
            var result = LiveAgenda.Apply(server, op, clock);
            server = Ok(result);
            events.Add(result.Change!);
        }

        foreach (var e in events.OrderBy(e => e.Revision))
        {
            Assert.Equal(client.Revision + 1, e.Revision);
            foreach (var item in e.ChangedItems) client.Items[item.Number] = item;
            if (e.RemovedNumber is { } removed) client.Items.Remove(removed);
            client = (client.Items, e.Order, e.CurrentNumber, e.Revision);
        }

        Assert.Equal(server.Revision, client.Revision);
        Assert.Equal(server.Order, client.Order);
        Assert.Equal(server.CurrentNumber, client.Current);
        Assert.Equal(server.Items, client.Order.Select(n => client.Items[n]).ToImmutableList());
    }

    [Fact]
    public void Stored_items_round_trip_through_the_live_model_in_position_order()
    {
        var s = Ok(LiveAgenda.Apply(Fresh(), new MoveItem(0, "秘书", 3, 1), T0));
        s = Ok(LiveAgenda.Apply(s, new SetCurrentItem(1, "主持人", 3), T0));
        var rows = s.Items.Select((i, k) => Stored(i, k)).Reverse().ToList();

        var loaded = AgendaState.FromStored(s.Revision, rows, s.CurrentNumber, false);

        Assert.Equal(s.Items, loaded.Items);
        Assert.Equal(4, loaded.NextNumber);
        Assert.Equal(3, loaded.CurrentNumber);
    }

    private static AgendaItem Stored(AgendaItemState state, int position)
    {
        var row = new AgendaItem { Title = "" };
        row.CopyFrom(state, position);
        return row;
    }
}

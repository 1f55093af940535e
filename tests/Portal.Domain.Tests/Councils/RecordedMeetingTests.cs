using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

/// <summary>A meeting run through the live agenda and stored on the meeting entity, then written up as minutes.</summary>
public sealed class RecordedMeetingTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
    private static readonly DateTime Start = new(2027, 3, 9, 1, 0, 0, DateTimeKind.Utc); // 09:00 China time

    private static readonly Dictionary<int, string> People = new() { [1] = "王书记", [2] = "张强", [3] = "刘洋", [4] = "李敏" };
    private static readonly Dictionary<int, string> Units = new() { [10] = "幸福社区党委", [20] = "区第一人民医院", [30] = "红星物业" };

    [Fact]
    public void Minutes_are_generated_from_the_stored_record_of_a_live_meeting()
    {
        var meeting = new Meeting
        {
            Id = 7, Title = "2027年3月例会", StartsAtUtc = Start, EndsAtUtc = Start.AddHours(2), ChairPersonId = 1, RecorderPersonId = 4,
        };
        meeting.Apply(MeetingAction.Start, Start.AddMinutes(2));
        var agenda = AgendaState.FromConfirmed([new(1, 101, "义诊进社区", 20), new(2, 102, "楼道堆物清理", 15)]);
        AgendaOperation[] ops =
        [
            new AddUrgentItem(0, "王书记", "消防通道占用", 10, 1),
            new SetCurrentItem(1, "王书记", 3),
            new EditItem(2, "李敏", 3, Outcome: "物业当日清理", Notes: "网格员反映5号楼通道堵塞"),
            new SetCurrentItem(3, "王书记", 1),
            new EditItem(4, "李敏", 1, Outcome: "4月第二周举办"),
            new SetCurrentItem(5, "王书记", 2),
        ];
        var clock = Start.AddMinutes(5);
        foreach (var op in ops)
        {
            var result = LiveAgenda.Apply(agenda, op, clock);
            Assert.True(result.Applied, result.ErrorCode);
            agenda = result.State;
            clock = clock.AddMinutes(op is SetCurrentItem ? 0 : 12);
        }
        meeting.StoreAgenda(LiveAgenda.Close(agenda, "王书记", Start.AddMinutes(70)).State);
        meeting.Apply(MeetingAction.End, Start.AddMinutes(70));
        meeting.Attendances.AddRange(
        [
            new Attendance { Id = 1, PersonId = 1, UnitId = 10, CheckedInAtUtc = Start },
            new Attendance { Id = 2, PersonId = 2, UnitId = 20, CheckedInAtUtc = Start },
            new Attendance { Id = 3, PersonId = 3, UnitId = 30 },
        ]);
        meeting.Resolutions.Add(new Resolution { Id = 1, Decision = "清理5号楼消防通道", OwnerUnitId = 30, CoOwners = [new() { UnitId = 10 }], DueDate = new(2027, 3, 12) });

        var text = MinutesWriter.Draft(MinutesRecord.FromMeeting(meeting, "幸福社区党建联席会议", "党群服务中心", People, Units), China);

        const string expected = """
            # 幸福社区党建联席会议会议纪要

            **2027年3月例会**

            - 会议时间：2027年3月9日 09:02—10:10
            - 会议地点：党群服务中心
            - 主持人：王书记
            - 记录人：李敏
            - 应到：3人；实到：2人；出席率：66.7%
            - 出席人员：王书记（幸福社区党委）、张强（区第一人民医院）
            - 缺席人员：刘洋（红星物业）

            ## 议题及讨论情况

            ### 一、消防通道占用（临时议题）

            - 时间：09:17—09:29
            - 讨论情况：网格员反映5号楼通道堵塞
            - 结论：物业当日清理

            ### 二、义诊进社区

            - 时间：09:29—09:41
            - 讨论情况：未记录
            - 结论：4月第二周举办

            ### 三、楼道堆物清理

            - 时间：09:41—10:10
            - 讨论情况：未记录
            - 结论：未记录

            ## 会议决定事项

            1. 清理5号楼消防通道
               - 责任单位：红星物业
               - 协办单位：幸福社区党委
               - 完成时限：2027年3月12日

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void The_stored_agenda_loads_back_as_it_was_and_is_closed_after_the_meeting()
    {
        var meeting = new Meeting { Id = 7, Title = "例会", StartsAtUtc = Start };
        var agenda = AgendaState.FromConfirmed([new(1, 101, "甲", 10), new(2, 102, "乙", 10), new(3, 103, "丙", 10)]);
        agenda = LiveAgenda.Apply(agenda, new RemoveItem(0, "秘书", 2), Start).State;
        agenda = LiveAgenda.Apply(agenda, new MoveItem(1, "秘书", 3, 1), Start).State;
        agenda = LiveAgenda.Apply(agenda, new SetCurrentItem(2, "秘书", 3), Start).State;
        meeting.AgendaItems.Add(new AgendaItem { MeetingId = 7, Number = 2, Title = "乙" }); // an old row of the removed item

        meeting.StoreAgenda(agenda);
        var loaded = meeting.LoadAgenda(agenda.History);

        Assert.Equal([3, 1], meeting.AgendaItems.OrderBy(i => i.Position).Select(i => i.Number));
        Assert.Equal(agenda.Items, loaded.Items);
        Assert.Equal(3, loaded.CurrentNumber);
        Assert.Equal(3, loaded.Revision);
        Assert.False(loaded.IsClosed);
        Assert.Equal(4, loaded.NextNumber);

        meeting.Apply(MeetingAction.Start, Start);
        meeting.Apply(MeetingAction.End, Start.AddHours(1));
        Assert.True(meeting.LoadAgenda().IsClosed);
    }

    [Fact]
    public void Stored_change_entries_keep_what_each_change_touched()
    {
        var agenda = AgendaState.FromConfirmed([new(1, 101, "甲", 10), new(2, 102, "乙", 10)]);
        var first = LiveAgenda.Apply(agenda, new SetCurrentItem(0, "主持人", 1), Start);
        var entry = AgendaChangeEntry.From(7, first.Change!, first.HistoryEntry!);

        Assert.Equal("0:Current;1:Timer, Times", entry.Touches);
        Assert.Equal(first.HistoryEntry!.Touches, entry.ToHistory().Touches);
        Assert.Equal(1, entry.Revision);

        // After a restart with the stored entries, a concurrent "set current" from revision 0 is still refused.
        var restarted = AgendaState.FromStored(1, first.State.Items.Select((i, k) => { var r = new AgendaItem { Title = "" }; r.CopyFrom(i, k); return r; }),
            1, false, [entry.ToHistory()]);
        Assert.Equal(LiveAgenda.ErrorCurrentConflict, LiveAgenda.Apply(restarted, new SetCurrentItem(0, "秘书", 2), Start).ErrorCode);
    }

    [Fact]
    public void Trimming_the_history_makes_older_operations_stale_not_blindly_merged()
    {
        var agenda = AgendaState.FromConfirmed([new(1, 101, "甲", 10), new(2, 102, "乙", 10)]);
        agenda = LiveAgenda.Apply(agenda, new EditItem(0, "秘书", 1, Notes: "a"), Start).State;
        agenda = LiveAgenda.Apply(agenda, new EditItem(1, "秘书", 2, Notes: "b"), Start).State;

        var trimmed = agenda.TrimHistory(1);

        Assert.Single(trimmed.History);
        Assert.Equal(LiveAgenda.ErrorStale, LiveAgenda.Apply(trimmed, new EditItem(0, "秘书", 2, Title: "x"), Start).ErrorCode);
        Assert.True(LiveAgenda.Apply(trimmed, new EditItem(1, "秘书", 1, Title: "x"), Start).Merged);
        Assert.Same(trimmed, trimmed.TrimHistory(0));
    }

    [Fact]
    public void A_removed_items_number_is_not_handed_out_again_after_a_restart_and_an_old_reference_to_it_is_refused()
    {
        var meeting = new Meeting { Id = 7, Title = "例会", StartsAtUtc = Start };
        var agenda = AgendaState.FromConfirmed([new(1, 101, "甲", 10), new(2, 102, "乙", 10)]);
        var removed = LiveAgenda.Apply(agenda, new RemoveItem(0, "秘书甲", 2), Start);
        meeting.StoreAgenda(removed.State);

        // Restarted with its stored history, the agenda numbers the next item 3, not 2.
        var restarted = meeting.LoadAgenda([removed.HistoryEntry!]);
        Assert.Equal(3, restarted.NextNumber);
        var added = LiveAgenda.Apply(restarted, new AddUrgentItem(1, "秘书甲", "急事", 5, null), Start);
        Assert.Equal([1, 3], added.State.Order);

        // Even if a number came back, an edit from before its removal could not reach the new item.
        var reused = restarted with { NextNumber = 2 };
        var readded = LiveAgenda.Apply(reused, new AddUrgentItem(1, "秘书甲", "急事", 5, null), Start).State;
        Assert.NotNull(readded.Find(2));
        Assert.Equal(LiveAgenda.ErrorItemDeleted, LiveAgenda.Apply(readded, new EditItem(0, "秘书乙", 2, Notes: "旧"), Start).ErrorCode);
    }

    [Fact]
    public void Confirming_the_agenda_stores_its_items_and_a_second_confirmation_continues_the_revision_and_numbers()
    {
        var meeting = new Meeting { Id = 7, Title = "例会", StartsAtUtc = Start };
        Assert.Null(meeting.ConfirmAgenda([new(1, 101, "甲", 10), new(2, 102, "乙", 15)], Start.AddDays(-2)));
        Assert.Equal(MeetingStatus.AgendaConfirmed, meeting.Status);
        Assert.Equal([1, 2], meeting.LoadAgenda().Order);
        Assert.Equal(1, meeting.AgendaRevision);
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, meeting.ConfirmAgenda([new(1, 101, "甲", 10)], Start.AddDays(-2)));

        meeting.Apply(MeetingAction.ReopenAgenda, Start.AddDays(-1));
        Assert.Null(meeting.ConfirmAgenda([new(1, 102, "乙", 15), new(2, 103, "丙", 5)], Start.AddDays(-1)));

        var agenda = meeting.LoadAgenda();
        Assert.Equal([3, 4], agenda.Order);
        Assert.Equal(["乙", "丙"], agenda.Items.Select(i => i.Title));
        Assert.Equal(2, agenda.Revision);
        Assert.Equal(5, agenda.NextNumber);
        // A client still holding the first agenda is refused as stale.
        Assert.Equal(LiveAgenda.ErrorStale, LiveAgenda.Apply(agenda, new EditItem(1, "秘书", 1, Notes: "x"), Start).ErrorCode);
    }

    [Fact]
    public void A_unit_whose_term_starts_mid_year_takes_turns_from_the_next_year()
    {
        var members = new[]
        {
            new CouncilMember { UnitId = 10, RotationOrder = 1, TermFrom = new(2025, 1, 1) },
            new CouncilMember { UnitId = 20, RotationOrder = 2, TermFrom = new(2025, 3, 1) },
        };

        var rotation = ChairRotation.FromMembers(1, 2025, members);

        Assert.Equal(2026, rotation.Order[1].FirstYear);
        Assert.Equal([10, 20, 10], rotation.Schedule(2025, 3).Select(y => y.ChairUnitId!.Value));
    }
}

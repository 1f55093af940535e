using Portal.Domain.Councils;
using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.Councils;

/// <summary>审定 on the meeting: approves with the text, hands the resolutions to the work-item lifecycle, once.</summary>
public sealed class MinutesApprovalTests
{
    private static readonly DateTime Start = new(2027, 3, 9, 1, 0, 0, DateTimeKind.Utc);
    private static readonly StepActor Recorder = new("u-4", "李敏");
    private static readonly ResolutionTask[] Tasks = [new(31, 10, "修路", "决议", 20, [30], new DateOnly(2027, 4, 1))];

    private static Meeting Ended()
    {
        var meeting = new Meeting { Id = 7, Title = "例会", StartsAtUtc = Start, EndsAtUtc = Start.AddHours(2) };
        meeting.Apply(MeetingAction.Start, Start);
        meeting.Apply(MeetingAction.End, Start.AddHours(2));
        meeting.TakeEvents();
        return meeting;
    }

    [Fact]
    public void Approving_ended_minutes_keeps_the_text_and_raises_the_status_move_and_the_tasks()
    {
        var meeting = Ended();
        var at = Start.AddDays(2);

        var result = meeting.ApproveMinutes("纪要\n", Tasks, Recorder, at);

        Assert.True(result.Allowed);
        Assert.Equal((MeetingStatus.MinutesApproved, "纪要\n"), (meeting.Status, meeting.MinutesMarkdown));
        var events = meeting.TakeEvents();
        Assert.Equal(new MeetingStatusMoved(MeetingAction.ApproveMinutes, MeetingStatus.MinutesApproved), events[0]);
        var approved = Assert.IsType<MinutesApproved>(events[1]);
        Assert.Equal((Recorder, at), (approved.ApprovedBy, approved.AtUtc));
        Assert.Equal(Tasks, approved.Tasks);
    }

    [Fact]
    public void A_second_approval_or_one_before_the_end_is_refused_and_changes_nothing()
    {
        var meeting = Ended();
        meeting.ApproveMinutes("纪要\n", Tasks, Recorder, Start.AddDays(2));
        meeting.TakeEvents();

        var again = meeting.ApproveMinutes("另一版\n", Tasks, Recorder, Start.AddDays(3));
        var early = new Meeting { Id = 8, Title = "例会", StartsAtUtc = Start }.ApproveMinutes("纪要\n", Tasks, Recorder, Start);

        Assert.False(again.Allowed);
        Assert.False(early.Allowed);
        Assert.Equal("纪要\n", meeting.MinutesMarkdown);
        Assert.Empty(meeting.TakeEvents());
    }
}

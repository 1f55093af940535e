using Portal.Domain.Councils;
using Portal.Domain.WorkItems;

namespace Portal.Domain.Tests.Councils;

/// <summary>Resolutions and the minutes draft on the meeting: recorded while it is on or has ended, never before or once approved.</summary>
public sealed class MinutesRecordingTests
{
    private static readonly DateTime Start = new(2027, 3, 9, 1, 0, 0, DateTimeKind.Utc);
    private static readonly ResolutionValues Values = new("清理消防通道", 2, 30, [10, 20], new DateOnly(2027, 3, 20), 4);

    private static Meeting Meeting(params MeetingAction[] actions)
    {
        var meeting = new Meeting { Id = 7, Title = "例会", StartsAtUtc = Start, EndsAtUtc = Start.AddHours(2) };
        foreach (var action in actions) Assert.True(meeting.Apply(action, Start).Allowed);
        return meeting;
    }

    [Fact]
    public void A_resolution_is_added_then_changed_with_its_co_owners_matched_by_unit()
    {
        var meeting = Meeting(MeetingAction.Start);

        Assert.Null(meeting.SaveResolution(null, Values));
        var resolution = Assert.Single(meeting.Resolutions);
        Assert.Equal((7, "清理消防通道", 2, 30, new DateOnly(2027, 3, 20), 4),
            (resolution.MeetingId, resolution.Decision, resolution.AgendaItemNumber, resolution.OwnerUnitId, resolution.DueDate, resolution.ChaserPersonId));
        var kept = resolution.CoOwners.Single(c => c.UnitId == 20);

        Assert.Null(meeting.SaveResolution(resolution, Values with { Decision = "改期清理", CoOwnerUnitIds = [20, 40], ChaserPersonId = null }));
        Assert.Same(resolution, Assert.Single(meeting.Resolutions));
        Assert.Equal(("改期清理", (int?)null), (resolution.Decision, resolution.ChaserPersonId));
        Assert.Equal([20, 40], resolution.CoOwners.Select(c => c.UnitId).Order());
        Assert.Same(kept, resolution.CoOwners.Single(c => c.UnitId == 20));

        Assert.Null(meeting.RemoveResolution(resolution));
        Assert.Empty(meeting.Resolutions);
    }

    [Fact]
    public void The_draft_is_kept_while_the_meeting_is_on_and_after_it_ended()
    {
        var meeting = Meeting(MeetingAction.Start);
        Assert.Null(meeting.SaveMinutesDraft("# 草稿\n"));
        Assert.True(meeting.Apply(MeetingAction.End, Start).Allowed);
        Assert.Null(meeting.SaveMinutesDraft("# 第二稿\n"));
        Assert.Equal("# 第二稿\n", meeting.MinutesMarkdown);
    }

    [Fact]
    public void Before_the_meeting_and_after_approval_nothing_is_recorded_and_nothing_changes()
    {
        var ahead = Meeting();
        Assert.False(ahead.TakesMinutes);
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, ahead.SaveResolution(null, Values));
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, ahead.SaveMinutesDraft("# 草稿\n"));
        Assert.Empty(ahead.Resolutions);
        Assert.Null(ahead.MinutesMarkdown);

        var approved = Meeting(MeetingAction.Start);
        Assert.Null(approved.SaveResolution(null, Values));
        Assert.True(approved.Apply(MeetingAction.End, Start).Allowed);
        Assert.True(approved.ApproveMinutes("# 纪要\n", [], new("u-4", "李敏"), Start).Allowed);
        var resolution = approved.Resolutions.Single();
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, approved.SaveResolution(resolution, Values with { Decision = "改" }));
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, approved.RemoveResolution(resolution));
        Assert.Equal(MeetingWorkflow.NotAllowedInStatus, approved.SaveMinutesDraft("# 改\n"));
        Assert.Equal(("清理消防通道", "# 纪要\n"), (resolution.Decision, approved.MinutesMarkdown));
        Assert.Single(approved.Resolutions);
    }
}

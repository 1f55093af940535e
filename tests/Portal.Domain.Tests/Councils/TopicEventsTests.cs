using Portal.Domain.Councils;

namespace Portal.Domain.Tests.Councils;

/// <summary>The events a topic raises, which the council notices are handled from (decision 0023 "Handlers").</summary>
public sealed class TopicEventsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Topic NewTopic(int id = 1) => new() { Id = id, MeetingId = 7, ProposerUnitId = 10, Title = $"议题{id}" };

    [Fact]
    public void A_screening_step_raises_the_step_it_took()
    {
        var topic = NewTopic();

        Assert.Null(topic.Apply(TopicAction.Defer, Now, "下次再议"));
        Assert.Null(topic.Apply(TopicAction.Resubmit, Now, newMeetingId: 8));

        Assert.Equal([new TopicScreened(TopicAction.Defer), new TopicScreened(TopicAction.Resubmit)], topic.TakeEvents());
    }

    [Fact]
    public void A_refused_step_raises_nothing()
    {
        var topic = NewTopic();

        Assert.Equal(TopicScreening.ReasonRequired, topic.Apply(TopicAction.Merge, Now, " ", NewTopic(2)));

        Assert.Empty(topic.TakeEvents());
    }

    [Fact]
    public void An_ad_hoc_request_is_raised_once_by_the_requested_meeting_and_not_by_its_topics()
    {
        var meeting = MeetingCalendar.RequestAdHoc(1, 10, "防汛临时会议", Now.AddDays(3), 60, Now);
        var topics = new[] { Topic.RequestedWith(7, 10, "user-1", "防汛", "汛期将至", 20, Now), Topic.RequestedWith(7, 10, "user-1", "排涝", "", 10, Now) };

        Assert.Equal([new AdHocMeetingRequested()], meeting.TakeEvents());
        Assert.All(topics, t => Assert.Empty(t.TakeEvents()));
    }

    [Fact]
    public void A_topic_of_an_ad_hoc_request_is_submitted()
    {
        var topic = Topic.RequestedWith(7, 10, "user-1", "防汛", "汛期将至", 20, Now);

        Assert.Equal((7, 10, "user-1", "防汛", "汛期将至", 20, Now, TopicStatus.Submitted),
            (topic.MeetingId, topic.ProposerUnitId, topic.ProposedByUserId, topic.Title, topic.DescriptionMarkdown, topic.ProposedMinutes,
                topic.SubmittedAtUtc, topic.Status));
    }
}

using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Meetings;

namespace Portal.Components.Tests.CouncilMeetings;

/// <summary>The meeting's other pages, offered when they are useful in its status; the projector only to those who steer.</summary>
public sealed class MeetingLinksTests : PortalComponentTest
{
    private IRenderedComponent<MeetingLinks> RenderLinks(MeetingStatus status, bool canSteer) =>
        Render<MeetingLinks>(p => p.Add(l => l.MeetingId, 12).Add(l => l.Status, status).Add(l => l.CanSteer, canSteer));

    [Theory]
    [InlineData(MeetingStatus.Scheduled, false, "link-topics")]
    [InlineData(MeetingStatus.Requested, false, "link-topics")]
    [InlineData(MeetingStatus.Ended, false, "link-minutes")]
    [InlineData(MeetingStatus.MinutesApproved, false, "link-minutes")]
    [InlineData(MeetingStatus.InProgress, true, "link-display")]
    [InlineData(MeetingStatus.Scheduled, true, "link-topics,link-display")]
    public void Each_status_offers_its_pages(MeetingStatus status, bool canSteer, string expected)
    {
        var links = RenderLinks(status, canSteer);

        Assert.Equal(expected.Split(','), links.FindAll("nav a").Select(a => a.GetAttribute("data-testid")));
    }

    [Fact]
    public void A_participant_of_a_running_meeting_gets_no_empty_navigation()
    {
        Assert.Empty(RenderLinks(MeetingStatus.InProgress, false).Markup.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "议题征集", "投屏与签到二维码")]
    [InlineData("en", "Topics", "Projector and check-in QR")]
    public void The_links_lead_to_the_meeting_s_pages_in_the_reader_s_language(string culture, string topics, string display)
    {
        UseCulture(culture);

        var links = RenderLinks(MeetingStatus.Scheduled, true);

        Assert.Equal("/councils/meetings/12/topics", links.Find("[data-testid=link-topics]").GetAttribute("href"));
        Assert.Equal(topics, links.Find("[data-testid=link-topics]").TextContent.Trim());
        Assert.Equal("/councils/meetings/12/display", links.Find("[data-testid=link-display]").GetAttribute("href"));
        Assert.Equal(display, links.Find("[data-testid=link-display]").TextContent.Trim());
    }
}

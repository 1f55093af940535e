using Portal.Domain.Councils;
using Portal.Web.Features.Councils.Topics;
using Portal.Web.Features.Localization;
using static Portal.Components.Tests.CouncilTopics.TopicTestData;

namespace Portal.Components.Tests.CouncilTopics;

/// <summary>The meeting a topics page is about: status, the submission deadline, an ad-hoc request and its answer.</summary>
public sealed class MeetingTopicsHeaderTests : PortalComponentTest
{
    private IRenderedComponent<MeetingTopicsHeader> RenderHeader(MeetingTopicsModel model) =>
        Render<MeetingTopicsHeader>(p => p.Add(h => h.Model, model));

    [Fact]
    public void A_scheduled_meeting_collecting_topics_shows_the_deadline_as_people_write_it()
    {
        var header = RenderHeader(Model(lastDay: new DateOnly(2026, 11, 30)));

        Assert.Equal("十二月联席会议", header.Find("[data-testid=topics-meeting-title]").TextContent);
        var status = header.Find("[data-testid=topics-meeting-status]");
        Assert.Equal("已排期", status.TextContent.Trim());
        Assert.Contains("mud-chip-color-info", status.ClassName);
        Assert.Equal("请于 11月30日 前报送议题", header.Find("[data-testid=topics-deadline]").TextContent.Trim());
        Assert.Contains($"会议时间：{PortalTime.Short(StartsAtUtc)}", header.Markup);
        Assert.Empty(header.FindAll("[data-testid=topics-live-link]"));
    }

    [Theory]
    [InlineData("zh-CN", "议题征集已于 11月30日 截止")]
    [InlineData("en", "Topic collection closed on 30 Nov")]
    public void After_the_deadline_the_notice_says_collection_is_closed(string culture, string notice)
    {
        UseCulture(culture);

        var header = RenderHeader(Model(lastDay: new DateOnly(2026, 11, 30), open: false));

        Assert.Equal(notice, header.Find("[data-testid=topics-deadline]").TextContent.Trim());
    }

    [Fact]
    public void An_ad_hoc_request_names_the_unit_and_the_time_it_asked_for_and_a_declined_one_the_reason()
    {
        var requested = RenderHeader(Model(MeetingStatus.Requested, requestedBy: "东城区第二人民医院", proposedAtUtc: StartsAtUtc.AddDays(1)));
        var by = requested.Find("[data-testid=topics-requested-by]").TextContent;
        Assert.Contains("东城区第二人民医院 申请的临时会议", by);
        Assert.Contains($"申请时间：{PortalTime.Short(StartsAtUtc.AddDays(1))}", by);
        Assert.Empty(requested.FindAll("[data-testid=topics-deadline]"));

        var declined = RenderHeader(Model(MeetingStatus.Declined, requestedBy: "东城区第二人民医院", declinedReason: "时间冲突"));
        Assert.Contains("未同意原因：时间冲突", declined.Find("[data-testid=topics-declined-reason]").TextContent);
        Assert.Contains("mud-chip-color-default", declined.Find("[data-testid=topics-meeting-status]").ClassName);
    }

    [Theory]
    [InlineData(MeetingStatus.AgendaConfirmed)]
    [InlineData(MeetingStatus.InProgress)]
    public void Once_the_agenda_stands_the_page_leads_into_the_meeting(MeetingStatus status)
    {
        var link = RenderHeader(Model(status)).Find("[data-testid=topics-live-link]");

        Assert.Equal("/councils/meetings/21", link.GetAttribute("href"));
        Assert.Equal("进入会议", link.TextContent.Trim());
    }
}

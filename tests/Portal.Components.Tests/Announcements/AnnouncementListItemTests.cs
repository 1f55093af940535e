using Portal.Domain.Announcements;
using Portal.Web.Features.Announcements;
using Portal.Web.Features.Announcements.Pages;

namespace Portal.Components.Tests.Announcements;

/// <summary>One announcement of the list as a card: a link with the title in full, its chips and the line under it.</summary>
public sealed class AnnouncementListItemTests : PortalComponentTest
{
    // 2026-12-06 02:30 UTC is 10:30 in China.
    private static AnnouncementRow Row(bool unread = false, bool pinned = false, AnnouncementStatus status = AnnouncementStatus.Published,
        DateTime? published = null) =>
        new(42, 1, "青年湖社区", "周六上午社区义诊活动，请各楼栋居民按时参加", pinned, status,
            status == AnnouncementStatus.Draft ? null : published ?? new DateTime(2026, 12, 6, 2, 30, 0, DateTimeKind.Utc), "王书记", unread, false);

    [Fact]
    public void A_read_published_announcement_is_a_link_with_its_title_in_full_and_no_chips()
    {
        var item = Render<AnnouncementListItem>(p => p.Add(i => i.Row, Row()));

        var link = item.Find("a[data-testid=announcement-item]");
        Assert.Equal("announcements/42", link.GetAttribute("href"));
        Assert.Equal("false", link.GetAttribute("data-unread"));
        Assert.Equal("周六上午社区义诊活动，请各楼栋居民按时参加", item.Find("[data-testid=announcement-title]").TextContent.Trim());
        Assert.Empty(item.FindAll(".mud-chip"));
        Assert.DoesNotContain("ann-item-unread", link.ClassName);
    }

    [Theory]
    [InlineData("zh-CN", "未读", "置顶", "青年湖社区 · 王书记 · 2026/12/6 10:30 发布")]
    [InlineData("en", "Unread", "Pinned", "青年湖社区 · Published by 王书记 · 12/6/2026 10:30 AM")]
    public void An_unread_pinned_announcement_says_so_in_words_and_shows_when_and_by_whom_it_was_published(string culture, string unread, string pinned, string meta)
    {
        var item = RenderIn<AnnouncementListItem>(culture, p => p.Add(i => i.Row, Row(unread: true, pinned: true)));

        Assert.Equal("true", item.Find("[data-testid=announcement-item]").GetAttribute("data-unread"));
        Assert.Contains("ann-item-unread", item.Find("[data-testid=announcement-item]").ClassName);
        Assert.Equal(unread, item.Find("[data-testid=unread-marker]").TextContent.Trim());
        Assert.Equal(pinned, item.Find("[data-testid=pinned-marker]").TextContent.Trim());
        Assert.Empty(item.FindAll("[data-testid=status-badge]"));
        Assert.Equal(meta, Normalize(item.Find("[data-testid=announcement-meta]").TextContent));
    }

    [Theory]
    [InlineData("zh-CN", AnnouncementStatus.Draft, "草稿", "青年湖社区 · 王书记 · 尚未发布")]
    [InlineData("en", AnnouncementStatus.Draft, "Draft", "青年湖社区 · 王书记 · not published yet")]
    [InlineData("zh-CN", AnnouncementStatus.Withdrawn, "已撤回", null)]
    public void A_draft_or_withdrawn_announcement_shows_its_status(string culture, AnnouncementStatus status, string badge, string? meta)
    {
        var item = RenderIn<AnnouncementListItem>(culture, p => p.Add(i => i.Row, Row(status: status)));

        Assert.Equal(status.ToString(), item.Find("[data-testid=announcement-item]").GetAttribute("data-status"));
        Assert.Equal(badge, item.Find("[data-testid=status-badge]").TextContent.Trim());
        if (meta is not null) Assert.Equal(meta, Normalize(item.Find("[data-testid=announcement-meta]").TextContent));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

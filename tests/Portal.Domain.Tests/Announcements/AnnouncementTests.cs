using Portal.Domain.Announcements;
using Portal.Domain.Text;

namespace Portal.Domain.Tests.Announcements;

public sealed class AnnouncementTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 6, 30, 0, DateTimeKind.Utc);

    private static Announcement Draft() => new()
    {
        CommunityId = 1, Title = "停水通知", BodyMarkdown = "明日停水。", AuthorUserId = "u1", AuthorName = "刘红梅",
    };

    [Fact]
    public void A_new_announcement_is_an_unpublished_draft()
    {
        var announcement = Draft();

        Assert.Equal(AnnouncementStatus.Draft, announcement.Status);
        Assert.Null(announcement.PublishedAtUtc);
        Assert.True(announcement.CanPublish);
        Assert.False(announcement.CanWithdraw);
    }

    [Fact]
    public void Publishing_a_draft_dates_it_and_makes_it_visible()
    {
        var announcement = Draft();

        announcement.Publish(Now);

        Assert.True(announcement.IsPublished);
        Assert.Equal(Now, announcement.PublishedAtUtc);
        Assert.False(announcement.CanPublish);
        Assert.True(announcement.CanWithdraw);
    }

    [Theory]
    [InlineData("", "明日停水。")]
    [InlineData("停水通知", "")]
    public void An_edit_the_rules_refuse_changes_nothing(string title, string body)
    {
        var announcement = Draft();

        Assert.Throws<ArgumentException>(() => announcement.Edit(title, body, isPinned: true));
        Assert.Throws<ArgumentException>(() => announcement.Edit(new string('题', Announcement.TitleMaxLength + 1), "明日停水。", isPinned: true));

        Assert.Equal(("停水通知", "明日停水。", false), (announcement.Title, announcement.BodyMarkdown, announcement.IsPinned));
        Assert.Empty(announcement.TakeEvents());
    }

    [Fact]
    public void Members_hear_of_changes_to_what_they_can_read_and_of_nothing_else()
    {
        var announcement = Draft();
        announcement.Edit("停水通知（草稿）", "明日停水。", isPinned: false);
        announcement.Delete();
        Assert.Empty(announcement.TakeEvents());

        announcement.Publish(Now);
        announcement.Edit("停水通知（更新）", "后日停水。", isPinned: true);
        announcement.Withdraw();
        announcement.Delete();
        Assert.Equal(
            [
                new AnnouncementChanged(AnnouncementChange.Published, 1, "停水通知（草稿）"),
                new AnnouncementChanged(AnnouncementChange.Updated, 1, "停水通知（更新）"),
                new AnnouncementChanged(AnnouncementChange.Withdrawn, 1, "停水通知（更新）"),
            ],
            announcement.TakeEvents());

        announcement.Publish(Now);
        announcement.TakeEvents();
        announcement.Delete();
        Assert.Equal([new AnnouncementChanged(AnnouncementChange.Deleted, 1, "停水通知（更新）")], announcement.TakeEvents());
    }

    [Fact]
    public void A_published_announcement_cannot_be_published_again()
    {
        var announcement = Draft();
        announcement.Publish(Now);

        Assert.Throws<InvalidOperationException>(() => announcement.Publish(Now.AddHours(1)));
        Assert.Equal(Now, announcement.PublishedAtUtc);
    }

    [Fact]
    public void Withdrawing_hides_it_and_republishing_dates_it_anew()
    {
        var announcement = Draft();
        announcement.Publish(Now);

        announcement.Withdraw();
        Assert.Equal(AnnouncementStatus.Withdrawn, announcement.Status);
        Assert.False(announcement.IsPublished);
        Assert.False(announcement.CanWithdraw);

        announcement.Publish(Now.AddDays(1));
        Assert.True(announcement.IsPublished);
        Assert.Equal(Now.AddDays(1), announcement.PublishedAtUtc);
    }

    [Fact]
    public void Drafts_and_withdrawn_announcements_cannot_be_withdrawn()
    {
        var draft = Draft();
        Assert.Throws<InvalidOperationException>(draft.Withdraw);
        Assert.Equal(AnnouncementStatus.Draft, draft.Status);

        var withdrawn = Draft();
        withdrawn.Publish(Now);
        withdrawn.Withdraw();
        Assert.Throws<InvalidOperationException>(withdrawn.Withdraw);
    }
}

public sealed class AnnouncementRulesTests
{
    [Fact]
    public void A_title_and_a_body_are_enough()
    {
        Assert.Empty(AnnouncementRules.Check("冬季供暖检修", "检修时间：每日 9:00–17:00"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void A_missing_or_blank_title_is_refused(string? title)
    {
        var problems = AnnouncementRules.Check(title, "正文");

        Assert.Equal([(AnnouncementFields.Title, AnnouncementProblem.TitleRequired)], problems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\n ")]
    public void A_missing_or_blank_body_is_refused(string? body)
    {
        var problems = AnnouncementRules.Check("标题", body);

        Assert.Equal([(AnnouncementFields.Body, AnnouncementProblem.BodyRequired)], problems);
    }

    [Fact]
    public void Titles_and_bodies_longer_than_the_columns_are_refused_at_the_limit_plus_one()
    {
        Assert.Empty(AnnouncementRules.Check(new string('通', Announcement.TitleMaxLength), new string('知', Announcement.BodyMaxLength)));

        var problems = AnnouncementRules.Check(new string('通', Announcement.TitleMaxLength + 1), new string('知', Announcement.BodyMaxLength + 1));

        Assert.Equal(
            [(AnnouncementFields.Title, AnnouncementProblem.TitleTooLong), (AnnouncementFields.Body, AnnouncementProblem.BodyTooLong)],
            problems);
    }

    [Fact]
    public void The_title_limit_counts_the_trimmed_title()
    {
        var padded = "  " + new string('通', Announcement.TitleMaxLength) + "  ";

        Assert.Empty(AnnouncementRules.Check(padded, "正文"));
    }

    [Fact]
    public void A_body_with_windows_line_endings_is_measured_after_they_are_unified()
    {
        // A textarea posts CRLF; the stored body uses LF, so the limit must not count the CRs.
        var lines = string.Join("\r\n", Enumerable.Repeat("一二三四", Announcement.BodyMaxLength / 5));

        Assert.True(lines.Length > Announcement.BodyMaxLength);
        Assert.Empty(AnnouncementRules.Check("标题", lines));
        Assert.DoesNotContain('\r', AnnouncementRules.NormalizeBody(lines));
    }

    [Fact]
    public void A_title_is_checked_as_stored_one_line_with_single_spaces()
    {
        // 120 characters as stored; typed with runs of spaces and line breaks it is longer, and still not too long.
        var words = string.Join("  \n ", Enumerable.Repeat("关于召开会议", 17)) + "通知";
        Assert.True(words.Length > Announcement.TitleMaxLength);
        Assert.Equal(Announcement.TitleMaxLength, UserText.CollapsedLine(words).Length);
        Assert.Empty(AnnouncementRules.Check(words, "正文"));
        Assert.Equal([(AnnouncementFields.Title, AnnouncementProblem.TitleTooLong)], AnnouncementRules.Check(words + "书", "正文"));
    }

    [Fact]
    public void Markdown_indentation_at_the_start_of_the_body_is_kept()
    {
        Assert.Equal("    code\n- item", AnnouncementRules.NormalizeBody("    code\r\n- item\r\n\r\n"));
    }
}

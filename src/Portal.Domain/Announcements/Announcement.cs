using Portal.Domain.Common;

namespace Portal.Domain.Announcements;

/// <summary>A community announcement (通知公告), written in Markdown by a community's managers.</summary>
public sealed class Announcement : VersionedEntity
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20_000;

    public int CommunityId { get; set; }
    public required string Title { get; set; }
    public required string BodyMarkdown { get; set; }
    public bool IsPinned { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public required string AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
}

/// <summary>Marks that a user has read an announcement; the unread count is what lacks such a mark.</summary>
public sealed class AnnouncementRead
{
    public int AnnouncementId { get; set; }
    public required string UserId { get; set; }
    public DateTime ReadAtUtc { get; set; }
}

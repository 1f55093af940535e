using Portal.Domain.Announcements;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Announcements;

/// <summary>One page of the announcement list, with an optional free-text search over title and body.</summary>
public sealed record AnnouncementQuery(string? Search = null, int Skip = 0, int Take = 10) : ISearchQuery
{
    /// <summary>Page sizes are capped so a crafted request cannot load the whole table into a circuit.</summary>
    public int SafeTake => Math.Clamp(Take, 1, 100);
    public int SafeSkip => Math.Max(0, Skip);
}

/// <summary>An announcement in a list: what the reader needs to pick one, and whether they have read it.</summary>
public sealed record AnnouncementRow(
    int Id, int CommunityId, string Community, string Title, bool IsPinned, AnnouncementStatus Status,
    DateTime? PublishedAtUtc, string AuthorName, bool IsUnread, bool CanManage);

public sealed record AnnouncementList(IReadOnlyList<AnnouncementRow> Items, int Total);

/// <summary>The header bell: how many published announcements the user has not opened, and the latest few.</summary>
public sealed record UnreadSummary(int Count, IReadOnlyList<AnnouncementRow> Latest);

/// <summary>One announcement as shown to a reader, its body already rendered to safe HTML.</summary>
public sealed record AnnouncementView(
    int Id, int CommunityId, string Community, string Title, string BodyHtml, bool IsPinned, AnnouncementStatus Status,
    DateTime? PublishedAtUtc, string AuthorName, Guid Version, bool CanManage)
{
    public bool CanPublish => CanManage && Status != AnnouncementStatus.Published;
    public bool CanWithdraw => CanManage && Status == AnnouncementStatus.Published;
}

/// <summary>What the editor holds: the user's input and the version they loaded.</summary>
public sealed class AnnouncementForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int CommunityId { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public bool IsPinned { get; set; }
    public AnnouncementStatus Status { get; set; }
    public bool IsNew => Id == 0;
}

/// <summary>What a live announcement event carries: enough to say what changed, nothing a member may not see.</summary>
public sealed record AnnouncementEvent(int AnnouncementId, int CommunityId, string Title);

/// <summary>Event types on the community channel.</summary>
public static class AnnouncementEvents
{
    public const string Published = "announcement.published";
    public const string Updated = "announcement.updated";
    public const string Withdrawn = "announcement.withdrawn";
    public const string Deleted = "announcement.deleted";
}

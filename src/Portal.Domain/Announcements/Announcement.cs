using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Announcements;

/// <summary>Where an announcement is in its life: only published ones reach the community's members.</summary>
public enum AnnouncementStatus
{
    Draft = 0,
    Published = 1,
    Withdrawn = 2,
}

/// <summary>A community announcement (通知公告), written in Markdown by a community's managers.</summary>
public sealed class Announcement : VersionedEntity
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20_000;

    public int CommunityId { get; set; }
    public required string Title { get; set; }
    [MultiLineText]
    public required string BodyMarkdown { get; set; }
    public bool IsPinned { get; set; }
    public AnnouncementStatus Status { get; set; }

    /// <summary>When it was (last) published; null while it is a draft that never went out.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public required string AuthorUserId { get; set; }
    public required string AuthorName { get; set; }

    public bool IsPublished => Status == AnnouncementStatus.Published;

    /// <summary>Drafts and withdrawn announcements can go (back) out; a published one is already out.</summary>
    public bool CanPublish => Status != AnnouncementStatus.Published;

    public bool CanWithdraw => Status == AnnouncementStatus.Published;

    /// <summary>Publishes now. Republishing a withdrawn announcement dates it anew, so it counts as news again.</summary>
    public void Publish(DateTime nowUtc)
    {
        if (!CanPublish) throw new InvalidOperationException("The announcement is already published.");
        Status = AnnouncementStatus.Published;
        PublishedAtUtc = nowUtc;
        RaiseChange(AnnouncementChange.Published);
    }

    /// <summary>Changes the text; members hear of it when they can read it (a published announcement).</summary>
    public void Edit(string title, string bodyMarkdown, bool isPinned)
    {
        Title = title;
        BodyMarkdown = bodyMarkdown;
        IsPinned = isPinned;
        if (IsPublished) RaiseChange(AnnouncementChange.Updated);
    }

    public void Withdraw()
    {
        if (!CanWithdraw) throw new InvalidOperationException("Only a published announcement can be withdrawn.");
        Status = AnnouncementStatus.Withdrawn;
        RaiseChange(AnnouncementChange.Withdrawn);
    }

    /// <summary>Called before the row is removed: members hear of it if they could read it.</summary>
    public void Delete()
    {
        if (IsPublished) RaiseChange(AnnouncementChange.Deleted);
    }

    private void RaiseChange(AnnouncementChange change) => Raise(new AnnouncementChanged(change, CommunityId, Title));
}

public enum AnnouncementChange
{
    Published,
    Updated,
    Withdrawn,
    Deleted,
}

/// <summary>
/// What members of the community can see of an announcement changed. It names no id: a new announcement raises it
/// before it has one; the save hands the raising entity (with its key) to whoever maps the event.
/// </summary>
public sealed record AnnouncementChanged(AnnouncementChange Change, int CommunityId, string Title) : IDomainEvent;

/// <summary>Marks that a user has read an announcement; the unread count is what lacks such a mark.</summary>
public sealed class AnnouncementRead
{
    public int AnnouncementId { get; set; }
    public required string UserId { get; set; }
    public DateTime ReadAtUtc { get; set; }
}

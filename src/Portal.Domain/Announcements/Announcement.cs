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

/// <summary>
/// A community announcement (通知公告), written in Markdown by a community's managers. Created with an object initializer
/// (the service, the demo data) and changed only through its methods afterwards, like the directory's entities: a
/// changeable value is kept in a field that its init accessor and the methods set.
/// </summary>
public sealed class Announcement : VersionedEntity
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20_000;

    private string _title = "";
    private string _bodyMarkdown = "";
    private bool _isPinned;
    private AnnouncementStatus _status;
    private DateTime? _publishedAtUtc;

    public int CommunityId { get; init; }
    public required string Title { get => _title; init => _title = value; }
    [MultiLineText]
    public required string BodyMarkdown { get => _bodyMarkdown; init => _bodyMarkdown = value; }
    public bool IsPinned { get => _isPinned; init => _isPinned = value; }
    public AnnouncementStatus Status { get => _status; init => _status = value; }

    /// <summary>When it was (last) published; null while it is a draft that never went out.</summary>
    public DateTime? PublishedAtUtc { get => _publishedAtUtc; init => _publishedAtUtc = value; }

    public required string AuthorUserId { get; init; }
    public required string AuthorName { get; init; }

    public bool IsPublished => Status == AnnouncementStatus.Published;

    /// <summary>Drafts and withdrawn announcements can go (back) out; a published one is already out.</summary>
    public bool CanPublish => Status != AnnouncementStatus.Published;

    public bool CanWithdraw => Status == AnnouncementStatus.Published;

    /// <summary>Publishes now. Republishing a withdrawn announcement dates it anew, so it counts as news again.</summary>
    public void Publish(DateTime nowUtc)
    {
        if (!CanPublish) throw new InvalidOperationException("The announcement is already published.");
        _status = AnnouncementStatus.Published;
        _publishedAtUtc = nowUtc;
        RaiseChange(AnnouncementChange.Published);
    }

    /// <summary>
    /// Changes the text; members hear of it when they can read it (a published announcement). A title or body that
    /// <see cref="AnnouncementRules.Check"/> refuses is refused here too (the service says why first; reaching this is a bug).
    /// </summary>
    public void Edit(string title, string bodyMarkdown, bool isPinned)
    {
        if (AnnouncementRules.Check(title, bodyMarkdown) is { Count: > 0 } problems)
            throw new ArgumentException($"The announcement cannot be saved: {string.Join(", ", problems.Select(p => p.Problem))}.");
        (_title, _bodyMarkdown, _isPinned) = (title, bodyMarkdown, isPinned);
        if (IsPublished) RaiseChange(AnnouncementChange.Updated);
    }

    public void Withdraw()
    {
        if (!CanWithdraw) throw new InvalidOperationException("Only a published announcement can be withdrawn.");
        _status = AnnouncementStatus.Withdrawn;
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

using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.WorkItems;

/// <summary>What a co-building unit offers (资源清单).</summary>
public enum ResourceKind
{
    Venue = 1,
    Funds = 2,
    Volunteers = 3,
    Expertise = 4,
    Equipment = 5,
}

/// <summary>
/// A resource on the resources list: offered by a unit, for some need categories, with a capacity (people, square
/// metres, yuan, sessions — <see cref="CapacityUnit"/> says which) that projects consume when resources are committed.
/// </summary>
public sealed class Resource : VersionedEntity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2_000;
    public const int CapacityUnitMaxLength = 20;
    public const int CategoriesMaxLength = 400;

    public int UnitId { get; set; }
    public ResourceKind Kind { get; set; }
    public required string Title { get; set; }
    [MultiLineText]
    public string Description { get; set; } = "";
    /// <summary>Category codes it serves, comma-separated (as WorkItem.Category).</summary>
    public string Categories { get; set; } = "";
    public int Capacity { get; set; }
    /// <summary>What projects took of <see cref="Capacity"/>; moved only by <see cref="Commit"/>.</summary>
    public int CommittedCapacity { get; private set; }
    public required string CapacityUnit { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public DateOnly? AvailableUntil { get; set; }
    public bool IsActive { get; set; } = true;

    public int RemainingCapacity => Math.Max(0, Capacity - CommittedCapacity);

    public IReadOnlySet<string> CategorySet =>
        Categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public bool IsAvailableOn(DateOnly day) =>
        IsActive && (AvailableFrom is null || AvailableFrom <= day) && (AvailableUntil is null || day <= AvailableUntil);

    /// <summary>
    /// Sets what the resource offers (values already checked and cleaned by the caller) and tells the lists of the
    /// unit's community (<paramref name="unitCommunityId"/>; null for a street-level unit) that it changed.
    /// </summary>
    public void Describe(ResourceKind kind, string title, string description, IEnumerable<string> categories, int capacity,
        string capacityUnit, DateOnly? availableFrom, DateOnly? availableUntil, bool isActive, int? unitCommunityId)
    {
        Kind = kind;
        Title = title;
        Description = description;
        Categories = string.Join(',', categories);
        Capacity = capacity;
        CapacityUnit = capacityUnit;
        AvailableFrom = availableFrom;
        AvailableUntil = availableUntil;
        IsActive = isActive;
        Raise(new ResourceChanged(UnitId, unitCommunityId));
    }

    /// <summary>
    /// Takes <paramref name="quantity"/> of what is left for a project; false (nothing changes) when it is not positive or
    /// more than remains.
    /// </summary>
    public bool Commit(int quantity, int? unitCommunityId)
    {
        if (quantity <= 0 || quantity > RemainingCapacity) return false;
        CommittedCapacity += quantity;
        Raise(new ResourceChanged(UnitId, unitCommunityId));
        return true;
    }
}

/// <summary>
/// A resource was published or changed (its description, or capacity taken by a project). The community is that of
/// its unit (null: street-level), so the event can be told to the community's lists without looking it up.
/// </summary>
public sealed record ResourceChanged(int UnitId, int? CommunityId) : IDomainEvent;

/// <summary>A resource committed to a project, consuming <see cref="Quantity"/> of its capacity.</summary>
public sealed class ProjectResource
{
    public int ProjectId { get; set; }
    public int ResourceId { get; set; }
    public int Quantity { get; set; }
}

/// <summary>
/// A stored version of a community's deadline rules (<see cref="DeadlineRules"/>). Edits add a new version; items keep
/// the version their deadline was computed with.
/// </summary>
public sealed class DeadlineRuleSet : Entity
{
    public int CommunityId { get; set; }
    public int VersionNumber { get; set; }
    public int EmergencyMinutes { get; set; }
    public int UtilitiesMinutes { get; set; }
    public int GeneralMinutes { get; set; }
    public int ComplexMinutes { get; set; }
    public decimal DueSoonShare { get; set; }
    public int EscalationGraceMinutes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedByName { get; set; }

    public DeadlineRules ToRules() => new(
        TimeSpan.FromMinutes(EmergencyMinutes), TimeSpan.FromMinutes(UtilitiesMinutes), TimeSpan.FromMinutes(GeneralMinutes),
        TimeSpan.FromMinutes(ComplexMinutes), (double)DueSoonShare, TimeSpan.FromMinutes(EscalationGraceMinutes));

    public static DeadlineRuleSet From(DeadlineRules rules, int communityId, int versionNumber, DateTime nowUtc, string createdBy) => new()
    {
        CommunityId = communityId,
        VersionNumber = versionNumber,
        EmergencyMinutes = (int)rules.Emergency.TotalMinutes,
        UtilitiesMinutes = (int)rules.Utilities.TotalMinutes,
        GeneralMinutes = (int)rules.General.TotalMinutes,
        ComplexMinutes = (int)rules.Complex.TotalMinutes,
        DueSoonShare = (decimal)rules.DueSoonShare,
        EscalationGraceMinutes = (int)rules.EscalationGrace.TotalMinutes,
        CreatedAtUtc = nowUtc,
        CreatedByName = createdBy,
    };
}

/// <summary>An in-app notification (reminders, escalations, dispatches); read in the header.</summary>
public sealed class Notification : Entity
{
    public const int TextMaxLength = 300;
    public const int LinkMaxLength = 200;

    public required string UserId { get; set; }
    /// <summary>A resource key of the message with its argument, so it shows in the reader's language.</summary>
    public required string MessageKey { get; set; }
    /// <summary>
    /// The message's arguments, machine-encoded: parts cleaned one by one and joined by a control character as separator
    /// (<c>NotificationArguments</c> in the web layer), so the database's text rule must leave it as written.
    /// </summary>
    [VerbatimText]
    public string? MessageArgument { get; set; }
    public int? WorkItemId { get; set; }
    /// <summary>
    /// The portal page the notification opens, relative to the base ("councils/meetings/12"), for notifications about
    /// something other than a work item (a meeting, a topic); a work item's page is derived from <see cref="WorkItemId"/>.
    /// </summary>
    public string? LinkPath { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    /// <summary>Sends the new notification: its reader's bell hears of it once it is stored (<see cref="NotificationSent"/>).</summary>
    public Notification Send()
    {
        Raise(new NotificationSent(UserId, WorkItemId));
        return this;
    }
}

/// <summary>A notification was added for <see cref="UserId"/>; the event names no message (the bell reads it as its reader).</summary>
public sealed record NotificationSent(string UserId, int? WorkItemId) : IDomainEvent;

using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Reporting;

/// <summary>Who holds a post: a reported member or a reported unit.</summary>
public enum ClaimantKind
{
    Member = 1,
    Unit = 2,
}

/// <summary>
/// A service post the community sets by need (岗位: 楼栋长, elder-care volunteer, policy explainer, civility adviser …,
/// decision 0039): its kind of service, how many may hold it and when it is served. Members and units claim it while it
/// is open and has room; a claim is withdrawn, never deleted. The service counts the live claims; this class decides.
/// </summary>
public sealed class ServicePost : VersionedEntity
{
    public const int NameMaxLength = 50;
    public const int DescriptionMaxLength = 1_000;
    public const int ScheduleMaxLength = 100;
    public const int MaxCapacity = 1_000;

    public const string ErrorName = "Reporting.Error.Post.Name";
    public const string ErrorDescription = "Reporting.Error.Post.Description";
    public const string ErrorSchedule = "Reporting.Error.Post.Schedule";
    public const string ErrorCapacity = "Reporting.Error.Post.Capacity";
    public const string ErrorCategory = "Reporting.Error.Post.Category";
    public const string ErrorClosed = "Reporting.Error.Post.Closed";
    public const string ErrorFull = "Reporting.Error.Post.Full";

    private ServicePost() { }

    public int CommunityId { get; private init; }
    public string Name { get; private set; } = "";
    public ServiceCategory Category { get; private set; }
    [MultiLineText]
    public string Description { get; private set; } = "";
    /// <summary>When it is served, as people say it ("每周六上午", "每月第一个周三").</summary>
    public string Schedule { get; private set; } = "";
    public int Capacity { get; private set; }
    public bool IsOpen { get; private set; } = true;

    public sealed record Details(string Name, ServiceCategory Category, string? Description, string? Schedule, int Capacity);

    public static (ServicePost? Post, string? Error) Create(int communityId, Details details)
    {
        var post = new ServicePost { CommunityId = communityId };
        return post.Describe(details, claimed: 0) is { } error ? (null, error) : (post, null);
    }

    /// <summary>Changes the post; the capacity not below its live claims.</summary>
    public string? Change(Details details, int claimed) => Describe(details, claimed);

    /// <summary>Opens or closes it for new claims (live claims stay).</summary>
    public void SetOpen(bool open) => IsOpen = open;

    /// <summary>Whether another claim fits: open, and fewer than <see cref="Capacity"/> live claims.</summary>
    public string? CheckClaim(int claimed) => !IsOpen ? ErrorClosed : claimed >= Capacity ? ErrorFull : null;

    private string? Describe(Details d, int claimed)
    {
        var name = UserText.SingleLine(d.Name);
        if (name.Length is 0 or > NameMaxLength) return ErrorName;
        if (!Enum.IsDefined(d.Category)) return ErrorCategory;
        var description = UserText.MultiLineTrimmed(d.Description);
        if (description.Length > DescriptionMaxLength) return ErrorDescription;
        var schedule = UserText.SingleLine(d.Schedule);
        if (schedule.Length > ScheduleMaxLength) return ErrorSchedule;
        if (d.Capacity < 1 || d.Capacity > MaxCapacity || d.Capacity < claimed) return ErrorCapacity;
        (Name, Category, Description, Schedule, Capacity) = (name, d.Category, description, schedule, d.Capacity);
        return null;
    }
}

/// <summary>A member's or a unit's claim of a post (认领岗位); one live claim per claimant and post (the database enforces it).</summary>
public sealed class PostClaim : Entity
{
    public const string ErrorWithdrawn = "Reporting.Error.Post.ClaimWithdrawn";

    private PostClaim() { }

    public int PostId { get; private init; }
    public ClaimantKind Kind { get; private init; }
    /// <summary>The member's person id or the unit's id, by <see cref="Kind"/>.</summary>
    public int ClaimantId { get; private init; }
    public DateTime ClaimedAtUtc { get; private init; }
    public string ClaimedByUserId { get; private init; } = "";
    public DateTime? WithdrawnAtUtc { get; private set; }

    public bool IsLive => WithdrawnAtUtc is null;

    /// <summary>A claim of <paramref name="post"/> when it has <paramref name="claimed"/> live claims.</summary>
    public static (PostClaim? Claim, string? Error) Make(ServicePost post, int claimed, ClaimantKind kind, int claimantId, string byUserId, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind) || claimantId <= 0) throw new ArgumentOutOfRangeException(nameof(claimantId));
        return post.CheckClaim(claimed) is { } error
            ? (null, error)
            : (new PostClaim { PostId = post.Id, Kind = kind, ClaimantId = claimantId, ClaimedAtUtc = nowUtc, ClaimedByUserId = byUserId }, null);
    }

    public string? Withdraw(DateTime nowUtc)
    {
        if (!IsLive) return ErrorWithdrawn;
        WithdrawnAtUtc = nowUtc;
        return null;
    }
}

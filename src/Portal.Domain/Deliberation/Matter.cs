using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Deliberation;

/// <summary>Who a matter concerns, and so who takes part in deliberating and voting on it.</summary>
public enum MatterScopeKind
{
    Building = 1,
    Grid = 2,
    Community = 3,
    /// <summary>The owners of one property-managed area (the counting base of an owners' vote).</summary>
    PropertyArea = 4,
}

/// <summary>A matter's scope: a kind and the id of that building, grid, community or property area.</summary>
public readonly record struct MatterScope(MatterScopeKind Kind, int Id);

public enum MatterOrigin
{
    /// <summary>Raised by a resident (the phone form).</summary>
    Resident = 1,
    /// <summary>Promoted from a need of the needs list; <see cref="Matter.WorkItemId"/> keeps the link.</summary>
    Need = 2,
}

public enum MatterStatus
{
    Raised = 1,
    /// <summary>Accepted by the secretary: a session may start on it.</summary>
    Accepted = 2,
    /// <summary>Merged into another matter (<see cref="Matter.MergedIntoMatterId"/>); final.</summary>
    Merged = 3,
    /// <summary>Declined with a reason the raiser sees; final.</summary>
    Declined = 4,
}

/// <summary>
/// A matter for deliberation (议题) as it comes in: from a resident or promoted from a need, in one community, with a
/// scope. The secretary screens it once: accept, merge into another live matter, or decline with a reason. Merging and
/// declining are final because the raiser has been told; a wrongly declined matter is raised again.
/// </summary>
public sealed class Matter : VersionedEntity
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4_000;
    public const int ReasonMaxLength = 500;

    public const string ErrorTitle = "Deliberation.Error.Matter.Title";
    public const string ErrorDescription = "Deliberation.Error.Matter.Description";
    public const string ErrorScope = "Deliberation.Error.Matter.Scope";
    public const string ErrorWorkItem = "Deliberation.Error.Matter.WorkItem";
    public const string ErrorNotRaised = "Deliberation.Error.Matter.NotRaised";
    public const string ErrorReasonRequired = "Deliberation.Error.Matter.ReasonRequired";
    public const string ErrorMergeTarget = "Deliberation.Error.Matter.MergeTarget";

    private Matter() { }

    public int CommunityId { get; private init; }
    public required string Title { get; init; }
    [MultiLineText]
    public string Description { get; private init; } = "";
    public MatterScope Scope { get; private init; }
    public MatterOrigin Origin { get; private init; }
    /// <summary>The need it was promoted from (Origin = Need), else null.</summary>
    public int? WorkItemId { get; private init; }
    /// <summary>The account that raised it (a resident, or the staff member who promoted the need).</summary>
    public required string RaisedByUserId { get; init; }
    public DateTime RaisedAtUtc { get; private init; }

    public MatterStatus Status { get; private set; } = MatterStatus.Raised;
    public int? MergedIntoMatterId { get; private set; }
    /// <summary>Why it was declined or merged; shown to the raiser.</summary>
    [MultiLineText]
    public string? ScreeningReason { get; private set; }
    public DateTime? ScreenedAtUtc { get; private set; }
    public string? ScreenedByUserId { get; private set; }

    /// <summary>A resident raises a matter.</summary>
    public static (Matter? Matter, string? Error) RaiseByResident(int communityId, MatterScope scope, string title, string? description,
        string raisedByUserId, DateTime nowUtc) =>
        Create(communityId, scope, title, description, MatterOrigin.Resident, null, raisedByUserId, nowUtc);

    /// <summary>Staff promote a need to deliberation; the matter keeps the need's work item id.</summary>
    public static (Matter? Matter, string? Error) PromoteNeed(int communityId, MatterScope scope, int workItemId, string title, string? description,
        string promotedByUserId, DateTime nowUtc) =>
        workItemId <= 0 ? (null, ErrorWorkItem) : Create(communityId, scope, title, description, MatterOrigin.Need, workItemId, promotedByUserId, nowUtc);

    private static (Matter?, string?) Create(int communityId, MatterScope scope, string title, string? description, MatterOrigin origin,
        int? workItemId, string raisedByUserId, DateTime nowUtc)
    {
        var cleanTitle = UserText.SingleLine(title);
        if (cleanTitle.Length is 0 or > TitleMaxLength) return (null, ErrorTitle);
        var cleanDescription = UserText.MultiLineTrimmed(description);
        if (cleanDescription.Length > DescriptionMaxLength) return (null, ErrorDescription);
        if (communityId <= 0 || scope.Id <= 0 || !Enum.IsDefined(scope.Kind)
            || (scope.Kind == MatterScopeKind.Community && scope.Id != communityId))
            return (null, ErrorScope);
        return (new Matter
        {
            CommunityId = communityId, Scope = scope, Title = cleanTitle, Description = cleanDescription, Origin = origin,
            WorkItemId = workItemId, RaisedByUserId = raisedByUserId, RaisedAtUtc = nowUtc,
        }, null);
    }

    /// <summary>The secretary accepts the matter for deliberation.</summary>
    public string? Accept(string byUserId, DateTime nowUtc)
    {
        if (Status != MatterStatus.Raised) return ErrorNotRaised;
        Screen(MatterStatus.Accepted, null, null, byUserId, nowUtc);
        return null;
    }

    /// <summary>
    /// The secretary merges the matter into another of the same community that is still live (raised or accepted), with a
    /// reason the raiser sees ("the same lift is already being discussed").
    /// </summary>
    public string? MergeInto(Matter target, string? reason, string byUserId, DateTime nowUtc)
    {
        if (Status != MatterStatus.Raised) return ErrorNotRaised;
        if (target.Id == Id || target.CommunityId != CommunityId || target.Status is not (MatterStatus.Raised or MatterStatus.Accepted))
            return ErrorMergeTarget;
        if (CheckReason(reason) is { } error) return error;
        Screen(MatterStatus.Merged, target.Id, reason, byUserId, nowUtc);
        return null;
    }

    /// <summary>The secretary declines the matter; the reason is required because the raiser sees it.</summary>
    public string? Decline(string? reason, string byUserId, DateTime nowUtc)
    {
        if (Status != MatterStatus.Raised) return ErrorNotRaised;
        if (CheckReason(reason) is { } error) return error;
        Screen(MatterStatus.Declined, null, reason, byUserId, nowUtc);
        return null;
    }

    private static string? CheckReason(string? reason) =>
        UserText.MultiLineTrimmed(reason) is { Length: 0 or > ReasonMaxLength } ? ErrorReasonRequired : null;

    private void Screen(MatterStatus status, int? mergedInto, string? reason, string byUserId, DateTime nowUtc)
    {
        Status = status;
        MergedIntoMatterId = mergedInto;
        ScreeningReason = UserText.MultiLineTrimmedOrNull(reason);
        ScreenedAtUtc = nowUtc;
        ScreenedByUserId = byUserId;
        Raise(new MatterScreened(Id, status, RaisedByUserId));
    }
}

using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.Board;

// The board's view models deliberately have no field for a raiser, requester, address, description, owner person or
// member name: what is not loaded cannot be shown, so nothing personal can leak onto the public board.

/// <summary>The communities whose board the user may open, and the one to show first (their own community).</summary>
public sealed record BoardCommunities(IReadOnlyList<Option> Communities, int? DefaultId);

/// <summary>One page of a board section with its search text.</summary>
public sealed record BoardQuery(string? Search = null, int Skip = 0, int Take = BoardQuery.DefaultTake) : ISearchQuery
{
    public const int DefaultTake = 10;

    /// <summary>Page sizes are capped so a crafted request cannot load a whole community into a circuit.</summary>
    public int SafeTake => Math.Clamp(Take, 1, 50);
    public int SafeSkip => Math.Max(0, Skip);
}

/// <summary>The figures at the top of the board. AverageProgress is null when the community has no published project.</summary>
public sealed record BoardSummary(
    int CommunityId, string CommunityName, int NeedsPublished, int NeedsResolved, int ProjectsInProgress, int? AverageProgress,
    int CommitmentsPublished, int CommitmentsFulfilled);

/// <summary>A published need or micro-wish: what it is and how far it got, owned by a unit (organisations are public).</summary>
public sealed record BoardNeedRow(
    int Id, WorkItemKind Kind, string Title, string Category, string? GridName, WorkItemStatus Status, string? OwnerUnitName,
    DateTime RaisedAtUtc, DateTime? DueAtUtc, bool IsOverdue, Satisfaction? Rating);

/// <summary>A public project with its units and rolled-up progress; <see cref="IsOverdue"/> by WorkItemMetrics.IsOverdue now.</summary>
public sealed record BoardProjectRow(
    int Id, string Title, string? LeadUnitName, IReadOnlyList<string> CoUnitNames, int ProgressPercent, int MilestonesDone,
    int MilestonesTotal, WorkItemStatus Status, DateTime? DueAtUtc, bool IsOverdue);

/// <summary>
/// A published commitment: the organisation it is filed under, whether an organisation or one of its members made it
/// (never which member), and its assessment once all three scores are in.
/// </summary>
public sealed record BoardCommitmentRow(
    int Id, string? OrganizationName, bool ByMember, string Title, CommitmentType? Type, int? Year, DateTime? PromisedAtUtc,
    WorkItemStatus Status, BoardAssessment? Assessment);

public sealed record BoardAssessment(decimal MemberScore, decimal ResidentScore, decimal OrganizationScore, decimal Total, CommitmentGrade Grade);

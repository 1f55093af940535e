using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.Projects;

/// <summary>One suggested resource for a need, with the reasons already in the reader's language.</summary>
public sealed record SuggestionRow(
    int ResourceId, string Title, string Unit, ResourceKind Kind, int Remaining, string CapacityUnit, int Score,
    IReadOnlyList<MatchReason> Reasons, IReadOnlyList<string> ReasonTexts);

/// <summary>The need a matching is for, and what was found.</summary>
public sealed record MatchResult(int NeedId, Guid NeedVersion, string NeedTitle, string Category, int CommunityId, WorkItemStatus Status, int? ProjectId,
    bool CanCreateProject, IReadOnlyList<SuggestionRow> Suggestions);

public sealed record ProjectQuery(string? Search = null, int Skip = 0, int Take = 20) : ISearchQuery
{
    public WorkItemStatus? Status { get; init; }

    public int SafeTake => Math.Clamp(Take, 1, 200);
    public int SafeSkip => Math.Max(0, Skip);
}

/// <summary>A project in the list; <see cref="IsOverdue"/> by WorkItemMetrics.IsOverdue now.</summary>
public sealed record ProjectRow(int Id, string Title, string Category, WorkItemStatus Status, string? LeadUnit, int ProgressPercent,
    decimal? BudgetYuan, DateTime? DueAtUtc, bool IsOverdue);

public sealed record ProjectNeedRow(int Id, string Title, WorkItemStatus Status);

public sealed record ProjectResourceRow(int ResourceId, string Title, string Unit, int Quantity, string CapacityUnit);

public sealed record MilestoneRow(int Id, Guid Version, string Title, decimal Weight, decimal PercentDone, DateOnly? DueDate, int SortOrder);

public sealed record ProjectDetail(
    int Id, Guid Version, string Title, string DescriptionHtml, string Category, int CommunityId, WorkItemStatus Status,
    Option? LeadUnit, IReadOnlyList<Option> CoUnits, decimal? BudgetYuan, DateTime? DueAtUtc, bool IsOverdue, int ProgressPercent,
    IReadOnlyList<ProjectNeedRow> Needs, IReadOnlyList<ProjectResourceRow> Resources, IReadOnlyList<MilestoneRow> Milestones,
    bool CanEditMilestones, bool CanClaim);

/// <summary>One chosen resource and how much of it the project takes.</summary>
public sealed class ResourcePick
{
    public int ResourceId { get; set; }
    public int Quantity { get; set; }
}

/// <summary>The "转为项目" dialog's input: a need plus chosen resources become a project.</summary>
public sealed class ProjectCreateForm
{
    public int NeedId { get; set; }
    /// <summary>The need's version as the match showed it; the project is created from that need or not at all.</summary>
    public Guid NeedVersion { get; set; }
    public string? Title { get; set; }
    public int? LeadUnitId { get; set; }
    public IEnumerable<int> CoUnitIds { get; set; } = [];
    public DateOnly? DueDate { get; set; }
    public decimal? BudgetYuan { get; set; }
    public List<ResourcePick> Resources { get; set; } = [];
}

public sealed class MilestoneForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public decimal Weight { get; set; } = 1;
    public decimal PercentDone { get; set; }
    public DateOnly? DueDate { get; set; }

    public bool IsNew => Id == 0;
}

public static class ProjectFields
{
    public const string Title = "Title";
    public const string LeadUnit = "LeadUnit";
    public const string CoUnits = "CoUnits";
    public const string DueDate = "DueDate";
    public const string Budget = "Budget";
    public const string Resources = "Resources";
    public const string Weight = "Weight";
    public const string PercentDone = "PercentDone";
}

/// <summary>Payload of project events on "lists/{communityId}": ids, status and progress only.</summary>
public sealed record ProjectEvent(int ProjectId, WorkItemStatus Status, int ProgressPercent);

public static class ProjectEvents
{
    public const string Created = "project.created";
    public const string Changed = "project.changed";
}

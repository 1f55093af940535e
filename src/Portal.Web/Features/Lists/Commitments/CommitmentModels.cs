using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;

namespace Portal.Web.Features.Lists.Commitments;

/// <summary>Who a commitment is made by: a Party organisation (党组织承诺) or a Party member for themselves (党员承诺).</summary>
public enum CommitmentMakerKind
{
    Organization = 1,
    Member = 2,
}

/// <summary>
/// One way the caller may make a commitment: for an organisation (a secretary for any of the community's, a liaison
/// for their unit's) or for themselves as a Party member. The key names it in the form; the service derives the list
/// again on submit, so a key the caller may not use is refused.
/// </summary>
public sealed record CommitmentMaker(string Key, CommitmentMakerKind Kind, int PartyOrganizationId, int CommunityId, int? OwnerUnitId,
    int? OwnerPersonId, string OrganizationName, string CommunityName);

/// <summary>What the make form holds; nothing is lost when the service refuses it.</summary>
public sealed class MakeCommitmentForm
{
    public string? MakerKey { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public CommitmentType Type { get; set; } = CommitmentType.Annual;
    public int Year { get; set; }
    /// <summary>The promised completion date (承诺时限), a local (China) day.</summary>
    public DateOnly? PromisedDate { get; set; }
}

/// <summary>Field keys of the make form's errors.</summary>
public static class CommitmentFields
{
    public const string Maker = nameof(MakeCommitmentForm.MakerKey);
    public const string Title = nameof(MakeCommitmentForm.Title);
    public const string Description = nameof(MakeCommitmentForm.Description);
    public const string Category = nameof(MakeCommitmentForm.Category);
    public const string Type = nameof(MakeCommitmentForm.Type);
    public const string Year = nameof(MakeCommitmentForm.Year);
    public const string PromisedDate = nameof(MakeCommitmentForm.PromisedDate);
}

/// <summary>Filters and one page of the commitments list; every filter is optional.</summary>
public sealed record CommitmentQuery : ISearchQuery
{
    public int? PartyOrganizationId { get; init; }
    public int? Year { get; init; }
    public CommitmentType? Type { get; init; }
    public WorkItemStatus? Status { get; init; }
    public string? Search { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    public int SafeTake => Math.Clamp(Take, 1, 100);
    public int SafeSkip => Math.Max(0, Skip);
}

/// <summary>
/// A commitment in the list. <see cref="MemberName"/> is null for a member's commitment unless the caller manages the
/// community or is that member: published commitments are for everyone, the member's name is not.
/// </summary>
public sealed record CommitmentRow(
    int Id, WorkItemStatus Status, string Title, CommitmentType? Type, int? Year, string OrganizationName, bool ByMember,
    string? MemberName, DateTime? DueAtUtc, bool IsOverdue, bool IsPublic, decimal? Total, CommitmentGrade? Grade);

public sealed record CommitmentList(IReadOnlyList<CommitmentRow> Items, int Total);

/// <summary>A quota hint: an organisation below ten commitments this year, or the caller as a member below two.</summary>
public sealed record CommitmentQuotaHint(CommitmentMakerKind Kind, string Name, int Count, int Minimum);

/// <summary>One row of the ledger (台账).</summary>
public sealed record LedgerRow(
    int Number, int Id, string Subject, CommitmentType? Type, string Title, DateTime? DueAtUtc, WorkItemStatus Status,
    string Fulfilment, int EvidenceCount, decimal? MemberScore, decimal? ResidentScore, decimal? OrganizationScore,
    decimal? Total, CommitmentGrade? Grade);

/// <summary>The figures on top of the ledger.</summary>
public sealed record LedgerSummary(
    int Total, int ByOrganization, int ByMembers, int Filed, int Open, int Overdue, int Assessed, decimal? AverageTotal,
    int Excellent, int Good, int Pass, int Fail);

public sealed record Ledger(int OrganizationId, string OrganizationName, int Year, IReadOnlyList<LedgerRow> Rows, LedgerSummary Summary);

/// <summary>
/// The columns the ledger's rows can be sorted by in the database, named as the page's grid names them (the
/// <see cref="LedgerRow"/> property of each column). Every sort ends in the ledger's own order, so pages do not overlap.
/// </summary>
public static class LedgerSort
{
    public const string Number = nameof(LedgerRow.Number);
    public const string Type = nameof(LedgerRow.Type);
    public const string Due = nameof(LedgerRow.DueAtUtc);
    public const string Status = nameof(LedgerRow.Status);
    public const string Total = nameof(LedgerRow.Total);

    /// <summary>The most rows one page may ask for (the grid offers up to 100).</summary>
    public const int MaxTake = 100;

    public static IQueryable<WorkItem> Apply(IQueryable<WorkItem> items, (string Column, bool Descending)? sort)
    {
        var descending = sort?.Descending == true;
        return sort?.Column switch
        {
            Number when descending => items.OrderByDescending(w => w.OwnerPersonId != null).ThenByDescending(w => w.RaisedAtUtc).ThenByDescending(w => w.Id),
            Type => InLedgerOrder(descending ? items.OrderByDescending(w => w.Commitment!.Type) : items.OrderBy(w => w.Commitment!.Type)),
            // Rows without a value (no due date, not yet assessed) come last either way.
            Due => InLedgerOrder(items.OrderBy(w => w.DueAtUtc == null).Then(w => w.DueAtUtc, descending)),
            Status => InLedgerOrder(descending ? items.OrderByDescending(w => w.Status) : items.OrderBy(w => w.Status)),
            Total => InLedgerOrder(items.OrderBy(w => w.Commitment!.MemberScore == null || w.Commitment.ResidentScore == null || w.Commitment.OrganizationScore == null)
                .Then(CommitmentRules.UnroundedTotal, descending)),
            _ => items.OrderBy(w => w.OwnerPersonId != null).ThenBy(w => w.RaisedAtUtc).ThenBy(w => w.Id),
        };
    }

    /// <summary>The ledger's own order (the organisation's commitments first, then the members', each by when made) as the tie-break.</summary>
    private static IOrderedQueryable<WorkItem> InLedgerOrder(IOrderedQueryable<WorkItem> items) =>
        items.ThenBy(w => w.OwnerPersonId != null).ThenBy(w => w.RaisedAtUtc).ThenBy(w => w.Id);

    private static IOrderedQueryable<WorkItem> Then<TKey>(this IOrderedQueryable<WorkItem> items, System.Linq.Expressions.Expression<Func<WorkItem, TKey>> key, bool descending) =>
        descending ? items.ThenByDescending(key) : items.ThenBy(key);
}

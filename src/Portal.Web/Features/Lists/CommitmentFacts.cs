using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists;

/// <summary>The commitment-specific facts of an item's page (the generic ones are in the work-item detail);
/// in the area kit because the work-item page shows them, not only the commitments slice.</summary>
public sealed record CommitmentFacts(
    string? OrganizationName, CommitmentType? Type, int? Year, bool ByMember, string? MemberName, DateTime? PromisedAtUtc,
    decimal? MemberScore, decimal? ResidentScore, decimal? OrganizationScore, decimal? Total, CommitmentGrade? Grade);

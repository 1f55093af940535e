using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists.Commitments;

/// <summary>The list's filter inputs as the user edits them; applied on submit.</summary>
public sealed class CommitmentFilter
{
    public const int PageSize = 20;

    public string? Search { get; set; }
    public int? OrganizationId { get; set; }
    public int? Year { get; set; }
    public CommitmentType? Type { get; set; }
    public WorkItemStatus? Status { get; set; }

    public CommitmentQuery ToQuery(int skip) => new()
    {
        Search = Search, PartyOrganizationId = OrganizationId, Year = Year, Type = Type, Status = Status, Skip = skip, Take = PageSize,
    };
}

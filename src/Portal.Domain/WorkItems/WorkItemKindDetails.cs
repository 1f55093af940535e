namespace Portal.Domain.WorkItems;

/// <summary>
/// What only a project carries (<see cref="WorkItem.Project"/>), stored in its own table so the other kinds do not
/// carry empty project columns.
/// </summary>
public sealed class ProjectDetails
{
    public decimal? BudgetYuan { get; set; }
    /// <summary>Rolled up from the milestones (<see cref="ProgressRollUp"/>) whenever they change.</summary>
    public int ProgressPercent { get; set; }
}

/// <summary>What only a commitment (承诺践诺) carries (<see cref="WorkItem.Commitment"/>), stored in its own table.</summary>
public sealed class CommitmentDetails
{
    /// <summary>
    /// The Party organisation the commitment is filed under: the committing organisation, or the committing member's
    /// own branch, so the ledger (台账) per organisation holds both. Null only when the organisation was deleted.
    /// </summary>
    public int? PartyOrganizationId { get; set; }
    public CommitmentType Type { get; set; }
    public int Year { get; set; }
    /// <summary>Assessment scores out of 100 by members, residents and the organisation (评诺).</summary>
    public decimal? MemberScore { get; set; }
    public decimal? ResidentScore { get; set; }
    public decimal? OrganizationScore { get; set; }
}

using Portal.Web.Kit.Results;

namespace Portal.Web.Kit.Contracts;

/// <summary>
/// A need's way into deliberation (issue 13 item 2: "a need promoted to deliberation keeps its link"). The Deliberation
/// area implements it; the needs list asks it from the need's page. Lists names this contract only, never a
/// Deliberation slice (decision 0024), and the matter keeps the work item as its foreign key.
/// </summary>
public interface INeedDeliberation
{
    /// <summary>The need's matters the caller may see, and whether the caller may promote it now.</summary>
    Task<NeedDeliberationState> StateAsync(int workItemId, CancellationToken ct = default);

    /// <summary>
    /// Promotes the need to a matter of its community (its title and description, the whole community as scope), for the
    /// secretary to screen; the result's id is the matter's. Refused: a need the caller does not manage (not found), a
    /// need already promoted to a live matter.
    /// </summary>
    Task<Result> PromoteAsync(int workItemId, CancellationToken ct = default);
}

/// <summary>A matter a need was promoted to, as the need's page links it.</summary>
public sealed record NeedMatterLink(int MatterId, string Title, string Path);

public sealed record NeedDeliberationState(IReadOnlyList<NeedMatterLink> Matters, bool CanPromote);

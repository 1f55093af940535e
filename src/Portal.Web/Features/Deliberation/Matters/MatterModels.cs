using Portal.Domain.Deliberation;

namespace Portal.Web.Features.Deliberation.Matters;

/// <summary>What a resident enters on the phone form (or staff when promoting a need: the title and description may stay empty).</summary>
public sealed class MatterForm
{
    public int CommunityId { get; set; }
    public MatterScopeKind ScopeKind { get; set; } = MatterScopeKind.Community;
    /// <summary>The building, grid or property area; ignored for the community scope (the matter's own community).</summary>
    public int ScopeId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    public MatterScope Scope => new(ScopeKind, ScopeKind == MatterScopeKind.Community ? CommunityId : ScopeId);
}

/// <summary>The secretary's matter list: one community they manage, a search term, a status (null: all).</summary>
public sealed record MatterQuery(int CommunityId, string? Term = null, MatterStatus? Status = null) : DeliberationPaging;

/// <summary>"My matters": the caller's own, newest first.</summary>
public sealed record MyMattersQuery : DeliberationPaging;

/// <summary>
/// A row of a matter list. <see cref="ScreeningReason"/> is filled only for whom it was written (the raiser, the
/// managers); <see cref="SessionId"/> once a session runs on it.
/// </summary>
public sealed record MatterRow(int Id, int CommunityId, string Title, MatterScope Scope, MatterOrigin Origin, int? WorkItemId,
    MatterStatus Status, DateTime RaisedAtUtc, string? ScreeningReason, int? MergedIntoMatterId, int? SessionId, Guid Version);

/// <summary>Matters waiting for screening in one community the caller manages.</summary>
public sealed record ScreeningQueue(int CommunityId, string CommunityName, int Waiting);

/// <summary>
/// The landing page's part of matters: the communities the caller may raise a matter in (as a resident), their latest
/// matters, and the screening queue of each community they manage.
/// </summary>
public sealed record MatterHome(IReadOnlyList<int> RaiseIn, DeliberationPage<MatterRow> Mine, IReadOnlyList<ScreeningQueue> Screening);

/// <summary>A place a matter may concern: a grid, building or property area of <see cref="CommunityId"/>.</summary>
public sealed record ScopeOption(MatterScopeKind Kind, int Id, int CommunityId, string Name);

/// <summary>The phone form's choices: where the caller may raise a matter, and the places in those communities.</summary>
public sealed record MatterFormOptions(IReadOnlyList<Portal.Web.Components.Shared.Option> Communities, IReadOnlyList<ScopeOption> Places);

/// <summary>The matter page: the row, its description, the name of the place it concerns, and whether the caller screens it.</summary>
public sealed record MatterDetail(MatterRow Row, string Description, string ScopeName, bool CanManage);

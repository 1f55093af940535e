using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Lists;
using Portal.Domain.WorkItems;
using Portal.Domain.WorkItems.Kinds;
using Portal.Web.Data;
using Portal.Domain.Access;
using Portal.Web.Kit.Callers;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Lists.Projects;

/// <summary>
/// Suggests resources for a need (匹配资源): the need and the street's active resources are mapped to
/// <see cref="ResourceMatching"/>, which ranks them and says why; the reasons come back in the reader's language.
/// Who may match: those who manage the need's community and the liaison of the unit it is dispatched to. Scoped.
/// </summary>
public sealed class MatchingService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    TimeProvider clock,
    IStringLocalizer<ProjectsText> text)
{
    public const int MaxSuggestions = 10;

    /// <summary>Ranked suggestions for the need; null when it is not a need or the user may not match it.</summary>
    public async Task<MatchResult?> SuggestForNeedAsync(int needId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await db.ResourceAccessAsync(await callers.GetAsync(ct), ct);
        if (!scope.Caller.IsSignedIn) return null;
        var need = await db.WorkItems.AsNoTracking()
            .FirstOrDefaultAsync(w => w.Id == needId && WorkItemKinds.BecomingProjects.Contains(w.Kind), ct);
        if (need is null || !CanMatch(scope, need)) return null;

        var street = await db.Communities.AsNoTracking().Where(c => c.Id == need.CommunityId).Select(c => c.StreetId).FirstAsync(ct);
        var streetUnits = scope.Units.Values.Where(u => u.StreetId == street).Select(u => u.Id).ToList();
        var resources = await db.Resources.AsNoTracking().Where(r => r.IsActive && streetUnits.Contains(r.UnitId)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));

        // A resource has no place of its own: it is where its unit is (the unit's community, or street-wide). Units
        // are not tied to a grid, so grid nearness never applies to resources.
        var candidates = resources.Select(r => new ResourceCandidate(r.Id, r.CategorySet, street, scope.Units[r.UnitId].CommunityId, null,
            r.RemainingCapacity, r.IsAvailableOn(today)));
        var ranked = ResourceMatching.Rank(new NeedProfile(need.Category, need.CommunityId, need.GridId), candidates, MaxSuggestions);
        var byId = resources.ToDictionary(r => r.Id);
        var rows = ranked.Select(s =>
        {
            var r = byId[s.ResourceId];
            return new SuggestionRow(r.Id, r.Title, scope.Units[r.UnitId].Name, r.Kind, r.RemainingCapacity, r.CapacityUnit, s.Score,
                s.Reasons, s.Reasons.Select(Describe).ToList());
        }).ToList();
        var canCreate = scope.Caller.Policy.CanManageCommunity(need.CommunityId) && need.ProjectId is null && WorkItemWorkflow.IsOpen(need.Status);
        return new MatchResult(need.Id, need.Version, need.Title, need.Category, need.CommunityId, need.Status, need.ProjectId, canCreate, rows);
    }

    internal static bool CanMatch(ResourceAccess scope, WorkItem need) =>
        scope.Caller.Policy.CanManageCommunity(need.CommunityId) || (need.OwnerUnitId is { } unit && scope.CanAct(unit));

    public string Describe(MatchReason reason) => text[$"Reason.{reason}"];
}

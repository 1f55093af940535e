using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Data;

namespace Portal.Web.Features.Deliberation;

/// <summary>Queries two slices ask the same way: the template list (Templates) and the session start's version picker (Sessions).</summary>
public static class DeliberationQueries
{
    /// <summary>
    /// The latest version of every template that serves the community (its own, its street's, the shipped ones), the
    /// community's and street's first.
    /// </summary>
    public static IQueryable<ProcedureTemplate> LatestTemplatesServing(this PortalDbContext db, int communityId, int? streetId) =>
        db.ProcedureTemplates
            .Where(t => t.OwnerScope == null
                        || (t.OwnerScope == ScopeKind.Community && t.OwnerId == communityId)
                        || (t.OwnerScope == ScopeKind.Street && t.OwnerId == streetId))
            .Where(t => !db.ProcedureTemplates.Any(n => n.Key == t.Key && n.Version > t.Version))
            .OrderBy(t => t.OwnerScope == null ? 1 : 0).ThenBy(t => t.Id);
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;

namespace Portal.Web.Data;

public static class ScopeNames
{
    /// <summary>
    /// The directory name of the place a matter or a vote concerns: the building, grid, property area or community it
    /// names ("" when the row has gone): the matter page, a vote's papers and the session archive name it so.
    /// </summary>
    public static async Task<string> NameOfAsync(this PortalDbContext db, MatterScope scope, CancellationToken ct) => scope.Kind switch
    {
        MatterScopeKind.Building => await db.Buildings.AsNoTracking().Where(b => b.Id == scope.Id).Select(b => b.Name).SingleOrDefaultAsync(ct),
        MatterScopeKind.Grid => await db.Grids.AsNoTracking().Where(g => g.Id == scope.Id).Select(g => g.Name).SingleOrDefaultAsync(ct),
        MatterScopeKind.PropertyArea => await db.PropertyAreas.AsNoTracking().Where(a => a.Id == scope.Id).Select(a => a.Name).SingleOrDefaultAsync(ct),
        MatterScopeKind.Community => await db.Communities.AsNoTracking().Where(c => c.Id == scope.Id).Select(c => c.Name).SingleOrDefaultAsync(ct),
        _ => null,
    } ?? "";
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data;

namespace Portal.Web.Features.Lists;

/// <summary>
/// The caller's rights over units and their resources (<see cref="ResourceAccess"/>), fed with the directory's units:
/// shared by the resources list, projects and matching, so none of them asks another slice.
/// </summary>
public static class ResourceAccessQuery
{
    public static async Task<ResourceAccess> ResourceAccessAsync(this PortalDbContext db, Caller caller, CancellationToken ct) =>
        new(caller, await db.Units.AsNoTracking().Select(u => new UnitPlace(u.Id, u.Name, u.StreetId, u.CommunityId)).ToListAsync(ct));
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Notifications;

/// <summary>Who is told about a work item: one definition for the people's actions and the deadline monitor.</summary>
public static class NotificationRecipients
{
    /// <summary>Who answers for the item: the accounts holding the liaison role of its owner unit, and the owner person's account.</summary>
    public static async Task<List<string>> OwnerAccountsAsync(PortalDbContext db, WorkItem item, CancellationToken ct)
    {
        var ids = new List<string>();
        if (item.OwnerUnitId is { } unitId)
        {
            ids.AddRange(await db.RoleAssignments.AsNoTracking()
                .Where(r => r.Role == PortalRole.UnitLiaison && r.Scope == ScopeKind.Unit && r.ScopeId == unitId)
                .Select(r => r.UserId).ToListAsync(ct));
        }
        if (item.OwnerPersonId is { } personId)
        {
            ids.AddRange(await db.Set<PortalUser>().AsNoTracking().Where(u => u.PersonId == personId).Select(u => u.Id).ToListAsync(ct));
        }
        return ids.Distinct().ToList();
    }

    /// <summary>The secretaries of the community (escalations, claims).</summary>
    public static Task<List<string>> SecretariesAsync(PortalDbContext db, int communityId, CancellationToken ct) =>
        db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == PortalRole.CommunitySecretary && r.Scope == ScopeKind.Community && r.ScopeId == communityId)
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
}

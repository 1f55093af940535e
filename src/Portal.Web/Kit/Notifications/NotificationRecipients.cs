using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Web.Data.Identity;
using Portal.Web.Data;

namespace Portal.Web.Kit.Notifications;

/// <summary>Who is told about a work item: one definition for the people's actions and the deadline monitor.</summary>
public static class NotificationRecipients
{
    /// <summary>Who answers for the item: the accounts holding the liaison role of its owner unit, and the owner person's account.</summary>
    public static async Task<List<string>> OwnerAccountsAsync(PortalDbContext db, WorkItem item, CancellationToken ct)
    {
        var ids = new List<string>();
        if (item.OwnerUnitId is { } unitId) ids.AddRange(await UnitLiaisonsAsync(db, [unitId], ct));
        if (item.OwnerPersonId is { } personId) ids.AddRange(await PersonAccountsAsync(db, [personId], ct));
        return ids.Distinct().ToList();
    }

    /// <summary>The accounts holding the liaison role of any of the units.</summary>
    public static Task<List<string>> UnitLiaisonsAsync(PortalDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == PortalRole.UnitLiaison && r.Scope == ScopeKind.Unit && unitIds.Contains(r.ScopeId))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);

    /// <summary>The accounts linked to any of the directory people.</summary>
    public static Task<List<string>> PersonAccountsAsync(PortalDbContext db, IReadOnlyCollection<int> personIds, CancellationToken ct) =>
        db.Set<PortalUser>().AsNoTracking().Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value)).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The administrators of the street (a street council's managers).</summary>
    public static Task<List<string>> StreetAdministratorsAsync(PortalDbContext db, int streetId, CancellationToken ct) =>
        db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == PortalRole.StreetAdministrator && r.Scope == ScopeKind.Street && r.ScopeId == streetId)
            .Select(r => r.UserId).Distinct().ToListAsync(ct);

    /// <summary>The secretaries of the community (escalations, claims).</summary>
    public static Task<List<string>> SecretariesAsync(PortalDbContext db, int communityId, CancellationToken ct) =>
        db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == PortalRole.CommunitySecretary && r.Scope == ScopeKind.Community && r.ScopeId == communityId)
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
}

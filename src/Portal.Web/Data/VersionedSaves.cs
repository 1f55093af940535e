using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;

namespace Portal.Web.Data;

/// <summary>Optimistic concurrency for an edit that started from a version the user loaded.</summary>
public static class VersionedSaves
{
    /// <summary>
    /// Saves the context's changes when <paramref name="entity"/> is still at <paramref name="loadedVersion"/>, both as read
    /// and in the UPDATE's (or DELETE's) WHERE clause for a race after the read. False when someone else saved it meanwhile;
    /// then nothing was written.
    /// </summary>
    public static async Task<bool> SaveAtVersionAsync(this PortalDbContext db, VersionedEntity entity, Guid loadedVersion, CancellationToken ct)
    {
        if (entity.Version != loadedVersion) return false;
        db.Entry(entity).Property(nameof(VersionedEntity.Version)).OriginalValue = loadedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

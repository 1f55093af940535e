using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Testing;

namespace Portal.Screenshots;

/// <summary>The resident's pages the user guide shows that depend on the demo data.</summary>
public static class ResidentShots
{
    /// <summary>One of the demo resident's own needs reported back and waiting for the rating, or none.</summary>
    public static async Task<int?> NeedToRateAsync(PortalHost host)
    {
        await using var db = await host.NewDbContextAsync();
        var resident = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
        return await db.WorkItems.AsNoTracking()
            .Where(w => w.RequesterUserId == resident && w.Status == WorkItemStatus.Reported)
            .OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync();
    }
}

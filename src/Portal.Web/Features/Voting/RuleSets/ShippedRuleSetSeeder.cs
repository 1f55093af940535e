using Microsoft.EntityFrameworkCore;
using Portal.Domain.Voting;
using Portal.Web.Data;

namespace Portal.Web.Features.Voting.RuleSets;

/// <summary>
/// Stores the shipped rule sets (<see cref="ShippedRuleSets"/>) that are not stored yet, by code and version: idempotent,
/// so a release that ships a new version adds just that row and never touches a stored one.
/// </summary>
public sealed class ShippedRuleSetSeeder(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IStartupSeeder
{
    /// <summary>The shipped rule sets are what the portal ships, needed without demo data too.</summary>
    public bool IsReferenceData => true;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = (await db.RuleSetVersions.Where(v => v.StreetId == null && v.CommunityId == null)
            .Select(v => new { v.Code, v.Version }).ToListAsync(ct)).Select(v => (v.Code, v.Version)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = ShippedRuleSets.All.Where(r => !stored.Contains((r.Code, r.Version))).ToList();
        if (missing.Count == 0) return;
        db.RuleSetVersions.AddRange(missing.Select(r => RuleSetVersion.Shipped(r, now)));
        await db.SaveChangesAsync(ct);
    }
}

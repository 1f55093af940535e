using Microsoft.EntityFrameworkCore;
using Portal.Domain.Voting;
using Portal.Web.Data;

namespace Portal.Web.Features.Voting;

/// <summary>
/// Which stored rule-set versions a community may use (decision 0032 §6), for the rule-set slice (lists, editing) and the
/// votes slice (a draft takes its rule set from here): shipped versions, its street's and its own. The current version of
/// a code is the community's own newest, else its street's newest, else the shipped newest.
/// </summary>
public static class UsableRuleSets
{
    /// <summary>The versions usable in a community: shipped, its street's and its own.</summary>
    public static async Task<IQueryable<RuleSetVersion>> InAsync(PortalDbContext db, int communityId, CancellationToken ct)
    {
        var streetId = await db.Communities.Where(c => c.Id == communityId).Select(c => (int?)c.StreetId).SingleOrDefaultAsync(ct);
        return db.RuleSetVersions.AsNoTracking()
            .Where(v => (v.StreetId == null && v.CommunityId == null) || v.CommunityId == communityId || (streetId != null && v.StreetId == streetId));
    }

    /// <summary>The current version among <paramref name="versions"/> of one code: the nearest owner's newest.</summary>
    public static T Current<T>(IEnumerable<T> versions, Func<T, int?> streetId, Func<T, int?> communityId, Func<T, int> version) =>
        versions.OrderByDescending(v => communityId(v) != null ? 2 : streetId(v) != null ? 1 : 0).ThenByDescending(version).First();

    /// <summary>The current version of each code usable in a community, ordered by code.</summary>
    public static async Task<IReadOnlyList<RuleSetVersion>> AllCurrentAsync(PortalDbContext db, int communityId, CancellationToken ct) =>
        (await (await InAsync(db, communityId, ct)).ToListAsync(ct))
            .GroupBy(v => v.Code)
            .Select(code => Current(code, v => v.StreetId, v => v.CommunityId, v => v.Version))
            .OrderBy(v => v.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The rule set a community uses under <paramref name="code"/> now (its current version), or null when none is usable.</summary>
    public static async Task<RuleSet?> CurrentAsync(PortalDbContext db, int communityId, string code, CancellationToken ct)
    {
        var versions = await (await InAsync(db, communityId, ct)).Where(v => v.Code == code)
            .Select(v => new { v.StreetId, v.CommunityId, v.Version, v.Rules }).ToListAsync(ct);
        return versions.Count == 0 ? null : Current(versions, v => v.StreetId, v => v.CommunityId, v => v.Version).Rules;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Web.Data;

namespace Portal.Web.Features.Lists;

/// <summary>
/// Computes deadlines with a community's current rule set. Callers store the returned rule-set id on the item, so a
/// later edit of the rules never moves a deadline that was already committed to. No access check: it reads only
/// rules, and callers (dispatch) check their own permissions. Scoped.
/// </summary>
public sealed class DeadlineCalculator(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The due date for an item of <paramref name="urgency"/> started at <paramref name="startUtc"/>, and the
    /// id of the rule set used (null when the community has never edited its rules and the default applies).</summary>
    public async Task<(DateTime DueAtUtc, int? RuleSetId)> DueAtAsync(int communityId, Urgency urgency, DateTime startUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await CurrentAsync(db, communityId, ct);
        var rules = current?.ToRules() ?? DeadlineRules.Default;
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        return (start + rules.Allowed(urgency), current?.Id);
    }

    /// <summary>The latest stored version of a community's rules, or null when it uses the default.</summary>
    internal static Task<DeadlineRuleSet?> CurrentAsync(PortalDbContext db, int communityId, CancellationToken ct) =>
        db.DeadlineRuleSets.AsNoTracking()
            .Where(r => r.CommunityId == communityId)
            .OrderByDescending(r => r.VersionNumber)
            .FirstOrDefaultAsync(ct);
}

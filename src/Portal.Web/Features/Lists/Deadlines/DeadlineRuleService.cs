using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Lists.Deadlines;

/// <summary>
/// Reads and edits a community's deadline rules. Members of the community read them; its secretary (and the street's
/// administrators) save an edited set as a new version, so items keep the rules they were dispatched under; the
/// version is added through the unit of work, which checks the right again and names the caller in the audit. Scoped.
/// </summary>
public sealed class DeadlineRuleService(
    IDbContextFactory<PortalDbContext> dbFactory,
    UnitOfWork work,
    TimeProvider clock)
{
    /// <summary>The communities the caller can see, by name, for choosing whose rules to show.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CommunitiesAsync(CancellationToken ct = default)
    {
        var policy = (await work.CallerAsync(ct)).Policy;
        var visible = policy.VisibleCommunities.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Communities.AsNoTracking().Where(c => visible.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        // Communities the caller manages first: that is whose rules a secretary came to edit.
        return rows.OrderByDescending(r => policy.CanManageCommunity(r.Id)).Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>The community's rules, or null when the caller does not belong to it (or it does not exist).</summary>
    public async Task<DeadlineRuleView?> GetAsync(int communityId, CancellationToken ct = default)
    {
        var policy = (await work.CallerAsync(ct)).Policy;
        if (!policy.CanViewCommunity(communityId)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ViewAsync(db, communityId, policy.CanManageCommunity(communityId), ct);
    }

    /// <summary>
    /// Saves the form as the next version; the answer carries the community's rules as they are now. Refused, changing
    /// nothing, when the caller may not manage the community, when the values are invalid (every reason, for the whole
    /// form), or when someone saved a newer version since the form was loaded (a conflict carrying that version).
    /// </summary>
    public async Task<Result<DeadlineRuleView>> SaveAsync(int communityId, DeadlineRuleForm form, CancellationToken ct = default)
    {
        // The version the new one follows. Read before the unit of work asks for the right (its rule is synchronous), but
        // nobody learns of it unless they may manage the community: the right is asked first, then the values, then this.
        int latest;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            latest = await db.DeadlineRuleSets.AsNoTracking().Where(r => r.CommunityId == communityId)
                .MaxAsync(r => (int?)r.VersionNumber, ct) ?? 0;
        }

        Result<DeadlineRuleSet> added;
        try
        {
            added = await work.AddAsync<DeadlineRuleSet, DeadlineRuleSet>(
                allow: caller => caller.IsSignedIn && caller.Policy.CanManageCommunity(communityId) ? null : Result.NotAllowed(Forbidden),
                create: caller =>
                {
                    var problems = new List<Problem>();
                    if (!form.IsWithinRange) problems.Add(new Problem(Problem.Form, Message.Of<DeadlinesText>(ErrorTooLong, DeadlineRuleForm.MaxDays)));
                    var rules = form.ToRules();
                    problems.AddRange(rules.Validate().Select(code => new Problem(Problem.Form, Message.Of<ListsText>(code))));
                    if (problems.Count > 0) return Result<DeadlineRuleSet>.Invalid(problems);
                    // Someone saved a newer version since the form was loaded (the answer below carries it).
                    if (latest != form.BaseVersionNumber) return Result<DeadlineRuleSet>.Conflict(Message.Of<DeadlinesText>(ErrorConflict, latest), null);
                    return Result<DeadlineRuleSet>.Ok(DeadlineRuleSet.From(rules, communityId, latest + 1, clock.GetUtcNow().UtcDateTime, caller.Name));
                },
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // The unique (community, version) index: someone saved the same next version a moment earlier.
            return await ConflictAsync(communityId, ct);
        }
        if (added.Outcome == Outcome.Conflict) return await ConflictAsync(communityId, ct);
        if (!added.Succeeded) return Result<DeadlineRuleView>.From(added);
        await using var fresh = await dbFactory.CreateDbContextAsync(ct);
        return Result<DeadlineRuleView>.Ok(await ViewAsync(fresh, communityId, true, ct), added.Id);
    }

    private const string ErrorConflict = "Rules.Error.Conflict";
    private const string ErrorTooLong = "Rules.Error.TooLong";
    private static readonly Message Forbidden = Message.Of<DeadlinesText>("Rules.Error.Forbidden");

    /// <summary>Someone saved a newer version: the conflict names it and carries the rules as they are now.</summary>
    private async Task<Result<DeadlineRuleView>> ConflictAsync(int communityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var view = await ViewAsync(db, communityId, true, ct);
        return Result<DeadlineRuleView>.Conflict(Message.Of<DeadlinesText>(ErrorConflict, view.Current.VersionNumber), view);
    }

    private static async Task<DeadlineRuleView> ViewAsync(PortalDbContext db, int communityId, bool canEdit, CancellationToken ct)
    {
        var name = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var sets = await db.DeadlineRuleSets.AsNoTracking().Where(r => r.CommunityId == communityId)
            .OrderByDescending(r => r.VersionNumber).ToListAsync(ct);
        var history = sets.Select(s => new DeadlineRuleVersion(s.Id, s.VersionNumber, s.ToRules(), s.CreatedAtUtc, s.CreatedByName)).ToList();
        history.Add(new DeadlineRuleVersion(null, 0, DeadlineRules.Default, null, null));
        return new DeadlineRuleView(communityId, name, canEdit, history[0], history);
    }
}

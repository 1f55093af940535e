using Microsoft.EntityFrameworkCore;
using Portal.Domain.Voting;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.RuleSets;

/// <summary>One stored version as a list shows it: who owns it (none: shipped) and when it was made.</summary>
public sealed record RuleSetVersionRow(int Id, string Code, int Version, string Name, CountingBase CountingBase, int? StreetId, int? CommunityId,
    string CreatedBy, DateTime CreatedAtUtc)
{
    public bool IsShipped => StreetId is null && CommunityId is null;
}

/// <summary>
/// Stored rule-set versions (decision 0032): the versions a community may use, one version by code + version as the
/// domain's <see cref="RuleSet"/> (what a vote opens with), and editing = adding the code's next version, owned by a
/// street or a community. A stored version never changes. Rights: <see cref="RuleSetVersion.MayEdit"/>; reading needs
/// sight of the community. Scoped.
/// </summary>
public sealed class RuleSetService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    private static Message Text(string key, params object[] args) => Message.Of<VotingText>(key, args);

    /// <summary>
    /// The current version of each code <paramref name="communityId"/> may use: its own newest, else its street's newest,
    /// else the shipped newest. Empty when the caller cannot see the community.
    /// </summary>
    public async Task<IReadOnlyList<RuleSetVersionRow>> CurrentForCommunityAsync(int communityId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.Policy.CanViewCommunity(communityId)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await UsableRuleSets.AllCurrentAsync(db, communityId, ct))
            .Select(v => new RuleSetVersionRow(v.Id, v.Code, v.Version, v.Name, v.Rules.CountingBase, v.StreetId, v.CommunityId, v.CreatedBy, v.CreatedAtUtc))
            .ToList();
    }

    /// <summary>
    /// The rule set stored as <paramref name="code"/> version <paramref name="version"/>, if the caller may use it in
    /// <paramref name="communityId"/> (shipped, the community's street's or the community's own); else null.
    /// </summary>
    public async Task<RuleSet?> GetAsync(int communityId, string code, int version, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.Policy.CanViewCommunity(communityId)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await UsableRuleSets.InAsync(db, communityId, ct)).Where(v => v.Code == code && v.Version == version)
            .Select(v => v.Rules).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Adds the next version of <paramref name="edited"/>'s code (its version number is ignored: the code's highest
    /// plus one), owned by <paramref name="streetId"/> or <paramref name="communityId"/> (exactly one). Refused, with
    /// the rule's localized reason and nothing stored, when it breaks <see cref="RuleSet.Validate"/>; not allowed for
    /// shipped versions, another community's, or a street the caller does not administer.
    /// </summary>
    public async Task<Result<RuleSetVersionRow>> EditAsync(RuleSet edited, int? streetId, int? communityId, CancellationToken ct = default)
    {
        int next;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var code = edited.Code?.Trim() ?? "";
            next = (await db.RuleSetVersions.Where(v => v.Code == code).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            return await work.AddAsync<RuleSetVersion, RuleSetVersionRow>(
                allow: caller => RuleSetVersion.MayEdit(caller.Policy, streetId, communityId) ? null : Result.NotAllowed(Text(RuleSetVersion.NotAllowed)),
                create: caller => RuleSetVersion.Edit(edited, next, streetId, communityId, caller.UserName, now) switch
                {
                    ({ } created, _) => Result<RuleSetVersion>.Ok(created),
                    (_, var error) => Result<RuleSetVersion>.Invalid(Text(error!, RuleSetVersion.CodeMaxLength, RuleSetVersion.NameMaxLength)),
                },
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // Another edit of the same code took this version number first (the unique code + version index).
            return Result<RuleSetVersionRow>.Conflict(CommandTexts.ConcurrencyConflict, null);
        }
    }
}

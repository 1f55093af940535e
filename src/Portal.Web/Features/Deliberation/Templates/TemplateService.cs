using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Templates;

/// <summary>
/// Procedure templates: the versions that serve a community (shipped, its street's, its own), a new template for a
/// community or street the caller manages (from scratch or adopting another's steps), and editing = storing the next
/// version, validated by the domain (<see cref="ProcedureTemplate.Revise"/>); sessions keep the version they started on.
/// Two editors of one version: the second is a conflict (the unique key + version). Rights: <see cref="DeliberationAccess"/>.
/// Scoped.
/// </summary>
public sealed class TemplateService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, DirectoryScopeCache directory, UnitOfWork work)
{
    public const string ErrorTemplateConflict = "Deliberation.Error.Template.Conflict";

    /// <summary>The latest version of every template that serves the community; empty unless the caller belongs to it.</summary>
    public async Task<IReadOnlyList<TemplateRow>> ForCommunityAsync(int communityId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn || !DeliberationAccess.CanSeeCommunity(caller.Policy, communityId)) return [];
        var street = (await directory.GetAsync(ct)).StreetOfCommunity(communityId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.LatestTemplatesServing(communityId, street).AsNoTracking().ToListAsync(ct);
        return latest.Select(t => Row(t, caller)).ToList();
    }

    /// <summary>The communities whose templates the caller may read (those they belong to), and whether they edit its own, for the template page.</summary>
    public async Task<IReadOnlyList<TemplateCommunity>> CommunitiesAsync(CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        if (!caller.IsSignedIn) return [];
        var visible = caller.Policy.VisibleCommunities.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communities = await db.Communities.AsNoTracking().Where(c => visible.Contains(c.Id)).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return communities.Select(c => new TemplateCommunity(c.Id, c.Name,
            DeliberationAccess.CanEditTemplatesOf(caller.Policy, ScopeKind.Community, c.Id))).ToList();
    }

    /// <summary>
    /// A community adopts a shipped procedure: version 1 of its own template with the shipped steps and name, which it
    /// may then revise (a shipped template is never revised in place, decision 0031).
    /// </summary>
    public async Task<Result<TemplateRow>> AdoptAsync(int shippedTemplateId, int communityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shipped = await db.ProcedureTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == shippedTemplateId && t.OwnerScope == null, ct);
        if (shipped is null) return Result<TemplateRow>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        return await CreateAsync(new TemplateForm { OwnerScope = ScopeKind.Community, OwnerId = communityId, Name = shipped.Name, Steps = [.. shipped.Steps] }, ct);
    }

    /// <summary>Version 1 of a new template of a community or street the caller manages.</summary>
    public Task<Result<TemplateRow>> CreateAsync(TemplateForm form, CancellationToken ct = default) =>
        work.AddAsync<ProcedureTemplate, TemplateRow>(
            allow: c => c.IsSignedIn && DeliberationAccess.CanEditTemplatesOf(c.Policy, form.OwnerScope, form.OwnerId)
                ? null : Result.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed)),
            create: _ => DeliberationText.Made(ProcedureTemplate.Create(form.Name, form.OwnerScope, form.OwnerId, form.Steps)),
            ct: ct);

    /// <summary>
    /// Stores the next version of the template whose latest version the editor loaded (<paramref name="baseTemplateId"/>);
    /// a newer version saved meanwhile is a conflict carrying it.
    /// </summary>
    public async Task<Result<TemplateRow>> ReviseAsync(int baseTemplateId, string name, IReadOnlyList<ProcedureStep> steps, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await db.ProcedureTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == baseTemplateId, ct);
        if (loaded is null || !caller.IsSignedIn || !DeliberationAccess.CanEditTemplatesOf(caller.Policy, loaded.OwnerScope, loaded.OwnerId))
            return Result<TemplateRow>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        if (await LatestAsync(db, loaded.Key, ct) is { } latest && latest.Version != loaded.Version)
            return Result<TemplateRow>.Conflict(DeliberationText.Of(ErrorTemplateConflict), Row(latest, caller));
        try
        {
            return await work.AddAsync<ProcedureTemplate, TemplateRow>(
                allow: c => DeliberationAccess.CanEditTemplatesOf(c.Policy, loaded.OwnerScope, loaded.OwnerId)
                    ? null : Result.NotFound(DeliberationText.Of(DeliberationText.NotFound)),
                create: _ => DeliberationText.Made(loaded.Revise(name, steps)),
                ct: ct);
        }
        catch (DbUpdateException)
        {
            // The unique (key, version): another editor stored the same next version a moment earlier.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await LatestAsync(fresh, loaded.Key, ct);
            return Result<TemplateRow>.Conflict(DeliberationText.Of(ErrorTemplateConflict), now is null ? null : Row(now, caller));
        }
    }

    private static Task<ProcedureTemplate?> LatestAsync(PortalDbContext db, Guid key, CancellationToken ct) =>
        db.ProcedureTemplates.AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);

    private static TemplateRow Row(ProcedureTemplate t, Caller caller) => new(t.Id, t.Key, t.Name, t.OwnerScope, t.OwnerId, t.Version, t.Steps,
        caller.IsSignedIn && DeliberationAccess.CanEditTemplatesOf(caller.Policy, t.OwnerScope, t.OwnerId));
}

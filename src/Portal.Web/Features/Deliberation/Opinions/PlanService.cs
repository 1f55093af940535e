using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>
/// The versioned plan document of a session (issue 13 item 3, decision 0034): the community's managers write v1, v2, …
/// (each with a summary of its change) while the session runs; whoever sees the session reads any version and the line
/// diff between any two. The latest version is the evidence of kind <see cref="EvidenceKind.PlanDocument"/>. Rights:
/// <see cref="DeliberationAccess"/>; whatever the caller may not see is not found. Scoped.
/// </summary>
public sealed class PlanService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, UnitOfWork work, TimeProvider clock)
{
    public const string BodyField = "Body";
    public const string SummaryField = "Summary";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The plan section of a session the caller may see (null otherwise): versions newest first and the latest's text.</summary>
    public async Task<PlanSection?> SectionAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionReads.VisibleSessionAsync(db, sessionId, caller, ct) is not { } session) return null;
        var versions = await db.PlanVersions.AsNoTracking().Where(p => p.SessionId == sessionId).OrderByDescending(p => p.Number)
            .Select(p => new PlanVersionRow(p.Id, p.Number, p.AuthorName, p.CreatedAtUtc, p.ChangeSummary, db.Opinions.Count(o => o.PlanVersionId == p.Id)))
            .ToListAsync(ct);
        var latest = versions.Count == 0 ? null : await db.PlanVersions.AsNoTracking().SingleAsync(p => p.Id == versions[0].Id, ct);
        return new PlanSection(sessionId, versions, latest is null ? null : Text(latest),
            session.FinishedAtUtc is null && DeliberationAccess.CanWritePlan(caller.Policy, session.CommunityId));
    }

    /// <summary>One version's text, or null when the session or the version is not there for the caller.</summary>
    public async Task<PlanVersionText?> VersionAsync(int sessionId, int number, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionReads.VisibleSessionAsync(db, sessionId, caller, ct) is null) return null;
        var version = await db.PlanVersions.AsNoTracking().SingleOrDefaultAsync(p => p.SessionId == sessionId && p.Number == number, ct);
        return version is null ? null : Text(version);
    }

    /// <summary>The line diff from version <paramref name="from"/> to version <paramref name="to"/> (any two, either order as asked).</summary>
    public async Task<PlanDiff?> DiffAsync(int sessionId, int from, int to, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionReads.VisibleSessionAsync(db, sessionId, caller, ct) is null) return null;
        var texts = await db.PlanVersions.AsNoTracking().Where(p => p.SessionId == sessionId && (p.Number == from || p.Number == to))
            .ToDictionaryAsync(p => p.Number, p => p.BodyMarkdown, ct);
        if (!texts.TryGetValue(from, out var older) || !texts.TryGetValue(to, out var newer)) return null;
        return new PlanDiff(from, to, LineDiff.Between(older, newer));
    }

    /// <summary>
    /// A manager writes the next version, having edited <paramref name="basedOnNumber"/> (null: the first). When someone
    /// saved a newer version meanwhile (seen here, or by the unique index at the same moment) nothing is saved and the
    /// writer is told, with the text kept in their form.
    /// </summary>
    public async Task<Result<PlanVersionText>> WriteAsync(int sessionId, int? basedOnNumber, string? body, string? summary, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OpinionReads.VisibleSessionAsync(db, sessionId, caller, ct) is not { } session)
            return Result<PlanVersionText>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        var latest = await OpinionReads.LatestPlanAsync(db, sessionId, ct);
        try
        {
            return await work.AddAsync<PlanVersion, PlanVersionText>(
                allow: c => DeliberationAccess.CanWritePlan(c.Policy, session.CommunityId) ? null : Result.NotAllowed(DeliberationText.Of(DeliberationText.NotAllowed)),
                create: c => DeliberationText.Made(PlanVersion.Write(session, latest, basedOnNumber, c.UserId!, c.Name, body, summary, Now), FieldOf),
                ct: ct);
        }
        catch (DbUpdateException)
        {
            return Result<PlanVersionText>.Conflict(DeliberationText.Of(PlanVersion.ErrorMovedOn), null);
        }
    }

    private static string? FieldOf(string error) => error switch
    {
        PlanVersion.ErrorBody or PlanVersion.ErrorTooManyLines or PlanVersion.ErrorUnchanged => BodyField,
        PlanVersion.ErrorSummary => SummaryField,
        _ => null,
    };

    private static PlanVersionText Text(PlanVersion p) =>
        new(p.Id, p.Number, p.BodyMarkdown, SafeMarkdown.ToHtml(p.BodyMarkdown), p.AuthorName, p.CreatedAtUtc, p.ChangeSummary);
}

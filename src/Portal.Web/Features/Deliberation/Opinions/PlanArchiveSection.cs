using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using static Portal.Web.Features.Deliberation.SessionArchiveBlocks;

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>
/// The plan's part of a session's archive: every version of the plan document (number, author, time, the summary of its
/// change), then the final version's text as plain paragraphs — the latest, as the evidence check counts it. The earlier
/// texts stay in the portal with their line diff; the archive records that they existed and what each changed.
/// </summary>
public sealed class PlanArchiveSection(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<OpinionsText> t) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.Plan;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.PlanVersions.AsNoTracking().Where(p => p.SessionId == session.Id).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.AuthorName, p.CreatedAtUtc, p.ChangeSummary }).ToListAsync(ct);
        if (versions.Count == 0) return [];
        var final = await OpinionReads.LatestPlanAsync(db, session.Id, ct);
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, t["Archive.Plan"]),
            new DocumentTable(
                [new(t["Archive.Version"], 0.8), new(t["Archive.Author"], 1.4), new(t["Archive.Written"], 2), new(t["Archive.Summary"], 3.8)],
                [.. versions.Select(v => (IReadOnlyList<string>)
                [
                    t["Plan.Version", v.Number], v.AuthorName, Time(v.CreatedAtUtc), v.ChangeSummary.Length > 0 ? v.ChangeSummary : t["Plan.NoSummary"],
                ])]),
            new DocumentHeading(2, t["Archive.FinalText", final!.Number]),
        };
        blocks.AddRange(PlainParagraphs(final.BodyMarkdown));
        return blocks;
    }
}

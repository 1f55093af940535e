using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using static Portal.Web.Features.Deliberation.SessionArchiveBlocks;

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>
/// The opinions' part of a session's archive: per comment window (the step it was posted in), each opinion in the order
/// posted — author, time, how many supported it, the plan version it commented on — and its text as plain paragraphs.
/// <para>
/// A hidden opinion is listed in its place with when and why it was hidden and its record number, without its text: the
/// moderator took the text out of public view (decision 0034), and the archive is paper that leaves the portal (printed,
/// filed, shown when a decision is challenged), where the hiding would be undone beyond its audit trail. The text is
/// never deleted: the community's managers read it on the session page, and the record number finds it.
/// </para>
/// </summary>
public sealed class OpinionArchiveSection(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<OpinionsText> t) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.Opinions;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opinions = await db.Opinions.AsNoTracking().Where(o => o.SessionId == session.Id).OrderBy(o => o.PostedAtUtc).ThenBy(o => o.Id)
            .Select(o => new
            {
                Opinion = o,
                Supports = db.OpinionSupports.Count(s => s.OpinionId == o.Id),
                Plan = db.PlanVersions.Where(p => p.Id == o.PlanVersionId).Select(p => (int?)p.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (opinions.Count == 0) return [];
        var steps = await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == session.Id).Select(s => s.Steps).SingleAsync(ct);

        var blocks = new List<DocumentBlock> { new DocumentHeading(1, t["Archive.Heading"]) };
        foreach (var window in opinions.GroupBy(o => o.Opinion.StepIndex).OrderBy(g => g.Key))
        {
            blocks.Add(new DocumentHeading(2, t["Archive.Window", window.Key < steps.Length ? steps[window.Key].Name : "", window.Count()]));
            var number = 0;
            foreach (var row in window)
            {
                var opinion = row.Opinion;
                var about = new List<string> { Time(opinion.PostedAtUtc), t["Opinion.Supports", row.Supports] };
                if (row.Plan is { } plan) about.Add(t["Opinion.OnPlan", plan]);
                var marker = (++number).ToString(CultureInfo.InvariantCulture) + ".";
                blocks.Add(new DocumentParagraph([new DocumentRun(opinion.AuthorName, Bold: true), new DocumentRun(" · " + string.Join(" · ", about))], marker));
                if (opinion is { HiddenAtUtc: { } hidden, HiddenReason: { } reason })
                    blocks.Add(Indented(t["Archive.Hidden", Time(hidden), reason, opinion.Id]));
                else
                    blocks.AddRange(PlainParagraphs(opinion.BodyMarkdown).Select(p => p with { Marker = "" }));
            }
        }
        return blocks;
    }

    /// <summary>A paragraph under an entry, aligned with its text.</summary>
    private static DocumentParagraph Indented(string text) => Line(text) with { Marker = "" };
}

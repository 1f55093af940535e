using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Documents;

namespace Portal.Web.Features.Deliberation.VoteLinks;

/// <summary>
/// The votes' part of a session's archive: for each step decided by a vote, the vote's result announcement as the
/// Voting area writes it (<see cref="IVoteAnnouncementSource"/>: the same words, tallies and arithmetic as the
/// 表决结果公告 itself), or where it stands while not closed; and the meeting's sign-in list when the rule counted those
/// present.
/// </summary>
public sealed class VoteArchiveSection(
    IDbContextFactory<PortalDbContext> dbFactory,
    IVoteAnnouncementSource announcements,
    IStringLocalizer<VoteLinksText> t) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.Vote;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var steps = await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == session.Id).Select(s => s.Steps).SingleAsync(ct);
        var links = await db.SessionVotes.AsNoTracking().Where(l => l.SessionId == session.Id).OrderBy(l => l.StepIndex)
            .Join(db.Votes, l => l.VoteId, v => v.Id, (l, v) => new { l.StepIndex, v.Id, v.Title, v.Status }).ToListAsync(ct);
        var blocks = new List<DocumentBlock>();
        foreach (var link in links)
        {
            blocks.Add(new DocumentHeading(1, t["Archive.Heading", link.StepIndex < steps.Length ? steps[link.StepIndex].Name : ""]));
            blocks.Add(Line(t["Archive.Vote", link.Title, link.Id]));
            if (await announcements.BlocksAsync(link.Id, ct) is { } announcement) blocks.AddRange(announcement);
            else blocks.Add(Line(t["Archive.NotClosed", t[$"Status.{link.Status}"]]));

            var present = await db.VotePresences.AsNoTracking().Where(p => p.VoteId == link.Id)
                .Join(db.VoteElectors.Where(e => e.VoteId == link.Id), p => p.ElectorKey, e => e.Key, (p, e) => new { e.DisplayName, p.MarkedAtUtc })
                .OrderBy(p => p.MarkedAtUtc).ThenBy(p => p.DisplayName).ToListAsync(ct);
            if (present.Count == 0) continue;
            blocks.Add(new DocumentHeading(2, t["Archive.SignIns", present.Count]));
            blocks.Add(new DocumentTable([new(t["Archive.Name"], 2), new(t["Archive.SignedInAt"], 2)],
                [.. present.Select(p => (IReadOnlyList<string>)[p.DisplayName, OfficialLanguage.DateTime(PortalTime.ToLocal(p.MarkedAtUtc))])]));
        }
        return blocks;
    }

    private static DocumentParagraph Line(string text) => new([new DocumentRun(text)]);
}

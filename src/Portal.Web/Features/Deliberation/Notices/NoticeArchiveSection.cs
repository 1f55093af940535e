using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Deliberation.Notices;

/// <summary>
/// The notices' part of a session's archive: each public notice of the decision in order — its text, its window, when
/// it closed — and every objection with its answer. Objections appear without their filer, as on the notice page (only
/// the filer sees "mine"): the archive records what was objected and how it was answered.
/// </summary>
public sealed class NoticeArchiveSection(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<NoticesText> t) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.Notice;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notices = await db.PublicNotices.AsNoTracking().Where(n => n.SessionId == session.Id).OrderBy(n => n.StartsAtUtc).ThenBy(n => n.Id).ToListAsync(ct);
        var blocks = new List<DocumentBlock>();
        foreach (var notice in notices)
        {
            blocks.Add(new DocumentHeading(1, t["Archive.Heading", notice.Id]));
            blocks.Add(Line(t["Window.Range", Local(notice.StartsAtUtc), Local(notice.EndsAtUtc)]));
            blocks.Add(Line(notice.ClosedAtUtc is { } closed ? t["Archive.Closed", Local(closed)] : t["Archive.Open"]));
            blocks.Add(Line(notice.Text));
            if (notice.Objections.IsEmpty)
            {
                blocks.Add(Line(t["Objections.None"]));
                continue;
            }
            blocks.Add(new DocumentHeading(2, t["Objections.Title", notice.Objections.Length]));
            blocks.Add(new DocumentTable(
                [new(t["Archive.Number"], 0.6), new(t["Objections.FileLabel"], 3), new(t["Archive.FiledAt"], 1.6), new(t["Objections.AnswerLabel"], 3), new(t["Archive.AnsweredAt"], 1.6)],
                [.. notice.Objections.Select(o => (IReadOnlyList<string>)
                [
                    o.Number.ToString(CultureInfo.InvariantCulture), o.Text, Local(o.FiledAtUtc),
                    o.Answer ?? t["Objections.Unanswered"], o.AnsweredAtUtc is { } answered ? Local(answered) : "",
                ])]));
        }
        return blocks;
    }

    private static string Local(DateTime utc) => OfficialLanguage.DateTime(PortalTime.ToLocal(utc));

    private static DocumentParagraph Line(string text) => new([new DocumentRun(text)]);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using Portal.Web.Features.Localization;

namespace Portal.Web.Features.Deliberation.Sessions.Export;

/// <summary>
/// The archive's implementation part: the tracked work items that carry out the decision — the task the notice's
/// closing created, and the implementation records offered as evidence of a step — with their state and dates, read
/// through Data (work items belong to the Lists area).
/// </summary>
public sealed class ImplementationArchiveSection(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<SessionArchiveText> t,
    IStringLocalizer<WorkItemWords> work) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.Implementation;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fromNotices = await db.PublicNotices.AsNoTracking().Where(n => n.SessionId == session.Id && n.TaskWorkItemId != null)
            .Select(n => n.TaskWorkItemId!.Value).ToListAsync(ct);
        var evidence = (await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == session.Id).Select(s => s.Completions).SingleAsync(ct))
            .SelectMany(c => c.Evidence).Where(e => e.Kind == EvidenceKind.ImplementationRecord).Select(e => e.RecordId);
        var ids = fromNotices.Concat(evidence).Distinct().ToList();
        if (ids.Count == 0) return [];
        var items = await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id) && w.CommunityId == session.CommunityId).OrderBy(w => w.Id)
            .Select(w => new { w.Id, w.Kind, w.Title, w.Status, w.RaisedAtUtc, w.ClosedAtUtc }).ToListAsync(ct);
        return
        [
            new DocumentHeading(1, t["Implementation.Heading"]),
            new DocumentTable(
                [new(t["Implementation.Number"], 0.8), new(t["Implementation.Task"], 3.5), new(t["Implementation.State"], 1.2), new(t["Implementation.Created"], 2), new(t["Implementation.Closed"], 2)],
                [.. items.Select(w => (IReadOnlyList<string>)
                [
                    w.Id.ToString(CultureInfo.InvariantCulture), w.Title, work.StatusOf(w.Kind, w.Status),
                    OfficialLanguage.DateTime(PortalTime.ToLocal(w.RaisedAtUtc)), w.ClosedAtUtc is { } closed ? OfficialLanguage.DateTime(PortalTime.ToLocal(closed)) : "",
                ])]),
        ];
    }
}

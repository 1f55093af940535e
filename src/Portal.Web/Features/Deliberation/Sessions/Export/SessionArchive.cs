using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Deliberation.Sessions.Export;

/// <summary>A session's archive ready to download: the .docx bytes and the file name without extension.</summary>
public sealed record SessionArchiveFile(byte[] Content, string FileName);

/// <summary>
/// A deliberation session's whole record as one Word document (议事档案, issue 13 item 11), in official Chinese: the
/// matter (who raised it, when, how it was screened), the template version the session keeps, the timeline (each step:
/// state, when and by whom it was completed, on which evidence — in words, as the session page names it — its due date),
/// then every slice's registered <see cref="ISessionArchiveSection"/> in order (the meetings with their sign-in sheets,
/// the opinions, the plan's versions, the vote with its announcement, the notice with its objections and answers, the
/// implementation tasks, the rating rounds). For the
/// community's managers; anyone else is told "not found", so ids cannot be probed. A running session can be archived
/// too: the document says how far it has come. Scoped.
/// </summary>
public sealed class SessionArchive(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    IEnumerable<ISessionArchiveSection> sections,
    IStringLocalizer<SessionArchiveText> t,
    IStringLocalizer<DeliberationText> words,
    IStringLocalizer<SharedText> shared,
    ResultText texts,
    TimeProvider clock)
{
    public async Task<Result<SessionArchiveFile>> DocxAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !caller.IsSignedIn || !DeliberationAccess.CanManage(caller.Policy, session.CommunityId))
            return Result<SessionArchiveFile>.NotFound(DeliberationText.Of(DeliberationText.NotFound));
        var matter = await db.Matters.AsNoTracking().SingleAsync(m => m.Id == session.MatterId, ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == session.CommunityId).Select(c => c.Name).SingleAsync(ct);
        var scope = await db.NameOfAsync(matter.Scope, ct);
        var names = await UserNamesAsync(db, [matter.RaisedByUserId, matter.ScreenedByUserId], ct);
        var archived = new ArchivedSession(session.Id, session.CommunityId, session.MatterId, session.Title, session.Scope);

        // The culture flows into the sections' awaits: they write Chinese too, whatever the reader's language.
        using (OfficialLanguage.Enter())
        {
            var blocks = new List<DocumentBlock>
            {
                Line(t["Archive.Lead", community, session.Title]),
                Line(t["Archive.Written", Local(clock.GetUtcNow().UtcDateTime)]),
            };
            blocks.AddRange(Matter(matter, scope, names));
            blocks.AddRange(Procedure(session, await EvidenceChoiceQueries.NamedByStepAsync(db, session, ct)));
            foreach (var section in sections.OrderBy(s => s.Order))
                blocks.AddRange(await section.BlocksAsync(archived, ct));
            var document = new ExportDocument(t["Archive.Title"], blocks, [t["Archive.Seal", community], t["Archive.Date"]]);
            var fileName = $"{session.Title}-{t["Archive.FileName"]}-{PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime):yyyyMMdd}";
            return Result<SessionArchiveFile>.Ok(new SessionArchiveFile(DocumentWriter.ToDocx(document), fileName), sessionId);
        }
    }

    private IEnumerable<DocumentBlock> Matter(Matter matter, string scope, IReadOnlyDictionary<string, string> names)
    {
        yield return new DocumentHeading(1, t["Matter.Heading"]);
        yield return Line(t["Matter.Title", matter.Title]);
        yield return Line(t["Matter.Scope", words[$"Scope.{matter.Scope.Kind}"], scope]);
        yield return Line(t["Matter.Raised", names.GetValueOrDefault(matter.RaisedByUserId, ""), Local(matter.RaisedAtUtc), t[$"Matter.Origin.{matter.Origin}"]]);
        if (matter.ScreenedAtUtc is { } screened)
            yield return Line(t["Matter.Screened", Local(screened), names.GetValueOrDefault(matter.ScreenedByUserId ?? "", ""), t[$"Matter.Status.{matter.Status}"]]);
        if (!string.IsNullOrWhiteSpace(matter.ScreeningReason)) yield return Line(t["Matter.Reason", matter.ScreeningReason]);
        if (!string.IsNullOrWhiteSpace(matter.Description))
        {
            yield return Line(t["Matter.Description"]);
            yield return Line(matter.Description);
        }
    }

    private IEnumerable<DocumentBlock> Procedure(DeliberationSession session, IReadOnlyDictionary<int, IReadOnlyList<TimelineEvidence>> named)
    {
        yield return new DocumentHeading(1, t["Procedure.Heading"]);
        yield return Line(t["Procedure.Template", session.TemplateName, session.TemplateVersion]);
        yield return Line(t["Procedure.Started", Local(session.StartedAtUtc)]);
        yield return Line(session.FinishedAtUtc is { } finished ? t["Procedure.Finished", Local(finished)] : t["Procedure.Running"]);
        yield return new DocumentTable(
            [new(t["Step.Number"], 0.6), new(t["Step.Name"], 2), new(t["Step.State"], 1), new(t["Step.Role"], 1.4), new(t["Step.Done"], 2.4), new(t["Step.Evidence"], 2.2)],
            [.. session.Timeline().Select(e => (IReadOnlyList<string>)
            [
                (e.Index + 1).ToString(CultureInfo.InvariantCulture), e.Step.Name, words[$"Timeline.State.{e.State}"], shared[$"Role.{e.Step.CompletedBy}"],
                e.Completion is { } c ? t["Step.DoneBy", Local(c.AtUtc), c.ByName]
                    : e.DueUtc is { } due ? t["Step.Due", Local(due)]
                    : e.Step.TimeLimitDays is { } days ? words["Timeline.TimeLimit", days] : "",
                e.Completion is not null
                    ? string.Join("\n", named[e.Index].Select(n => texts[n.Label]))
                    : string.Join("、", e.Step.RequiredEvidence.Select(k => words[$"Evidence.{k}"].Value)),
            ])]);
    }

    /// <summary>Accounts by their person's name (the user name where no person is linked).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> UserNamesAsync(PortalDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName ?? "" })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    private static string Local(DateTime utc) => OfficialLanguage.DateTime(PortalTime.ToLocal(utc));

    private static DocumentParagraph Line(string text) => new([new DocumentRun(text)]);
}

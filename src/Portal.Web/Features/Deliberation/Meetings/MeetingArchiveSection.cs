using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using static Portal.Web.Features.Deliberation.SessionArchiveBlocks;

namespace Portal.Web.Features.Deliberation.Meetings;

/// <summary>
/// The meetings' part of a session's archive (the sign-in sheets): each deliberation meeting of the session in the order
/// held — when and where, how far it came, 应到 / 实到 / 出席率 as the session page counts them, the sign-in sheet (who,
/// how, when), then the motions and the speeches on them (who spoke, when, for how long against the limit). A meeting not
/// closed yet is there too, marked so: its sheet is not final.
/// </summary>
public sealed class MeetingArchiveSection(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<MeetingsText> t) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.SignIns;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meetings = await db.DeliberationMeetings.AsNoTracking().Where(m => m.SessionId == session.Id)
            .OrderBy(m => m.StartsAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
        var blocks = new List<DocumentBlock>();
        foreach (var meeting in meetings)
        {
            var sheet = await db.MeetingSignIns.AsNoTracking().Where(s => s.MeetingId == meeting.Id).OrderBy(s => s.AtUtc).ThenBy(s => s.Id)
                .Select(s => new SignInLine(s.Name, s.Way, s.AtUtc)).ToListAsync(ct);
            blocks.Add(new DocumentHeading(1, t["Archive.Heading", meeting.Title]));
            blocks.Add(Line(meeting.Location is { } location ? t["Archive.WhenWhere", Time(meeting.StartsAtUtc), location] : t["Archive.When", Time(meeting.StartsAtUtc)]));
            blocks.Add(Line(meeting is { OpenedAtUtc: { } opened, ClosedAtUtc: { } closed } ? t["Archive.Held", Time(opened), Time(closed)]
                : t["Archive.NotClosed", t[$"Status.{meeting.Status}"]]));
            var figures = MeetingSignIn.Figures(meeting.ExpectedCount, sheet.Count);
            blocks.Add(Line(t["Archive.Figures", figures.Expected, figures.Present,
                figures.RatePercent is { } rate ? rate.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—"]));

            blocks.Add(new DocumentHeading(2, t["Archive.Sheet", sheet.Count]));
            if (sheet.Count == 0) blocks.Add(Line(t["SignIn.Empty"]));
            else
                blocks.Add(new DocumentTable(
                    [new(t["Archive.Number"], 0.6), new(t["Archive.Name"], 2), new(t["Archive.Way"], 1.4), new(t["Archive.SignedInAt"], 2.2)],
                    [.. sheet.Select((s, i) => (IReadOnlyList<string>)
                        [(i + 1).ToString(CultureInfo.InvariantCulture), s.Name, t[$"Way.{s.Way}"], Time(s.AtUtc)])]));

            blocks.Add(new DocumentHeading(2, t["Motions.Title"]));
            if (meeting.Motions.IsEmpty)
            {
                blocks.Add(Line(t["Motions.Empty"]));
                continue;
            }
            blocks.Add(new DocumentTable(
                [new(t["Archive.Number"], 0.6), new(t["Archive.Motion"], 3), new(t["Archive.MotionState"], 1), new(t["Archive.Discussed"], 3)],
                [.. meeting.Motions.Select(m => (IReadOnlyList<string>)
                [
                    m.Number.ToString(CultureInfo.InvariantCulture), m.Title, t[$"Motion.{m.State}"],
                    m.OpenedAtUtc is not { } from ? "" : m.ClosedAtUtc is { } to ? t["Archive.Range", Time(from), Time(to)] : t["Archive.Since", Time(from)],
                ])]));
            if (meeting.Speeches.IsEmpty)
            {
                blocks.Add(Line(t["Archive.NoSpeeches"]));
                continue;
            }
            blocks.Add(new DocumentHeading(2, t["Archive.Speeches", meeting.Speeches.Length]));
            blocks.Add(new DocumentTable(
                [new(t["Archive.MotionNumber"], 0.8), new(t["Archive.Speaker"], 1.6), new(t["Archive.SpokeAt"], 2.2), new(t["Archive.Length"], 2)],
                [.. meeting.Speeches.OrderBy(s => s.StartedAtUtc).ThenBy(s => s.Number).Select(s => (IReadOnlyList<string>)
                [
                    s.MotionNumber.ToString(CultureInfo.InvariantCulture), s.Name, Time(s.StartedAtUtc), Length(s),
                ])]));
        }
        return blocks;
    }

    /// <summary>How long a speech ran against its limit ("1:45（时限 2:00）", an overrun said as such); a running one says so.</summary>
    private string Length(Speech speech)
    {
        if (speech.EndedAtUtc is not { } ended) return t["Archive.Speaking"];
        var overrun = speech.Overrun(ended);
        return overrun > TimeSpan.Zero
            ? t["Archive.LengthOver", CountdownText.Format(speech.Elapsed(ended)), CountdownText.Format(speech.Limit), CountdownText.Format(overrun)]
            : t["Archive.LengthWithin", CountdownText.Format(speech.Elapsed(ended)), CountdownText.Format(speech.Limit)];
    }
}

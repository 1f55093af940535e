using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Deliberation;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using static Portal.Web.Features.Deliberation.SessionArchiveBlocks;

namespace Portal.Web.Features.Deliberation.Ratings;

/// <summary>
/// The ratings' part of a session's archive (群众评事): each rating round in step order — its window, whether it is closed
/// (the counts frozen then) or still running (the counts as of the archive), the distribution of 满意 / 基本满意 / 不满意
/// with each share, how many rated, the satisfaction rate with its arithmetic (<see cref="RatingTally"/>, as the session
/// page shows it), and every comment with its level and time — never who wrote it (decision 0036).
/// </summary>
public sealed class RatingArchiveSection(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<RatingsText> t) : ISessionArchiveSection
{
    public int Order => SessionArchiveOrder.Ratings;

    public async Task<IReadOnlyList<DocumentBlock>> BlocksAsync(ArchivedSession session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.RatingRounds.AsNoTracking().Where(r => r.SessionId == session.Id).OrderBy(r => r.StepIndex).ToListAsync(ct);
        if (rounds.Count == 0) return [];
        var steps = await db.DeliberationSessions.AsNoTracking().Where(s => s.Id == session.Id).Select(s => s.Steps).SingleAsync(ct);
        var blocks = new List<DocumentBlock>();
        foreach (var round in rounds)
        {
            var tally = round.Final ?? await RatingService.TallyAsync(db, round.Id, ct);
            blocks.Add(new DocumentHeading(1, t["Archive.Heading", round.StepIndex < steps.Length ? steps[round.StepIndex].Name : ""]));
            blocks.Add(Line(t["Window.Range", Time(round.OpenedAtUtc), Time(round.EndsAtUtc)]));
            blocks.Add(Line(round.ClosedAtUtc is { } closed ? t["Archive.Closed", Time(closed)] : t["Archive.Open"]));
            if (tally.Total == 0)
            {
                blocks.Add(Line(t["Summary.Empty"]));
                continue;
            }
            blocks.Add(new DocumentTable(
                [new(t["Archive.Level"], 1.5), new(t["Archive.Count"], 1), new(t["Archive.Share"], 1)],
                [.. Enum.GetValues<RatingLevel>().Select(level => (IReadOnlyList<string>)
                    [t[$"Level.{level}"], tally.CountOf(level).ToString(CultureInfo.InvariantCulture), Percent(tally.ShareOf(level)) + "%"])]));
            blocks.Add(Line(t["Archive.Total", tally.Total]));
            blocks.Add(Line(t["Summary.Arithmetic", tally.Satisfied, tally.BasicallySatisfied, tally.Total, Percent(tally.SatisfactionPercent)]));

            var comments = await db.SessionRatings.AsNoTracking().Where(r => r.RoundId == round.Id && r.Comment != null)
                .OrderBy(r => r.ChangedAtUtc ?? r.RatedAtUtc).ThenBy(r => r.Id)
                .Select(r => new { r.Level, r.Comment, At = r.ChangedAtUtc ?? r.RatedAtUtc }).ToListAsync(ct);
            blocks.Add(new DocumentHeading(2, t["Archive.Comments", comments.Count]));
            if (comments.Count == 0)
            {
                blocks.Add(Line(t["Comments.None"]));
                continue;
            }
            blocks.Add(Line(t["Archive.Anonymous"]));
            blocks.Add(new DocumentTable(
                [new(t["Archive.Number"], 0.6), new(t["Archive.Level"], 1.2), new(t["Archive.Comment"], 4), new(t["Archive.At"], 2)],
                [.. comments.Select((c, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(CultureInfo.InvariantCulture), t[$"Level.{c.Level}"], c.Comment!, Time(c.At)])]));
        }
        return blocks;
    }

    /// <summary>A percentage with one decimal and a point, as the session page writes it.</summary>
    private static string Percent(decimal? value) => (value ?? 0m).ToString("0.0", CultureInfo.InvariantCulture);
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Domain.Text;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;
using VoteStatus = Portal.Domain.Voting.VoteStatus;
using WorkItemStatus = Portal.Domain.WorkItems.WorkItemStatus;

namespace Portal.Web.Features.Deliberation.Sessions;

/// <summary>
/// The records of a session that may be offered for each kind of evidence, and the one definition of which records count
/// and when they are final: <see cref="SessionService"/>'s evidence check accepts exactly what is offered here as final
/// (decision 0031): meetings, plan versions and notices of the session; opinions, the linked vote and rating rounds of
/// the step; the implementation tasks its notices' closing created. Newest first. Dates in the labels are China time
/// (<see cref="PortalTime"/>), formatted by the reader's culture when the label is put into words.
/// </summary>
internal static class EvidenceChoiceQueries
{
    /// <summary>An opinion is named by the start of its text, as one plain line.</summary>
    private const int OpinionExcerptLength = 40;

    public static Task<IReadOnlyList<EvidenceChoice>> OfAsync(PortalDbContext db, DeliberationSession session, int stepIndex, EvidenceKind kind,
        CancellationToken ct) => kind switch
    {
        EvidenceKind.SignInSheet => MeetingsAsync(db, session.Id, ct),
        EvidenceKind.Opinions => OpinionsAsync(db, session.Id, stepIndex, ct),
        EvidenceKind.PlanDocument => PlanVersionsAsync(db, session.Id, ct),
        EvidenceKind.Vote => VotesAsync(db, session, stepIndex, ct),
        EvidenceKind.PublicNotice => NoticesAsync(db, session.Id, ct),
        EvidenceKind.ImplementationRecord => TasksAsync(db, session, ct),
        EvidenceKind.Ratings => RoundsAsync(db, session.Id, stepIndex, ct),
        _ => Task.FromResult<IReadOnlyList<EvidenceChoice>>([]),
    };

    /// <summary>
    /// Every completed step's evidence in words, by step index, for the session page's timeline and the archive: each
    /// record as the picker names it, after its kind ("签到表：…议事会 · … · 签到 12 人"); the opinions counted rather than
    /// listed ("意见 3 条"). A record the picker no longer offers (a work item the notices did not create) keeps its kind
    /// and number, or for a work item of the community its title.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<TimelineEvidence>>> NamedByStepAsync(PortalDbContext db, DeliberationSession session,
        CancellationToken ct)
    {
        var named = new Dictionary<int, IReadOnlyList<TimelineEvidence>>();
        foreach (var completion in session.Completions)
            named[completion.StepIndex] = await NamedAsync(db, session, completion.StepIndex, completion.Evidence, ct);
        return named;
    }

    private static async Task<IReadOnlyList<TimelineEvidence>> NamedAsync(PortalDbContext db, DeliberationSession session, int stepIndex,
        IReadOnlyList<EvidenceRef> evidence, CancellationToken ct)
    {
        var named = new List<TimelineEvidence>();
        foreach (var kind in evidence.Select(e => e.Kind).Distinct())
        {
            var ids = evidence.Where(e => e.Kind == kind).Select(e => e.RecordId).Distinct().ToList();
            if (kind == EvidenceKind.Opinions)
            {
                named.Add(new TimelineEvidence(kind, Text("Evidence.OpinionCount", ids.Count)));
                continue;
            }
            var labels = (await OfAsync(db, session, stepIndex, kind, ct)).Where(c => ids.Contains(c.RecordId)).ToDictionary(c => c.RecordId, c => c.Label);
            if (kind == EvidenceKind.ImplementationRecord && ids.Except(labels.Keys).ToList() is { Count: > 0 } others)
            {
                var items = await db.WorkItems.AsNoTracking().Where(w => others.Contains(w.Id) && w.CommunityId == session.CommunityId)
                    .Select(w => new { w.Id, w.Title }).ToListAsync(ct);
                foreach (var w in items) labels[w.Id] = Text("Choice.Task", w.Title, w.Id);
            }
            named.AddRange(ids.Select(id => new TimelineEvidence(kind, labels.TryGetValue(id, out var label)
                ? Text("Evidence.Named", Text($"Evidence.{kind}"), label)
                : Numbered(new EvidenceRef(kind, id)))));
        }
        return named;
    }

    /// <summary>A record by its kind and number only ("表决 第5号"): what the timeline says before (or without) looking the records up.</summary>
    public static IReadOnlyList<TimelineEvidence> Numbered(IReadOnlyList<EvidenceRef> evidence) =>
        evidence.Select(e => new TimelineEvidence(e.Kind, Numbered(e))).ToList();

    private static Message Numbered(EvidenceRef e) => Text("Evidence.Record", Text($"Evidence.{e.Kind}"), e.RecordId);

    private static Message Text(string key, params object[] args) => DeliberationText.Of(key, args);

    private static DateTime Local(DateTime utc) => PortalTime.ToLocal(utc);

    private static async Task<IReadOnlyList<EvidenceChoice>> MeetingsAsync(PortalDbContext db, int sessionId, CancellationToken ct)
    {
        var meetings = await db.DeliberationMeetings.AsNoTracking().Where(m => m.SessionId == sessionId).OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.StartsAtUtc, m.Status, SignIns = db.MeetingSignIns.Count(s => s.MeetingId == m.Id) })
            .ToListAsync(ct);
        return meetings.Select(m => new EvidenceChoice(m.Id, Text("Choice.Meeting", m.Title, Local(m.StartsAtUtc), m.SignIns),
            m.Status == DeliberationMeetingStatus.Closed ? null : Text("Choice.NotFinal.Meeting"))).ToList();
    }

    /// <summary>The visible opinions posted in the step's comment window (a hidden one is never evidence): all final.</summary>
    private static async Task<IReadOnlyList<EvidenceChoice>> OpinionsAsync(PortalDbContext db, int sessionId, int stepIndex, CancellationToken ct)
    {
        var opinions = await db.Opinions.AsNoTracking()
            .Where(o => o.SessionId == sessionId && o.StepIndex == stepIndex && o.HiddenAtUtc == null).OrderByDescending(o => o.Id)
            .Select(o => new { o.Id, o.AuthorName, o.PostedAtUtc, o.BodyMarkdown }).ToListAsync(ct);
        return opinions.Select(o => new EvidenceChoice(o.Id, Text("Choice.Opinion", o.AuthorName, Local(o.PostedAtUtc), Excerpt(o.BodyMarkdown)))).ToList();
    }

    private static string Excerpt(string markdown)
    {
        var line = UserText.CollapsedLine(SafeMarkdown.ToPlainText(markdown));
        return line.Length <= OpinionExcerptLength ? line : line[..(OpinionExcerptLength - 1)] + "…";
    }

    /// <summary>The plan's versions: only the latest is final (an outdated text is not the plan).</summary>
    private static async Task<IReadOnlyList<EvidenceChoice>> PlanVersionsAsync(PortalDbContext db, int sessionId, CancellationToken ct)
    {
        var versions = await db.PlanVersions.AsNoTracking().Where(p => p.SessionId == sessionId).OrderByDescending(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.AuthorName, p.CreatedAtUtc }).ToListAsync(ct);
        return versions.Select((p, i) => new EvidenceChoice(p.Id, Text("Choice.Plan", p.Number, p.AuthorName, Local(p.CreatedAtUtc)),
            i == 0 ? null : Text("Choice.NotFinal.Plan"))).ToList();
    }

    /// <summary>The vote of the session's community linked to this step (one at most), with its verdict once closed.</summary>
    private static async Task<IReadOnlyList<EvidenceChoice>> VotesAsync(PortalDbContext db, DeliberationSession session, int stepIndex, CancellationToken ct)
    {
        var votes = await db.SessionVotes.AsNoTracking().Where(l => l.SessionId == session.Id && l.StepIndex == stepIndex)
            .Join(db.Votes.Where(v => v.CommunityId == session.CommunityId), l => l.VoteId, v => v.Id, (l, v) => new { v.Id, v.Title, v.Status, v.Outcome })
            .OrderByDescending(v => v.Id).ToListAsync(ct);
        return votes.Select(v => v.Status == VoteStatus.Closed
            ? new EvidenceChoice(v.Id, Text("Choice.VoteDecided", v.Title, v.Id, Text(v.Outcome is { } outcome ? $"Choice.Outcome.{outcome}" : "Choice.Outcome.None")))
            : new EvidenceChoice(v.Id, Text("Choice.Vote", v.Title, v.Id), Text("Choice.NotFinal.Vote"))).ToList();
    }

    private static async Task<IReadOnlyList<EvidenceChoice>> NoticesAsync(PortalDbContext db, int sessionId, CancellationToken ct)
    {
        var notices = await db.PublicNotices.AsNoTracking().Where(n => n.SessionId == sessionId).OrderByDescending(n => n.Id)
            .Select(n => new { n.Id, n.StartsAtUtc, n.PeriodDays, n.ClosedAtUtc }).ToListAsync(ct);
        return notices.Select(n => new EvidenceChoice(n.Id, Text("Choice.Notice", n.Id, Local(n.StartsAtUtc), Local(n.StartsAtUtc.AddDays(n.PeriodDays))),
            n.ClosedAtUtc is null ? Text("Choice.NotFinal.Notice") : null)).ToList();
    }

    /// <summary>
    /// The implementation tasks the closing of this session's notices created (the notice keeps the link), of the
    /// session's community: final once closed (销号).
    /// </summary>
    private static async Task<IReadOnlyList<EvidenceChoice>> TasksAsync(PortalDbContext db, DeliberationSession session, CancellationToken ct)
    {
        var tasks = await db.WorkItems.AsNoTracking()
            .Where(w => w.CommunityId == session.CommunityId && db.PublicNotices.Any(n => n.SessionId == session.Id && n.TaskWorkItemId == w.Id))
            .OrderByDescending(w => w.Id).Select(w => new { w.Id, w.Title, w.Status }).ToListAsync(ct);
        return tasks.Select(w => new EvidenceChoice(w.Id, Text("Choice.Task", w.Title, w.Id),
            w.Status == WorkItemStatus.Closed ? null : Text("Choice.NotFinal.Task"))).ToList();
    }

    /// <summary>The rating rounds of this step: final once closed, with the counts frozen then.</summary>
    private static async Task<IReadOnlyList<EvidenceChoice>> RoundsAsync(PortalDbContext db, int sessionId, int stepIndex, CancellationToken ct)
    {
        var rounds = await db.RatingRounds.AsNoTracking().Where(r => r.SessionId == sessionId && r.StepIndex == stepIndex).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.OpenedAtUtc, r.PeriodDays, r.ClosedAtUtc, r.SatisfiedCount, r.BasicallySatisfiedCount, r.DissatisfiedCount })
            .ToListAsync(ct);
        return rounds.Select(r => r.ClosedAtUtc is not null
            ? new EvidenceChoice(r.Id, Text("Choice.RoundDecided", Local(r.OpenedAtUtc), Local(r.OpenedAtUtc.AddDays(r.PeriodDays)),
                r.SatisfiedCount ?? 0, r.BasicallySatisfiedCount ?? 0, r.DissatisfiedCount ?? 0))
            : new EvidenceChoice(r.Id, Text("Choice.Round", Local(r.OpenedAtUtc), Local(r.OpenedAtUtc.AddDays(r.PeriodDays))), Text("Choice.NotFinal.Round")))
            .ToList();
    }
}

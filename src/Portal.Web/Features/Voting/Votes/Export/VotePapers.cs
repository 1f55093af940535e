using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Web.Components.Shared.Export;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Documents;
using Portal.Web.Kit.Results;

namespace Portal.Web.Features.Voting.Votes.Export;

/// <summary>A paper ready to download: its bytes and its file name without extension.</summary>
public sealed record VotePaper(byte[] Content, string FileName);

/// <summary>
/// A closed vote's papers (issue 13 item 11), all in official Chinese (<see cref="OfficialLanguage"/>):
/// <list type="bullet">
/// <item>the result announcement (表决结果公告, .docx) — for the vote's managers, who issue and seal it;</item>
/// <item>a named vote's ballots (CSV: elector, unit, area, channel, time, choice) — for its managers;</item>
/// <item>a secret vote's receipts (CSV: receipt code and choice, sorted by code — no elector, no time) — for everyone who
/// may see the vote, like the published list on its result page.</item>
/// </list>
/// A secret vote has no list of electors with choices to give (decision 0030): its ballots file does not exist for anyone.
/// Whoever may not have a paper is told "not found", so ids cannot be probed; a vote not closed yet has no papers
/// (<see cref="NotClosed"/>). Scoped.
/// </summary>
public sealed class VotePapers(
    IDbContextFactory<PortalDbContext> dbFactory,
    CallerScope callers,
    ResultText texts,
    IStringLocalizer<VotePapersText> t,
    IStringLocalizer<ResidentVoteText> words,
    IStringLocalizer<VotingText> voting) : IVoteAnnouncementSource
{
    public const string NotClosed = "Papers.Error.NotClosed";

    private static Message Text(string key) => Message.Of<VotePapersText>(key);

    private static Message VoteNotFound => Message.Of<VotingText>(VoteService.NotFound);

    /// <summary>The 表决结果公告 as a Word document.</summary>
    public async Task<Result<VotePaper>> AnnouncementAsync(int voteId, CancellationToken ct = default)
    {
        var (facts, refused) = await AnnouncementFactsAsync(voteId, ct);
        if (refused is not null) return Result<VotePaper>.From(refused);
        using (OfficialLanguage.Enter())
        {
            var document = VoteAnnouncement.Document(facts!, t, words, texts);
            return Result<VotePaper>.Ok(new VotePaper(DocumentWriter.ToDocx(document), FileName(facts!.Vote, "Announcement.FileName")), voteId);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentBlock>?> BlocksAsync(int voteId, CancellationToken ct = default)
    {
        var (facts, refused) = await AnnouncementFactsAsync(voteId, ct);
        if (refused is not null) return null;
        using (OfficialLanguage.Enter())
            return VoteAnnouncement.Blocks(facts!, t, words, texts);
    }

    /// <summary>A named vote's ballots as CSV, by elector's name: elector, unit, exclusive area, channel, time, choice.</summary>
    public async Task<Result<VotePaper>> BallotsAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        // A secret vote's ballots carry no elector (decision 0030): there is no such list, for anyone.
        if (vote is null || !VotingAccess.CanManage(caller, vote) || vote.Secrecy != Secrecy.Named) return Result<VotePaper>.NotFound(VoteNotFound);
        if (vote.Status != VoteStatus.Closed) return Result<VotePaper>.Invalid(Text(NotClosed));
        var rows = await (from b in db.NamedBallots.AsNoTracking()
                          join e in db.VoteElectors on new { b.VoteId, Key = b.ElectorKey } equals new { e.VoteId, e.Key }
                          join p in db.VoteParticipations on new { b.VoteId, Key = b.ElectorKey } equals new { p.VoteId, Key = p.ElectorKey }
                          join h in db.Households on e.HouseholdId equals h.Id into homes
                          from h in homes.DefaultIfEmpty()
                          where b.VoteId == voteId
                          orderby e.DisplayName, e.Id
                          select new
                          {
                              e.DisplayName, e.Area, Building = h == null ? null : h.Building!.Name, Entrance = h == null ? null : h.Entrance,
                              Door = h == null ? null : h.DoorNumber, p.Channel, p.CastAtUtc, b.Choices,
                          }).ToListAsync(ct);
        var countsArea = vote.RuleSet.CountingBase == CountingBase.OwnersByAreaAndHeadcount;
        using (OfficialLanguage.Enter())
        {
            var table = new ExportTable(t["Ballots.Title", vote.Title], [], [
                new(t["Ballots.Elector"]), new(t["Ballots.Unit"]), new(t["Ballots.Area"]), new(t["Ballots.Channel"]), new(t["Ballots.Time"]), new(t["Ballots.Choice"]),
            ], [.. rows.Select(r => (IReadOnlyList<string>)
            [
                r.DisplayName, r.Building is null ? "" : VoteRoll.UnitName(r.Building, r.Entrance, r.Door!), countsArea ? r.Area.ToString("0.00", CultureInfo.InvariantCulture) : "",
                voting[$"Channel.{r.Channel}"], PortalTime.ToLocal(r.CastAtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ResidentWords.Choices(words, vote.QuestionKind, vote.Options, BallotChoices.Decode(r.Choices)),
            ])], []);
            return Result<VotePaper>.Ok(new VotePaper(ExportWriter.ToCsv(table), FileName(vote, "Ballots.FileName")), voteId);
        }
    }

    /// <summary>
    /// A secret vote's receipts as CSV, sorted by code: receipt code and choice, nothing else — for everyone who may see
    /// the vote, so anyone can check their ballot was counted as cast.
    /// </summary>
    public async Task<Result<VotePaper>> ReceiptsAsync(int voteId, CancellationToken ct = default)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanView(caller, vote) || vote.Secrecy != Secrecy.Secret
            || (vote.Status == VoteStatus.Draft && !VotingAccess.CanManage(caller, vote)))
            return Result<VotePaper>.NotFound(VoteNotFound);
        if (vote.Status != VoteStatus.Closed) return Result<VotePaper>.Invalid(Text(NotClosed));
        var receipts = await db.SecretBallots.AsNoTracking().Where(b => b.VoteId == voteId).Select(b => new { b.ReceiptCode, b.Choices }).ToListAsync(ct);
        using (OfficialLanguage.Enter())
        {
            var table = new ExportTable(t["Receipts.Title", vote.Title], [], [new(t["Receipts.Code"]), new(t["Receipts.Choice"])],
                [.. receipts.OrderBy(r => r.ReceiptCode, StringComparer.Ordinal).Select(r => (IReadOnlyList<string>)
                    [r.ReceiptCode, ResidentWords.Choices(words, vote.QuestionKind, vote.Options, BallotChoices.Decode(r.Choices))])], []);
            return Result<VotePaper>.Ok(new VotePaper(ExportWriter.ToCsv(table), FileName(vote, "Receipts.FileName")), voteId);
        }
    }

    /// <summary>
    /// What the announcement says, for the vote's managers once it is closed: the stored verdict (never recounted), the
    /// published ballots per choice, and the notice of the session the vote decided, if one is published.
    /// </summary>
    private async Task<(VoteAnnouncement.Facts? Facts, Result? Refused)> AnnouncementFactsAsync(int voteId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || !VotingAccess.CanManage(caller, vote)) return (null, Result.NotFound(VoteNotFound));
        if (vote is not { Status: VoteStatus.Closed, Verdict: { } verdict, ClosedAtUtc: { } closedAt }) return (null, Result.Invalid(Text(NotClosed)));

        var community = await db.Communities.AsNoTracking().Where(c => c.Id == vote.CommunityId).Select(c => c.Name).SingleAsync(ct);
        var scope = await db.NameOfAsync(vote.Scope, ct);
        List<IReadOnlyList<int>> ballots;
        Dictionary<int, decimal>? areaByChoice = null;
        if (vote.Secrecy == Secrecy.Named)
        {
            var named = await (from b in db.NamedBallots.AsNoTracking()
                               join e in db.VoteElectors on new { b.VoteId, Key = b.ElectorKey } equals new { e.VoteId, e.Key }
                               where b.VoteId == voteId
                               select new { b.Choices, e.Area }).ToListAsync(ct);
            ballots = [.. named.Select(b => (IReadOnlyList<int>)BallotChoices.Decode(b.Choices))];
            if (verdict.RuleSet.CountingBase == CountingBase.OwnersByAreaAndHeadcount)
                areaByChoice = named.SelectMany(b => BallotChoices.Decode(b.Choices).Select(c => (Choice: c, b.Area)))
                    .GroupBy(x => x.Choice).ToDictionary(g => g.Key, g => g.Sum(x => x.Area));
        }
        else
        {
            ballots = [.. (await db.SecretBallots.AsNoTracking().Where(b => b.VoteId == voteId).Select(b => b.Choices).ToListAsync(ct))
                .Select(c => (IReadOnlyList<int>)BallotChoices.Decode(c))];
        }
        // The notice of the decision is the session's (the vote decides one of its steps): its window, when published.
        var notice = await (from l in db.SessionVotes.AsNoTracking()
                            join n in db.PublicNotices on l.SessionId equals n.SessionId
                            where l.VoteId == voteId
                            orderby n.StartsAtUtc descending, n.Id descending
                            select new { n.StartsAtUtc, n.PeriodDays }).FirstOrDefaultAsync(ct);
        var window = notice is null ? null : new VoteAnnouncement.NoticeWindow(
            DateOnly.FromDateTime(PortalTime.ToLocal(notice.StartsAtUtc)),
            DateOnly.FromDateTime(PortalTime.ToLocal(notice.StartsAtUtc.AddDays(notice.PeriodDays))), notice.PeriodDays);
        return (new VoteAnnouncement.Facts(vote, verdict, community, scope, closedAt, ballots, areaByChoice, window), null);
    }

    private string FileName(Vote vote, string suffixKey) =>
        $"{vote.Title}-{t[suffixKey]}-{PortalTime.ToLocal(vote.ClosedAtUtc ?? vote.ClosesAtUtc):yyyyMMdd}";
}

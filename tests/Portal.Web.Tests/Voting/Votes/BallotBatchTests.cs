using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Auditing;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using Portal.Web.Features.Voting;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting.Votes;

/// <summary>
/// Group commit of ballots (decision 0037): casts that arrive together are stored in one transaction by their vote's
/// <see cref="BallotWriter"/>, which must give every cast the answer it had alone — stored, already voted (with the
/// winner's time and channel), paper number taken — announce the exact turnout once per batch, and name each ballot's own
/// recorder in the audit trail. The writer waits 300 ms after a batch's first cast here, so the casts started together
/// are certainly one batch. On SQLite and on a fresh PostgreSQL database.
/// </summary>
public sealed class BallotBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Lingering = new() { ["Voting:BallotLingerMilliseconds"] = "300" };

    [Fact]
    public async Task Casts_that_arrive_together_are_stored_with_their_own_answers_and_recorders_and_one_turnout_event_on_SQLite()
    {
        using var host = new PortalHost(settings: Lingering);
        await BatchAsync(host);
    }

    [Fact]
    public async Task Casts_that_arrive_together_are_stored_with_their_own_answers_and_recorders_and_one_turnout_event_on_PostgreSQL()
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "votes-batch");
        using var host = new PortalHost(settings: new Dictionary<string, string?>(Lingering)
        {
            ["Database:Provider"] = "PostgreSQL",
            ["Database:ConnectionString"] = database.ConnectionString,
        });
        await BatchAsync(host);
    }

    private static async Task BatchAsync(PortalHost host)
    {
        var community = await CommunityAsync(host);
        var building = await BuildingOfAsync(host, "resident");
        var voteId = await OpenVoteAsync(host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting,
            channels: BallotChannels.Online | BallotChannels.OnSite | BallotChannels.Paper));
        var own = await RowOfAsync(host, voteId, "resident");
        var others = (await RollAsync(host, voteId)).Where(e => e.Id != own.Id).ToList();
        Assert.True(others.Count >= 4, "the resident's building needs at least five adults");

        // Together: the resident online and the secretary on site for the same resident (one must win, the other hear when
        // and how); two paper ballots with one number (the second hears the number is taken); a cast whose caller stops
        // waiting at once (dropped, nothing stored); and the secretary on site for the others.
        var online = As(host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        var sameElector = As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Disagree], own.Id), Ct));
        var paper = As(host, "secretary", s => s.CastAsync(Paper(voteId, others[0].Id, "B-1"), Ct));
        var samePaper = As(host, "secretary", s => s.CastAsync(Paper(voteId, others[1].Id, "B-1"), Ct));
        using var gone = new CancellationTokenSource();
        var abandoned = As(host, "secretary", s =>
        {
            gone.CancelAfter(100);
            return s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Agree], others[2].Id), gone.Token);
        });
        var onSite = others.Skip(3).Select(e => As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Agree], e.Id), Ct))).ToList();

        var pair = await Task.WhenAll(online, sameElector);
        var winner = Assert.Single(pair, r => r.Succeeded);
        var loser = Assert.Single(pair, r => !r.Succeeded);
        Assert.Equal(ResultOutcome.Conflict, loser.Outcome);
        var winnerChannel = winner == pair[0] ? "线上" : "现场";
        Assert.Equal($"已于 {PortalTime.ToLocal(winner.Value!.CastAtUtc):HH:mm} 通过{winnerChannel}投票，每人只能投一票。", host.TextOf(loser));
        // Whichever of the two paper ballots reached the writer first keeps the number.
        var papers = await Task.WhenAll(paper, samePaper);
        Assert.Single(papers, r => r.Succeeded);
        var numberTaken = Assert.Single(papers, r => !r.Succeeded);
        Assert.Equal(ResultOutcome.Invalid, numberTaken.Outcome);
        Assert.Equal("这个纸质票编号已经录入过。", host.TextOf(numberTaken, nameof(CastCommand.PaperNumber)));
        var paperLoser = numberTaken == papers[0] ? others[0] : others[1];
        // The caller who stopped waiting: usually dropped before its batch (nothing stored), but on a slow machine its
        // batch may already be under way within the 100 ms, and a caller who gives up during a commit cannot know its
        // outcome (as with any commit). What must hold: answered "stored" means stored.
        bool abandonedAnsweredStored, abandonedStored;
        try
        {
            abandonedAnsweredStored = (await abandoned).Succeeded;
        }
        catch (OperationCanceledException)
        {
            abandonedAnsweredStored = false;
        }
        foreach (var cast in await Task.WhenAll(onSite)) Assert.True(cast.Succeeded, host.TextOf(cast));
        await using (var check = await host.NewDbContextAsync(Ct))
            abandonedStored = await check.VoteParticipations.AnyAsync(p => p.VoteId == voteId && p.ElectorKey == others[2].Key, Ct);
        Assert.True(!abandonedAnsweredStored || abandonedStored, "a cast answered as stored must be in the table");
        var storedCount = 2 + onSite.Count + (abandonedStored ? 1 : 0);

        await using var db = await host.NewDbContextAsync(Ct);
        var participations = await db.VoteParticipations.AsNoTracking().Where(p => p.VoteId == voteId).ToListAsync(Ct);
        Assert.Equal(storedCount, participations.Count);
        Assert.DoesNotContain(participations, p => p.ElectorKey == paperLoser.Key);
        Assert.Equal(storedCount, await db.NamedBallots.CountAsync(b => b.VoteId == voteId, Ct));
        Assert.Equal(storedCount, await db.VotePresences.CountAsync(p => p.VoteId == voteId, Ct));
        var turnout = await As(host, "secretary", s => s.TurnoutAsync(voteId, Ct));
        Assert.Equal(storedCount, turnout!.Participants);

        // One turnout event for the batch (not one per ballot), carrying the exact figure.
        var events = await db.LiveEvents.AsNoTracking().Where(e => e.Channel == VoteChannels.For(voteId) && e.Type == VoteChannels.Turnout)
            .OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.InRange(events.Count, 1, storedCount - 1);
        Assert.Equal(storedCount, JsonSerializer.Deserialize<VoteTurnoutChanged>(events[^1].Payload, JsonSerializerOptions.Web)!.Participants);

        // The audit trail names each ballot's own recorder: the resident for an online ballot, the secretary for the rest.
        var resident = (await TestAccounts.FindAsync(host, "resident")).Id;
        var secretary = (await TestAccounts.FindAsync(host, "secretary")).Id;
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Participation) && a.Action == AuditAction.Create).Select(a => new { a.EntityId, a.UserId }).ToListAsync(Ct);
        foreach (var p in participations)
        {
            var expected = p.Channel == BallotChannel.Online ? resident : secretary;
            Assert.Equal(expected, p.RecordedByUserId);
            Assert.Equal(expected, Assert.Single(audited, a => a.EntityId == p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).UserId);
        }
        var ownBallot = (await db.NamedBallots.AsNoTracking().SingleAsync(b => b.VoteId == voteId && b.ElectorKey == own.Key, Ct)).Id
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ownBallotAudit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(NamedBallot) && a.EntityId == ownBallot).ToListAsync(Ct);
        Assert.Equal(winner == pair[0] ? resident : secretary, Assert.Single(ownBallotAudit).UserId);
    }
}

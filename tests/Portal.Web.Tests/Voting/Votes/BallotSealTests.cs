using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Data;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting.Votes;

/// <summary>
/// The batched re-seal (decision 0030 §4): casts only mark their vote; one sweep rewrites all of a vote's secret
/// ballots however many came in, after which no ballot shares a transaction id with any participation; a sweep after a
/// restart finds the open secret votes by itself; and the count is exact. On SQLite there is nothing to seal.
/// </summary>
public sealed class BallotSealTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The hosted sweep waits an hour, so the test decides when a round runs.</summary>
    private static readonly Dictionary<string, string?> SweepByHand = new() { ["Voting:SealIntervalSeconds"] = "3600" };

    [Fact]
    public async Task A_burst_of_secret_ballots_needs_no_seal_and_is_counted_exactly_on_SQLite()
    {
        using var host = new PortalHost(settings: SweepByHand);
        await BurstAsync(host);
    }

    [Fact]
    public async Task One_sweep_seals_a_burst_of_secret_ballots_which_are_counted_exactly_on_PostgreSQL()
    {
        var server = MigrationSchemaTests.RequirePostgres();
        await using var database = await PostgresTestDatabase.CreateAsync(server, "votes-seal");
        using var host = new PortalHost(settings: new Dictionary<string, string?>(SweepByHand)
        {
            ["Database:Provider"] = "PostgreSQL",
            ["Database:ConnectionString"] = database.ConnectionString,
        });
        await BurstAsync(host);
    }

    private static async Task BurstAsync(PortalHost host)
    {
        var community = await CommunityAsync(host);
        var building = await BuildingOfAsync(host, "resident");
        var voteId = await OpenVoteAsync(host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting,
            Secrecy.Secret, BallotChannels.Online | BallotChannels.OnSite));
        var own = await RowOfAsync(host, voteId, "resident");
        var others = (await RollAsync(host, voteId)).Where(e => e.Id != own.Id).ToList();
        Assert.True(others.Count >= 2, "the resident's building needs at least three adults");
        var seal = host.Services.GetRequiredService<BallotSeal>();
        bool postgres;
        await using (var db = await host.NewDbContextAsync(Ct)) postgres = db.Database.IsNpgsql();

        // The burst: the resident online while the secretary tries the same resident on site, and every other elector but
        // the last recorded on site, all at once.
        var last = others[^1];
        var choices = new Dictionary<int, int> { [own.Id] = BallotQuestion.Agree };
        foreach (var (elector, i) in others.SkipLast(1).Select((e, i) => (e, i))) choices[elector.Id] = i % 3 == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
        var online = As(host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        var secondChannel = As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Disagree], own.Id), Ct));
        var onSite = others.SkipLast(1).Select(e => As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [choices[e.Id]], e.Id), Ct))).ToList();
        var ownPair = await Task.WhenAll(online, secondChannel);
        var ownWinner = Assert.Single(ownPair, r => r.Succeeded);
        Assert.Equal(ResultOutcome.Conflict, Assert.Single(ownPair, r => !r.Succeeded).Outcome);
        if (ownWinner == ownPair[1]) choices[own.Id] = BallotQuestion.Disagree;
        var receipts = new List<(string Code, int Choice)> { (ownWinner.Value!.ReceiptCode!, choices[own.Id]) };
        foreach (var (cast, elector) in (await Task.WhenAll(onSite)).Zip(others.SkipLast(1)))
        {
            Assert.True(cast.Succeeded, host.TextOf(cast));
            receipts.Add((cast.Value!.ReceiptCode!, choices[elector.Id]));
        }

        if (postgres)
        {
            // Before the sweep every ballot still carries the transaction id its batch wrote it with, which its
            // participation and the batch's other participations carry too (decision 0037): the window the sweep closes.
            Assert.Contains(voteId, seal.Marked);
            var (before, participations) = await XminsAsync(host, voteId);
            Assert.All(before, xmin => Assert.Contains(xmin, participations));

            Assert.True(await seal.RunOnceAsync(Ct) >= 1);
            Assert.DoesNotContain(voteId, seal.Marked);
            var (ballots, _) = await XminsAsync(host, voteId);
            Assert.Equal(receipts.Count, ballots.Count);
            Assert.Single(ballots.Distinct());
            Assert.Empty(ballots.Intersect(participations));
            Assert.Empty(ballots.Intersect(before));
        }
        else
        {
            Assert.Empty(seal.Marked);
            Assert.Equal(0, await seal.RunOnceAsync(Ct));
        }

        // A ballot after the sweep; then the portal "restarts" before the next round: a fresh sweep finds the open secret
        // vote by itself and seals it.
        var late = await As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Agree], last.Id), Ct));
        Assert.True(late.Succeeded, host.TextOf(late));
        receipts.Add((late.Value!.ReceiptCode!, BallotQuestion.Agree));
        if (postgres)
        {
            var (ballots, participations) = await XminsAsync(host, voteId);
            Assert.Equal(2, ballots.Distinct().Count());

            var restarted = new BallotSeal(host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), TimeProvider.System,
                host.Services.GetRequiredService<IConfiguration>(), NullLogger<BallotSeal>.Instance);
            Assert.Empty(restarted.Marked);
            Assert.True(await restarted.RunOnceAsync(Ct) >= 1);
            (ballots, participations) = await XminsAsync(host, voteId);
            Assert.Equal(receipts.Count, ballots.Count);
            Assert.Single(ballots.Distinct());
            Assert.Empty(ballots.Intersect(participations));
        }

        // The count is exact: every receipt with its choice, and the headcounts.
        var closed = await As(host, "secretary", async s => await s.CloseAsync(voteId, await VersionAsync(host, voteId), Ct));
        Assert.True(closed.Succeeded, host.TextOf(closed));
        var results = await As(host, "resident", s => s.ResultsAsync(voteId, Ct));
        Assert.Equal(receipts.Order(), results!.Receipts.Select(r => (r.ReceiptCode, Assert.Single(r.Choices))).Order());
        Assert.Equal(receipts.Count(r => r.Choice == BallotQuestion.Agree), results.Verdict.Options[BallotQuestion.Agree].Support.Headcount);
        Assert.Equal(receipts.Count(r => r.Choice == BallotQuestion.Disagree), results.Verdict.Options[BallotQuestion.Disagree].Support.Headcount);
        Assert.Equal(receipts.Count, results.Verdict.Present!.Value.Headcount);
    }

    /// <summary>The transaction ids (xmin) of the vote's secret ballots and of its participations (PostgreSQL).</summary>
    private static async Task<(List<long> Ballots, List<long> Participations)> XminsAsync(PortalHost host, int voteId)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        var ballots = await db.Database.SqlQuery<long>($"""SELECT xmin::text::bigint AS "Value" FROM "SecretBallots" WHERE "VoteId" = {voteId}""").ToListAsync(Ct);
        var participations = await db.Database.SqlQuery<long>($"""SELECT xmin::text::bigint AS "Value" FROM "VoteParticipations" WHERE "VoteId" = {voteId}""").ToListAsync(Ct);
        return (ballots, participations);
    }
}

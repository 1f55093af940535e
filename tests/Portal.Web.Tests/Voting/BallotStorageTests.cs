using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting;

/// <summary>
/// One ballot per elector across channels under concurrency, and the secret ballot's storage (decision 0030): no column,
/// key, audit entry or (on PostgreSQL, after the re-seal) system column joins a secret ballot to its participation.
/// Each check runs on SQLite (the fixture) and on a fresh PostgreSQL database.
/// </summary>
public sealed class BallotStorageTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Two_channels_at_once_for_one_elector_exactly_one_wins_on_SQLite() => TwoChannelsAtOnceAsync(fixture.Host);

    [Fact]
    public Task Two_channels_at_once_for_one_elector_exactly_one_wins_on_PostgreSQL() =>
        PostgresPortalTests.OnFreshPostgresAsync("votes-race", TwoChannelsAtOnceAsync);

    [Fact]
    public Task Nothing_joins_a_secret_ballot_to_its_voter_on_SQLite() => SecretBallotsAsync(fixture.Host);

    [Fact]
    public Task Nothing_joins_a_secret_ballot_to_its_voter_on_PostgreSQL() =>
        PostgresPortalTests.OnFreshPostgresAsync("votes-secret", SecretBallotsAsync);

    private static async Task TwoChannelsAtOnceAsync(PortalHost host)
    {
        var community = await CommunityAsync(host);
        var voteId = await OpenVoteAsync(host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.VillagersMeetingByHouseholds));
        var roll = await RollAsync(host, voteId);
        var resident = await RowOfAsync(host, voteId, "resident");

        // The resident online against the secretary's paper ballot for the same household, then for other electors the
        // secretary's paper ballot against the secretary's door-to-door record, each pair started together.
        var races = new List<(Task<Portal.Web.Kit.Results.Result<CastReceipt>> A, Task<Portal.Web.Kit.Results.Result<CastReceipt>> B)>
        {
            (As(host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct)),
             As(host, "secretary", s => s.CastAsync(Paper(voteId, resident.Id, "R-0", BallotQuestion.Disagree), Ct))),
        };
        foreach (var (elector, i) in roll.Where(e => e.Id != resident.Id).Take(4).Select((e, i) => (e, i)))
            races.Add((As(host, "secretary", s => s.CastAsync(Paper(voteId, elector.Id, $"R-{i + 1}"), Ct)),
                As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.DoorToDoor, [BallotQuestion.Disagree], elector.Id, Evidence: Scan("sig.jpg")), Ct))));

        foreach (var (a, b) in races)
        {
            var results = await Task.WhenAll(a, b);
            Assert.Single(results, r => r.Succeeded);
            var loser = Assert.Single(results, r => !r.Succeeded);
            Assert.Equal(ResultOutcome.Conflict, loser.Outcome);
            Assert.StartsWith("已于 ", host.TextOf(loser));
        }
        await using var db = await host.NewDbContextAsync(Ct);
        Assert.Equal(races.Count, await db.VoteParticipations.CountAsync(p => p.VoteId == voteId, Ct));
        Assert.Equal(races.Count, await db.NamedBallots.CountAsync(b => b.VoteId == voteId, Ct));
        var turnout = await As(host, "secretary", s => s.TurnoutAsync(voteId, Ct));
        Assert.Equal(races.Count, turnout!.Participants);
    }

    private static async Task SecretBallotsAsync(PortalHost host)
    {
        var community = await CommunityAsync(host);
        var building = await BuildingOfAsync(host, "resident");
        var voteId = await OpenVoteAsync(host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting,
            Secrecy.Secret, BallotChannels.Online | BallotChannels.OnSite));
        var roll = await RollAsync(host, voteId);
        var own = await RowOfAsync(host, voteId, "resident");
        var others = roll.Where(e => e.Id != own.Id).ToList();

        var receipts = new List<(string Code, int Choice)>();
        var mine = await As(host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        Assert.True(mine.Succeeded, host.TextOf(mine));
        receipts.Add((mine.Value!.ReceiptCode!, BallotQuestion.Agree));
        for (var i = 0; i < others.Count; i++)
        {
            var choice = i % 3 == 0 ? BallotQuestion.Disagree : BallotQuestion.Agree;
            var cast = await As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [choice], others[i].Id), Ct));
            Assert.True(cast.Succeeded, host.TextOf(cast));
            receipts.Add((cast.Value!.ReceiptCode!, choice));
        }
        Assert.Equal(receipts.Count, receipts.Select(r => r.Code).Distinct().Count());

        await using (var db = await host.NewDbContextAsync(Ct))
        {
            // Schema: the secret ballot has the vote, the choices, the receipt and a random key; the participation no choice.
            var ballot = db.Model.FindEntityType(typeof(SecretBallot))!;
            Assert.Equal(["Choices", "Id", "ReceiptCode", "VoteId"], ballot.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal([typeof(Vote)], ballot.GetForeignKeys().Select(f => f.PrincipalEntityType.ClrType));
            Assert.Equal(typeof(Guid), ballot.FindPrimaryKey()!.Properties.Single().ClrType);
            var participation = db.Model.FindEntityType(typeof(Participation))!;
            Assert.DoesNotContain(participation.GetProperties(), p => p.Name.Contains("Choice", StringComparison.Ordinal) || p.Name.Contains("Receipt", StringComparison.Ordinal));
            Assert.DoesNotContain(db.Model.GetEntityTypes(), t => t.GetForeignKeys().Any(f => f.PrincipalEntityType.ClrType == typeof(SecretBallot)));
            // Neither an audit entry (its time and author) nor a live event names a secret ballot.
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SecretBallot), Ct));
            Assert.Equal(receipts.Count, await db.SecretBallots.CountAsync(b => b.VoteId == voteId, Ct));
            Assert.Equal(0, await db.NamedBallots.CountAsync(b => b.VoteId == voteId, Ct));

            if (db.Database.IsNpgsql())
            {
                // After the re-seal (the sweep's next round, run here rather than waited for) the vote's ballots share one
                // transaction id, which no participation has.
                await host.Services.GetRequiredService<BallotSeal>().RunOnceAsync(Ct);
                var ballotXmins = await db.Database.SqlQuery<string>($"""SELECT xmin::text AS "Value" FROM "SecretBallots" WHERE "VoteId" = {voteId}""").ToListAsync(Ct);
                var participationXmins = await db.Database.SqlQuery<string>($"""SELECT xmin::text AS "Value" FROM "VoteParticipations" WHERE "VoteId" = {voteId}""").ToListAsync(Ct);
                Assert.Single(ballotXmins.Distinct());
                Assert.Empty(ballotXmins.Intersect(participationXmins));
            }
            else
            {
                // WITHOUT ROWID: there is no rowid to order the ballots by.
                var noRowid = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "SecretBallots" """).ToListAsync(Ct));
                Assert.Contains("rowid", noRowid.Message, StringComparison.OrdinalIgnoreCase);
            }
        }

        var closed = await As(host, "secretary", async s => await s.CloseAsync(voteId, await VersionAsync(host, voteId), Ct));
        Assert.True(closed.Succeeded, host.TextOf(closed));
        var results = await As(host, "resident", s => s.ResultsAsync(voteId, Ct));
        Assert.Empty(results!.Named);
        Assert.Equal(receipts.Select(r => (r.Code, r.Choice)).Order(), results.Receipts.Select(r => (r.ReceiptCode, Assert.Single(r.Choices))).Order());
        var agree = receipts.Count(r => r.Choice == BallotQuestion.Agree);
        Assert.Equal(agree, results.Verdict.Options[BallotQuestion.Agree].Support.Headcount);
        Assert.Equal(receipts.Count, results.Verdict.Present!.Value.Headcount);
    }
}

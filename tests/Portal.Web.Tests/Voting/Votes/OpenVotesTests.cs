using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;
using ResultOutcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Voting.Votes;

/// <summary>
/// Casts read an open vote and its frozen roll from memory (decision 0038); the database still decides whether the vote
/// is open. A vote closed behind this node's back (another node's close) is refused at the write and read again after.
/// </summary>
public sealed class OpenVotesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vote_closed_by_another_node_after_it_was_read_refuses_the_next_casts_and_stores_nothing()
    {
        using var host = new PortalHost();
        var community = await CommunityAsync(host);
        var building = await BuildingOfAsync(host, "resident");
        var voteId = await OpenVoteAsync(host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting,
            channels: BallotChannels.Online | BallotChannels.OnSite));
        var own = await RowOfAsync(host, voteId, "resident");
        var others = (await RollAsync(host, voteId)).Where(e => e.Id != own.Id).Take(2).ToList();

        // The first cast reads the vote and its roll into memory.
        var first = await As(host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        Assert.True(first.Succeeded, first.Outcome.ToString());

        // Another node closes it: only the database knows.
        await TestAccounts.DbAsync(host, db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "Votes" SET "Status" = {(int)VoteStatus.Closed} WHERE "Id" = {voteId}""", Ct));

        // The next cast passes the check from memory but the writer finds it closed; the one after reads it afresh.
        foreach (var elector in others)
        {
            var refused = await As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Agree], elector.Id), Ct));
            Assert.Equal(ResultOutcome.Invalid, refused.Outcome);
            Assert.Equal("表决未在进行中，不能投票或结束。", host.TextOf(refused));
        }
        Assert.Equal(1, await TestAccounts.DbAsync(host, db => db.VoteParticipations.CountAsync(p => p.VoteId == voteId, Ct)));
    }

    [Fact]
    public async Task A_vote_closed_here_is_forgotten_at_once()
    {
        using var host = new PortalHost();
        var community = await CommunityAsync(host);
        var building = await BuildingOfAsync(host, "resident");
        var voteId = await OpenVoteAsync(host, Form(community, new MatterScope(MatterScopeKind.Building, building), ShippedRuleSets.ResidentsMeeting,
            channels: BallotChannels.Online | BallotChannels.OnSite));
        var own = await RowOfAsync(host, voteId, "resident");
        var other = (await RollAsync(host, voteId)).First(e => e.Id != own.Id);
        Assert.True((await As(host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct))).Succeeded);

        var version = await VersionAsync(host, voteId);
        Assert.True((await As(host, "secretary", s => s.CloseAsync(voteId, version, Ct))).Succeeded);

        var (vote, roll) = await host.Services.GetRequiredService<OpenVotes>().GetAsync(voteId, Ct);
        Assert.Equal(VoteStatus.Closed, vote!.Status);
        Assert.Null(roll);
        var refused = await As(host, "secretary", s => s.CastAsync(new CastCommand(voteId, BallotChannel.OnSite, [BallotQuestion.Agree], other.Id), Ct));
        Assert.Equal(ResultOutcome.Invalid, refused.Outcome);
    }
}

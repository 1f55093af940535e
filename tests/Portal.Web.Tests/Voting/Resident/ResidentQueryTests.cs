using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;

namespace Portal.Web.Tests.Voting.Resident;

/// <summary>The residents' pages' queries: "my votes" in its three groups, and one vote with the resident's standing and presence.</summary>
public sealed class ResidentQueryTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task My_votes_moves_a_vote_from_to_vote_to_voted_to_closed_with_its_verdict_and_shows_nothing_to_another_community()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community),
            ShippedRuleSets.VillagersMeetingByHouseholds, title: "我的表决" + Guid.NewGuid().ToString("N")[..6]));

        var before = await As(Host, "resident", s => s.MyVotesAsync(Ct));
        var row = Assert.Single(before.ToVote, r => r.Id == voteId);
        Assert.False(row.HasVoted);
        Assert.DoesNotContain(before.Voted, r => r.Id == voteId);
        Assert.DoesNotContain((await As(Host, "resident2", s => s.MyVotesAsync(Ct))).ToVote, r => r.Id == voteId);

        var cast = await As(Host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Agree]), Ct));
        Assert.True(cast.Succeeded, Host.TextOf(cast));
        var voted = Assert.Single((await As(Host, "resident", s => s.MyVotesAsync(Ct))).Voted, r => r.Id == voteId);
        Assert.Equal((cast.Value!.CastAtUtc, BallotChannel.Online), (voted.CastAtUtc, voted.Channel));

        var version = await VersionAsync(Host, voteId);
        var closed = await As(Host, "secretary", s => s.CloseAsync(voteId, version, Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        var after = await As(Host, "resident", s => s.MyVotesAsync(Ct));
        var done = Assert.Single(after.Closed, r => r.Id == voteId);
        Assert.NotNull(done.Outcome);
        Assert.NotNull(done.ClosedAtUtc);
        Assert.DoesNotContain(after.ToVote.Concat(after.Voted), r => r.Id == voteId);
    }

    [Fact]
    public async Task A_draft_is_nobody_s_vote_yet()
    {
        var community = await CommunityAsync(Host);
        var created = await As(Host, "secretary", s => s.CreateAsync(Form(community, new MatterScope(MatterScopeKind.Community, community),
            ShippedRuleSets.VillagersMeetingByHouseholds), Ct));
        Assert.True(created.Succeeded, Host.TextOf(created));

        Assert.Null(await As(Host, "resident", s => s.ResidentVoteAsync(created.Id, Ct)));
        Assert.NotNull(await As(Host, "secretary", s => s.ResidentVoteAsync(created.Id, Ct)));
        var mine = await As(Host, "resident", s => s.MyVotesAsync(Ct));
        Assert.DoesNotContain(mine.ToVote.Concat(mine.Voted).Concat(mine.Closed), r => r.Id == created.Id);
    }

    [Fact]
    public async Task The_ballot_page_s_read_gives_the_standing_the_rule_and_presence_and_nothing_to_another_community()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.VillagersMeetingByHouseholds));

        var before = await As(Host, "resident", s => s.ResidentVoteAsync(voteId, Ct));
        Assert.Equal((MyBallotState.MayVote, true, false), (before!.Mine.State, before.CountsPresence, before.IsPresent));
        Assert.Equal(ShippedRuleSets.VillagersMeetingByHouseholds.Code, before.Rule.Code);

        var present = await As(Host, "resident", s => s.MarkPresentAsync(voteId, null, Ct));
        Assert.True(present.Succeeded, Host.TextOf(present));
        Assert.True((await As(Host, "resident", s => s.ResidentVoteAsync(voteId, Ct)))!.IsPresent);

        Assert.Null(await As(Host, "resident2", s => s.ResidentVoteAsync(voteId, Ct)));
    }
}

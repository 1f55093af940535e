using System.Net;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Tests.Accounts;
using static Portal.Web.Tests.Voting.VotingTestData;

namespace Portal.Web.Tests.Voting.Resident;

/// <summary>The residents' vote pages as the server renders them (before the circuit starts), with the real services and rights.</summary>
public sealed class ResidentPagesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private async Task<string> PageAsync(string user, string path)
    {
        using var client = await PortalClient.SignedInAsync(Host.BaseAddress, user);
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_resident_finds_the_vote_in_my_votes_opens_its_ballot_and_after_the_close_its_result()
    {
        var community = await CommunityAsync(Host);
        var title = "页面表决" + Guid.NewGuid().ToString("N")[..6];
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community),
            ShippedRuleSets.VillagersMeetingByHouseholds, title: title));

        var mine = await PageAsync("resident", "/votes/mine");
        Assert.Contains(title, mine);
        Assert.Contains($"/votes/{voteId}/ballot", mine);

        var ballot = await PageAsync("resident", $"/votes/{voteId}/ballot");
        Assert.Contains(title, ballot);
        Assert.Contains("data-testid=\"ballot-option-0\"", ballot);
        Assert.Contains("再看同意", ballot);
        Assert.Contains("data-testid=\"ballot-option-0\"", await PageAsync("resident", $"/votes/{voteId}/onsite"));
        Assert.Contains("data-testid=\"result-not-yet\"", await PageAsync("resident", $"/votes/{voteId}/result"));

        var cast = await As(Host, "resident", s => s.CastAsync(new CastCommand(voteId, BallotChannel.Online, [BallotQuestion.Disagree]), Ct));
        Assert.True(cast.Succeeded, Host.TextOf(cast));
        Assert.Contains("data-testid=\"ballot-already-voted\"", await PageAsync("resident", $"/votes/{voteId}/ballot"));

        var version = await VersionAsync(Host, voteId);
        Assert.True((await As(Host, "secretary", s => s.CloseAsync(voteId, version, Ct))).Succeeded);
        var result = await PageAsync("resident", $"/votes/{voteId}/result");
        Assert.Contains("data-testid=\"result-verdict\"", result);
        Assert.Contains("data-testid=\"named-row\"", result);
    }

    [Fact]
    public async Task A_resident_of_another_community_is_denied_every_page_of_the_vote()
    {
        var community = await CommunityAsync(Host);
        var voteId = await OpenVoteAsync(Host, Form(community, new MatterScope(MatterScopeKind.Community, community), ShippedRuleSets.VillagersMeetingByHouseholds));

        foreach (var page in new[] { "ballot", "onsite", "result" })
            Assert.Contains("data-testid=\"access-denied\"", await PageAsync("resident2", $"/votes/{voteId}/{page}"));
    }
}

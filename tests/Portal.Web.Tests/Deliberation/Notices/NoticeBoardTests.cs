using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Deliberation.VoteLinks;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.ListsDeadlines;
using Portal.Web.Tests.Voting;

namespace Portal.Web.Tests.Deliberation.Notices;

/// <summary>
/// What the notice pages read through <see cref="NoticeService"/>: the board of open notices of the caller's community,
/// and the session page's notice section (publishable when the step needs it, the linked closed vote for the text).
/// </summary>
public sealed class NoticeBoardTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<NoticeService, Task<T>> action) => Host.AsAsync(user, action);

    /// <summary>A session of 青年湖社区 whose one step needs the vote and then the notice.</summary>
    private Task<int> SessionAsync(string title) => DeliberationTestData.SessionAsync(Host, title,
        ProcedureStep.Of("定事公示", PortalRole.CommunitySecretary, null, EvidenceKind.Vote, EvidenceKind.PublicNotice));

    [Fact]
    public async Task The_section_offers_publishing_with_the_closed_linked_vote_and_then_shows_the_notice()
    {
        var sessionId = await SessionAsync("公示栏议题");
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var voteId = await VotingTestData.OpenVoteAsync(Host, VotingTestData.Form(home, new MatterScope(MatterScopeKind.Community, home), ShippedRuleSets.ResidentsMeeting, title: "公示栏表决"));
        Assert.True((await Host.AsAsync<VoteLinkService, Result<SessionVotes>>("secretary", s => s.LinkAsync(sessionId, 0, voteId, Ct))).Succeeded);

        var beforeClose = await As("secretary", s => s.ForSessionAsync(sessionId, Ct));
        Assert.Equal((true, (DecidingVote?)null, (NoticeView?)null), (beforeClose!.CanPublish, beforeClose.Vote, beforeClose.Latest));
        Assert.False((await As("resident", s => s.ForSessionAsync(sessionId, Ct)))!.CanPublish);
        Assert.True((await VotingTestData.As(Host, "secretary", async s => await s.CloseAsync(voteId, await VotingTestData.VersionAsync(Host, voteId), Ct))).Succeeded);
        var vote = (await As("secretary", s => s.ForSessionAsync(sessionId, Ct)))!.Vote;
        Assert.Equal((voteId, "公示栏表决"), (vote!.Id, vote.Title));
        Assert.NotNull(vote.Outcome);

        var published = await As("secretary", s => s.PublishAsync(sessionId, 5, "同意加装。", Ct));
        Assert.True(published.Succeeded, Host.TextOf(published));
        var after = await As("secretary", s => s.ForSessionAsync(sessionId, Ct));
        Assert.Equal((false, published.Id, "同意加装。", 5), (after!.CanPublish, after.Latest!.Id, after.Latest.Text, after.Latest.PeriodDays));
    }

    [Fact]
    public async Task The_board_shows_open_notices_to_their_community_only_and_an_empty_text_is_refused()
    {
        var sessionId = await SessionAsync("公示栏可见性");
        var (_, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, other);

        Assert.Equal("请填写公示的决定内容（不超过4000字）。", Host.TextOf(await As("secretary", s => s.PublishAsync(sessionId, 7, "  ", Ct))));
        var id = (await As("secretary", s => s.PublishAsync(sessionId, 7, "停车规则调整。", Ct))).Id;
        Assert.True((await As("resident", s => s.FileObjectionAsync(id, "夜间车位不足。", Ct))).Succeeded);

        var card = Assert.Single(await As("resident", s => s.OpenAsync(Ct)), c => c.Id == id);
        Assert.Equal((sessionId, "公示栏可见性", "停车规则调整。", true, 1, 1), (card.SessionId, card.SessionTitle, card.Text, card.IsInWindow, card.ObjectionCount, card.UnansweredCount));
        Assert.DoesNotContain(await As(outsider, s => s.OpenAsync(Ct)), c => c.Id == id);
        Assert.Null(await As(outsider, s => s.ForSessionAsync(sessionId, Ct)));
    }
}

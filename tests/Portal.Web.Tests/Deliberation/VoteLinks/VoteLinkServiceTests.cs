using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.VoteLinks;
using Portal.Web.Features.Voting.Votes;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Voting;
using Outcome = Portal.Web.Kit.Results.Outcome;

namespace Portal.Web.Tests.Deliberation.VoteLinks;

/// <summary>
/// The vote deciding a session step through the real <see cref="VoteLinkService"/>: a manager links a vote of the
/// session's community and scope to the step that needs one, once; the step then completes with that vote only when it
/// is closed, and never with a vote that is not linked to it.
/// </summary>
public sealed class VoteLinkServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<VoteLinkService, Task<T>> action) => Host.AsAsync(user, action);

    /// <summary>A session of 青年湖社区 (community scope) whose only step needs a vote.</summary>
    private Task<int> SessionAtVoteStepAsync(string title) =>
        DeliberationTestData.SessionAsync(Host, title, ProcedureStep.Of("民主定事", PortalRole.CommunitySecretary, null, EvidenceKind.Vote));

    private async Task<int> VoteAsync(MatterScope? scope = null)
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        return await VotingTestData.OpenVoteAsync(Host, VotingTestData.Form(home, scope ?? new MatterScope(MatterScopeKind.Community, home), ShippedRuleSets.ResidentsMeeting));
    }

    private async Task<Result<SessionTimeline>> CompleteAsync(int sessionId, int voteId)
    {
        var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));
        return await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.Vote, voteId)], Ct));
    }

    [Fact]
    public async Task A_linked_vote_shows_on_the_session_and_completes_the_step_once_closed()
    {
        var sessionId = await SessionAtVoteStepAsync("表决关联");
        var voteId = await VoteAsync();

        var linked = await As("secretary", s => s.LinkAsync(sessionId, 0, voteId, Ct));
        Assert.True(linked.Succeeded, Host.TextOf(linked));
        var step = Assert.Single(linked.Value!.Steps);
        Assert.Equal((0, voteId, VoteStatus.Open, false, true), (step.StepIndex, step.Vote!.VoteId, step.Vote.Status, step.CanLink, step.CanUnlink));
        var seenByResident = Assert.Single((await As("resident", s => s.ForSessionAsync(sessionId, Ct)))!.Steps);
        Assert.Equal((voteId, false, false), (seenByResident.Vote!.VoteId, seenByResident.CanLink, seenByResident.CanUnlink));
        Assert.DoesNotContain(await As("secretary", s => s.LinkableAsync(sessionId, Ct)), v => v.Id == voteId);

        Assert.Equal("佐证材料尚未完成（如任务未销号），不能作为佐证。", Host.TextOf(await CompleteAsync(sessionId, voteId)));
        var closed = await VotingTestData.As(Host, "secretary", async s => await s.CloseAsync(voteId, await VotingTestData.VersionAsync(Host, voteId), Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        var done = await CompleteAsync(sessionId, voteId);
        Assert.True(done.Succeeded, Host.TextOf(done));

        var after = Assert.Single((await As("secretary", s => s.ForSessionAsync(sessionId, Ct)))!.Steps);
        Assert.Equal((true, false, false, VoteStatus.Closed), (after.IsCompleted, after.CanLink, after.CanUnlink, after.Vote!.Status));
        var unlink = await As("secretary", s => s.UnlinkAsync(after.Vote.LinkId, after.Vote.LinkVersion, Ct));
        Assert.Equal("该步骤不需要表决，或已经完成。", Host.TextOf(unlink));
    }

    [Fact]
    public async Task A_closed_vote_that_is_not_linked_to_the_step_is_no_evidence()
    {
        var sessionId = await SessionAtVoteStepAsync("未关联表决");
        var voteId = await VoteAsync();
        Assert.True((await VotingTestData.As(Host, "secretary", async s => await s.CloseAsync(voteId, await VotingTestData.VersionAsync(Host, voteId), Ct))).Succeeded);

        Assert.Equal("佐证材料不存在或不属于本社区。", Host.TextOf(await CompleteAsync(sessionId, voteId)));
    }

    [Fact]
    public async Task Only_a_manager_links_one_vote_per_step_of_the_sessions_scope_and_may_unlink_it_before_completion()
    {
        var sessionId = await SessionAtVoteStepAsync("表决关联权限");
        var otherScope = await VoteAsync(new MatterScope(MatterScopeKind.Building, await VotingTestData.BuildingOfAsync(Host, "resident")));
        var first = await VoteAsync();
        var second = await VoteAsync();

        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.LinkAsync(sessionId, 0, first, Ct))).Outcome);
        Assert.Equal("找不到该表决，或它不属于本议事的社区和范围。", Host.TextOf(await As("secretary", s => s.LinkAsync(sessionId, 0, otherScope, Ct))));
        Assert.DoesNotContain(await As("secretary", s => s.LinkableAsync(sessionId, Ct)), v => v.Id == otherScope);
        Assert.True((await As("secretary", s => s.LinkAsync(sessionId, 0, first, Ct))).Succeeded);
        Assert.Equal("该步骤已关联表决，或该表决已关联其他议事。", Host.TextOf(await As("secretary", s => s.LinkAsync(sessionId, 0, second, Ct))));

        var linked = Assert.Single((await As("secretary", s => s.ForSessionAsync(sessionId, Ct)))!.Steps).Vote!;
        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.UnlinkAsync(linked.LinkId, linked.LinkVersion, Ct))).Outcome);
        Assert.True((await As("secretary", s => s.UnlinkAsync(linked.LinkId, linked.LinkVersion, Ct))).Succeeded);
        Assert.True((await As("secretary", s => s.LinkAsync(sessionId, 0, second, Ct))).Succeeded);
        Assert.Equal(second, Assert.Single((await As("secretary", s => s.ForSessionAsync(sessionId, Ct)))!.Steps).Vote!.VoteId);
    }
}

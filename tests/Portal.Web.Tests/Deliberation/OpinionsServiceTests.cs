using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// Opinions and the plan through the real services: the plan's versions and their diff, opinions posted in the comment
/// window (sanitized), supports one per person, hiding by the community's managers (audited, text kept, reason shown),
/// both as a step's evidence, the live channel, and the rights (another community sees nothing, a resident cannot hide).
/// </summary>
public sealed class OpinionServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<OpinionService, Task<T>> action) => Host.AsAsync(user, action);
    private Task<T> Plan<T>(string user, Func<PlanService, Task<T>> action) => Host.AsAsync(user, action);

    /// <summary>拟方案 (plan document), 开言路 (opinions, 7 days), 定事 (vote).</summary>
    private Task<int> SessionAsync(string title) => DeliberationTestData.SessionAsync(Host, title,
        ProcedureStep.Of("拟方案", PortalRole.CommunitySecretary, null, EvidenceKind.PlanDocument),
        ProcedureStep.Of("开言路", PortalRole.CommunitySecretary, 7, EvidenceKind.Opinions),
        ProcedureStep.Of("定事", PortalRole.CommunitySecretary, null, EvidenceKind.Vote));

    private Task<Result<SessionTimeline>> CompleteAsync(int sessionId, int step, params EvidenceRef[] evidence) =>
        Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", async s =>
        {
            var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(x => x.Id == sessionId).Select(x => x.Version).SingleAsync(Ct));
            return await s.CompleteStepAsync(sessionId, version, step, evidence, Ct);
        });

    /// <summary>A session in its comment window, with plan v1 written and the plan step completed on it; (session, v1 id).</summary>
    private async Task<(int Session, int Plan)> InCommentWindowAsync(string title)
    {
        var sessionId = await SessionAsync(title);
        var v1 = await Plan("secretary", s => s.WriteAsync(sessionId, null, "# 方案\n施工时间：9:00-18:00", null, Ct));
        Assert.True(v1.Succeeded, Host.TextOf(v1));
        var done = await CompleteAsync(sessionId, 0, new EvidenceRef(EvidenceKind.PlanDocument, v1.Id));
        Assert.True(done.Succeeded, Host.TextOf(done));
        return (sessionId, v1.Id);
    }

    private Task<Opinion> OpinionAsync(int id) => TestAccounts.DbAsync(Host, db => db.Opinions.AsNoTracking().SingleAsync(o => o.Id == id, Ct));

    [Fact]
    public async Task An_opinion_is_posted_sanitized_on_the_current_plan_version_supported_once_and_completes_the_step()
    {
        var (sessionId, planId) = await InCommentWindowAsync("意见全流程");
        var before = await As("resident", s => s.SectionAsync(sessionId, OpinionSort.Support, Ct));
        Assert.Equal(("开言路", true, false, (int?)1), (before!.WindowStepName, before.CanPost, before.CanModerate, before.PlanNumber));

        var posted = await As("resident", s => s.PostAsync(sessionId, "建议**避开午休**<script>alert(1)</script>", Ct));
        Assert.True(posted.Succeeded, Host.TextOf(posted));
        Assert.Equal(planId, (await OpinionAsync(posted.Id)).PlanVersionId);
        var supporter = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Home);

        var row = Assert.Single((await As(supporter, s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions);
        Assert.Contains("<strong>避开午休</strong>", row.Html);
        Assert.DoesNotContain("<script", row.Html);
        Assert.Equal((false, true, 0, 1), (row.IsMine, row.CanSupport, row.Supports, row.PlanNumber));

        Assert.True((await As(supporter, s => s.SupportAsync(posted.Id, Ct))).Succeeded);
        Assert.Equal("您已经支持过这条意见。", Host.TextOf(await As(supporter, s => s.SupportAsync(posted.Id, Ct))));
        Assert.Equal("不能支持自己的意见。", Host.TextOf(await As("resident", s => s.SupportAsync(posted.Id, Ct))));
        var mine = Assert.Single((await As("resident", s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions);
        Assert.Equal((true, 1, false, false), (mine.IsMine, mine.Supports, mine.SupportedByMe, mine.CanSupport));

        Assert.True((await As(supporter, s => s.WithdrawSupportAsync(posted.Id, Ct))).Succeeded);
        Assert.Equal("您尚未支持这条意见。", Host.TextOf(await As(supporter, s => s.WithdrawSupportAsync(posted.Id, Ct))));
        Assert.True((await As(supporter, s => s.SupportAsync(posted.Id, Ct))).Succeeded);

        var done = await CompleteAsync(sessionId, 1, new EvidenceRef(EvidenceKind.Opinions, posted.Id));
        Assert.True(done.Succeeded, Host.TextOf(done));
        Assert.Equal("当前不在征求意见阶段，不能发表意见。", Host.TextOf(await As("resident", s => s.PostAsync(sessionId, "晚到的意见", Ct))));
        Assert.Equal("该意见的征求期已结束，不能再支持或取消支持。", Host.TextOf(await As(supporter, s => s.WithdrawSupportAsync(posted.Id, Ct))));
        Assert.Equal(1, Assert.Single((await As("resident", s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions).Supports);
    }

    [Fact]
    public async Task A_moderator_hides_with_a_reason_audited_the_author_still_reads_it_and_it_is_no_longer_evidence()
    {
        var (sessionId, _) = await InCommentWindowAsync("隐藏意见");
        var posted = await As("resident", s => s.PostAsync(sessionId, "楼上住户电话 138xxxx", Ct));
        var other = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Home);

        var empty = await As("secretary", async s => await s.HideAsync(posted.Id, (await OpinionAsync(posted.Id)).Version, " ", Ct));
        Assert.Equal("请填写隐藏原因，最多 500 字。", Host.TextOf(empty, OpinionService.ReasonField));
        var hidden = await As("secretary", async s => await s.HideAsync(posted.Id, (await OpinionAsync(posted.Id)).Version, "含有他人电话号码", Ct));
        Assert.True(hidden.Succeeded, Host.TextOf(hidden));

        var stored = await OpinionAsync(posted.Id);
        Assert.Equal(("楼上住户电话 138xxxx", "含有他人电话号码"), (stored.BodyMarkdown, stored.HiddenReason));
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Opinion) && a.EntityId == posted.Id.ToString()).OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["resident", "secretary"], audit.Select(a => a.UserName));
        Assert.Contains("含有他人电话号码", audit[^1].Changes);

        var byAuthor = Assert.Single((await As("resident", s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions);
        var byOther = Assert.Single((await As(other, s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions);
        var byModerator = Assert.Single((await As("secretary", s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions);
        Assert.Equal(("含有他人电话号码", true), (byAuthor.Hidden!.Reason, byAuthor.Html!.Contains("138xxxx")));
        Assert.Equal(("含有他人电话号码", (string?)null, false), (byOther.Hidden!.Reason, byOther.Html, byOther.CanSupport));
        Assert.Equal((true, false), (byModerator.Html!.Contains("138xxxx"), byModerator.CanHide));
        Assert.Equal("已隐藏的意见不能支持。", Host.TextOf(await As(other, s => s.SupportAsync(posted.Id, Ct))));

        Assert.Equal("佐证材料不存在或不属于本社区。",
            Host.TextOf(await CompleteAsync(sessionId, 1, new EvidenceRef(EvidenceKind.Opinions, posted.Id))));
    }

    [Fact]
    public async Task A_resident_of_another_community_neither_reads_nor_posts_and_a_resident_cannot_hide()
    {
        var (sessionId, _) = await InCommentWindowAsync("权限");
        var posted = await As("resident", s => s.PostAsync(sessionId, "意见", Ct));
        var stranger = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Other);
        var version = (await OpinionAsync(posted.Id)).Version;

        Assert.Null(await As(stranger, s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)));
        Assert.Equal(Outcome.NotFound, (await As(stranger, s => s.PostAsync(sessionId, "外社区意见", Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(stranger, s => s.SupportAsync(posted.Id, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(stranger, s => s.HideAsync(posted.Id, version, "理由", Ct))).Outcome);
        Assert.Equal(Outcome.NotAllowed, (await As("resident", s => s.HideAsync(posted.Id, version, "理由", Ct))).Outcome);
        Assert.Equal(Outcome.NotAllowed, (await As("secretary", s => s.PostAsync(sessionId, "书记不以居民身份发言", Ct))).Outcome);
        Assert.Null((await OpinionAsync(posted.Id)).HiddenAtUtc);

        var access = Host.Services.GetRequiredService<LiveChannelAccess>();
        Assert.True(await access.CanReadAsync(await Host.PrincipalAsync("resident"), OpinionChannels.For(sessionId), Ct));
        Assert.False(await access.CanReadAsync(await Host.PrincipalAsync(stranger), OpinionChannels.For(sessionId), Ct));
        Assert.False(await access.CanReadAsync(TestAccounts.Anonymous, OpinionChannels.For(sessionId), Ct));
    }

    [Fact]
    public async Task A_new_opinion_and_a_support_go_out_live_on_the_sessions_channel()
    {
        var (sessionId, _) = await InCommentWindowAsync("实时");
        var received = new List<string>();
        var two = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Host.Services.GetRequiredService<LiveEventBus>().Subscribe(OpinionChannels.For(sessionId), e =>
        {
            lock (received)
            {
                received.Add(e.Type);
                if (received.Count == 2) two.TrySetResult();
            }
            return Task.CompletedTask;
        });

        var posted = await As("resident", s => s.PostAsync(sessionId, "实时意见", Ct));
        var supporter = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Home);
        Assert.True((await As(supporter, s => s.SupportAsync(posted.Id, Ct))).Succeeded);

        await two.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal([OpinionChannels.OpinionsChanged, OpinionChannels.OpinionsChanged], received);
    }

    [Fact]
    public async Task The_opinions_are_ordered_by_support_with_hidden_ones_last_or_newest_first()
    {
        var (sessionId, _) = await InCommentWindowAsync("排序");
        var first = await As("resident", s => s.PostAsync(sessionId, "第一条", Ct));
        var second = await As("resident", s => s.PostAsync(sessionId, "第二条", Ct));
        var third = await As("resident", s => s.PostAsync(sessionId, "第三条", Ct));
        var supporter = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Home);
        Assert.True((await As(supporter, s => s.SupportAsync(first.Id, Ct))).Succeeded);
        Assert.True((await As("secretary", async s => await s.HideAsync(third.Id, (await OpinionAsync(third.Id)).Version, "重复", Ct))).Succeeded);

        var bySupport = await As("resident", s => s.SectionAsync(sessionId, OpinionSort.Support, Ct));
        var newest = await As("resident", s => s.SectionAsync(sessionId, OpinionSort.Newest, Ct));

        Assert.Equal([first.Id, second.Id, third.Id], bySupport!.Opinions.Select(o => o.Id));
        Assert.Equal([third.Id, second.Id, first.Id], newest!.Opinions.Select(o => o.Id));
    }
}

/// <summary>
/// Storage on both databases: one person's two supports sent at once store exactly one (the unique index), the section's
/// counting query runs, and the opinion completes its step.
/// </summary>
public sealed class OpinionStorageTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Two_supports_at_once_by_one_person_store_one_on_SQLite() => TwoSupportsAtOnceAsync(fixture.Host);

    [Fact]
    public Task Two_supports_at_once_by_one_person_store_one_on_PostgreSQL() =>
        PostgresPortalTests.OnFreshPostgresAsync("opinions", TwoSupportsAtOnceAsync);

    private static async Task TwoSupportsAtOnceAsync(PortalHost host)
    {
        var sessionId = await DeliberationTestData.SessionAsync(host, "同时支持",
            ProcedureStep.Of("拟方案", PortalRole.CommunitySecretary, null, EvidenceKind.PlanDocument),
            ProcedureStep.Of("开言路", PortalRole.CommunitySecretary, 7, EvidenceKind.Opinions));
        var plan = await host.AsAsync<PlanService, Result<PlanVersionText>>("secretary", s => s.WriteAsync(sessionId, null, "方案", null, Ct));
        async Task<Result<SessionTimeline>> Complete(int step, EvidenceRef evidence)
        {
            var version = await TestAccounts.DbAsync(host, db => db.DeliberationSessions.Where(x => x.Id == sessionId).Select(x => x.Version).SingleAsync(Ct));
            return await host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.CompleteStepAsync(sessionId, version, step, [evidence], Ct));
        }
        Assert.True((await Complete(0, new EvidenceRef(EvidenceKind.PlanDocument, plan.Id))).Succeeded);
        var posted = await host.AsAsync<OpinionService, Result<OpinionRow>>("resident", s => s.PostAsync(sessionId, "意见", Ct));
        var supporter = await DeliberationTestData.ResidentOfAsync(host, (await DeliberationTestData.CommunitiesAsync(host)).Home);

        var results = await Task.WhenAll(
            host.AsAsync<OpinionService, Result>(supporter, s => s.SupportAsync(posted.Id, Ct)),
            host.AsAsync<OpinionService, Result>(supporter, s => s.SupportAsync(posted.Id, Ct)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal("您已经支持过这条意见。", host.TextOf(Assert.Single(results, r => !r.Succeeded)));
        var row = Assert.Single((await host.AsAsync<OpinionService, OpinionsSection?>(supporter, s => s.SectionAsync(sessionId, OpinionSort.Support, Ct)))!.Opinions);
        Assert.Equal((1, true, (int?)1), (row.Supports, row.SupportedByMe, row.PlanNumber));
        Assert.True((await Complete(1, new EvidenceRef(EvidenceKind.Opinions, posted.Id))).Succeeded);
    }
}

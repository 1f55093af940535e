using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Opinions;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// The plan document through the real <see cref="PlanService"/>: versions written by the community's managers from the
/// latest, a writer working on an older version told the plan moved on, any two versions compared line by line, and only
/// the latest version accepted as the step's evidence.
/// </summary>
public sealed class PlanServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<PlanService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<int> SessionAsync(string title) => DeliberationTestData.SessionAsync(Host, title,
        ProcedureStep.Of("拟方案", PortalRole.CommunitySecretary, null, EvidenceKind.PlanDocument),
        ProcedureStep.Of("定事", PortalRole.CommunitySecretary, null, EvidenceKind.Vote));

    [Fact]
    public async Task Versions_follow_each_other_compare_line_by_line_and_only_the_latest_completes_the_step()
    {
        var sessionId = await SessionAsync("方案版本");
        var v1 = await As("secretary", s => s.WriteAsync(sessionId, null, "# 加装电梯\n施工时间：9:00-18:00\n费用按面积分摊", null, Ct));
        Assert.True(v1.Succeeded, Host.TextOf(v1));
        var noSummary = await As("secretary", s => s.WriteAsync(sessionId, 1, "# 加装电梯\n施工时间：9:00-12:00\n费用按面积分摊", "", Ct));
        Assert.Equal("请填写修改说明，最多 200 字。", Host.TextOf(noSummary, PlanService.SummaryField));
        var v2 = await As("secretary", s => s.WriteAsync(sessionId, 1, "# 加装电梯\n施工时间：9:00-12:00\n费用按面积分摊\n验收后结算", "避开午休", Ct));
        Assert.True(v2.Succeeded, Host.TextOf(v2));
        var stale = await As("secretary", s => s.WriteAsync(sessionId, 1, "从第1版改的另一稿", "另一稿", Ct));
        Assert.Equal("他人刚刚保存了更新的方案版本，请查看最新版本后再修订。", Host.TextOf(stale));

        var section = await As("resident", s => s.SectionAsync(sessionId, Ct));
        Assert.Equal([(2, "避开午休"), (1, "")], section!.Versions.Select(v => (v.Number, v.ChangeSummary)));
        Assert.Equal((2, false), (section.Latest!.Number, section.CanWrite));
        Assert.Contains("<h1", section.Latest.Html);
        Assert.True((await As("secretary", s => s.SectionAsync(sessionId, Ct)))!.CanWrite);
        Assert.Equal("施工时间：9:00-18:00", (await As("resident", s => s.VersionAsync(sessionId, 1, Ct)))!.Markdown.Split('\n')[1]);

        var diff = await As("resident", s => s.DiffAsync(sessionId, 1, 2, Ct));
        Assert.Equal((1, 2, 2, 1), (diff!.From, diff.To, diff.Added, diff.Removed));
        Assert.Equal(["施工时间：9:00-18:00"], diff.Lines.Where(l => l.Kind == DiffLineKind.Removed).Select(l => l.Text));
        Assert.Null(await As("resident", s => s.DiffAsync(sessionId, 1, 3, Ct)));

        var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(x => x.Id == sessionId).Select(x => x.Version).SingleAsync(Ct));
        var outdated = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.PlanDocument, v1.Id)], Ct));
        Assert.Equal(Outcome.Invalid, outdated.Outcome);
        Assert.Equal(SessionService.ErrorEvidenceNotFinal, outdated.FormMessage!.Key);
        var done = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.PlanDocument, v2.Id)], Ct));
        Assert.True(done.Succeeded, Host.TextOf(done));
    }

    [Fact]
    public async Task A_resident_cannot_write_the_plan_and_another_community_sees_none_of_it()
    {
        var sessionId = await SessionAsync("方案权限");
        Assert.True((await As("secretary", s => s.WriteAsync(sessionId, null, "方案", null, Ct))).Succeeded);
        var stranger = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Other);

        Assert.Equal(Outcome.NotAllowed, (await As("resident", s => s.WriteAsync(sessionId, 1, "居民改的方案", "改", Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As(stranger, s => s.WriteAsync(sessionId, 1, "外社区改的方案", "改", Ct))).Outcome);
        Assert.Null(await As(stranger, s => s.SectionAsync(sessionId, Ct)));
        Assert.Null(await As(stranger, s => s.VersionAsync(sessionId, 1, Ct)));
        Assert.Null(await As(stranger, s => s.DiffAsync(sessionId, 1, 1, Ct)));
        Assert.Single((await As("resident", s => s.SectionAsync(sessionId, Ct)))!.Versions);
    }
}

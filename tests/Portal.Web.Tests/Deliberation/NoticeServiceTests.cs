using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.ListsDeadlines;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// Public notices through the real <see cref="NoticeService"/>: published for a step that needs one, objections from the
/// community's residents inside the window, answered by the secretary, closed only after the window with none unanswered,
/// and then the closed notice completing the step as its evidence.
/// </summary>
public sealed class NoticeServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<NoticeService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<PublicNotice> NoticeAsync(int id) => TestAccounts.DbAsync(Host, db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == id, Ct));

    /// <summary>A session of 青年湖社区 on a one-step procedure whose step needs the closed public notice.</summary>
    private async Task<int> SessionAtNoticeStepAsync(string title)
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var template = await Host.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "公示一步",
            Steps = [ProcedureStep.Of("公示", PortalRole.CommunitySecretary, null, EvidenceKind.PublicNotice)],
        }, Ct));
        var matter = await DeliberationTestData.RaisedAsync(Host, "resident", title, accepted: true);
        var started = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.StartAsync(matter, template.Id, Ct));
        Assert.True(started.Succeeded, Host.TextOf(started));
        return started.Id;
    }

    /// <summary>The notice service of a clock <paramref name="days"/> ahead, acting as <paramref name="user"/>.</summary>
    private Task<T> Later<T>(string user, int days, Func<NoticeService, Task<T>> action) =>
        Host.AsAsync<IServiceProvider, T>(user, services => action(ActivatorUtilities.CreateInstance<NoticeService>(services,
            (TimeProvider)new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(days)))));

    [Fact]
    public async Task A_notice_runs_from_publishing_through_an_answered_objection_to_closing_and_completes_the_step()
    {
        var sessionId = await SessionAtNoticeStepAsync("公示全流程");
        var published = await As("secretary", s => s.PublishAsync(sessionId, 7, "加装电梯", Ct));
        Assert.True(published.Succeeded, Host.TextOf(published));
        var id = published.Id;
        Assert.Equal((7, (DateTime?)null), ((await NoticeAsync(id)).PeriodDays, (await NoticeAsync(id)).ClosedAtUtc));
        Assert.Equal("该议事已有一份公示尚未结束。", Host.TextOf(await As("secretary", s => s.PublishAsync(sessionId, 7, "加装电梯", Ct))));

        var filed = await As("resident", s => s.FileObjectionAsync(id, "施工时间应避开午休。", Ct));
        Assert.True(filed.Succeeded, Host.TextOf(filed));
        var view = await As("resident", s => s.GetAsync(id, Ct));
        Assert.Equal(("施工时间应避开午休。", true, true), (Assert.Single(view!.Objections).Text, view.Objections[0].IsMine, view.CanObject));

        var early = await As("secretary", async s => await s.CloseAsync(id, (await NoticeAsync(id)).Version, Ct));
        Assert.Equal("公示期尚未结束，不能结束公示。", Host.TextOf(early));
        var unanswered = await Later("secretary", 8, async s => await s.CloseAsync(id, (await NoticeAsync(id)).Version, Ct));
        Assert.Equal("仍有异议未答复，不能结束公示。", Host.TextOf(unanswered));
        var answered = await As("secretary", async s => await s.AnswerAsync(id, (await NoticeAsync(id)).Version, 1, "施工安排在9:00-12:00、14:30-17:30。", Ct));
        Assert.True(answered.Succeeded, Host.TextOf(answered));
        var told = await TestAccounts.DbAsync(Host, db => db.Notifications.AsNoTracking()
            .Where(n => n.MessageKey == ObjectionNotifier.AnsweredKey && n.LinkPath == $"/deliberation/notices/{id}")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName).ToListAsync(Ct));
        Assert.Equal("resident", Assert.Single(told));
        var closed = await Later("secretary", 8, async s => await s.CloseAsync(id, (await NoticeAsync(id)).Version, Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));
        Assert.NotNull((await NoticeAsync(id)).ClosedAtUtc);

        var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));
        var done = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.PublicNotice, id)], Ct));
        Assert.True(done.Succeeded, Host.TextOf(done));
    }

    [Fact]
    public async Task Only_residents_of_the_community_object_only_managers_answer_and_an_open_notice_is_no_evidence()
    {
        var (_, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, other);
        var sessionId = await SessionAtNoticeStepAsync("公示权限");
        Assert.Equal(Outcome.NotFound, (await As("resident", s => s.PublishAsync(sessionId, 7, "加装电梯", Ct))).Outcome);
        var id = (await As("secretary", s => s.PublishAsync(sessionId, 10, "加装电梯", Ct))).Id;

        Assert.Equal(Outcome.NotFound, (await As(outsider, s => s.FileObjectionAsync(id, "外社区异议", Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await As("gridworker", s => s.FileObjectionAsync(id, "网格员异议", Ct))).Outcome);
        Assert.Null(await As(outsider, s => s.GetAsync(id, Ct)));
        Assert.True((await As("resident", s => s.FileObjectionAsync(id, "有异议", Ct))).Succeeded);
        Assert.Equal(Outcome.NotFound, (await As("resident", async s => await s.AnswerAsync(id, (await NoticeAsync(id)).Version, 1, "自答", Ct))).Outcome);
        Assert.Equal("不在公示期内，不能提出异议。", Host.TextOf(await Later("resident", 11, s => s.FileObjectionAsync(id, "迟到的异议", Ct))));
        Assert.Single((await NoticeAsync(id)).Objections);

        var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));
        var notFinal = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.PublicNotice, id)], Ct));
        Assert.Equal("佐证材料尚未完成（如任务未销号），不能作为佐证。", Host.TextOf(notFinal));
    }
}

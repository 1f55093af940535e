using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.ListsDeadlines;
using static Portal.Domain.Deliberation.EvidenceKind;

namespace Portal.Web.Tests.Deliberation.Sessions;

/// <summary>What the session pages ask of <see cref="SessionService"/>: the landing page's running sessions, the start picker.</summary>
public sealed class SessionPageServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<SessionService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<int> HangzhouAsync() => TestAccounts.DbAsync(Host, db =>
        db.ProcedureTemplates.Where(t => t.Key == ShippedProcedures.Global()[0].Key).Select(t => t.Id).SingleAsync(Ct));

    [Fact]
    public async Task The_start_picker_is_offered_to_a_manager_of_an_accepted_matter_without_a_session_only()
    {
        var raised = await DeliberationTestData.RaisedAsync(Host, "resident", "停车位划线");
        var accepted = await DeliberationTestData.RaisedAsync(Host, "resident", "垃圾分类亭", accepted: true);

        Assert.Null(await As("secretary", s => s.StartChoicesAsync(raised, Ct)));
        Assert.Null(await As("resident", s => s.StartChoicesAsync(accepted, Ct)));
        var choices = await As("secretary", s => s.StartChoicesAsync(accepted, Ct));
        var hangzhouId = await HangzhouAsync();
        var hangzhou = Assert.Single(choices!, c => c.Id == hangzhouId);
        Assert.Equal(7, hangzhou.StepNames.Count);
        Assert.Equal("提议题", hangzhou.StepNames[0]);

        Assert.True((await As("secretary", s => s.StartAsync(accepted, hangzhou.Id, Ct))).Succeeded);
        Assert.Null(await As("secretary", s => s.StartChoicesAsync(accepted, Ct)));
    }

    [Fact]
    public async Task Running_sessions_come_overdue_first_and_only_from_the_callers_communities()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var limited = await Host.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "限时两天",
            Steps = [ProcedureStep.Of("收集意见", PortalRole.CommunitySecretary, 2, Opinions)],
        }, Ct));
        var open = await DeliberationTestData.RaisedAsync(Host, "resident", "不限时的议题", accepted: true);
        var late = await DeliberationTestData.RaisedAsync(Host, "resident", "限时的议题", accepted: true);
        var hangzhou = await HangzhouAsync();
        var openSession = (await As("secretary", s => s.StartAsync(open, hangzhou, Ct))).Id;
        var lateSession = (await As("secretary", s => s.StartAsync(late, limited.Id, Ct))).Id;
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Other);
        var clock = new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(3));

        var later = await Host.AsAsync<IServiceProvider, DeliberationPage<SessionRow>>("resident",
            services => ActivatorUtilities.CreateInstance<SessionService>(services, (TimeProvider)clock)
                .RunningAsync(100, Ct));
        var elsewhere = await As(outsider, s => s.RunningAsync(100, Ct));

        var ids = later.Rows.Select(r => r.Id).ToList();
        Assert.True(ids.IndexOf(lateSession) < ids.IndexOf(openSession), "the overdue session comes first");
        Assert.True(later.Rows.Single(r => r.Id == lateSession).IsOverdue);
        Assert.False(later.Rows.Single(r => r.Id == openSession).IsOverdue);
        Assert.DoesNotContain(elsewhere.Rows, r => r.Id == lateSession || r.Id == openSession);
    }
}

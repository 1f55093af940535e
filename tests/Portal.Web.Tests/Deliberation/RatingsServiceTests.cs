using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Ratings;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Data;
using Portal.Web.Tests.ListsDeadlines;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// Residents' ratings (群众评事) through the real <see cref="RatingService"/>: a manager opens the round of the step that
/// needs ratings, residents in the matter's scope rate once and may change it in the window, the manager closes it after
/// the window (counts frozen), and the closed round completes the step as its evidence; on SQLite and PostgreSQL.
/// </summary>
public sealed class RatingsServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ProcedureStep RatingStep = ProcedureStep.Of("群众评事", PortalRole.CommunitySecretary, 30, EvidenceKind.Ratings);

    [Fact]
    public Task A_round_runs_from_opening_through_a_changed_rating_to_closing_and_completes_the_step_on_SQLite() => FullRoundAsync(fixture.Host);

    [Fact]
    public Task A_round_runs_from_opening_through_a_changed_rating_to_closing_and_completes_the_step_on_PostgreSQL() =>
        PostgresPortalTests.OnFreshPostgresAsync("ratings-round", FullRoundAsync);

    [Fact]
    public Task Two_first_ratings_of_one_person_at_once_store_one_on_SQLite() => TwoAtOnceAsync(fixture.Host);

    [Fact]
    public Task Two_first_ratings_of_one_person_at_once_store_one_on_PostgreSQL() =>
        PostgresPortalTests.OnFreshPostgresAsync("ratings-race", TwoAtOnceAsync);

    private static async Task FullRoundAsync(PortalHost host)
    {
        var sessionId = await DeliberationTestData.SessionAsync(host, "评议全流程", RatingStep);
        var before = await host.AsAsync<RatingService, SessionRatings?>("secretary", s => s.ForSessionAsync(sessionId, Ct));
        Assert.Equal((true, (RatingRoundView?)null, 30), (before!.CanOpen, before.Round, before.DefaultPeriodDays));

        var opened = await host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 7, Ct));
        Assert.True(opened.Succeeded, host.TextOf(opened));
        Assert.Equal("该步骤的评议已经开始。", host.TextOf(await host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 7, Ct))));
        var roundId = opened.Id;

        var rated = await host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundId, RatingLevel.Dissatisfied, "电梯噪音大", Ct));
        Assert.True(rated.Succeeded, host.TextOf(rated));
        var changed = await host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundId, RatingLevel.BasicallySatisfied, "已调整", Ct));
        Assert.True(changed.Succeeded, host.TextOf(changed));
        Assert.Equal(1, await TestAccounts.DbAsync(host, db => db.SessionRatings.CountAsync(r => r.RoundId == roundId, Ct)));

        var mine = (await host.AsAsync<RatingService, SessionRatings?>("resident", s => s.ForSessionAsync(sessionId, Ct)))!.Round!;
        Assert.Equal((new RatingTally(0, 1, 0), RatingLevel.BasicallySatisfied, "已调整", RatingStanding.Rates, true, false, 0),
            (mine.Tally, mine.Mine!.Level, mine.Mine.Comment, mine.Standing, mine.CanRate, mine.CanManage, mine.Comments.Count));
        var managed = (await host.AsAsync<RatingService, SessionRatings?>("secretary", s => s.ForSessionAsync(sessionId, Ct)))!.Round!;
        Assert.Equal((RatingStanding.NotResident, false, true, "已调整"), (managed.Standing, managed.CanRate, managed.CanManage, Assert.Single(managed.Comments).Text));

        var open = await CompleteAsync(host, sessionId, roundId);
        Assert.Equal("佐证材料尚未完成（如任务未销号），不能作为佐证。", host.TextOf(open));
        var early = await host.AsAsync<RatingService, Result>("secretary", s => s.CloseAsync(roundId, managed.Version, Ct));
        Assert.Equal("评议期尚未结束，不能结束评议。", host.TextOf(early));
        Assert.Equal(Outcome.NotFound, (await Later<Result>(host, "resident", 8, s => s.CloseAsync(roundId, managed.Version, Ct))).Outcome);
        var closed = await Later<Result>(host, "secretary", 8, s => s.CloseAsync(roundId, managed.Version, Ct));
        Assert.True(closed.Succeeded, host.TextOf(closed));
        var round = await TestAccounts.DbAsync(host, db => db.RatingRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, Ct));
        Assert.Equal(new RatingTally(0, 1, 0), round.Final);
        Assert.Equal("本次评议已结束。", host.TextOf(await Later<Result>(host, "resident", 1, s => s.RateAsync(roundId, RatingLevel.Satisfied, null, Ct))));

        var done = await CompleteAsync(host, sessionId, roundId);
        Assert.True(done.Succeeded, host.TextOf(done));
    }

    private static async Task TwoAtOnceAsync(PortalHost host)
    {
        var sessionId = await DeliberationTestData.SessionAsync(host, "评议并发", RatingStep);
        var roundId = (await host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 7, Ct))).Id;

        var results = await Task.WhenAll(
            host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundId, RatingLevel.Satisfied, null, Ct)),
            host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundId, RatingLevel.Dissatisfied, null, Ct)));

        Assert.Contains(results, r => r.Succeeded);
        Assert.All(results, r => Assert.True(r.Outcome is Outcome.Succeeded or Outcome.Conflict, host.TextOf(r)));
        Assert.Equal(1, await TestAccounts.DbAsync(host, db => db.SessionRatings.CountAsync(r => r.RoundId == roundId, Ct)));
    }

    [Fact]
    public async Task Only_residents_inside_the_scope_rate_and_only_managers_open_and_close()
    {
        var host = fixture.Host;
        var (home, other) = await DeliberationTestData.CommunitiesAsync(host);
        var outsider = await DeliberationTestData.ResidentOfAsync(host, other);
        var unlinked = await DeliberationTestData.ResidentOfAsync(host, home);
        var sessionId = await DeliberationTestData.SessionAsync(host, "评议权限", RatingStep);
        Assert.Equal(Outcome.NotFound, (await host.AsAsync<RatingService, Result>("resident", s => s.OpenAsync(sessionId, 7, Ct))).Outcome);
        Assert.Equal("评议期应为1至90天。", host.TextOf(await host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 91, Ct)), "PeriodDays"));
        var roundId = (await host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 7, Ct))).Id;

        Assert.Equal(Outcome.NotFound, (await host.AsAsync<RatingService, Result>(outsider, s => s.RateAsync(roundId, RatingLevel.Satisfied, null, Ct))).Outcome);
        Assert.Null(await host.AsAsync<RatingService, SessionRatings?>(outsider, s => s.ForSessionAsync(sessionId, Ct)));
        foreach (var notRating in new[] { "secretary", "gridworker", unlinked })
        {
            var refused = await host.AsAsync<RatingService, Result>(notRating, s => s.RateAsync(roundId, RatingLevel.Satisfied, null, Ct));
            Assert.Equal((Outcome.NotAllowed, "本次评议仅限议题范围内的居民参加。"), (refused.Outcome, host.TextOf(refused)));
        }
        Assert.Equal("意见不超过500字。", host.TextOf(await host.AsAsync<RatingService, Result>("resident",
            s => s.RateAsync(roundId, RatingLevel.Satisfied, new string('长', RatingRound.CommentMaxLength + 1), Ct)), "Comment"));
        Assert.Equal(0, await TestAccounts.DbAsync(host, db => db.SessionRatings.CountAsync(r => r.RoundId == roundId, Ct)));
    }

    [Fact]
    public async Task A_resident_of_the_community_living_outside_a_building_scope_does_not_rate()
    {
        var host = fixture.Host;
        var (home, _) = await DeliberationTestData.CommunitiesAsync(host);
        var residentBuilding = await TestAccounts.DbAsync(host, db => db.Users.Where(u => u.UserName == "resident")
            .Join(db.People, u => u.PersonId, p => p.Id, (u, p) => p.Household!.BuildingId).SingleAsync(Ct));
        var otherBuilding = await TestAccounts.DbAsync(host, db => db.Buildings
            .Where(b => b.Id != residentBuilding && db.Grids.Any(g => g.Id == b.GridId && g.CommunityId == home)).Select(b => b.Id).FirstAsync(Ct));
        var roundIn = await BuildingRoundAsync(host, home, residentBuilding, "本楼评议");
        var roundOut = await BuildingRoundAsync(host, home, otherBuilding, "他楼评议");

        Assert.True((await host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundIn.Round, RatingLevel.Satisfied, null, Ct))).Succeeded);
        var refused = await host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundOut.Round, RatingLevel.Satisfied, null, Ct));
        Assert.Equal(Outcome.NotAllowed, refused.Outcome);
        var seen = (await host.AsAsync<RatingService, SessionRatings?>("resident", s => s.ForSessionAsync(roundOut.Session, Ct)))!.Round!;
        Assert.Equal((RatingStanding.OutsideScope, false), (seen.Standing, seen.CanRate));
    }

    /// <summary>A session on a matter of one building, at the rating step with its round open; the ids.</summary>
    private static async Task<(int Session, int Round)> BuildingRoundAsync(PortalHost host, int community, int building, string title)
    {
        var template = await host.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = community, Name = "评议一步", Steps = [RatingStep],
        }, Ct));
        var raised = await host.AsAsync<MatterService, Result<MatterRow>>("resident", s => s.RaiseAsync(new MatterForm
        {
            CommunityId = community, ScopeKind = MatterScopeKind.Building, ScopeId = building, Title = title,
        }, Ct));
        Assert.True(raised.Succeeded, host.TextOf(raised));
        var version = (await DeliberationTestData.MatterAsync(host, raised.Id)).Version;
        Assert.True((await host.AsAsync<MatterService, Result<MatterRow>>("secretary", s => s.AcceptAsync(raised.Id, version, Ct))).Succeeded);
        var started = await host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.StartAsync(raised.Id, template.Id, Ct));
        Assert.True(started.Succeeded, host.TextOf(started));
        var opened = await host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(started.Id, 7, Ct));
        Assert.True(opened.Succeeded, host.TextOf(opened));
        return (started.Id, opened.Id);
    }

    private static async Task<Result<SessionTimeline>> CompleteAsync(PortalHost host, int sessionId, int roundId)
    {
        var version = await TestAccounts.DbAsync(host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));
        return await host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.Ratings, roundId)], Ct));
    }

    /// <summary>The rating service of a clock <paramref name="days"/> ahead, acting as <paramref name="user"/>.</summary>
    private static Task<T> Later<T>(PortalHost host, string user, int days, Func<RatingService, Task<T>> action) =>
        host.AsAsync<IServiceProvider, T>(user, services => action(ActivatorUtilities.CreateInstance<RatingService>(services,
            (TimeProvider)new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(days)))));
}

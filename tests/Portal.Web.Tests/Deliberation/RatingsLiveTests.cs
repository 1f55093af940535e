using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Deliberation.Ratings;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// The session's live channel: a rating, an objection filed and answered, a completed step each reach a subscriber of
/// "deliberation/sessions/{id}" with the part that changed, so the session page, the notice page and the rating section
/// read again without a reload.
/// </summary>
public sealed class RatingsLiveTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;
    private readonly List<IDisposable> _subscriptions = [];

    private ConcurrentQueue<SessionPart> Listen(int sessionId)
    {
        var parts = new ConcurrentQueue<SessionPart>();
        _subscriptions.Add(Host.Services.GetRequiredService<LiveEventBus>().Subscribe(DeliberationChannels.For(sessionId), e =>
        {
            if (e.Type == DeliberationChannels.Changed && e.PayloadAs<SessionChanged>() is { } changed && changed.SessionId == sessionId) parts.Enqueue(changed.Part);
            return Task.CompletedTask;
        }));
        return parts;
    }

    private static async Task ArrivesAsync(ConcurrentQueue<SessionPart> parts, params SessionPart[] expected)
    {
        for (var waited = 0; parts.Count < expected.Length && waited < 100; waited++) await Task.Delay(50, Ct);
        Assert.Equal(expected, parts.ToArray());
    }

    [Fact]
    public async Task A_rating_and_a_completed_step_reach_the_sessions_channel()
    {
        var sessionId = await DeliberationTestData.SessionAsync(Host, "评议实时",
            ProcedureStep.Of("群众评事", PortalRole.CommunitySecretary, null, EvidenceKind.Ratings),
            ProcedureStep.Of("回音", PortalRole.CommunitySecretary, null, EvidenceKind.Opinions));
        var parts = Listen(sessionId);
        var roundId = (await Host.AsAsync<RatingService, Result>("secretary", s => s.OpenAsync(sessionId, 7, Ct))).Id;

        Assert.True((await Host.AsAsync<RatingService, Result>("resident", s => s.RateAsync(roundId, RatingLevel.Satisfied, null, Ct))).Succeeded);
        await ArrivesAsync(parts, SessionPart.Ratings);

        // The rating step of this test needs a closed round: the later step needing opinions is completed on shape only.
        await TestAccounts.DbAsync(Host, async db =>
        {
            var round = await db.RatingRounds.SingleAsync(r => r.Id == roundId, Ct);
            db.Entry(round).Property(r => r.ClosedAtUtc).CurrentValue = DateTime.UtcNow;
            return await db.SaveChangesAsync(Ct);
        });
        var version = await TestAccounts.DbAsync(Host, db => db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Ct));
        var done = await Host.AsAsync<SessionService, Result<SessionTimeline>>("secretary",
            s => s.CompleteStepAsync(sessionId, version, 0, [new EvidenceRef(EvidenceKind.Ratings, roundId)], Ct));
        Assert.True(done.Succeeded, Host.TextOf(done));
        await ArrivesAsync(parts, SessionPart.Ratings, SessionPart.Timeline);
    }

    [Fact]
    public async Task An_objection_filed_and_answered_reaches_the_sessions_channel()
    {
        var sessionId = await DeliberationTestData.SessionAsync(Host, "公示实时", ProcedureStep.Of("公示", PortalRole.CommunitySecretary, null, EvidenceKind.PublicNotice));
        var noticeId = (await Host.AsAsync<NoticeService, Result<NoticeView>>("secretary", s => s.PublishAsync(sessionId, 7, "加装电梯", Ct))).Id;
        var parts = Listen(sessionId);

        Assert.True((await Host.AsAsync<NoticeService, Result<NoticeView>>("resident", s => s.FileObjectionAsync(noticeId, "午休时间不施工", Ct))).Succeeded);
        await ArrivesAsync(parts, SessionPart.Notice);
        var version = (await Host.AsAsync<NoticeService, NoticeView?>("secretary", s => s.GetAsync(noticeId, Ct)))!.Version;
        Assert.True((await Host.AsAsync<NoticeService, Result<NoticeView>>("secretary", s => s.AnswerAsync(noticeId, version, 1, "已安排", Ct))).Succeeded);
        await ArrivesAsync(parts, SessionPart.Notice, SessionPart.Notice);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Councils.Topics;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.CouncilTopics;

/// <summary>
/// A screening step and its notice are one change (decision 0023 "Handlers"): when a handler of the step's event fails
/// after the notice was added, the topic keeps its status and no notice is stored.
/// </summary>
public sealed class TopicNoticeTransactionTests(TopicNoticeTransactionTests.Fixture fixture) : IClassFixture<TopicNoticeTransactionTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<TopicService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, services => action(services.GetRequiredService<TopicService>()));

    [Fact]
    public async Task A_failing_handler_fails_the_screening_and_stores_neither_the_step_nor_its_notice()
    {
        var meetingId = await CouncilTestData.ScheduledMeetingAsync(Host, "筛选事务测试会议");
        var submitted = await As("liaison", s => s.SubmitAsync(meetingId, new TopicForm { Title = FailingNoticeHandler.Title, Minutes = 15 }, Ct));
        Assert.True(submitted.Succeeded, Host.TextOf(submitted));
        var before = await TestAccounts.DbAsync(Host, db => db.Topics.AsNoTracking().SingleAsync(t => t.Id == submitted.Id, Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            As("secretary", s => s.ScreenAsync(submitted.Id, before.Version, TopicAction.Accept, ct: Ct)));

        await using var db = await Host.NewDbContextAsync(Ct);
        var after = await db.Topics.AsNoTracking().SingleAsync(t => t.Id == submitted.Id, Ct);
        Assert.Equal((TopicStatus.Submitted, before.Version), (after.Status, after.Version));
        Assert.False(await db.Notifications.AnyAsync(n => n.MessageKey == CouncilNotificationKeys.TopicAccepted
                                                          && n.MessageArgument!.Contains(FailingNoticeHandler.Title), Ct));
        Assert.True(fixture.Handler.NoticeSeen, "the council notice was added before the failing handler ran");
    }

    /// <summary>
    /// Registered after the council's handler, so it runs once the notice is added: checks that it is there, then fails the save.
    /// </summary>
    public sealed class FailingNoticeHandler : IDomainEventHandler
    {
        public const string Title = "事务测试：通知失败";

        public bool NoticeSeen { get; private set; }

        public Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
        {
            if (domainEvent is not TopicScreened || source is not Topic { Title: Title }) return Task.CompletedTask;
            NoticeSeen = db.Notifications.Local.Any(n => n.MessageKey == CouncilNotificationKeys.TopicAccepted);
            throw new InvalidOperationException("The step's follow-up could not be stored.");
        }
    }

    public sealed class Fixture : IDisposable
    {
        public FailingNoticeHandler Handler { get; } = new();

        public PortalHost Host { get; }

        public Fixture() => Host = new PortalHost(services: services => services.AddSingleton<IDomainEventHandler>(Handler));

        public void Dispose() => Host.Dispose();
    }
}

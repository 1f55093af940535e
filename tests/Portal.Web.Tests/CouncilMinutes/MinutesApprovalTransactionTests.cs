using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Councils;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Localization;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.CouncilMinutes;

/// <summary>
/// Approving minutes and making their council tasks is one change (decision 0023 "Handlers"): when adding the tasks
/// fails, the minutes stay unapproved and no task, link or notice is stored.
/// </summary>
public sealed class MinutesApprovalTransactionTests(MinutesApprovalTransactionTests.Fixture fixture)
    : IClassFixture<MinutesApprovalTransactionTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<MinutesService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<MinutesService>()));

    [Fact]
    public async Task A_failing_task_fails_the_approval_and_stores_neither()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(Host, "审定事务测试会议");
        var view = await As("gridworker", s => s.GetAsync(meetingId, Ct));
        var due = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow)).AddDays(20).ToDateTime(TimeOnly.MinValue);
        var saved = await As("gridworker", s => s.SaveResolutionAsync(meetingId, view!.Version,
            new ResolutionForm { Decision = FailingTaskHandler.Title, OwnerUnitId = view.Units[0].Id, DueDate = due }, Ct));
        Assert.True(saved.Succeeded, string.Join(", ", saved.Problems));
        var tasksBefore = await TestAccounts.DbAsync(Host, db => db.WorkItems.CountAsync(Ct));
        var noticesBefore = await TestAccounts.DbAsync(Host, db => db.Notifications.CountAsync(Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            As("gridworker", s => s.ApproveAsync(meetingId, saved.Version!.Value, "会议纪要正文\n", Ct)));

        await using var db = await Host.NewDbContextAsync(Ct);
        var meeting = await db.Meetings.Include(m => m.Resolutions).SingleAsync(m => m.Id == meetingId, Ct);
        Assert.Equal(MeetingStatus.Ended, meeting.Status);
        Assert.Null(meeting.MinutesMarkdown);
        Assert.All(meeting.Resolutions, r => Assert.Null(r.WorkItemId));
        Assert.Equal(tasksBefore, await db.WorkItems.CountAsync(Ct));
        Assert.False(await db.WorkItems.AnyAsync(w => w.Title == FailingTaskHandler.Title, Ct));
        Assert.Equal(noticesBefore, await db.Notifications.CountAsync(Ct));
        Assert.True(fixture.Handler.Seen > 0, "the handler saw the task the approval made");
    }

    /// <summary>Fails the save when the council task it is about has the marked title: after the tasks were added and saved.</summary>
    public sealed class FailingTaskHandler : IDomainEventHandler
    {
        public const string Title = "事务测试：任务失败";

        public int Seen { get; private set; }

        public Task HandleAsync(PortalDbContext db, Entity source, IDomainEvent domainEvent, CancellationToken ct)
        {
            if (domainEvent is not WorkItemStepped { Kind: WorkItemKind.CouncilTask } || source is not WorkItem { Title: Title }) return Task.CompletedTask;
            Seen++;
            throw new InvalidOperationException("The task could not be made.");
        }
    }

    public sealed class Fixture : IDisposable
    {
        public FailingTaskHandler Handler { get; } = new();

        public PortalHost Host { get; }

        public Fixture() => Host = new PortalHost(services: services => services.AddSingleton<IDomainEventHandler>(Handler));

        public void Dispose() => Host.Dispose();
    }
}

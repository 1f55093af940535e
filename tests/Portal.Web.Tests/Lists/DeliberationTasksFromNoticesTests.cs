using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Notices;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Localization;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;
using Portal.Web.Tests.Deliberation;
using Portal.Web.Tests.ListsDeadlines;

namespace Portal.Web.Tests.Lists;

/// <summary>
/// <see cref="DeliberationTasksFromNotices"/> through the real services: closing a public notice creates its
/// implementation task as a dispatched work item in the close's transaction; a refused close creates none.
/// </summary>
public sealed class DeliberationTasksFromNoticesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<PublicNotice> NoticeAsync(int id) => TestAccounts.DbAsync(Host, db => db.PublicNotices.AsNoTracking().SingleAsync(n => n.Id == id, Ct));

    private Task<T> Later<T>(string user, int days, Func<NoticeService, Task<T>> action) =>
        Host.AsAsync<IServiceProvider, T>(user, services => action(ActivatorUtilities.CreateInstance<NoticeService>(services,
            (TimeProvider)new SettableTimeProvider(DateTimeOffset.UtcNow.AddDays(days)))));

    /// <summary>A session at its notice step, followed by an implementation step limited to <paramref name="implementDays"/> days; its published notice.</summary>
    private async Task<(int Session, int Notice)> PublishedAsync(string title, int? implementDays)
    {
        var session = await DeliberationTestData.SessionAsync(Host, title,
            ProcedureStep.Of("公示", PortalRole.CommunitySecretary, null, EvidenceKind.PublicNotice),
            ProcedureStep.Of("合力办事", PortalRole.CommunitySecretary, implementDays, EvidenceKind.ImplementationRecord));
        var notice = await Host.AsAsync<NoticeService, Result<NoticeView>>("secretary", s => s.PublishAsync(session, 7, "3号楼东侧加装电梯一部。", Ct));
        Assert.True(notice.Succeeded, Host.TextOf(notice));
        return (session, notice.Id);
    }

    [Fact]
    public async Task Closing_a_notice_creates_its_dispatched_implementation_task_due_by_the_next_steps_limit()
    {
        var (sessionId, noticeId) = await PublishedAsync("加装电梯实施", implementDays: 60);

        var closed = await Later("secretary", 8, async s => await s.CloseAsync(noticeId, (await NoticeAsync(noticeId)).Version, Ct));
        Assert.True(closed.Succeeded, Host.TextOf(closed));

        var notice = await NoticeAsync(noticeId);
        Assert.NotNull(notice.TaskWorkItemId);
        var task = await TestAccounts.DbAsync(Host, db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == notice.TaskWorkItemId, Ct));
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        Assert.Equal(("加装电梯实施", "3号楼东侧加装电梯一部。", home, RaiseChannel.Deliberation, WorkItemStatus.Dispatched),
            (task.Title, task.DescriptionMarkdown, task.CommunityId, task.Channel, task.Status));
        var closedDay = DateOnly.FromDateTime(PortalTime.ToLocal(notice.ClosedAtUtc!.Value));
        Assert.Equal(PortalTime.StartOfDayUtc(closedDay.AddDays(61)), task.DueAtUtc);
        var secretaryId = await TestAccounts.DbAsync(Host, db => db.Users.Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync(Ct));
        Assert.Equal(secretaryId, task.RaisedByUserId);
        Assert.Equal(sessionId, notice.SessionId);
    }

    [Fact]
    public async Task Without_a_limit_the_task_is_due_in_the_default_days()
    {
        var (_, noticeId) = await PublishedAsync("路灯维修实施", implementDays: null);

        Assert.True((await Later("secretary", 8, async s => await s.CloseAsync(noticeId, (await NoticeAsync(noticeId)).Version, Ct))).Succeeded);

        var notice = await NoticeAsync(noticeId);
        var due = await TestAccounts.DbAsync(Host, db => db.WorkItems.Where(w => w.Id == notice.TaskWorkItemId).Select(w => w.DueAtUtc).SingleAsync(Ct));
        var closedDay = DateOnly.FromDateTime(PortalTime.ToLocal(notice.ClosedAtUtc!.Value));
        Assert.Equal(PortalTime.StartOfDayUtc(closedDay.AddDays(DeliberationTasksFromNotices.DefaultDays + 1)), due);
    }

    [Fact]
    public async Task A_refused_close_creates_no_task()
    {
        var (_, noticeId) = await PublishedAsync("停车规则实施", implementDays: 30);
        var tasksBefore = await TestAccounts.DbAsync(Host, db => db.WorkItems.CountAsync(w => w.Channel == RaiseChannel.Deliberation, Ct));
        Assert.True((await Host.AsAsync<NoticeService, Result<NoticeView>>("resident", s => s.FileObjectionAsync(noticeId, "停车位不够。", Ct))).Succeeded);

        var early = await Host.AsAsync<NoticeService, Result<NoticeView>>("secretary", async s => await s.CloseAsync(noticeId, (await NoticeAsync(noticeId)).Version, Ct));
        var unanswered = await Later("secretary", 8, async s => await s.CloseAsync(noticeId, (await NoticeAsync(noticeId)).Version, Ct));

        Assert.Equal((Outcome.Invalid, Outcome.Invalid), (early.Outcome, unanswered.Outcome));
        Assert.Null((await NoticeAsync(noticeId)).TaskWorkItemId);
        Assert.Equal(tasksBefore, await TestAccounts.DbAsync(Host, db => db.WorkItems.CountAsync(w => w.Channel == RaiseChannel.Deliberation, Ct)));
    }
}

using Portal.Web.Kit.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Platform;
using Portal.Web.Tests.Accounts;
using Portal.Web.Kit.Results;

namespace Portal.Web.Tests.ListsWorkItems;

/// <summary>
/// Notifications on people's actions, through the real work-item service (real database, access policy, bus): who is
/// told of a dispatch, a chase, a report back, a "not satisfied" rating and a claim — and that nobody else is, the actor
/// least of all.
/// </summary>
public sealed class WorkItemNotifierTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<WorkItemService, Task<T>> action) =>
        TestAccounts.AsAsync(Host, user, s => action(s.GetRequiredService<WorkItemService>()));

    private Task<T> Db<T>(Func<PortalDbContext, Task<T>> query) => TestAccounts.DbAsync(Host, query);

    private Task<int> CommunityAsync(int index) =>
        Db(db => db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[index]).Select(c => c.Id).SingleAsync(Ct));

    private Task<int> HospitalAsync() => Db(db => db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct));

    private async Task<string> UserIdAsync(string userName) => (await TestAccounts.FindAsync(Host, userName)).Id;

    private async Task<int> RaiseAsync(string title)
    {
        var form = new RaiseNeedForm { Title = title, Description = "请尽快处理", Category = WorkItemCategories.Safety, CommunityId = await CommunityAsync(0), Urgency = Urgency.General };
        var result = await As("resident", s => s.RaiseAsync(form, Ct));
        Assert.True(result.Succeeded, Host.TextOf(result));
        return result.Id;
    }

    private async Task<Guid> VersionAsync(int id) => await Db(db => db.WorkItems.Where(w => w.Id == id).Select(w => w.Version).SingleAsync(Ct));

    private async Task Ok(Task<Result> action)
    {
        var result = await action;
        Assert.True(result.Succeeded, $"{result.Outcome}: {Host.TextOf(result)}");
    }

    /// <summary>Every notification about the item, as (user, key), oldest first.</summary>
    private Task<List<(string User, string Key)>> SentAsync(int id) => Db(async db =>
        (await db.Notifications.AsNoTracking().Where(n => n.WorkItemId == id).OrderBy(n => n.Id).Select(n => new { n.UserId, n.MessageKey }).ToListAsync(Ct))
        .Select(n => (n.UserId, n.MessageKey)).ToList());

    /// <summary>The accounts that act for the hospital (the demo liaison; computed, so a second liaison would count too).</summary>
    private async Task<List<string>> HospitalLiaisonsAsync()
    {
        var hospital = await HospitalAsync();
        return await Db(db => db.RoleAssignments.Where(r => r.Role == PortalRole.UnitLiaison && r.Scope == ScopeKind.Unit && r.ScopeId == hospital)
            .Select(r => r.UserId).OrderBy(u => u).ToListAsync(Ct));
    }

    private async Task<int> DispatchedToHospitalAsync(string title)
    {
        var id = await RaiseAsync(title);
        await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), isShared: true, isPublic: false, ct: Ct)));
        await Ok(As("secretary", async s => await s.DispatchAsync(id, await VersionAsync(id), await HospitalAsync(), Urgency.General, ct: Ct)));
        return id;
    }

    [Fact]
    public async Task A_dispatch_tells_the_liaisons_of_the_owner_unit_live_and_nobody_else()
    {
        var liaisons = await HospitalLiaisonsAsync();
        Assert.Contains(await UserIdAsync("liaison"), liaisons);
        var received = new List<NotificationChanged>();
        var bus = Host.Services.GetRequiredService<LiveEventBus>();
        using var subscription = bus.Subscribe(UserChannels.For(await UserIdAsync("liaison")), e =>
        {
            lock (received) received.Add(e.PayloadAs<NotificationChanged>()!);
            return Task.CompletedTask;
        });

        var id = await DispatchedToHospitalAsync("三号楼消防通道被占");

        var sent = await SentAsync(id);
        Assert.Equal(liaisons.Select(u => (u, NotificationKeys.Dispatched)).ToList(), sent.OrderBy(s => s.User).ToList());
        lock (received) Assert.Contains(received, n => n.WorkItemId == id && n.NotificationId is not null);

        // The liaison's bell shows it in their language, with the title.
        var summary = await TestAccounts.AsAsync(Host, "liaison", s => s.GetRequiredService<UserNotificationService>().SummaryAsync(Ct));
        Assert.Contains(summary.Latest, n => n.WorkItemId == id && n.IsUnread && n.Message == "“三号楼消防通道被占”已派给您办理，请及时接单");
    }

    [Fact]
    public async Task A_chase_tells_the_owner_with_the_secretary_s_note()
    {
        var id = await DispatchedToHospitalAsync("楼道堆物清理");
        await Ok(As("secretary", async s => await s.ChaseAsync(id, await VersionAsync(id), "请今天内清理完毕并反馈", Ct)));

        var liaisons = await HospitalLiaisonsAsync();
        var chased = (await SentAsync(id)).Where(s => s.Key == NotificationKeys.Chased).Select(s => s.User).OrderBy(u => u).ToList();
        Assert.Equal(liaisons, chased);
        // Nobody else: the dispatch and the chase reached the liaisons only.
        Assert.All(await SentAsync(id), s => Assert.Contains(s.User, liaisons));
        var summary = await TestAccounts.AsAsync(Host, "liaison", s => s.GetRequiredService<UserNotificationService>().SummaryAsync(Ct));
        Assert.Contains(summary.Latest, n => n.WorkItemId == id && n.Message == "“楼道堆物清理”被督办：请今天内清理完毕并反馈");
    }

    [Fact]
    public async Task A_report_back_asks_the_requester_to_rate_and_not_satisfied_goes_back_to_the_owner()
    {
        var id = await DispatchedToHospitalAsync("单元门门禁损坏");
        var resident = await UserIdAsync("resident");
        var liaisons = await HospitalLiaisonsAsync();
        await Ok(As("liaison", async s => await s.AcceptAsync(id, await VersionAsync(id), ct: Ct)));
        await Ok(As("liaison", async s => await s.ReportBackAsync(id, await VersionAsync(id), "已更换门禁", ct: Ct)));

        var afterReport = await SentAsync(id);
        Assert.Equal([(resident, NotificationKeys.Reported)], afterReport.Where(s => s.Key != NotificationKeys.Dispatched).ToList());

        await Ok(As("resident", async s => await s.RateAsync(id, await VersionAsync(id), Satisfaction.NotSatisfied, "刷卡还是打不开", Ct)));
        var afterRating = (await SentAsync(id)).Skip(afterReport.Count).ToList();
        Assert.Equal(liaisons.Select(u => (u, NotificationKeys.NotSatisfiedNote)).ToList(), afterRating.OrderBy(s => s.User).ToList());
        var summary = await TestAccounts.AsAsync(Host, "liaison", s => s.GetRequiredService<UserNotificationService>().SummaryAsync(Ct));
        Assert.Contains(summary.Latest, n => n.WorkItemId == id && n.Message.Contains("刷卡还是打不开"));

        // A satisfied rating and the closing tell nobody.
        await Ok(As("liaison", async s => await s.ReportBackAsync(id, await VersionAsync(id), "已重新调试", ct: Ct)));
        var beforeSatisfied = (await SentAsync(id)).Count;
        await Ok(As("resident", async s => await s.RateAsync(id, await VersionAsync(id), Satisfaction.Satisfied, ct: Ct)));
        await Ok(As("secretary", async s => await s.CloseAsync(id, await VersionAsync(id), ct: Ct)));
        Assert.Equal(beforeSatisfied, (await SentAsync(id)).Count);
    }

    [Fact]
    public async Task A_claim_tells_the_community_s_secretaries_who_claimed_it()
    {
        var id = await RaiseAsync("社区活动室需要义诊医生");
        await Ok(As("secretary", async s => await s.TriageAsync(id, await VersionAsync(id), isShared: true, isPublic: true, ct: Ct)));
        Assert.Empty(await SentAsync(id));
        await Ok(As("liaison", async s => await s.ClaimAsync(id, await VersionAsync(id), await HospitalAsync(), ct: Ct)));

        var community = await CommunityAsync(0);
        var secretaries = await Db(db => db.RoleAssignments
            .Where(r => r.Role == PortalRole.CommunitySecretary && r.Scope == ScopeKind.Community && r.ScopeId == community)
            .Select(r => r.UserId).Distinct().OrderBy(u => u).ToListAsync(Ct));
        Assert.Contains(await UserIdAsync("secretary"), secretaries);
        Assert.Equal(secretaries.Select(u => (u, NotificationKeys.Claimed)).ToList(), (await SentAsync(id)).OrderBy(s => s.User).ToList());
        var summary = await TestAccounts.AsAsync(Host, "secretary", s => s.GetRequiredService<UserNotificationService>().SummaryAsync(Ct));
        Assert.Contains(summary.Latest, n => n.WorkItemId == id && n.Message == "“社区活动室需要义诊医生”已由东城区第二人民医院认领");
    }

    [Fact]
    public async Task The_actor_is_never_told_of_their_own_action_and_a_refused_action_tells_nobody()
    {
        // A secretary who also acts for the owner unit dispatches to it: the other liaisons are told, she is not.
        var hospital = await HospitalAsync();
        var both = await TestAccounts.CreateAsync(Host, "secliaison",
            new ScopedRole(PortalRole.CommunitySecretary, ScopeKind.Community, await CommunityAsync(0)),
            new ScopedRole(PortalRole.UnitLiaison, ScopeKind.Unit, hospital));
        var id = await RaiseAsync("小区路灯不亮");
        await Ok(As(both.UserName!, async s => await s.TriageAsync(id, await VersionAsync(id), isShared: true, isPublic: false, ct: Ct)));
        await Ok(As(both.UserName!, async s => await s.DispatchAsync(id, await VersionAsync(id), hospital, Urgency.General, ct: Ct)));
        var sent = await SentAsync(id);
        Assert.DoesNotContain(sent, s => s.User == both.Id);
        var liaison = await UserIdAsync("liaison");
        Assert.Contains(sent, s => s.User == liaison && s.Key == NotificationKeys.Dispatched);

        // A refused chase (no note) changes nothing and tells nobody.
        var refused = await As("secretary", async s => await s.ChaseAsync(id, await VersionAsync(id), " ", Ct));
        Assert.False(refused.Succeeded);
        Assert.Equal(sent.Count, (await SentAsync(id)).Count);
    }

    [Fact]
    public void Two_arguments_share_the_one_column_and_a_long_note_is_cut_to_fit()
    {
        var stored = NotificationArguments.Join([new string('题', WorkItem.TitleMaxLength), new string('注', WorkItemEvent.NoteMaxLength)]);
        Assert.True(stored.Length <= Notification.TextMaxLength);
        var args = NotificationArguments.Split(stored);
        Assert.Equal(2, args.Length);
        Assert.Equal(new string('题', WorkItem.TitleMaxLength), args[0]);
        Assert.EndsWith("…", (string)args[1]);
        // A separator typed into a title cannot shift the arguments.
        Assert.Equal(2, NotificationArguments.Split(NotificationArguments.Join(["a\u001Fb", "c"])).Length);
        Assert.Equal(["只有标题"], NotificationArguments.Split("只有标题"));
    }
}

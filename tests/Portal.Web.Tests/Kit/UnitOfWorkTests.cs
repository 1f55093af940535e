using Portal.Web.Kit.Callers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Testing;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Announcements;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Authorization;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.Kit;

/// <summary>
/// The unit of work of the real portal (decision 0023): load, right, version, rule, one save with the caller in the
/// audit trail, conflicts with the values saved now, and the step after the commit. Each scenario runs on SQLite, and on
/// PostgreSQL when <see cref="TestPostgres.Variable"/> is set. The row is an announcement; the lambdas are the test's own.
/// </summary>
public sealed class UnitOfWorkTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CommandTexts Texts = new(
        Message.Of<AnnouncementsText>("Error.NotFound"), Message.Of<AnnouncementsText>("Error.Conflict"), Message.Of<AnnouncementsText>("Error.ConflictDeleted"));

    private static readonly Message Forbidden = Message.Of<AnnouncementsText>("Error.Forbidden");

    private static readonly string[] ScenarioNames =
    [
        nameof(Saves_once_as_the_caller_whatever_the_ambient_actor),
        nameof(A_row_changed_since_it_was_loaded_is_a_conflict_with_the_values_saved_now),
        nameof(A_save_between_the_check_and_the_write_is_a_conflict_with_the_values_saved_now),
        nameof(A_row_deleted_between_the_check_and_the_write_was_deleted_meanwhile),
        nameof(Missing_refused_and_ruled_out_change_nothing),
        nameof(A_failing_step_after_the_commit_is_logged_and_the_change_stands),
        nameof(An_add_whose_step_meets_a_concurrent_save_is_a_conflict_in_the_kits_words_and_adds_nothing),
    ];

    public static TheoryData<string> Scenarios => new(ScenarioNames);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task On_SQLite(string scenario) => RunAsync(server.Portal, scenario);

    [Fact]
    public async Task On_PostgreSQL()
    {
        await PostgresPortalTests.OnFreshPostgresAsync("uow", async host =>
        {
            foreach (var scenario in ScenarioNames) await RunAsync(host, scenario);
        });
    }

    private static Task RunAsync(PortalHost host, string scenario) => scenario switch
    {
        nameof(Saves_once_as_the_caller_whatever_the_ambient_actor) => Saves_once_as_the_caller_whatever_the_ambient_actor(host),
        nameof(A_row_changed_since_it_was_loaded_is_a_conflict_with_the_values_saved_now) => A_row_changed_since_it_was_loaded_is_a_conflict_with_the_values_saved_now(host),
        nameof(A_save_between_the_check_and_the_write_is_a_conflict_with_the_values_saved_now) => A_save_between_the_check_and_the_write_is_a_conflict_with_the_values_saved_now(host),
        nameof(A_row_deleted_between_the_check_and_the_write_was_deleted_meanwhile) => A_row_deleted_between_the_check_and_the_write_was_deleted_meanwhile(host),
        nameof(Missing_refused_and_ruled_out_change_nothing) => Missing_refused_and_ruled_out_change_nothing(host),
        nameof(A_failing_step_after_the_commit_is_logged_and_the_change_stands) => A_failing_step_after_the_commit_is_logged_and_the_change_stands(host),
        nameof(An_add_whose_step_meets_a_concurrent_save_is_a_conflict_in_the_kits_words_and_adds_nothing) =>
            An_add_whose_step_meets_a_concurrent_save_is_a_conflict_in_the_kits_words_and_adds_nothing(host),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    // ---- scenarios ----------------------------------------------------------------------------------------------

    private static async Task Saves_once_as_the_caller_whatever_the_ambient_actor(PortalHost host)
    {
        var (id, version) = await SeedAsync(host, "工作单元保存");
        var actor = host.Services.GetRequiredService<CurrentActor>();

        var result = await host.AsAsync<UnitOfWork, Result<string>>("secretary", async work =>
        {
            // Some other flow's user in the async-local: the audit trail must still name the caller.
            actor.Principal = await host.PrincipalAsync("resident");
            return await ChangeAsync(work, id, version, run: (_, a, _) => { a.Edit("工作单元已保存", a.BodyMarkdown, a.IsPinned); return null; });
        });

        Assert.Equal(Outcome.Succeeded, result.Outcome);
        Assert.Equal(id, result.Id);
        var (title, saved) = await ReadAsync(host, id);
        Assert.Equal("工作单元已保存", title);
        Assert.Equal(saved, result.Version);
        Assert.NotEqual(version, saved);
        await using var db = await host.NewDbContextAsync(Ct);
        var key = id.ToString();
        var update = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Announcement) && e.EntityId == key && e.Action == AuditAction.Update, Ct);
        Assert.Equal("secretary", update.UserName);
    }

    private static async Task A_row_changed_since_it_was_loaded_is_a_conflict_with_the_values_saved_now(PortalHost host)
    {
        var (id, loaded) = await SeedAsync(host, "工作单元冲突");
        await UpdateTitleAsync(host, id, "别人先保存");

        var result = await host.AsAsync<UnitOfWork, Result<string>>("secretary",
            work => ChangeAsync(work, id, loaded, run: (_, a, _) => { a.Edit("我的修改", a.BodyMarkdown, a.IsPinned); return null; }));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal("别人先保存", result.Current);
        Assert.Contains("其他人修改了这条公告", host.TextOf(result));
        Assert.Equal("别人先保存", (await ReadAsync(host, id)).Title);
    }

    private static async Task A_save_between_the_check_and_the_write_is_a_conflict_with_the_values_saved_now(PortalHost host)
    {
        var (id, version) = await SeedAsync(host, "工作单元竞争");

        var result = await host.AsAsync<UnitOfWork, Result<string>>("secretary", work => ChangeAsync(work, id, version, run: (_, a, _) =>
        {
            // Someone else saves after the version check, before this save: only the UPDATE's condition can see it.
            UpdateTitleAsync(host, id, "中途保存").GetAwaiter().GetResult();
            a.Edit("晚到的修改", a.BodyMarkdown, a.IsPinned);
            return null;
        }));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal("中途保存", result.Current);
        Assert.Equal("中途保存", (await ReadAsync(host, id)).Title);
    }

    private static async Task A_row_deleted_between_the_check_and_the_write_was_deleted_meanwhile(PortalHost host)
    {
        var (id, version) = await SeedAsync(host, "工作单元删除");

        var result = await host.AsAsync<UnitOfWork, Result<string>>("secretary", work => ChangeAsync(work, id, version, run: (_, a, _) =>
        {
            DeleteAsync(host, id).GetAwaiter().GetResult();
            a.Edit("改一条已删除的", a.BodyMarkdown, a.IsPinned);
            return null;
        }));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Null(result.Current);
        Assert.False(result.HasCurrent);
        Assert.Equal("未保存：这条公告已被其他人删除。", host.TextOf(result));
    }

    private static async Task Missing_refused_and_ruled_out_change_nothing(PortalHost host)
    {
        var (id, version) = await SeedAsync(host, "工作单元拒绝");

        var missing = await host.AsAsync<UnitOfWork, Result<string>>("secretary", work => ChangeAsync(work, -1, version, run: (_, a, _) => null));
        Assert.Equal(Outcome.NotFound, missing.Outcome);
        Assert.Equal("公告不存在，或您无权查看。", host.TextOf(missing));

        // The resident may see the community but not manage it: the right is checked on the loaded row, before the rule.
        var ran = false;
        var refused = await host.AsAsync<UnitOfWork, Result<string>>("resident", work => ChangeAsync(work, id, version,
            allow: (caller, a) => caller.Manages(a.CommunityId) ? null : Result.NotAllowed(Forbidden),
            run: (_, a, _) => { ran = true; a.Edit("越权", a.BodyMarkdown, a.IsPinned); return null; }));
        Assert.Equal(Outcome.NotAllowed, refused.Outcome);
        Assert.False(ran);
        Assert.Equal("You may not manage this community's announcements.", host.TextOf(refused, culture: "en"));

        var ruledOut = await host.AsAsync<UnitOfWork, Result<string>>("secretary", work => ChangeAsync(work, id, version,
            run: (_, a, _) => { a.Edit("规则不允许", a.BodyMarkdown, a.IsPinned); return Result.Invalid(nameof(Announcement.Title), Message.Of<AnnouncementsText>("Validation.TitleRequired")); }));
        Assert.Equal(Outcome.Invalid, ruledOut.Outcome);
        Assert.Equal("请填写标题。", host.TextOf(ruledOut, nameof(Announcement.Title)));

        Assert.Equal(("工作单元拒绝", version), await ReadAsync(host, id));
    }

    private static async Task A_failing_step_after_the_commit_is_logged_and_the_change_stands(PortalHost host)
    {
        var (id, version) = await SeedAsync(host, "工作单元之后");

        var result = await host.AsAsync<UnitOfWork, Result<string>>("secretary", work => ChangeAsync(work, id, version,
            run: (_, a, _) => { a.Edit(a.Title, a.BodyMarkdown, true); return null; },
            after: (_, _, _, _) => throw new InvalidOperationException("live notice failed")));

        Assert.True(result.Succeeded);
        await using var db = await host.NewDbContextAsync(Ct);
        Assert.True((await db.Announcements.SingleAsync(a => a.Id == id, Ct)).IsPinned);
        Assert.Contains(host.Logs.Entries, e => e.Category == typeof(UnitOfWork).FullName && e.Level == LogLevel.Error
                                                && e.Exception?.Message == "live notice failed");
    }

    private static async Task An_add_whose_step_meets_a_concurrent_save_is_a_conflict_in_the_kits_words_and_adds_nothing(PortalHost host)
    {
        var (id, seen) = await SeedAsync(host, "工作单元新增旁边");
        await UpdateTitleAsync(host, id, "别人先保存");
        int community;
        await using (var db = await host.NewDbContextAsync(Ct)) community = await db.Announcements.Where(a => a.Id == id).Select(a => a.CommunityId).SingleAsync(Ct);

        // No conflict text of the command's own: the add still answers a conflict, in the kit's words, never an error.
        var result = await host.AsAsync<UnitOfWork, Result<string>>("secretary", work => work.AddAsync<Announcement, string>(
            allow: _ => null,
            create: _ => Result<Announcement>.Ok(new Announcement
            {
                CommunityId = community, Title = "随之撤回的新增", BodyMarkdown = "正文", AuthorUserId = "seed", AuthorName = "seed",
            }),
            within: async (_, _, db, ct) =>
            {
                // A row beside the new one, held to the version this command saw: someone else saved it meanwhile.
                var beside = await db.Announcements.SingleAsync(a => a.Id == id, ct);
                db.Entry(beside).Property(a => a.Version).OriginalValue = seen;
                beside.Edit("随新增改动", beside.BodyMarkdown, beside.IsPinned);
            },
            ct: Ct));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal(host.TextOf(Result.Conflict(CommandTexts.ConcurrencyConflict)), host.TextOf(result));
        Assert.StartsWith("保存失败：此记录已被其他人修改", host.TextOf(result));
        Assert.Equal("别人先保存", (await ReadAsync(host, id)).Title);
        await using var read = await host.NewDbContextAsync(Ct);
        Assert.False(await read.Announcements.AnyAsync(a => a.Title == "随之撤回的新增", Ct));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Task<Result<string>> ChangeAsync(UnitOfWork work, int id, Guid version,
        Func<Portal.Domain.Access.Caller, Announcement, Portal.Web.Data.PortalDbContext, Result?> run,
        Func<Portal.Domain.Access.Caller, Announcement, Result?>? allow = null,
        Func<Portal.Domain.Access.Caller, Announcement, Portal.Web.Data.PortalDbContext, CancellationToken, Task>? after = null) =>
        work.ChangeAsync<Announcement, string>(
            (db, ct) => db.Announcements.FirstOrDefaultAsync(a => a.Id == id, ct), version,
            allow ?? ((_, _) => null), run, a => a.Title, Texts, after: after, ct: Ct);

    private static async Task<(int Id, Guid Version)> SeedAsync(PortalHost host, string title)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        var name = DemoDataSeeder.CommunityNames[0];
        var community = await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
        var announcement = new Announcement { CommunityId = community, Title = title, BodyMarkdown = "正文", AuthorUserId = "seed", AuthorName = "seed" };
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync(Ct);
        return (announcement.Id, announcement.Version);
    }

    private static async Task<(string Title, Guid Version)> ReadAsync(PortalHost host, int id)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        var a = await db.Announcements.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
        return (a.Title, a.Version);
    }

    private static async Task UpdateTitleAsync(PortalHost host, int id, string title)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        var announcement = await db.Announcements.SingleAsync(a => a.Id == id, Ct);
        announcement.Edit(title, announcement.BodyMarkdown, announcement.IsPinned);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task DeleteAsync(PortalHost host, int id)
    {
        await using var db = await host.NewDbContextAsync(Ct);
        db.Announcements.Remove(await db.Announcements.SingleAsync(a => a.Id == id, Ct));
        await db.SaveChangesAsync(Ct);
    }
}

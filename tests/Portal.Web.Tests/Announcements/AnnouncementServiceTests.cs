using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Announcements;
using Portal.Domain.Auditing;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Announcements;
using Portal.Web.Kit.Live;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Authorization;
using Portal.Web.Tests.Data;

namespace Portal.Web.Tests.Announcements;

/// <summary>
/// The announcement service of the real portal (real database, access policy, live bus and audit trail), called as
/// each demo user: the principal comes from the portal's own sign-in claims factory.
/// </summary>
public sealed class AnnouncementServiceTests(DemoPortalFixture server) : IClassFixture<DemoPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => server.Portal.Services;

    /// <summary>Runs <paramref name="action"/> as the user, in a scope of its own, like one request.</summary>
    private Task<T> AsAsync<T>(string userName, Func<AnnouncementService, Task<T>> action, string culture = "zh-CN") =>
        server.Portal.AsAsync(userName, action, culture);

    /// <summary>The message of the result for the field (the whole form's by default), as the person reads it.</summary>
    private string? Text(Result result, string field = Problem.Form, string culture = "zh-CN") => server.Portal.TextOf(result, field, culture);

    private async Task<int> CommunityIdAsync(int index)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var name = DemoDataSeeder.CommunityNames[index];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    private Task<int> QingnianhuAsync() => CommunityIdAsync(0);
    private Task<int> AndeliAsync() => CommunityIdAsync(1);

    private static AnnouncementForm NewForm(int communityId, string title, string body = "正文") =>
        new() { CommunityId = communityId, Title = title, Body = body };

    private async Task<int> CountAsync(string title)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        return await db.Announcements.CountAsync(a => a.Title == title, Ct);
    }

    [Fact]
    public async Task A_secretary_publishes_in_their_community_and_members_receive_it_live_and_unread()
    {
        var community = await QingnianhuAsync();
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Services.GetRequiredService<LiveEventBus>().Subscribe(CommunityChannels.For(community), e =>
        {
            if (e.Type == AnnouncementEvents.Published) received.TrySetResult(e);
            return Task.CompletedTask;
        });
        var before = await AsAsync("resident", s => s.UnreadAsync(ct: Ct));

        var result = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, "电梯维保通知", "**周三**停用 2 小时"), publish: true, Ct));

        Assert.Equal(Outcome.Succeeded, result.Outcome);
        var liveEvent = await received.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(result.Id, liveEvent.PayloadAs<AnnouncementEvent>()!.AnnouncementId);
        Assert.Equal("电梯维保通知", liveEvent.PayloadAs<AnnouncementEvent>()!.Title);

        var after = await AsAsync("resident", s => s.UnreadAsync(ct: Ct));
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after.Latest, r => r.Id == result.Id && r.IsUnread);
        // The author does not see their own announcement as unread.
        var authorsList = await AsAsync("secretary", s => s.ListAsync(new AnnouncementQuery("电梯维保"), Ct));
        Assert.False(Assert.Single(authorsList.Items).IsUnread);

        // Reading it marks it read.
        var view = await AsAsync("resident", s => s.OpenAsync(result.Id, Ct));
        Assert.NotNull(view);
        Assert.Contains("<strong>周三</strong>", view.BodyHtml);
        Assert.False(view.CanManage);
        Assert.Equal(before.Count, (await AsAsync("resident", s => s.UnreadAsync(ct: Ct))).Count);

        // The other community's residents neither see nor count it.
        Assert.Null(await AsAsync("resident2", s => s.OpenAsync(result.Id, Ct)));
        Assert.DoesNotContain((await AsAsync("resident2", s => s.UnreadAsync(ct: Ct))).Latest, r => r.Id == result.Id);
    }

    [Fact]
    public async Task A_secretary_cannot_write_in_another_community()
    {
        var andeli = await AndeliAsync();

        var created = await AsAsync("secretary", s => s.SaveAsync(NewForm(andeli, "越权公告"), publish: true, Ct));

        Assert.Equal(Outcome.NotFound, created.Outcome);
        Assert.Equal(0, await CountAsync("越权公告"));

        // Nor change, withdraw or delete one of that community.
        var existing = await AsAsync("admin", s => s.SaveAsync(NewForm(andeli, "安德里社区停电通知"), publish: true, Ct));
        Assert.True(existing.Succeeded);
        var version = (await AsAsync("admin", s => s.GetForEditAsync(existing.Id, Ct)))!.Version;
        Assert.Null(await AsAsync("secretary", s => s.GetForEditAsync(existing.Id, Ct)));
        var edit = new AnnouncementForm { Id = existing.Id, Version = version, CommunityId = andeli, Title = "改过的", Body = "改过的" };
        Assert.Equal(Outcome.NotFound, (await AsAsync("secretary", s => s.SaveAsync(edit, ct: Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await AsAsync("secretary", s => s.WithdrawAsync(existing.Id, version, Ct))).Outcome);
        Assert.Equal(Outcome.NotFound, (await AsAsync("secretary", s => s.DeleteAsync(existing.Id, version, Ct))).Outcome);
        Assert.Equal(1, await CountAsync("安德里社区停电通知"));
        Assert.Equal(0, await CountAsync("改过的"));
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("member")]
    [InlineData("gridworker")]
    [InlineData("liaison")]
    public async Task Members_who_do_not_manage_the_community_cannot_write_publish_withdraw_or_delete(string userName)
    {
        var community = await QingnianhuAsync();
        var title = $"{userName} 的公告";

        var created = await AsAsync(userName, s => s.SaveAsync(NewForm(community, title), publish: true, Ct));
        Assert.False(created.Succeeded);
        Assert.Equal(0, await CountAsync(title));

        var draft = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, $"{userName} 看不到的草稿"), ct: Ct));
        var published = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, $"{userName} 能看到的公告"), publish: true, Ct));
        var draftVersion = (await AsAsync("secretary", s => s.GetForEditAsync(draft.Id, Ct)))!.Version;
        var publishedVersion = (await AsAsync("secretary", s => s.GetForEditAsync(published.Id, Ct)))!.Version;

        Assert.False((await AsAsync(userName, s => s.PublishAsync(draft.Id, draftVersion, Ct))).Succeeded);
        var withdraw = await AsAsync(userName, s => s.WithdrawAsync(published.Id, publishedVersion, Ct));
        Assert.Equal(Outcome.NotAllowed, withdraw.Outcome);
        Assert.Equal(Outcome.NotAllowed, (await AsAsync(userName, s => s.DeleteAsync(published.Id, publishedVersion, Ct))).Outcome);
        Assert.Null(await AsAsync(userName, s => s.GetForEditAsync(published.Id, Ct)));
        Assert.False(await AsAsync(userName, s => s.CanWriteAnyAsync(Ct)));

        // Drafts stay with their managers; published ones are readable.
        Assert.Null(await AsAsync(userName, s => s.OpenAsync(draft.Id, Ct)));
        var list = await AsAsync(userName, s => s.ListAsync(new AnnouncementQuery(userName), Ct));
        Assert.Equal([published.Id], list.Items.Select(i => i.Id));
        Assert.Equal(AnnouncementStatus.Published, (await AsAsync("secretary", s => s.OpenAsync(published.Id, Ct)))!.Status);
    }

    [Fact]
    public async Task The_street_administrator_writes_for_every_community_of_the_street()
    {
        foreach (var community in new[] { await QingnianhuAsync(), await AndeliAsync() })
        {
            var result = await AsAsync("admin", s => s.SaveAsync(NewForm(community, $"街道通知 {community}"), publish: true, Ct));
            Assert.True(result.Succeeded);
        }
        Assert.Equal(2, (await AsAsync("admin", s => s.ManagedCommunitiesAsync(Ct))).Count);
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_in_the_users_language_and_nothing_is_saved()
    {
        var community = await QingnianhuAsync();
        var tooLong = new string('长', Announcement.TitleMaxLength + 1);

        var result = await AsAsync("secretary", s => s.SaveAsync(new AnnouncementForm { CommunityId = community, Title = "  ", Body = "\n " }, publish: true, Ct));
        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写标题。", Text(result, AnnouncementFields.Title));
        Assert.Equal("请填写正文。", Text(result, AnnouncementFields.Body));

        var tooLongResult = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, tooLong), ct: Ct));
        Assert.Equal($"标题不能超过 {Announcement.TitleMaxLength} 个字。", Text(tooLongResult, AnnouncementFields.Title));
        Assert.Equal(0, await CountAsync(tooLong));

        var noCommunity = await AsAsync("secretary", s => s.SaveAsync(NewForm(0, "没有社区"), ct: Ct));
        Assert.Equal("请选择社区。", Text(noCommunity, AnnouncementFields.Community));

        var english = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, "", ""), ct: Ct), culture: "en");
        Assert.Equal("Please enter a title.", Text(english, AnnouncementFields.Title, "en"));
    }

    [Fact]
    public async Task A_title_and_body_of_only_invisible_characters_are_refused_as_missing_and_nothing_is_saved()
    {
        var community = await QingnianhuAsync();
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var before = await db.Announcements.CountAsync(Ct);

        var result = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, UnsafeCharacters.Only, UnsafeCharacters.Only), publish: true, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("请填写标题。", Text(result, AnnouncementFields.Title));
        Assert.Equal("请填写正文。", Text(result, AnnouncementFields.Body));
        Assert.Equal(before, await db.Announcements.CountAsync(Ct));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_the_other_version_and_the_first_edit_survives()
    {
        var community = await QingnianhuAsync();
        var created = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, "并发编辑", "原文"), publish: true, Ct));
        var secretaryCopy = (await AsAsync("secretary", s => s.GetForEditAsync(created.Id, Ct)))!;
        var adminCopy = (await AsAsync("admin", s => s.GetForEditAsync(created.Id, Ct)))!;

        adminCopy.Body = "管理员的修改";
        Assert.True((await AsAsync("admin", s => s.SaveAsync(adminCopy, ct: Ct))).Succeeded);

        secretaryCopy.Body = "书记的修改";
        var conflict = await AsAsync("secretary", s => s.SaveAsync(secretaryCopy, ct: Ct));

        Assert.Equal(Outcome.Conflict, conflict.Outcome);
        Assert.Contains("其他人修改了这条公告", Text(conflict));
        Assert.Equal("管理员的修改", conflict.Current!.Body);
        Assert.Equal("书记的修改", secretaryCopy.Body);
        Assert.Equal("管理员的修改", (await AsAsync("resident", s => s.OpenAsync(created.Id, Ct)))!.BodyHtml.Trim()[3..^4]);

        // Saving again on the version now shown deliberately overwrites.
        secretaryCopy.Version = conflict.Current.Version;
        Assert.True((await AsAsync("secretary", s => s.SaveAsync(secretaryCopy, ct: Ct))).Succeeded);
        Assert.Contains("书记的修改", (await AsAsync("resident", s => s.OpenAsync(created.Id, Ct)))!.BodyHtml);

        // Withdraw and delete also refuse a stale version.
        Assert.Equal(Outcome.Conflict, (await AsAsync("secretary", s => s.WithdrawAsync(created.Id, adminCopy.Version, Ct))).Outcome);
        Assert.Equal(Outcome.Conflict, (await AsAsync("secretary", s => s.DeleteAsync(created.Id, adminCopy.Version, Ct))).Outcome);
        Assert.Equal(1, await CountAsync("并发编辑"));
    }

    [Fact]
    public async Task Withdrawing_hides_it_from_members_and_from_their_unread_count()
    {
        var community = await QingnianhuAsync();
        var created = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, "将被撤回"), publish: true, Ct));
        var unreadWith = (await AsAsync("member", s => s.UnreadAsync(ct: Ct))).Count;
        var version = (await AsAsync("secretary", s => s.GetForEditAsync(created.Id, Ct)))!.Version;

        var withdrawn = await AsAsync("secretary", s => s.WithdrawAsync(created.Id, version, Ct));

        Assert.True(withdrawn.Succeeded);
        Assert.Null(await AsAsync("member", s => s.OpenAsync(created.Id, Ct)));
        Assert.Equal(unreadWith - 1, (await AsAsync("member", s => s.UnreadAsync(ct: Ct))).Count);
        Assert.Equal(AnnouncementStatus.Withdrawn, (await AsAsync("secretary", s => s.OpenAsync(created.Id, Ct)))!.Status);
        var again = await AsAsync("secretary", s => s.WithdrawAsync(created.Id, version, Ct));
        Assert.Equal(Outcome.Conflict, again.Outcome);
    }

    [Fact]
    public async Task Markdown_cannot_carry_script_into_the_readers_page()
    {
        var community = await QingnianhuAsync();
        const string body = "<script>alert('xss')</script>\n\n[领取补贴](javascript:alert(document.cookie))\n\n![](x\" onerror=\"alert(1))\n\n<img src=x onerror=alert(1)>";
        var created = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, "XSS 测试", body), publish: true, Ct));

        var view = (await AsAsync("resident", s => s.OpenAsync(created.Id, Ct)))!;

        Assert.DoesNotContain("<script", view.BodyHtml);
        Assert.DoesNotContain("<img src=x", view.BodyHtml);
        Assert.DoesNotContain("javascript:", view.BodyHtml);
        Assert.DoesNotContain("\" onerror=\"", view.BodyHtml);
        Assert.Contains("领取补贴", view.BodyHtml);
        Assert.Contains("&lt;script&gt;", view.BodyHtml);
    }

    [Fact]
    public async Task Changes_are_audited_with_the_author()
    {
        var community = await QingnianhuAsync();
        var created = await AsAsync("secretary", s => s.SaveAsync(NewForm(community, "审计测试"), publish: true, Ct));

        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Announcement) && a.EntityId == created.Id.ToString()).ToListAsync(Ct);
        var create = Assert.Single(entries, e => e.Action == AuditAction.Create);
        Assert.Equal("secretary", create.UserName);
    }

    [Fact]
    public async Task Search_and_paging_cover_the_users_communities_only()
    {
        var community = await QingnianhuAsync();
        for (var i = 1; i <= 12; i++)
            Assert.True((await AsAsync("secretary", s => s.SaveAsync(NewForm(community, $"分页公告 {i:00}"), publish: true, Ct))).Succeeded);
        await AsAsync("admin", async s => await s.SaveAsync(NewForm(await AndeliAsync(), "分页公告 安德里"), publish: true, Ct));

        var first = await AsAsync("resident", s => s.ListAsync(new AnnouncementQuery("分页公告", 0, 10), Ct));
        var second = await AsAsync("resident", s => s.ListAsync(new AnnouncementQuery("分页公告", 10, 10), Ct));

        Assert.Equal(12, first.Total);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        // Newest first.
        Assert.Equal("分页公告 12", first.Items[0].Title);
        Assert.Equal("分页公告 01", second.Items[^1].Title);
        Assert.Empty((await AsAsync("resident", s => s.ListAsync(new AnnouncementQuery("没有这样的公告"), Ct))).Items);
        Assert.Equal(13, (await AsAsync("admin", s => s.ListAsync(new AnnouncementQuery("分页公告"), Ct))).Total);
    }
}

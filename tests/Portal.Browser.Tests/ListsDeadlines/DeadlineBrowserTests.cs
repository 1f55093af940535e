using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Lists.Deadlines;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.ListsDeadlines;

/// <summary>
/// The portal on real Kestrel whose own monitor rounds are a day apart, so that only the rounds a test runs send
/// notifications and the bell's counts are predictable.
/// </summary>
public sealed class DeadlineServerFixture : IDisposable
{
    public PortalHost Portal { get; } = new(useKestrel: true, settings: new Dictionary<string, string?> { ["Lists:MonitorIntervalSeconds"] = "86400" });

    public Uri BaseAddress => Portal.BaseAddress;

    public void Dispose() => Portal.Dispose();
}

/// <summary>Deadline rules and reminders in a real browser.</summary>
public sealed class DeadlineBrowserTests(BrowserFixture browser, DeadlineServerFixture server) : IClassFixture<DeadlineServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    private async Task<PortalDbContext> DbAsync() =>
        await server.Portal.NewDbContextAsync(Ct);

    [Fact]
    public async Task The_secretary_edits_the_rules_a_bad_value_is_refused_and_a_good_one_becomes_the_next_version()
    {
        int community;
        int before;
        await using (var db = await DbAsync())
        {
            var secretaryId = await db.Set<PortalUser>().Where(u => u.UserName == "secretary").Select(u => u.Id).SingleAsync(Ct);
            community = await db.RoleAssignments.Where(r => r.UserId == secretaryId && r.Role == PortalRole.CommunitySecretary).Select(r => r.ScopeId).FirstAsync(Ct);
            before = await db.DeadlineRuleSets.Where(r => r.CommunityId == community).Select(r => (int?)r.VersionNumber).MaxAsync(Ct) ?? 0;
        }
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary");
        await page.GotoAsync("/lists/rules");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("rules-page")).ToHaveAttributeAsync("data-version", before.ToString());
        await Expect(page.GetByTestId("rule-emergency")).ToHaveTextAsync("2 小时");

        await page.GetByTestId("rules-edit").ClickAsync();
        await InputOf(page, "input-emergency").FillAsync("0");
        // Commit the value (the field binds on change) before saving, as a user tabbing out would.
        await InputOf(page, "input-emergency").PressAsync("Tab");
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(page.GetByTestId("rules-error")).ToContainTextAsync("时限必须大于零");
        // Nothing saved: the page still shows the same version and the database holds no new one.
        await Expect(page.GetByTestId("rules-page")).ToHaveAttributeAsync("data-version", before.ToString());
        await using (var db = await DbAsync())
            Assert.Equal(before, await db.DeadlineRuleSets.Where(r => r.CommunityId == community).MaxAsync(r => (int?)r.VersionNumber, Ct) ?? 0);

        await InputOf(page, "input-emergency").FillAsync("3");
        await InputOf(page, "input-emergency").PressAsync("Tab");
        // The preview follows the values entered.
        await Expect(page.GetByTestId("preview-row")).ToHaveCountAsync(4);
        await page.GetByTestId("rules-save").ClickAsync();

        await Expect(page.GetByTestId("rules-saved")).ToContainTextAsync($"第 {before + 1} 版");
        await Expect(page.GetByTestId("rules-page")).ToHaveAttributeAsync("data-version", (before + 1).ToString());
        await Expect(page.GetByTestId("rule-emergency")).ToHaveTextAsync("3 小时");
        await Expect(page.Locator($"[data-testid=rules-history-row][data-version='{before + 1}']")).ToBeVisibleAsync();
        await using (var db = await DbAsync())
        {
            var latest = await db.DeadlineRuleSets.Where(r => r.CommunityId == community).OrderByDescending(r => r.VersionNumber).FirstAsync(Ct);
            Assert.Equal(before + 1, latest.VersionNumber);
            Assert.Equal(180, latest.EmergencyMinutes);
        }
    }

    [Fact]
    public async Task A_resident_sees_the_rules_read_only()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "resident");
        await page.GotoAsync("/lists/rules");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("rules-readonly")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("rules-edit")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("rules-history")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_overdue_reminder_appears_live_in_the_liaisons_bell_and_opening_it_marks_it_read()
    {
        var monitor = server.Portal.Services.GetRequiredService<DeadlineMonitor>();
        // Let the demo data's own overdue items be reminded first, so the round below adds exactly this test's reminder.
        await monitor.RunOnceAsync(Ct);

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "liaison");
        await Expect(page.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15_000 });
        var before = int.Parse((await page.GetByTestId("notification-count").TextContentAsync())!.Trim());
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        const string title = "浏览器提醒测试：路灯不亮";
        int itemId;
        await using (var db = await DbAsync())
        {
            var liaisonId = await db.Set<PortalUser>().Where(u => u.UserName == "liaison").Select(u => u.Id).SingleAsync(Ct);
            var unitId = await db.RoleAssignments.Where(r => r.UserId == liaisonId && r.Role == PortalRole.UnitLiaison).Select(r => r.ScopeId).FirstAsync(Ct);
            var communityId = await db.Communities.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            var dispatched = DateTime.UtcNow.AddHours(-3);
            var item = new WorkItem
            {
                Kind = WorkItemKind.Need,
                Title = title,
                Category = "Other",
                Urgency = Urgency.Emergency,
                CommunityId = communityId,
                RaisedByName = "测试",
                RaisedAtUtc = dispatched.AddMinutes(-30),
                OwnerUnitId = unitId,
                // Two hours for an emergency: an hour overdue now, well inside the day of grace.
                DueAtUtc = dispatched.AddHours(2),
            };
            Assert.True(item.Apply(WorkItemAction.Triage, dispatched.AddMinutes(-10)).Allowed);
            Assert.True(item.Apply(WorkItemAction.Dispatch, dispatched).Allowed);
            db.WorkItems.Add(item);
            await db.SaveChangesAsync(Ct);
            itemId = item.Id;
        }

        await monitor.RunOnceAsync(Ct);

        await Expect(page.GetByTestId("notification-count")).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 5_000 });
        Assert.Equal(0, navigations);
        await page.GetByTestId("notification-button").ClickAsync();
        var entry = page.GetByTestId("notification-item").Filter(new() { HasText = title });
        await Expect(entry).ToHaveTextAsync(new Regex("已超过办理期限"));
        await Expect(entry).ToHaveAttributeAsync("data-unread", "true");

        await entry.ClickAsync();
        await page.WaitForURLAsync($"**/lists/items/{itemId}");
        await using (var db = await DbAsync())
            Assert.NotNull((await db.Notifications.SingleAsync(n => n.WorkItemId == itemId, Ct)).ReadAtUtc);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Live;
using Portal.Web.Features.Platform;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.ListsDashboard;

public sealed class DashboardPageTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_secretary_sees_figures_and_charts_that_follow_changes_live()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "secretary");
        await page.GotoAsync("/lists/dashboard");
        await PortalPage.WaitForCircuitAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("书记工作台");
        var raised = page.Locator("[data-testid=kpi-raised-value]");
        await Expect(raised).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
        await Expect(page.Locator("[data-testid=kpi-satisfaction-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)?%$"));
        await Expect(page.Locator("[data-testid=kpi-response-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"%$"));
        // Charts are drawn (SVG with series paths), and the unit table shows overdue items linking to the list.
        await Expect(page.Locator("[data-testid=dashboard-volume-chart] .rz-column-series path").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-satisfaction-chart] .rz-line-series path").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-units-chart] .rz-bar-series path").First).ToBeVisibleAsync();
        var overdueLinks = page.Locator("[data-testid=unit-overdue]");
        await Expect(overdueLinks.First).ToBeVisibleAsync();
        Assert.Contains(await overdueLinks.Locator("xpath=ancestor::tbody").Locator("[data-testid=unit-overdue]").AllTextContentsAsync(), t => int.Parse(t) > 0);
        Assert.Contains("deadline=overdue", await overdueLinks.First.GetAttributeAsync("href"));

        // Period picker: this month shows a range of the current month.
        await page.GetByText("本月", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=dashboard-range]")).ToContainTextAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy/M/") );
        var before = int.Parse(await raised.TextContentAsync() ?? "0");

        // Live: a need raised elsewhere (saved and announced on the community's lists topic) shows up without a reload.
        await using (var scope = server.Portal.Services.CreateAsyncScope())
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            await using var _ = db;
            var community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
            var item = new WorkItem { Kind = WorkItemKind.Need, Title = "路灯不亮", Category = WorkItemCategories.Safety, CommunityId = community, RaisedByName = "测试居民", RaisedAtUtc = DateTime.UtcNow };
            db.WorkItems.Add(item);
            await db.SaveChangesAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<LiveEventBus>().PublishAsync(ListsTopics.For(community), WorkItemEvents.Changed, new WorkItemChanged(item.Id, item.Status, item.Kind), Ct);
        }
        await Expect(raised).ToHaveTextAsync((before + 1).ToString());
    }

    [Fact]
    public async Task A_resident_is_refused()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "resident");
        await page.GotoAsync("/lists/dashboard");
        await Expect(page.Locator("[data-testid=dashboard-refused]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-kpis]")).ToHaveCountAsync(0);
    }
}

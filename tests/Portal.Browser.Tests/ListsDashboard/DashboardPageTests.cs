using Portal.Web.Features.Lists;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Kit.Live;
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
        // Charts are drawn: each SVG shows, with a column per month and series, the line, and a bar part per unit and
        // series. (MudChart draws a column as a thick stroke along a line, whose own box has no width: Playwright would
        // call the column itself invisible, so the columns are counted in a visible chart.) The unit table shows
        // overdue items linking to the list.
        await Expect(page.Locator("[data-testid=dashboard-volume-chart] svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-volume-chart] path.mud-chart-bar")).ToHaveCountAsync(24);
        await Expect(page.Locator("[data-testid=dashboard-satisfaction-chart] path.mud-chart-line").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=dashboard-units-chart] svg").First).ToBeVisibleAsync();
        Assert.Equal(3 * await page.GetByTestId("dashboard-unit-row").CountAsync(),
            await page.Locator("[data-testid=dashboard-units-chart] path.mud-chart-bar").CountAsync());
        var overdueLinks = page.Locator("[data-testid=unit-overdue]");
        await Expect(overdueLinks.First).ToBeVisibleAsync();
        Assert.Contains(await overdueLinks.Locator("xpath=ancestor::tbody").Locator("[data-testid=unit-overdue]").AllTextContentsAsync(), t => int.Parse(t) > 0);
        Assert.Contains("deadline=overdue", await overdueLinks.First.GetAttributeAsync("href"));

        // Period picker: this month shows a range of the current month.
        await page.GetByText("本月", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=dashboard-range]")).ToContainTextAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy/M/") );
        // The figures follow the range a moment later: read the count once its link names this month.
        var today = DateTime.UtcNow.AddHours(8);
        var month = $"from={today:yyyy-MM}-01&to={today:yyyy-MM}-{DateTime.DaysInMonth(today.Year, today.Month):D2}";
        await Expect(raised).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(month + "$"));
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
            await scope.ServiceProvider.GetRequiredService<LiveEventBus>().PublishAsync(ListsChannels.For(community), WorkItemEvents.Changed, new WorkItemChanged(item.Id, item.Status, item.Kind), Ct);
        }
        await Expect(raised).ToHaveTextAsync((before + 1).ToString());
    }

    [Fact]
    public async Task Every_figure_links_to_the_items_behind_it_and_the_charts_use_the_portal_palette()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "secretary");
        await page.GotoAsync("/lists/dashboard");
        await PortalPage.WaitForCircuitAsync(page);
        var year = DateTime.UtcNow.AddHours(8).Year;
        var period = $"&from={year}-01-01&to={year}-12-31";

        // A count links to its items; a rate's value and its denominator to every item counted, its numerator to those that met it.
        await Expect(page.GetByTestId("kpi-raised-value")).ToHaveAttributeAsync("href", new Regex(@"^lists\?community=\d+&metric=raised&part=all" + period + "$"));
        foreach (var metric in new[] { "response", "resolution", "ontime", "satisfaction", "claim" })
        {
            var name = metric == "ontime" ? "onTime" : metric;
            var all = new Regex(@"^lists\?community=\d+&metric=" + name + "&part=all" + period + "$");
            await Expect(page.GetByTestId($"kpi-{metric}-value")).ToHaveAttributeAsync("href", all);
            await Expect(page.GetByTestId($"kpi-{metric}-all")).ToHaveAttributeAsync("href", all);
            await Expect(page.GetByTestId($"kpi-{metric}-met")).ToHaveAttributeAsync("href", new Regex(@"^lists\?community=\d+&metric=" + name + "&part=met" + period + "$"));
        }
        // The rate shown is the two counts' quotient.
        var met = int.Parse(await page.GetByTestId("kpi-satisfaction-met").TextContentAsync() ?? "");
        var counted = int.Parse(await page.GetByTestId("kpi-satisfaction-all").TextContentAsync() ?? "");
        Assert.True(counted > 0);
        await Expect(page.GetByTestId("kpi-satisfaction-value")).ToHaveTextAsync(Math.Round(100.0 * met / counted, 1, MidpointRounding.AwayFromZero).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%");

        // Each month of the trends links to the month's raised and closed items, from the table (keyboard) and from the chart (mouse).
        var raisedLinks = page.GetByTestId("trend-raised");
        await Expect(raisedLinks).ToHaveCountAsync(12);
        var thisMonth = DateTime.UtcNow.AddHours(8);
        var first = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var monthRange = $"&from={first:yyyy-MM-dd}&to={first.AddMonths(1).AddDays(-1):yyyy-MM-dd}";
        await Expect(raisedLinks.Last).ToHaveAttributeAsync("href", new Regex(@"^lists\?community=\d+&metric=raised&part=all" + monthRange + "$"));
        await Expect(page.GetByTestId("trend-closed").Last).ToHaveAttributeAsync("href", new Regex(@"^lists\?community=\d+&metric=closed&part=all" + monthRange + "$"));
        await raisedLinks.Last.FocusAsync();
        await Expect(raisedLinks.Last).ToBeFocusedAsync();

        // Party red and neutrals, not the library's default palette: raised columns red, closed grey, overdue bars red.
        // MudChart draws the columns series by series (the twelve raised months, then the twelve closed) and stacks a
        // unit's bars in series order (in time, due soon, overdue), drawing stacked bars with their stroke.
        var columns = page.Locator("[data-testid=dashboard-volume-chart] path.mud-chart-bar");
        await Expect(columns).ToHaveCountAsync(24);
        await Expect(columns.First).ToHaveCSSAsync("fill", "rgb(198, 40, 40)");
        await Expect(columns.Nth(12)).ToHaveCSSAsync("fill", "rgb(97, 97, 97)");
        await Expect(page.Locator("[data-testid=dashboard-satisfaction-chart] path.mud-chart-line").First).ToHaveCSSAsync("stroke", "rgb(198, 40, 40)");
        await Expect(page.Locator("[data-testid=dashboard-units-chart] path.mud-chart-bar").Nth(2)).ToHaveCSSAsync("stroke", "rgb(198, 40, 40)");

        // A click on a month's raised column opens that month's raised items.
        var months = await raisedLinks.AllTextContentsAsync();
        var busiest = months.Select((text, index) => (Count: int.Parse(text), Index: index)).MaxBy(m => m.Count).Index;
        var href = await raisedLinks.Nth(busiest).GetAttributeAsync("href");
        var label = await raisedLinks.Nth(busiest).GetAttributeAsync("data-month");
        var column = columns.Nth(busiest);
        // The click opens the column whose tooltip shows: hover until the tooltip names the month (the chart may still be
        // settling into its first layout), then click.
        var tooltip = page.Locator("[data-testid=dashboard-volume-chart] .mud-charts-tooltip");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            // Forced past Playwright's visibility check (a column is a stroke, see above); the pointer goes to its middle.
            await column.HoverAsync(new() { Force = true });
            try
            {
                await Expect(tooltip).ToContainTextAsync(label!, new() { Timeout = 1_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 10)
            {
                await page.Mouse.MoveAsync(0, 0);
            }
        }
        await column.ClickAsync(new() { Force = true });
        await page.WaitForURLAsync(url => url.EndsWith("/" + href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_satisfaction_chart_keeps_every_month_on_its_axis_and_leaves_months_without_ratings_as_gaps()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "secretary");
        await page.GotoAsync("/lists/dashboard");
        await PortalPage.WaitForCircuitAsync(page);
        // The demo year has months nobody rated anything in (the table says so).
        await Expect(page.GetByTestId("trend-raised")).ToHaveCountAsync(12);
        Assert.True(await page.GetByTestId("trend-table").Locator("[aria-label='本月没有评价']").CountAsync() > 0, "a month without ratings");

        // Both charts label the same twelve months; the satisfaction line has no point for the months without ratings.
        var volumeAxis = page.Locator("[data-testid=dashboard-volume-chart] .mud-charts-xaxis text");
        var satisfactionAxis = page.Locator("[data-testid=dashboard-satisfaction-chart] .mud-charts-xaxis text");
        await Expect(volumeAxis.First).ToBeVisibleAsync();
        await Expect(satisfactionAxis).ToHaveTextAsync((await volumeAxis.AllTextContentsAsync()).ToArray());
        var rated = await page.GetByTestId("trend-satisfaction").CountAsync();
        await Expect(volumeAxis).ToHaveCountAsync(12);
        // A marker per rated month (MudChart adds an invisible, larger hover target per point: not a marker).
        await Expect(page.Locator("[data-testid=dashboard-satisfaction-chart] circle.mud-chart-point:not(.mud-chart-hover-point)")).ToHaveCountAsync(rated);
    }

    [Fact]
    public async Task Clicking_a_figure_opens_a_list_with_as_many_items_as_the_figure()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "secretary");
        // KPIs of this year, and last month's closed and raised items from the trend table.
        foreach (var figure in new[] { "kpi-raised-value", "kpi-satisfaction-met", "kpi-resolution-all", "kpi-claim-met", "trend-closed", "trend-raised" })
        {
            await page.GotoAsync("/lists/dashboard");
            await PortalPage.WaitForCircuitAsync(page);
            var link = figure.StartsWith("trend-", StringComparison.Ordinal) ? page.GetByTestId(figure).Nth(10) : page.GetByTestId(figure);
            await Expect(link).ToHaveTextAsync(new Regex(@"^\d+$"));
            var count = await link.TextContentAsync();
            await link.ClickAsync();
            await page.WaitForURLAsync(new Regex("/lists\\?community="));
            await Expect(page.GetByTestId("needs-total")).ToHaveTextAsync($"共 {count} 项");
        }
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

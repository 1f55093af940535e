using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Accounts;

/// <summary>The audit log page in Chromium: search, what changed, and the export with the same filter.</summary>
public sealed class AuditBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task Admin_filters_the_log_sees_what_changed_and_exports_the_same_selection()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/audit");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("审计日志");
        var rows = page.Locator("tr.audit-row");
        await Expect(rows.First).ToBeVisibleAsync();

        // The demo data's street was created by the system at first start.
        // Each choice is confirmed on the dropdown before the next: under load a click on the second dropdown could
        // otherwise land while the first one's popup was still closing, and the choice was lost (seen once in CI).
        await PortalPage.PickAsync(page, "audit-filter-type", "街道");
        await Expect(page.GetByTestId("audit-filter-type")).ToHaveValueAsync("街道");
        await PortalPage.PickAsync(page, "audit-filter-action", "新增");
        await Expect(page.GetByTestId("audit-filter-action")).ToHaveValueAsync("新增");
        await page.GetByTestId("audit-search").ClickAsync();

        var row = rows;
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("audit-entry")).ToHaveAttributeAsync("data-entity-type", "Street");
        await Expect(row.GetByTestId("audit-entry")).ToHaveAttributeAsync("data-action", "Create");
        await Expect(row).ToContainTextAsync("系统");
        await row.GetByText("查看变更").ClickAsync();
        await Expect(row.Locator("[data-testid=audit-change][data-property=Name]")).ToContainTextAsync("和平里街道");

        // No edit or delete anywhere on the page.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "删除" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "编辑" })).ToHaveCountAsync(0);

        var export = page.GetByTestId("audit-export");
        await Expect(export).ToHaveAttributeAsync("href", "/api/audit.csv?entityType=Street&action=Create");
        var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
        var path = await download.PathAsync();
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("时间（北京时间）,用户,对象类型,对象编号,操作,变更内容", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("和平里街道", lines[1]);
        Assert.Contains(",系统,街道,", lines[1]);

        // Reset brings back everything.
        await page.GetByTestId("audit-reset").ClickAsync();
        await Expect(export).ToHaveAttributeAsync("href", "/api/audit.csv");
        await Expect(page.GetByTestId("audit-filter-type")).ToHaveValueAsync("");
        await Expect(rows).Not.ToHaveCountAsync(1);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Text;
using Portal.Web.Data;
using Portal.Web.Features.Platform;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.ListsExport;

/// <summary>
/// The needs list in Chromium: filters picked in the inputs go into the address, show as chips that clear, follow
/// back/forward, and the export buttons download exactly the filtered list.
/// </summary>
public sealed partial class ListFiltersExportBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IPage> SecretaryOnListAsync(IBrowserContext context, string path = "/lists")
    {
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "secretary");
        await page.GotoAsync(path);
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("needs-filters")).ToBeVisibleAsync();
        return page;
    }


    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.GetByTestId("needs-total").TextContentAsync();
        return int.Parse(Digits().Match(text!).Value);
    }

    [Fact]
    public async Task Filters_go_into_the_address_show_as_chips_and_the_csv_export_holds_the_filtered_rows()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await SecretaryOnListAsync(context);
        await Expect(page.GetByTestId("needs-chips")).ToHaveCountAsync(0);
        var unfiltered = await TotalAsync(page);

        await PickAsync(page, "needs-status", "未办结（全部进行中状态）");
        await PickAsync(page, "needs-kind", "需求");
        await page.GetByTestId("needs-apply").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/lists\?kind=need&status=open$"));
        var chips = page.GetByTestId("needs-chip");
        await Expect(chips).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=needs-chip][data-key=status]")).ToContainTextAsync("状态：未办结");
        await Expect(page.Locator("[data-testid=needs-chip][data-key=kind]")).ToContainTextAsync("类型：需求");
        var export = page.GetByTestId("needs-export-csv");
        await Expect(export).ToHaveAttributeAsync("href", "/api/lists/export?format=csv&kind=need&status=open");
        await Expect(page.GetByTestId("needs-export-docx")).ToHaveAttributeAsync("href", "/api/lists/export?format=docx&kind=need&status=open");
        var filtered = await TotalAsync(page);
        Assert.True(filtered > 0 && filtered < unfiltered, $"{filtered} of {unfiltered}");
        var shownTitles = await page.GetByTestId("need-link").AllTextContentsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
        Assert.Matches(@"^工作事项清单-\d{8}\.csv$", download.SuggestedFilename);
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!, Ct));
        var records = CsvReader.Parse(csv);
        Assert.Equal("序号,标题,类型,分类,状态,网格,责任单位,提出时间,办理时限,是否超期", string.Join(',', records[0].Fields));
        var rows = records.Skip(1).ToList();
        Assert.Equal(filtered, rows.Count);
        Assert.All(rows, r => Assert.Equal("需求", r[2]));
        Assert.All(rows, r => Assert.DoesNotContain(r[4], new[] { "已销号", "不予受理" }));
        // The page shows the first page of the same rows, in the same order.
        Assert.Equal(shownTitles.Select(t => t.Trim()), rows.Take(shownTitles.Count).Select(r => r.Fields[1]));

        // The Word export of the same list downloads too and holds the same number of rows.
        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("needs-export-docx").ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename, StringComparison.Ordinal);
        using (var document = WordprocessingDocument.Open((await word.PathAsync())!, false))
            Assert.Equal(filtered + 1, document.MainDocumentPart!.Document.Body!.Elements<Table>().Single().Elements<TableRow>().Count());
    }

    [Fact]
    public async Task A_shared_link_opens_filtered_chips_clear_and_back_restores()
    {
        var community = await CommunityIdAsync();
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await SecretaryOnListAsync(context, $"/lists?community={community}&deadline=overdue&status=open");

        await Expect(page.GetByTestId("needs-chip")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=needs-chip][data-key=deadline]")).ToContainTextAsync("时限：已超期");
        await Expect(InputOf(page, "needs-deadline")).ToHaveValueAsync(new Regex("已超期"));
        await Expect(InputOf(page, "needs-status")).ToHaveValueAsync(new Regex("未办结"));
        var overdue = await TotalAsync(page);
        Assert.True(overdue > 0);
        // Every listed row is marked overdue.
        await Expect(page.Locator("[data-testid=need-due][data-overdue=true]")).ToHaveCountAsync(Math.Min(overdue, 20));
        await Expect(page.GetByTestId("need-due")).ToHaveCountAsync(Math.Min(overdue, 20));

        // Clearing the deadline chip is a navigation: the address and the list follow, the circuit stays.
        await page.Locator("[data-testid=needs-chip][data-key=deadline]").GetByTestId("needs-chip-clear").ClickAsync();
        await page.WaitForURLAsync(new Regex($@"/lists\?community={community}&status=open$"));
        await Expect(page.GetByTestId("needs-chip")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("needs-total")).Not.ToHaveTextAsync($"共 {overdue} 项");
        await Expect(page.GetByTestId("needs-export-csv")).ToHaveAttributeAsync("href", $"/api/lists/export?format=csv&community={community}&status=open");

        // Back brings the overdue list again (the page reacts to the address changing under it).
        await page.GoBackAsync();
        await Expect(page.GetByTestId("needs-chip")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("needs-total")).ToHaveTextAsync($"共 {overdue} 项");

        // "Clear all" leaves the bare list.
        await page.GetByTestId("needs-chips-clear-all").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/lists$"));
        await Expect(page.GetByTestId("needs-chips")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("needs-export-csv")).ToHaveAttributeAsync("href", "/api/lists/export?format=csv");
        // All of it happened inside the one page: no reload of the document.
        await Expect(page.Locator("[data-circuit-ready]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_resident_starts_on_their_own_needs_and_can_leave_that_default()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "resident");
        await page.GotoAsync("/lists");
        await PortalPage.WaitForCircuitAsync(page);

        await Expect(page.Locator("[data-testid=needs-chip][data-key=mine]")).ToContainTextAsync("只看我的");
        var mineBox = InputOf(page, "needs-mine");
        await Expect(mineBox).ToBeCheckedAsync();
        // The export link says "mine" explicitly: the file is what the resident sees, whatever the endpoint's defaults.
        await Expect(page.GetByTestId("needs-export-csv")).ToHaveAttributeAsync("href", "/api/lists/export?format=csv&mine=1");
        // Managers' filters are not offered to a resident.
        await Expect(page.GetByTestId("needs-unit")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=needs-chip][data-key=mine]").GetByTestId("needs-chip-clear").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/lists\?mine=0$"));
        await Expect(page.GetByTestId("needs-chips")).ToHaveCountAsync(0);
        await Expect(mineBox).Not.ToBeCheckedAsync();
        await Expect(page.GetByTestId("needs-export-csv")).ToHaveAttributeAsync("href", "/api/lists/export?format=csv");
    }

    private async Task<int> CommunityIdAsync()
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        var name = DemoDataSeeder.CommunityNames[0];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Portal.Testing.ResidentNeeds;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>
/// Issue 11, item 7: a resident's own pages on a 390×844 phone. Before MudBlazor, "my needs" squeezed each title to one
/// or two characters per line and cut the dates off; now the list is cards (title on top in full, status, dates) and
/// forms are one column with full-width buttons, with nothing scrolling sideways.
/// </summary>
public sealed partial class ResidentPhoneBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [GeneratedRegex("/lists/items/(\\d+)$")]
    private static partial Regex ItemAddress();

    [Fact]
    public async Task On_a_phone_a_resident_raises_a_need_in_one_column_and_lands_on_it()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(context, "resident", "/lists/needs/new");
        await Expect(page.GetByTestId("raise-form")).ToBeVisibleAsync();

        await AssertNoSidewaysScrollAsync(page);
        await AssertReadableAsync(page.GetByTestId("raise-title"), "the title field", 280);
        await AssertTouchableAsync(page.GetByTestId("raise-category"), "the category");
        var submit = page.GetByTestId("raise-submit");
        await AssertTouchableAsync(submit, "提交");
        var box = await submit.BoundingBoxAsync();
        Assert.True(box!.Width >= 300, $"the primary button is {box.Width} px wide, not the form's width");

        await page.GetByTestId("raise-title").FillAsync("手机上报：小区东门路灯不亮");
        await page.GetByTestId("raise-description").FillAsync("东门外两盏路灯都不亮，晚上看不清路。");
        await PortalPage.PickAsync(page, "raise-category", "平安建设");
        await AssertNoSidewaysScrollAsync(page);
        await submit.ClickAsync();
        await page.WaitForURLAsync(ItemAddress());
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("item-title")).ToHaveTextAsync("手机上报：小区东门路灯不亮");
        await Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Raised");
        await AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task On_a_phone_my_needs_are_cards_with_the_title_in_full_the_status_and_the_dates()
    {
        const string title = "三号楼电梯经常停在八楼不动，老人上下楼很不方便";
        var id = await RaiseAsync(server.Portal, title, ct: TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(context, "resident", "/lists");

        var card = page.Locator($"[data-testid=need-row][data-id='{id}']");
        await Expect(card).ToContainTextAsync(title);
        await AssertNoSidewaysScrollAsync(page);
        await AssertReadableAsync(card.GetByTestId("need-link"), "the need's title");
        await Expect(card.GetByTestId("need-link")).ToHaveTextAsync(title);
        // The row of the list the title is in (on a phone, its card).
        var row = page.Locator("tr").Filter(new() { Has = card });
        await AssertOnScreenAsync(row.GetByTestId("need-status"), "the status");
        var raised = row.GetByTestId("need-raised");
        await Expect(raised).ToHaveTextAsync(new Regex(@"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}"));
        await AssertOneLineAsync(raised, "the raised date");
        await AssertTouchableAsync(page.GetByTestId("raise-need"), "提出诉求");
        // The filters a resident rarely needs wait behind "更多筛选", so the list starts on the first screen.
        await Expect(page.GetByTestId("needs-status")).ToBeHiddenAsync();
        var firstRow = await page.Locator("[data-testid=need-row]").First.BoundingBoxAsync();
        Assert.True(firstRow is { } r && r.Y < BrowserFixture.Phone.Height, $"the first need starts at {firstRow?.Y} px, below the first screen");
        await AssertTouchableAsync(page.GetByTestId("needs-more-filters"), "更多筛选");
        await page.GetByTestId("needs-more-filters").ClickAsync();
        await Expect(page.GetByTestId("needs-status")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);

        // The card leads to the need.
        await card.GetByTestId("need-link").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/lists/items/{id}$"));
        await Expect(page.GetByTestId("item-title")).ToHaveTextAsync(title);
        await AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task On_a_phone_a_resident_rates_a_handled_need_with_touchable_controls()
    {
        var id = await RaiseAsync(server.Portal, "手机评价：楼顶水箱漏水已修好", reported: true, TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(context, "resident", $"/lists/items/{id}");
        await Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Reported");
        await AssertNoSidewaysScrollAsync(page);
        await AssertReadableAsync(page.GetByTestId("item-title"), "the need's title");

        var rate = page.GetByTestId("action-Rate");
        await AssertTouchableAsync(rate, "评单");
        await rate.ClickAsync();
        await Expect(page.GetByTestId("action-form")).ToHaveAttributeAsync("data-action", "Rate");
        await AssertTouchableAsync(page.GetByTestId("rate-satisfaction"), "the rating");
        await AssertTouchableAsync(page.GetByTestId("action-submit"), "确认");
        await PortalPage.PickAsync(page, "rate-satisfaction", "满意");
        await page.GetByTestId("action-note").FillAsync("修得很快，谢谢。");
        await AssertNoSidewaysScrollAsync(page);
        await page.GetByTestId("action-submit").ClickAsync();

        await Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Rated");
        await Expect(page.GetByTestId("item-rating")).ToHaveTextAsync("满意");
        await Expect(page.GetByTestId("history-note").Last).ToContainTextAsync("修得很快，谢谢。");
        await AssertNoSidewaysScrollAsync(page);
    }
}

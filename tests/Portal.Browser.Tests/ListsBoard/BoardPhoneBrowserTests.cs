using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static Portal.Testing.ResidentNeeds;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.ListsBoard;

/// <summary>
/// Issue 11, item 7: the public board on a 390×844 phone. Before MudBlazor its tables squeezed each title to one or two
/// characters per line and cut the dates off (or scrolled sideways); now each section's rows are cards.
/// </summary>
public sealed class BoardPhoneBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task On_a_phone_the_board_shows_each_published_need_as_a_card_with_its_title_status_and_dates()
    {
        const string title = "公示栏手机测试：二号楼楼道堆放杂物影响消防通道";
        var id = await RaiseAsync(server.Portal, title, reported: true, TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var page = await PortalPage.SignedInPageAsync(context, "resident", "/lists/board");
        var needs = page.GetByTestId("board-needs");
        await Expect(needs.GetByTestId("board-needs-total")).ToBeVisibleAsync();

        await needs.GetByTestId("board-needs-search").FillAsync("公示栏手机测试");
        await AssertTouchableAsync(needs.GetByTestId("board-needs-search-button"), "搜索");
        await needs.GetByTestId("board-needs-search-button").ClickAsync();
        var card = needs.Locator($"[data-testid=board-need][data-id='{id}']");
        await Expect(card).ToContainTextAsync(title);

        await AssertNoSidewaysScrollAsync(page);
        await AssertReadableAsync(card.GetByTestId("board-need-title"), "the need's title");
        // The grid's row that holds the need: on a phone, its card.
        var row = needs.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=board-need][data-id='{id}']") });
        await Expect(row.GetByTestId("board-need-status")).ToHaveAttributeAsync("data-status", "Reported");
        await AssertOnScreenAsync(row.GetByTestId("board-need-status"), "the status");
        var raised = row.GetByTestId("board-need-raised");
        await Expect(raised).ToHaveTextAsync(new Regex(@"\d{4}/\d{1,2}/\d{1,2}"));
        await AssertOneLineAsync(raised, "the raised date");
        var due = row.GetByTestId("board-need-due");
        await Expect(due).ToHaveTextAsync(new Regex(@"\d{4}/\d{1,2}/\d{1,2}"));
        await AssertOneLineAsync(due, "the deadline");

        // The other sections are cards too: each title has the card's whole width, nothing is crushed or off the screen.
        foreach (var titleId in new[] { "board-project", "board-commitment" })
        {
            var first = page.GetByTestId(titleId).First;
            if (await first.CountAsync() > 0) await AssertReadableAsync(first, titleId, 280);
        }
        await AssertNoSidewaysScrollAsync(page);
    }
}

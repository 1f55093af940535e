using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.ListsCommitments;

/// <summary>
/// The commitments ledger on a 390×844 phone: each row is a card, its content and every figure on the screen, nothing
/// scrolls sideways. (The table before the grid scrolled sideways inside its box: the scores were off the screen.)
/// </summary>
public sealed class LedgerPhoneBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task On_a_phone_each_ledger_row_is_a_card_with_its_content_and_scores_on_the_screen()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        // The secretary's first ledger: the community committee's, this year (the demo has ten and more, some assessed).
        var page = await PortalPage.SignedInPageAsync(context, "secretary", "/lists/commitments/ledger");
        var table = page.GetByTestId("ledger-table");
        var assessed = table.Locator("tbody tr").Filter(new() { Has = page.Locator("[data-testid=ledger-grade]", new() { HasTextRegex = new Regex(@"\S") }) }).First;
        await Expect(assessed).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await AssertNoSidewaysScrollAsync(page);
        await AssertReadableAsync(assessed.Locator("a[href^='lists/items/']"), "the commitment's content");
        foreach (var score in new[] { "ledger-member-score", "ledger-resident-score", "ledger-organization-score", "ledger-total-score", "ledger-grade" })
            await AssertOnScreenAsync(assessed.GetByTestId(score), score);
        // Nothing inside the ledger scrolls sideways either (a box that scrolls hides the figures at its right).
        var hidden = await table.EvaluateAsync<string?>(
            "t => [t, ...t.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')" +
            ".map(e => e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)[0] ?? null");
        Assert.Null(hidden);
        await AssertNoSidewaysScrollAsync(page);
    }
}

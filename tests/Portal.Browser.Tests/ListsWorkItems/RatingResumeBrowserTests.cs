using Portal.Testing;
using Portal.Browser.Tests.Platform;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>
/// Issue 11, item 1: a rating being written survives the server evicting the circuit while the phone slept (the
/// framework's persistent component state, decision 0018), as the need form does in
/// <see cref="ResumeBrowserTests"/>; the portal here evicts a dropped circuit after two seconds.
/// </summary>
public sealed class RatingResumeBrowserTests(BrowserFixture browser, StatefulPortalFixture server) : IClassFixture<StatefulPortalFixture>
{
    [Fact]
    public async Task A_rating_being_written_survives_the_server_evicting_the_circuit_and_can_be_sent_after_the_resume()
    {
        var id = await ResidentNeeds.RaiseAsync(server.Portal, "断线评价：单元门禁已修好", reported: true, TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        await PortalPage.TrackSocketsAsync(context);
        var page = await PortalPage.SignedInPageAsync(context, "resident", $"/lists/items/{id}");
        await Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Reported");
        await page.GetByTestId("action-Rate").ClickAsync();
        await PortalPage.PickAsync(page, "rate-satisfaction", "不满意");
        await page.GetByTestId("action-note").FillAsync("门禁还是时好时坏，晚上刷卡打不开。");

        await ReconnectBrowserTests.SleepPastEvictionAsync(page);

        // The script's reconnection is refused (the circuit is gone) and it resumes a new circuit from the saved state:
        // the rating's form is open again with what the resident chose and wrote.
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("reconnect-rejected")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("action-form")).ToHaveAttributeAsync("data-action", "Rate");
        await Expect(PortalPage.InputOf(page, "rate-satisfaction")).ToHaveValueAsync("不满意");
        await Expect(page.GetByTestId("action-note")).ToHaveValueAsync("门禁还是时好时坏，晚上刷卡打不开。");

        // The resumed page is live: sending it rates the need as chosen before the connection went (not satisfied: back to the unit).
        await page.GetByTestId("action-submit").ClickAsync();
        await Expect(page.GetByTestId("action-form")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "InProgress");
        await Expect(page.GetByTestId("history-note").Last).ToContainTextAsync("门禁还是时好时坏，晚上刷卡打不开。");
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Browser.Tests.Platform;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.CouncilMinutes;

/// <summary>
/// Issue 11, item 1: the minutes the recorder is typing survive the server evicting the circuit while the connection
/// was gone (a laptop closed, a phone asleep): the resumed page shows the text as typed, with its preview, and saving
/// it stores it (the framework's persistent component state, decision 0018).
/// </summary>
public sealed class MinutesResumeBrowserTests(BrowserFixture browser, StatefulPortalFixture server) : IClassFixture<StatefulPortalFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_minutes_being_typed_survive_the_server_evicting_the_circuit_and_are_saved_after_the_resume()
    {
        var meetingId = await CouncilMinutesTestData.HeldMeetingAsync(server.Portal, "纪要断线恢复测试会议", ("社区助餐点扩容", 15));
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await TrackSocketsAsync(context);
        // "gridworker" holds the first council's Recorder seat.
        var page = await SignedInPageAsync(context, "gridworker", $"/councils/meetings/{meetingId}/minutes");
        const string typed = "# 纪要断线恢复测试会议\n\n会议听取了助餐点扩容的汇报。\n\n会议强调，断线之前写下的每一句都要留住。\n";
        var editor = InputOf(page, "minutes-markdown");
        await editor.FillAsync(typed);
        // The preview is rendered on the server: once it shows the last line, the circuit has the whole text.
        await Expect(page.GetByTestId("minutes-preview")).ToContainTextAsync("断线之前写下的每一句都要留住。");

        await ReconnectBrowserTests.SleepPastEvictionAsync(page);

        // The script's reconnection is refused (the circuit is gone) and it resumes a new circuit from the saved state.
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("reconnect-rejected")).ToBeHiddenAsync();
        await Expect(InputOf(page, "minutes-markdown")).ToHaveValueAsync(typed);
        await Expect(page.GetByTestId("minutes-preview").Locator("h1")).ToHaveTextAsync("纪要断线恢复测试会议");
        await Expect(page.GetByTestId("minutes-preview")).ToContainTextAsync("断线之前写下的每一句都要留住。");

        // The resumed page is live: saving stores what was typed before the connection went.
        await page.GetByTestId("minutes-save").ClickAsync();
        await Expect(page.Locator(ToastSelector).Filter(new() { HasText = "草稿已保存。" })).ToBeVisibleAsync();
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        Assert.Equal(typed, await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.MinutesMarkdown).SingleAsync(Ct));
    }
}

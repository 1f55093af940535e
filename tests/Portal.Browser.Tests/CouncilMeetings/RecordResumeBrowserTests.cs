using Microsoft.Playwright;
using Portal.Browser.Tests.Platform;
using Portal.Testing;
using Portal.Web.Features.Councils.Meetings;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.CouncilMeetings;

/// <summary>
/// Issue 11: the outcome and notes typed into an agenda item's record form during a live meeting survive the server
/// evicting the circuit while the connection was gone (a laptop closed): the resumed page has the form open with the text
/// as typed, and saving it records it (the framework's persistent component state, decision 0018), as the minutes do in
/// <see cref="CouncilMinutes.MinutesResumeBrowserTests"/>.
/// </summary>
public sealed class RecordResumeBrowserTests(BrowserFixture browser, StatefulPortalFixture server) : IClassFixture<StatefulPortalFixture>
{
    private static ILocator Row(IPage page, string title) =>
        page.GetByTestId("agenda-item").Filter(new() { Has = page.GetByTestId("agenda-item-title").GetByText(title, new() { Exact = true }) });

    [Fact]
    public async Task The_record_being_typed_survives_the_server_evicting_the_circuit_and_is_saved_after_the_resume()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "记录断线恢复测试会议");
        await server.Portal.AsAsync<MeetingLiveService, bool>("secretary", async s =>
        {
            var result = await s.StartMeetingAsync(meetingId);
            Assert.True(result.Succeeded, server.Portal.TextOf(result));
            return true;
        });
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await TrackSocketsAsync(context);
        var page = await SignedInPageAsync(context, "secretary", $"/councils/meetings/{meetingId}");
        await WaitForCircuitAsync(page);
        var row = Row(page, "社区停车秩序整治");
        await row.GetByTestId("item-record").ClickAsync();
        const string outcome = "同意由物业牵头施划停车位";
        const string notes = "交警、物业、社区三方联合巡查，断线之前记下的每一句都要留住。";
        await InputOf(row, "record-outcome").FillAsync(outcome);
        await InputOf(row, "record-notes").FillAsync(notes);
        // The fields are Immediate: each keystroke's value goes to the circuit before the socket is cut.

        await ReconnectBrowserTests.SleepPastEvictionAsync(page);

        // The script's reconnection is refused (the circuit is gone) and it resumes a new circuit from the saved state:
        // the item's record form is open again with what was typed.
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("reconnect-rejected")).ToBeHiddenAsync();
        row = Row(page, "社区停车秩序整治");
        await Expect(InputOf(row, "record-outcome")).ToHaveValueAsync(outcome);
        await Expect(InputOf(row, "record-notes")).ToHaveValueAsync(notes);

        // The resumed page is live: saving records what was typed before the connection went.
        await row.GetByTestId("record-save").ClickAsync();
        await Expect(page.GetByTestId("record-form")).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("agenda-item-notes")).ToHaveTextAsync(notes);
        // Stored: a fresh load of the page shows both.
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        row = Row(page, "社区停车秩序整治");
        await Expect(row.GetByTestId("agenda-item-outcome")).ToHaveTextAsync(outcome);
        await Expect(row.GetByTestId("agenda-item-notes")).ToHaveTextAsync(notes);
    }
}

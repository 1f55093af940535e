using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Councils;

/// <summary>The secretary puts the coming year's meetings on the council's calendar from its page; a resident has no such button.</summary>
public sealed class ScheduleMeetingsBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task The_secretary_schedules_the_coming_year_and_the_meetings_appear_once()
    {
        var council = await CouncilTestData.FirstCouncilAsync(server.Portal);
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(context, "secretary", $"/councils/{council.Id}");
        var upcoming = secretary.GetByTestId("meetings-upcoming").GetByTestId("meeting-row");
        await Expect(upcoming.First).ToBeVisibleAsync();
        var before = await upcoming.CountAsync();

        await secretary.GetByTestId("schedule-meetings").ClickAsync();

        await Expect(secretary.GetByTestId("schedule-result")).ToContainTextAsync("已生成");
        var added = int.Parse(System.Text.RegularExpressions.Regex.Match(await secretary.GetByTestId("schedule-result").InnerTextAsync(), @"\d+").Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(added > 0);
        await Expect(upcoming).ToHaveCountAsync(before + added);

        await secretary.GetByTestId("schedule-meetings").ClickAsync();
        await Expect(secretary.GetByTestId("schedule-result")).ToHaveTextAsync("例会日程已是最新，无需生成。");
        await Expect(upcoming).ToHaveCountAsync(before + added);

        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident", $"/councils/{council.Id}");
        await Expect(resident.GetByTestId("council-name")).ToBeVisibleAsync();
        await Expect(resident.GetByTestId("schedule-meetings")).ToHaveCountAsync(0);
    }
}

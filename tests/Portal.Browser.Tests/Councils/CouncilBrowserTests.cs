using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Councils;
using Portal.Web.Data;
using Portal.Web.Features.Localization;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Councils;

/// <summary>The read-only council pages in a real browser: the secretary finds her council; another community's resident is refused.</summary>
public sealed class CouncilBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private sealed record Expected(int CouncilId, string Name, string ChairUnit, string NextMeetingTitle);

    // What the page must show, computed with the domain from the stored council (not from the page's own service).
    private async Task<Expected> ExpectedAsync()
    {
        await using var db = await server.Portal.NewDbContextAsync();
        var council = await db.Councils.Include(c => c.Members).SingleAsync(c => c.ChairArrangement == ChairArrangement.LeadUnitWithRotatingChair);
        var now = DateTime.UtcNow;
        var chair = ChairRotation.FromMembers(council.LeadUnitId!.Value, council.RotationStartYear!.Value, council.Members).ChairOf(PortalTime.ToLocal(now).Year)!.Value;
        var chairName = await db.Units.Where(u => u.Id == chair).Select(u => u.Name).SingleAsync();
        // The first upcoming one: the demo's meeting in progress (started before now, not over), else the next planned.
        var next = await db.Meetings.Where(m => m.CouncilId == council.Id && m.EndsAtUtc >= now && m.Status != MeetingStatus.Ended && m.Status != MeetingStatus.MinutesApproved)
            .OrderBy(m => m.StartsAtUtc).Select(m => m.Title).FirstAsync();
        return new(council.Id, council.Name, chairName, next);
    }

    [Fact]
    public async Task The_secretary_opens_her_council_and_sees_this_year_s_chair_and_the_next_meeting_while_another_community_is_refused()
    {
        var expected = await ExpectedAsync();
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");

        await secretary.GotoAsync("/councils");
        await PortalPage.WaitForCircuitAsync(secretary);
        await secretary.GetByTestId("council-link").Filter(new() { HasText = expected.Name }).ClickAsync();
        await secretary.WaitForURLAsync($"**/councils/{expected.CouncilId}");
        await Expect(secretary.GetByTestId("council-name")).ToHaveTextAsync(expected.Name);
        var thisYear = secretary.Locator("[data-testid=rotation-year][data-current=true]");
        await Expect(thisYear).ToHaveCountAsync(1);
        await Expect(thisYear.GetByTestId("rotation-chair")).ToHaveTextAsync(expected.ChairUnit);
        await Expect(secretary.GetByTestId("rotation-year")).ToHaveCountAsync(5);
        var next = secretary.GetByTestId("meetings-upcoming").GetByTestId("meeting-row").First;
        await Expect(next.GetByTestId("meeting-title")).ToHaveTextAsync(expected.NextMeetingTitle);
        await Expect(next.GetByTestId("meeting-status")).ToBeVisibleAsync();

        await using var otherContext = await browser.NewContextAsync(server.BaseAddress);
        var resident2 = await PortalPage.SignedInPageAsync(otherContext, "resident2");
        await resident2.GotoAsync($"/councils/{expected.CouncilId}");
        await PortalPage.WaitForCircuitAsync(resident2);
        await Expect(resident2.GetByTestId("council-not-found")).ToBeVisibleAsync();
        await Expect(resident2.GetByTestId("council-name")).ToHaveCountAsync(0);
        await resident2.GotoAsync("/councils");
        await PortalPage.WaitForCircuitAsync(resident2);
        await Expect(resident2.GetByTestId("council-link")).Not.ToContainTextAsync(expected.Name);
    }
}

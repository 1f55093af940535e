using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using Portal.Web.Features.Localization;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Voting;

/// <summary>
/// The secretary drafts a vote on <c>/votes/new</c> in the browser: a save without the times is refused under the
/// pickers with everything typed kept; with the day and time typed it is saved and the vote's page opens; changing the
/// draft goes back to that page too. (Both saves once stayed on the form: the page waited for a view the kit's save never
/// gives back.)
/// </summary>
public sealed class VoteDraftBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    [Fact]
    public async Task A_secretary_drafts_a_vote_with_typed_times_after_a_refused_save_without_them()
    {
        const string title = "三号楼外墙清洗方案";
        await using var desk = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(desk, "secretary", "/votes/new");
        await PortalPage.InputOf(page, "vote-title").FillAsync(title);

        await page.GetByTestId("vote-save").ClickAsync();
        await Expect(page.GetByTestId("vote-opens-error")).ToHaveTextAsync("请选择开始的日期和时间。");
        await Expect(PortalPage.InputOf(page, "vote-title")).ToHaveValueAsync(title);

        var opens = PortalTime.ToLocal(DateTime.UtcNow).Date.AddDays(2).AddHours(9);
        await TypeAsync(page, "vote-opens", opens);
        await TypeAsync(page, "vote-closes", opens.AddDays(7).AddHours(9));
        await page.GetByTestId("vote-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/votes/\d+$"));
        await Expect(page.GetByTestId("vote-heading")).ToHaveTextAsync(title);
        var path = new Uri(page.Url).AbsolutePath;

        // The draft is changed and saved: back on the vote's page with the new title.
        await page.GetByTestId("vote-edit").ClickAsync();
        await page.WaitForURLAsync($"**{path}/edit");
        await Expect(PortalPage.InputOf(page, "vote-title")).ToHaveValueAsync(title);
        await PortalPage.InputOf(page, "vote-title").FillAsync(title + "（修订）");
        await page.GetByTestId("vote-save").ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        await Expect(page.GetByTestId("vote-heading")).ToHaveTextAsync(title + "（修订）");
    }

    /// <summary>The day as yyyy-MM-dd and the time as 24-hour HH:mm, each left with Tab, as a keyboard user types them.</summary>
    private static async Task TypeAsync(IPage page, string testId, DateTime local)
    {
        await page.GetByTestId($"{testId}-day").FillAsync(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId($"{testId}-day").PressAsync("Tab");
        await page.GetByTestId($"{testId}-time").FillAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByTestId($"{testId}-time").PressAsync("Tab");
    }
}

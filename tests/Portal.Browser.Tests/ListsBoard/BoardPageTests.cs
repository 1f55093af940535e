using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Platform;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.ListsBoard;

/// <summary>
/// The residents' public board (/lists/board) in real Chromium: a resident keeps it open while the secretary, in another
/// browser, publishes a need through the need's own page; the board shows it without a reload and never the raiser's details.
/// </summary>
public sealed class BoardPageTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Live updates must arrive within a few seconds, well before any reload a person would try.</summary>
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 10_000 };

    /// <summary>A need raised in 青年湖社区 and not yet triaged (so not public), with personal details that must stay off the board.</summary>
    private async Task<(int Id, string Title)> RaiseNeedAsync(string raiser, string address)
    {
        await using var scope = server.Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var title = $"公示栏实时测试 {Guid.NewGuid():N}"[..16];
        var need = new WorkItem
        {
            Kind = WorkItemKind.Need, Title = title, Category = WorkItemCategories.Environment, CommunityId = community,
            RaisedByName = raiser, Address = address, DescriptionMarkdown = $"{raiser}家门口垃圾堆放", RaisedAtUtc = DateTime.UtcNow,
        };
        db.WorkItems.Add(need);
        await db.SaveChangesAsync(Ct);
        return (need.Id, title);
    }

    [Fact]
    public async Task A_need_the_secretary_publishes_appears_live_on_the_residents_board_without_personal_details()
    {
        const string raiser = "钱多多测试";
        const string address = "青年湖北里12号楼";
        var (id, title) = await RaiseNeedAsync(raiser, address);
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident");
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");

        // The resident opens the board of their own community and looks for the need: not published yet.
        await resident.GotoAsync("/lists/board");
        await PortalPage.WaitForCircuitAsync(resident);
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("公示栏");
        await Expect(resident.GetByTestId("board-community-name")).ToHaveTextAsync(DemoDataSeeder.CommunityNames[0]);
        await Expect(resident.GetByTestId("board-community")).ToHaveCountAsync(0);
        var published = resident.GetByTestId("board-needs-published");
        await Expect(published).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));
        var before = int.Parse(await published.TextContentAsync() ?? "0");
        var needs = resident.GetByTestId("board-needs");
        await needs.GetByTestId("board-needs-search").FillAsync(title);
        await needs.GetByTestId("board-needs-search-button").ClickAsync();
        await Expect(needs.GetByTestId("board-needs-empty")).ToContainTextAsync(title);
        var navigations = 0;
        resident.FrameNavigated += (_, _) => navigations++;

        // The secretary triages it as a shared, public need on its page.
        await secretary.GotoAsync($"/lists/items/{id}");
        await PortalPage.WaitForCircuitAsync(secretary);
        await secretary.GetByTestId("action-Triage").ClickAsync();
        await Expect(secretary.GetByTestId("action-form")).ToHaveAttributeAsync("data-action", "Triage");
        await secretary.GetByTestId("triage-shared").CheckAsync();
        await secretary.GetByTestId("triage-public").CheckAsync();
        await secretary.GetByTestId("action-submit").ClickAsync();
        await Expect(secretary.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Triaged");

        // The resident's board shows it, with its status, without a reload; the figure follows.
        var need = needs.Locator($"[data-testid=board-need][data-id='{id}']");
        await Expect(need).ToHaveCountAsync(1, Live);
        await Expect(need.GetByTestId("board-need-title")).ToHaveTextAsync(title);
        // The grid's row (a card on a phone) that holds the need.
        var row = needs.Locator("tr").Filter(new() { Has = resident.Locator($"[data-testid=board-need][data-id='{id}']") });
        await Expect(row.GetByTestId("board-need-status")).ToHaveAttributeAsync("data-status", "Triaged");
        await Expect(published).ToHaveTextAsync((before + 1).ToString());
        Assert.Equal(0, navigations);
        var text = await resident.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(raiser, text);
        Assert.DoesNotContain(address, text);
        Assert.DoesNotContain("垃圾堆放", text);
    }

    [Fact]
    public async Task Sections_page_through_their_items_and_a_manager_picks_the_community_in_the_url()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "admin");
        await page.GotoAsync("/lists/board");
        await PortalPage.WaitForCircuitAsync(page);

        // Paging: the demo community has more published needs than one page holds.
        var needs = page.GetByTestId("board-needs");
        var firstRow = needs.GetByTestId("board-need").First;
        var firstId = await firstRow.GetAttributeAsync("data-id");
        await Expect(needs.GetByTestId("board-need")).ToHaveCountAsync(10);
        await needs.GetByTestId("board-needs-pager").GetByText("2", new() { Exact = true }).ClickAsync();
        await Expect(firstRow).Not.ToHaveAttributeAsync("data-id", firstId!);
        await Expect(page.GetByTestId("board-projects").GetByTestId("progress").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("board-commitments").GetByTestId("board-commitment-grade").First).ToBeVisibleAsync();

        // The picker puts the chosen community into the URL and shows its board.
        // (A drop-down changes only when another community is chosen: pick the one not shown.)
        var shown = await page.GetByTestId("board-community-name").TextContentAsync();
        var other = shown == DemoDataSeeder.CommunityNames[1] ? DemoDataSeeder.CommunityNames[0] : DemoDataSeeder.CommunityNames[1];
        await PortalPage.PickAsync(page, "board-community", other);
        await Expect(page).ToHaveURLAsync(new Regex(@"/lists/board\?community=\d+$"));
        await Expect(page.GetByTestId("board-community-name")).ToHaveTextAsync(other);
        await page.ReloadAsync();
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("board-community-name")).ToHaveTextAsync(other);
    }

    [Fact]
    public async Task A_resident_is_refused_another_communitys_board_and_the_board_speaks_english_too()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "resident2");
        int other;
        await using (var scope = server.Portal.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            other = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        }
        await page.GotoAsync($"/lists/board?community={other}");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("board-refused")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("board-summary")).ToHaveCountAsync(0);

        // In English, their own board.
        await page.GetByTestId("culture-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/lists/board");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Public board");
        await Expect(page.GetByTestId("board-community-name")).ToHaveTextAsync(DemoDataSeeder.CommunityNames[1]);
        await Expect(page.GetByTestId("board-needs").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Published needs");
        await Expect(page.GetByTestId("board-commitments").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Published commitments");
        await Expect(page.GetByTestId("board-summary")).ToContainTextAsync("Needs published");
        await Expect(page.GetByTestId("board-refused")).ToHaveCountAsync(0);
    }
}

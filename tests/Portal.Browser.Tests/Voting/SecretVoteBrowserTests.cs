using Microsoft.Playwright;
using Portal.Domain.Deliberation;
using Portal.Domain.Voting;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Voting;

/// <summary>
/// The second "done when": a secret vote. A resident votes on their phone and keeps the receipt code; the
/// secretary's page shows that they took part but never what they chose; after closing, the published receipt list
/// holds the code with the choice as cast, and the resident finds it on the result page.
/// </summary>
public sealed class SecretVoteBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resident_s_receipt_code_is_in_the_published_list_with_the_choice_and_the_staff_page_never_links_them()
    {
        const string title = "社区停车收费标准调整";
        var community = await VotingScenes.CommunityAsync(server.Portal, Ct);
        var voteId = await VotingScenes.OpenVoteAsync(server.Portal, new MatterScope(MatterScopeKind.Community, community), title,
            ShippedRuleSets.ResidentsMeeting, Secrecy.Secret, BallotChannels.Online | BallotChannels.OnSite, ct: Ct);

        // The resident votes "disagree" on their phone and is shown the receipt code, once.
        await using var phone = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var resident = await PortalPage.SignedInPageAsync(phone, "resident", $"/votes/{voteId}/ballot");
        await resident.GetByTestId($"ballot-option-{BallotQuestion.Disagree}").ClickAsync();
        await resident.GetByTestId("ballot-cast").ClickAsync();
        var code = (await resident.GetByTestId("receipt-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", code);
        await PortalPage.AssertOnScreenAsync(resident.GetByTestId("receipt-code"), "the receipt code");
        await PortalPage.AssertNoSidewaysScrollAsync(resident);

        // The secretary sees who took part and how, never what: no choice on the roll, turnout only while open.
        await using var desk = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(desk, "secretary", $"/votes/{voteId}");
        await Expect(secretary.GetByTestId("vote-secret-hint")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("turnout-headcount-figures")).ToContainTextAsync("1 / ");
        var voted = secretary.Locator("[data-testid=roll-row][data-voted=true]");
        await Expect(voted).ToHaveCountAsync(1);
        await Expect(voted.GetByTestId("roll-cast")).ToContainTextAsync("线上");
        foreach (var word in new[] { "同意", "反对", "弃权", code })
            await Expect(voted).Not.ToContainTextAsync(word);
        await Expect(secretary.GetByTestId("verdict")).ToHaveCountAsync(0);

        // Closing publishes the receipts with their choices — and still no name beside any of them.
        await secretary.GetByTestId("vote-close").ClickAsync();
        await secretary.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "结束表决" }).ClickAsync();
        var receipts = secretary.GetByTestId("results-receipt-row");
        await Expect(receipts).ToHaveCountAsync(1);
        await Expect(receipts.Locator("td")).ToHaveTextAsync([code, "反对"]);
        await Expect(secretary.GetByTestId("results-named")).ToHaveCountAsync(0);
        var name = (await secretary.Locator("[data-testid=roll-row][data-voted=true]").GetByTestId("roll-name").InnerTextAsync()).Trim();
        await Expect(secretary.GetByTestId("results-receipts")).Not.ToContainTextAsync(name);

        // The resident checks their ballot on the result page: the code found, with the choice as cast.
        await resident.GotoAsync($"/votes/{voteId}/result");
        await PortalPage.WaitForCircuitAsync(resident);
        await PortalPage.InputOf(resident, "receipt-search").FillAsync(code[..6]);
        var hit = resident.Locator("[data-testid=receipt-row][data-hit=true]");
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit).ToContainTextAsync(code);
        await Expect(hit).ToContainTextAsync("反对");
        await PortalPage.AssertNoSidewaysScrollAsync(resident);
    }
}

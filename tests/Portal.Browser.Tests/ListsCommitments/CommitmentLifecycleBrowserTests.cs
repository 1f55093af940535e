using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.ListsWorkItems.ItemPage;

namespace Portal.Browser.Tests.ListsCommitments;

/// <summary>
/// A member's commitment from making to the ledger in three browsers (member, secretary, resident): the secretary vets and
/// publishes it and the resident's open commitments list shows it live; the member fulfils it with a note; the
/// secretary assesses it with three scores, files it, and finds the row with its scores in the ledger.
/// </summary>
public sealed partial class CommitmentLifecycleBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_member_commitment_is_vetted_published_live_fulfilled_assessed_filed_and_in_the_ledger()
    {
        await using var memberContext = await browser.NewContextAsync(server.BaseAddress);
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        var member = await PortalPage.SignedInPageAsync(memberContext, "member");
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident");
        var title = $"每周陪独居老人散步 {Guid.NewGuid():N}"[..20];
        var promised = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(7);

        // The resident keeps the commitments list open.
        await resident.GotoAsync("/lists/commitments");
        await PortalPage.WaitForCircuitAsync(resident);
        await Expect(resident.GetByTestId("commitments-filters")).ToBeVisibleAsync();
        var residentNavigations = 0;
        resident.FrameNavigated += (_, _) => residentNavigations++;

        // The member makes an annual commitment; a missing category is refused and the input stays.
        await member.GotoAsync("/lists/commitments/new");
        await PortalPage.WaitForCircuitAsync(member);
        await member.GetByTestId("make-title").FillAsync(title);
        await member.GetByTestId("make-description").FillAsync("每周六上午陪同**独居老人**散步一小时。");
        await PortalPage.PickAsync(member, "make-year", promised.Year.ToString(CultureInfo.InvariantCulture));
        await member.GetByTestId("make-promised").FillAsync(promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await member.GetByTestId("make-submit").ClickAsync();
        await Expect(member.GetByTestId("make-category-error")).ToHaveTextAsync("请选择类别。");
        await Expect(member.GetByTestId("make-title")).ToHaveValueAsync(title);
        await PortalPage.PickAsync(member, "make-category", "养老助老");
        await member.GetByTestId("make-submit").ClickAsync();
        await member.WaitForURLAsync(new Regex("/lists/items/\\d+$"));
        var id = ItemId().Match(member.Url).Groups[1].Value;
        await PortalPage.WaitForCircuitAsync(member);
        await Expect(Status(member)).ToHaveAttributeAsync("data-status", "Raised");
        await Expect(Status(member)).ToHaveTextAsync("待审核");
        var organization = (await member.GetByTestId("commitment-organization").InnerTextAsync()).Trim();

        // The secretary vets it (审核通过) and publishes it (公示).
        await secretary.GotoAsync($"/lists/items/{id}");
        await PortalPage.WaitForCircuitAsync(secretary);
        await Expect(secretary.GetByTestId("item-title")).ToHaveTextAsync(title);
        await Expect(secretary.GetByTestId("action-Triage")).ToHaveTextAsync("审核通过");
        await ActAsync(secretary, "Triage", "内容具体，同意。");
        await Expect(Status(secretary)).ToHaveTextAsync("已审核");
        // Vetted but not yet published: not on the resident's list.
        await Expect(resident.Locator($"[data-testid=commitment-row][data-id='{id}']")).ToHaveCountAsync(0);
        await ActAsync(secretary, "Dispatch", fill: () => Expect(secretary.GetByTestId("publish-hint")).ToBeVisibleAsync());
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Dispatched");
        await Expect(Status(secretary)).ToHaveTextAsync("公示中");

        // It appears in the resident's open list without a reload, without the member's name.
        var commitment = resident.Locator($"[data-testid=commitment-row][data-id='{id}']");
        await Expect(commitment).ToContainTextAsync(title, new() { Timeout = 10_000 });
        // The grid's row that holds it (a card on a phone).
        var row = resident.Locator("tr").Filter(new() { Has = commitment });
        await Expect(row.GetByTestId("commitment-status")).ToHaveTextAsync("公示中");
        await Expect(row).ToContainTextAsync(organization + "党员");
        Assert.Equal(0, residentNavigations);

        // The member starts and fulfils it with a note; the secretary's page follows live.
        await Expect(Status(member)).ToHaveAttributeAsync("data-status", "Dispatched", Live);
        await ActAsync(member, "Accept");
        await ActAsync(member, "ReportBack", "已陪同散步**八次**，附签到记录。");
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Reported", Live);
        await Expect(Status(secretary)).ToHaveTextAsync("待评诺");
        await Expect(row.GetByTestId("commitment-status")).ToHaveTextAsync("待评诺", new() { Timeout = 10_000 });

        // The secretary assesses it: a score out of range is refused under its field, then 92/88/90 → 89.8, 良好.
        await secretary.GetByTestId("action-Rate").ClickAsync();
        await Expect(secretary.GetByTestId("action-form")).ToHaveAttributeAsync("data-action", "Rate");
        await secretary.GetByTestId("assess-member").FillAsync("92");
        await secretary.GetByTestId("assess-resident").FillAsync("188");
        await secretary.GetByTestId("assess-organization").FillAsync("90");
        await secretary.GetByTestId("action-submit").ClickAsync();
        await Expect(secretary.GetByTestId("assess-resident-error")).ToHaveTextAsync("评分须在 0 到 100 之间。");
        await secretary.GetByTestId("assess-resident").FillAsync("88");
        await secretary.GetByTestId("action-submit").ClickAsync();
        await Expect(secretary.GetByTestId("action-form")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(Status(secretary)).ToHaveTextAsync("已评诺");
        await Expect(secretary.GetByTestId("commitment-scores")).ToContainTextAsync("89.8");
        await Expect(secretary.GetByTestId("commitment-scores")).ToContainTextAsync("良好");

        // 归档.
        await ActAsync(secretary, "Close");
        await Expect(Status(secretary)).ToHaveTextAsync("已归档");
        await Expect(Status(member)).ToHaveAttributeAsync("data-status", "Closed", Live);

        // The ledger of the member's branch for the year shows the row with its scores.
        await secretary.GotoAsync("/lists/commitments/ledger");
        await PortalPage.WaitForCircuitAsync(secretary);
        await PortalPage.PickAsync(secretary, "ledger-organization", organization);
        await PortalPage.PickAsync(secretary, "ledger-year", promised.Year.ToString(CultureInfo.InvariantCulture));
        await secretary.GetByTestId("ledger-show").ClickAsync();
        // A grid row (decision 0022: the row has a class, its number cell the row's test id and id), read a page at a time.
        var ledgerRow = secretary.Locator("tr.ledger-row", new() { Has = secretary.Locator($"[data-testid=ledger-row][data-id='{id}']") });
        await Expect(ledgerRow).ToContainTextAsync(title, new() { Timeout = 10_000 });
        await Expect(ledgerRow.GetByTestId("ledger-member-score")).ToHaveTextAsync("92");
        await Expect(ledgerRow.GetByTestId("ledger-resident-score")).ToHaveTextAsync("88");
        await Expect(ledgerRow.GetByTestId("ledger-organization-score")).ToHaveTextAsync("90");
        await Expect(ledgerRow.GetByTestId("ledger-total-score")).ToHaveTextAsync("89.8");
        await Expect(ledgerRow.GetByTestId("ledger-grade")).ToHaveTextAsync("良好");
        await Expect(ledgerRow).ToContainTextAsync("已陪同散步八次，附签到记录。");
        await Expect(secretary.GetByTestId("ledger-export-docx")).ToHaveAttributeAsync("href", new Regex("format=docx$"));
    }

    [GeneratedRegex("/lists/items/(\\d+)$")]
    private static partial Regex ItemId();
}

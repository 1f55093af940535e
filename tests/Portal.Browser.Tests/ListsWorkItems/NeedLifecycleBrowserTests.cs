using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.ListsWorkItems.ItemPage;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>
/// One need through its whole lifecycle in three browsers at once (resident, secretary, liaison of 东城区第二人民医院),
/// including a "not satisfied" rating that reopens it; the secretary's open pages — the item, and this month's dashboard in
/// a second tab — follow every step live, and the liaison's and resident's bells ring when it is their turn.
/// </summary>
public sealed partial class NeedLifecycleBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>Live updates must arrive within a few seconds, well before any reload a person would try.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 10_000 };

    /// <summary>A whole-number figure on the dashboard (a count, or one side of a rate).</summary>
    private static async Task<int> FigureAsync(ILocator figure) => int.Parse(await figure.TextContentAsync() ?? "", CultureInfo.InvariantCulture);

    private static Task Plus(ILocator figure, int before, int by = 1) =>
        Expect(figure).ToHaveTextAsync((before + by).ToString(CultureInfo.InvariantCulture), new() { Timeout = 10_000 });

    [Fact]
    public async Task A_need_is_raised_dispatched_handled_rated_not_satisfied_reopened_handled_again_rated_and_closed()
    {
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await using var liaisonContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident");
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");
        var liaison = await PortalPage.SignedInPageAsync(liaisonContext, "liaison");
        var title = $"五号楼楼道灯不亮 {Guid.NewGuid():N}"[..20];

        // The secretary keeps the needs list open.
        await secretary.GotoAsync("/lists");
        await PortalPage.WaitForCircuitAsync(secretary);
        await Expect(secretary.GetByTestId("needs-filters")).ToBeVisibleAsync();
        var secretaryNavigations = 0;
        secretary.FrameNavigated += (_, _) => secretaryNavigations++;

        // In a second tab the secretary keeps this month's dashboard open; its figures follow the run without a reload.
        var dashboard = await secretaryContext.NewPageAsync();
        await dashboard.GotoAsync("/lists/dashboard");
        await PortalPage.WaitForCircuitAsync(dashboard);
        await dashboard.GetByText("本月", new() { Exact = true }).ClickAsync();
        var local = DateTime.UtcNow.AddHours(8);
        var firstDay = new DateOnly(local.Year, local.Month, 1);
        await Expect(dashboard.GetByTestId("dashboard-range"))
            .ToHaveTextAsync($"{firstDay.ToString("yyyy/M/d", CultureInfo.InvariantCulture)} 至 {firstDay.AddMonths(1).AddDays(-1).ToString("yyyy/M/d", CultureInfo.InvariantCulture)}");
        var dashboardNavigations = 0;
        dashboard.FrameNavigated += (_, _) => dashboardNavigations++;
        var raised = dashboard.GetByTestId("kpi-raised-value");
        var resolvable = dashboard.GetByTestId("kpi-resolution-all");
        var resolved = dashboard.GetByTestId("kpi-resolution-met");
        var assigned = dashboard.GetByTestId("kpi-response-all");
        var responded = dashboard.GetByTestId("kpi-response-met");
        var rated = dashboard.GetByTestId("kpi-satisfaction-all");
        var satisfied = dashboard.GetByTestId("kpi-satisfaction-met");
        var hospitalRow = dashboard.GetByTestId("dashboard-unit-row").Filter(new() { HasText = "东城区第二人民医院" });
        var (raisedBefore, resolvableBefore) = (await FigureAsync(raised), await FigureAsync(resolvable));

        // The liaison waits on the needs list; their bell is loaded.
        await liaison.GotoAsync("/lists");
        await PortalPage.WaitForCircuitAsync(liaison);
        await Expect(liaison.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-loaded", "true");

        // The resident raises the need.
        await resident.GotoAsync("/lists/needs/new");
        await PortalPage.WaitForCircuitAsync(resident);
        await resident.GetByTestId("raise-title").FillAsync(title);
        await resident.GetByTestId("raise-description").FillAsync("晚上**很黑**，老人上下楼不安全。");
        await PortalPage.PickAsync(resident, "raise-category", "平安建设");
        await resident.GetByTestId("raise-submit").ClickAsync();
        await resident.WaitForURLAsync(new Regex("/lists/items/\\d+$"));
        var id = ItemId().Match(resident.Url).Groups[1].Value;
        await PortalPage.WaitForCircuitAsync(resident);
        await Expect(Status(resident)).ToHaveAttributeAsync("data-status", "Raised");
        await Expect(resident.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-loaded", "true");
        var residentBell = await FigureAsync(resident.GetByTestId("notification-count"));

        // The dashboard counts it at once: one more raised this month, one more to resolve.
        await Plus(raised, raisedBefore);
        await Plus(resolvable, resolvableBefore);
        var (resolvedBefore, assignedBefore, respondedBefore, ratedBefore, satisfiedBefore) =
            (await FigureAsync(resolved), await FigureAsync(assigned), await FigureAsync(responded), await FigureAsync(rated), await FigureAsync(satisfied));
        var hospitalOpenBefore = await hospitalRow.CountAsync() == 0 ? 0 : await FigureAsync(hospitalRow.GetByTestId("unit-open"));

        // It appears in the secretary's open list without a reload.
        var row = secretary.Locator($"[data-testid=need-row][data-id='{id}']");
        await Expect(row).ToContainTextAsync(title, new() { Timeout = 10_000 });
        Assert.Equal(0, secretaryNavigations);

        // The secretary triages and dispatches it to the liaison's unit.
        await row.GetByTestId("need-link").ClickAsync();
        await Expect(secretary.GetByTestId("item-title")).ToHaveTextAsync(title);
        await ActAsync(secretary, "Triage", fill: () => secretary.GetByTestId("triage-shared").CheckAsync());
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Triaged");
        await ActAsync(secretary, "Dispatch", "请尽快处理", async () =>
        {
            await PortalPage.PickAsync(secretary, "dispatch-unit", "东城区第二人民医院");
            await PortalPage.PickAsync(secretary, "dispatch-urgency", "水电气暖（24小时）");
        });
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Dispatched");
        await Expect(secretary.GetByTestId("item-owner")).ToContainTextAsync("东城区第二人民医院");
        await Expect(secretary.GetByTestId("item-deadline")).ToBeVisibleAsync();
        var navigationsOnDetail = secretaryNavigations;

        // The dispatch shows on the dashboard: the hospital has one more open item, one more was handed to an owner.
        await Plus(hospitalRow.GetByTestId("unit-open"), hospitalOpenBefore);
        await Plus(assigned, assignedBefore);

        // The liaison's bell rings live; the notification leads to the item.
        await liaison.GetByTestId("notification-button").ClickAsync();
        var notice = liaison.GetByTestId("notification-item").Filter(new() { HasText = title });
        await Expect(notice).ToContainTextAsync("已派给您办理", new() { Timeout = 10_000 });
        await Expect(notice).ToHaveAttributeAsync("data-unread", "true");
        await notice.ClickAsync();
        await liaison.WaitForURLAsync(new Regex($"/lists/items/{id}$"));
        await PortalPage.WaitForCircuitAsync(liaison);

        // The liaison accepts, adds a note with a photo and reports back; the secretary's page follows live.
        await ActAsync(liaison, "Accept");
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "InProgress", Live);
        await Plus(responded, respondedBefore);
        await ActAsync(liaison, "AddProgress", "已联系后勤，**今天下午**更换灯具。", async () =>
        {
            await liaison.GetByTestId("action-files").SetInputFilesAsync(new FilePayload { Name = "现场照片.png", MimeType = "image/png", Buffer = Png });
            await Expect(liaison.GetByTestId("action-selected-files")).ToContainTextAsync("现场照片.png");
        });
        await Expect(liaison.GetByTestId("history-note").Last).ToContainTextAsync("今天下午");
        await Expect(liaison.GetByTestId("attachment-link")).ToHaveTextAsync("现场照片.png");
        await ActAsync(liaison, "ReportBack", "灯具已更换。");
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Reported", Live);
        await Expect(secretary.GetByTestId("attachment-link")).ToHaveTextAsync("现场照片.png");
        await Plus(resolved, resolvedBefore);
        // The resident is asked to rate, in their bell.
        await Plus(resident.GetByTestId("notification-count"), residentBell);

        // The resident is not satisfied: it goes back to the liaison.
        await Expect(Status(resident)).ToHaveAttributeAsync("data-status", "Reported", Live);
        await ActAsync(resident, "Rate", "一楼还是不亮。", () => PortalPage.PickAsync(resident, "rate-satisfaction", "不满意"));
        await Expect(Status(resident)).ToHaveAttributeAsync("data-status", "InProgress");
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "InProgress", Live);
        // Sent back, it is no longer resolved; the rating counts, but not as satisfied.
        await Plus(resolved, resolvedBefore, 0);
        await Plus(rated, ratedBefore);
        await Expect(satisfied).ToHaveTextAsync(satisfiedBefore.ToString(CultureInfo.InvariantCulture));

        // Handled again, then rated satisfied and closed by the secretary.
        await Expect(Status(liaison)).ToHaveAttributeAsync("data-status", "InProgress", Live);
        await ActAsync(liaison, "ReportBack", "一楼线路已修复。");
        await Expect(Status(resident)).ToHaveAttributeAsync("data-status", "Reported", Live);
        await ActAsync(resident, "Rate", fill: () => PortalPage.PickAsync(resident, "rate-satisfaction", "满意"));
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Rated", Live);
        // Resolved again, and now satisfied: still one rating of this item, its latest.
        await Plus(resolved, resolvedBefore);
        await Plus(satisfied, satisfiedBefore);
        await Expect(rated).ToHaveTextAsync((ratedBefore + 1).ToString(CultureInfo.InvariantCulture));
        await ActAsync(secretary, "Close", fill: () => Expect(secretary.GetByTestId("action-confirm-text")).ToBeVisibleAsync());
        await Expect(Status(secretary)).ToHaveAttributeAsync("data-status", "Closed");
        await Expect(Status(resident)).ToHaveAttributeAsync("data-status", "Closed", Live);
        await Expect(secretary.GetByTestId("item-rating")).ToHaveTextAsync("满意");
        await Expect(secretary.GetByTestId("history-step")).ToHaveCountAsync(9);

        // Everything on the secretary's detail page and dashboard arrived without a reload.
        Assert.Equal(navigationsOnDetail, secretaryNavigations);
        Assert.Equal(0, dashboardNavigations);
        await Plus(raised, raisedBefore);
        // Nobody may act on a closed item but the secretary (reopen).
        await Expect(resident.GetByTestId("action-panel")).ToHaveCountAsync(0);
        await Expect(liaison.GetByTestId("action-panel")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/lists/items/(\\d+)$")]
    private static partial Regex ItemId();
}

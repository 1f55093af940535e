using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Platform;

/// <summary>
/// A portal that evicts a dropped circuit after two seconds instead of three minutes, as the server does with a phone
/// that slept; with <paramref name="keepState"/> false it also keeps no state of it (as after a restart), so a
/// reconnection reaches a server that rejects the circuit.
/// </summary>
public abstract class EvictingPortalFixture(bool keepState) : IDisposable
{
    public PortalHost Portal { get; } = new(useKestrel: true, services: services => services.Configure<CircuitOptions>(options =>
    {
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2);
        if (!keepState) options.PersistedCircuitInMemoryMaxRetained = 0;
    }));

    public Uri BaseAddress => Portal.BaseAddress;

    public void Dispose() => Portal.Dispose();
}

public sealed class ForgetfulPortalFixture() : EvictingPortalFixture(keepState: false);

public sealed class StatefulPortalFixture() : EvictingPortalFixture(keepState: true);

/// <summary>The reconnect indicator on the .NET 10 script's states (decision 0018), beyond the drop-and-return test.</summary>
public sealed class ReconnectBrowserTests(BrowserFixture browser, ForgetfulPortalFixture server) : IClassFixture<ForgetfulPortalFixture>
{
    /// <summary>Drops the connection and waits until the server has evicted the circuit, then lets reconnection through.</summary>
    internal static async Task SleepPastEvictionAsync(Microsoft.Playwright.IPage page)
    {
        await PortalPage.DropConnectionAsync(page);
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeVisibleAsync();
        // The quick attempts have failed and the next one is counted down; the server drops the circuit 2 s after the
        // connection went, so after 2.5 s more it is gone for certain.
        await Expect(page.GetByTestId("reconnect-countdown")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(2_500);
        await PortalPage.RestoreConnectionAsync(page);
    }

    [Fact]
    public async Task A_circuit_the_server_no_longer_knows_is_rejected_and_the_indicator_offers_a_reload_that_works()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await PortalPage.TrackSocketsAsync(context);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "member");

        await SleepPastEvictionAsync(page);

        var rejected = page.GetByTestId("reconnect-rejected");
        await Expect(rejected).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(rejected).ToContainTextAsync("会话已失效，请刷新页面继续。");
        await Expect(page.GetByTestId("reconnect-countdown")).ToBeHiddenAsync();
        await rejected.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "刷新页面" }).ClickAsync();

        // The reload starts a new circuit on the same page, still signed in.
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("user-menu")).ToBeVisibleAsync();
    }
}

/// <summary>
/// Issue 11, item 1: a circuit the server evicted while the connection was gone resumes with what the person was typing
/// (the framework's persistent component state, decision 0018).
/// </summary>
public sealed class ResumeBrowserTests(BrowserFixture browser, StatefulPortalFixture server) : IClassFixture<StatefulPortalFixture>
{
    [Fact]
    public async Task A_need_being_raised_survives_the_server_evicting_the_circuit_and_can_be_sent_after_the_resume()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await PortalPage.TrackSocketsAsync(context);
        var page = await PortalPage.SignedInPageAsync(context, "resident", "/lists/needs/new");
        await page.GetByTestId("raise-title").FillAsync("楼道灯坏了（断线后恢复）");
        await page.GetByTestId("raise-description").FillAsync("三单元二楼的灯不亮，晚上看不见台阶。");
        await PortalPage.PickAsync(page, "raise-category", "平安建设");
        await page.GetByTestId("raise-address").FillAsync("幸福小区3栋");
        // The address is bound on change: leave the field so the server has it, as a person moving on would.
        await page.GetByTestId("raise-title").FocusAsync();

        await ReconnectBrowserTests.SleepPastEvictionAsync(page);

        // The script's reconnection is refused (the circuit is gone) and it resumes a new circuit from the saved state.
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("reconnect-rejected")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("raise-title")).ToHaveValueAsync("楼道灯坏了（断线后恢复）");
        await Expect(page.GetByTestId("raise-description")).ToHaveValueAsync("三单元二楼的灯不亮，晚上看不见台阶。");
        await Expect(PortalPage.InputOf(page, "raise-category")).ToHaveValueAsync("平安建设");
        await Expect(page.GetByTestId("raise-address")).ToHaveValueAsync("幸福小区3栋");

        // The resumed page is live: sending it raises the need with what was typed before the connection went.
        await page.GetByTestId("raise-submit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/lists/items/\\d+$"));
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("item-title")).ToHaveTextAsync("楼道灯坏了（断线后恢复）");
        await Expect(page.GetByTestId("item-description")).ToContainTextAsync("三单元二楼的灯不亮，晚上看不见台阶。");
    }
}

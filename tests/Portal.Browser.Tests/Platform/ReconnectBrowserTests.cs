using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.Platform;

/// <summary>
/// A portal that forgets a dropped circuit after two seconds and keeps no state of it (as after a restart or a long
/// sleep without persisted state), so a reconnection reaches a server that rejects the circuit.
/// </summary>
public sealed class ForgetfulPortalFixture : IDisposable
{
    public PortalHost Portal { get; } = new(useKestrel: true, services: services => services.Configure<CircuitOptions>(options =>
    {
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2);
        options.PersistedCircuitInMemoryMaxRetained = 0;
    }));

    public Uri BaseAddress => Portal.BaseAddress;

    public void Dispose() => Portal.Dispose();
}

/// <summary>The reconnect indicator on the .NET 10 script's states (decision 0018), beyond the drop-and-return test.</summary>
public sealed class ReconnectBrowserTests(BrowserFixture browser, ForgetfulPortalFixture server) : IClassFixture<ForgetfulPortalFixture>
{
    [Fact]
    public async Task A_circuit_the_server_no_longer_knows_is_rejected_and_the_indicator_offers_a_reload_that_works()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        await PortalPage.TrackSocketsAsync(context);
        var page = await context.NewPageAsync();
        await PortalPage.SignInAsync(page, "member");
        await PortalPage.DropConnectionAsync(page);
        await Expect(page.GetByTestId("reconnect-indicator")).ToBeVisibleAsync();
        // The quick attempts have failed and the next one is counted down: by now the server has dropped the circuit.
        await Expect(page.GetByTestId("reconnect-countdown")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(2_500);

        await PortalPage.RestoreConnectionAsync(page);

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

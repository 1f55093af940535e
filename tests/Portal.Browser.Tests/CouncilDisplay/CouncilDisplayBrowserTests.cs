using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;
using Portal.Web.Kit.Results;
using Portal.Web.Features.Councils.Meetings;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.CouncilDisplay;

/// <summary>
/// Check-in, the attendance panel, the printable check-in sheet and the projector page (plain JS, opened with the display
/// link in a context that never signs in) in a real browser against real Kestrel.
/// </summary>
public sealed class CouncilDisplayBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    /// <summary>The bound for a change to reach the other screens.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions WithinTwoSeconds = new() { Timeout = 2_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> PersonOfAsync(string userName)
    {
        await using var db = await server.Portal.NewDbContextAsync(Ct);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId!.Value).SingleAsync(Ct);
    }

    /// <summary>The secretary's display page for the meeting, with the circuit connected.</summary>
    private async Task<IPage> SecretaryDisplayPageAsync(IBrowserContext context, int meetingId) =>
        await PortalPage.SignedInPageAsync(context, "secretary", $"/councils/meetings/{meetingId}/display");

    /// <summary>Creates the display link on the page and returns it (shown once).</summary>
    private static async Task<string> GenerateLinkAsync(IPage page)
    {
        await page.GetByTestId("display-link-generate").ClickAsync();
        var url = page.GetByTestId("display-link-url");
        await Expect(url).ToHaveValueAsync(new Regex("/assets/display/meeting\\.html#[A-Za-z0-9_-]{43}$"));
        return await url.InputValueAsync();
    }

    /// <summary>The projector: a fresh context that never signs in, at the display link, connected to the hub.</summary>
    private async Task<IPage> ProjectorAsync(IBrowserContext context, string link)
    {
        var projector = await context.NewPageAsync();
        await projector.GotoAsync(link);
        await Expect(projector.GetByTestId("display-connection")).ToHaveAttributeAsync("data-state", "connected");
        return projector;
    }

    [Fact]
    public async Task The_secretary_marks_someone_present_and_the_projector_opened_with_the_link_shows_it_within_two_seconds()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "投影签到联动");
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await SecretaryDisplayPageAsync(secretaryContext, meetingId);
        var expected = await secretary.GetByTestId("attendance-expected").InnerTextAsync();
        Assert.True(int.Parse(expected) > 1);
        var link = await GenerateLinkAsync(secretary);

        await using var projectorContext = await browser.NewContextAsync(server.BaseAddress);
        var projector = await ProjectorAsync(projectorContext, link);
        await Expect(projector.GetByTestId("display-title")).ToHaveTextAsync("投影签到联动");
        await Expect(projector.GetByTestId("display-expected")).ToHaveTextAsync(expected);
        await Expect(projector.GetByTestId("display-present")).ToHaveTextAsync("0");
        await Expect(projector.Locator("[data-testid=display-qr] svg")).ToHaveCountAsync(1);
        // The projector is not signed in: its cookies hold no session.
        Assert.DoesNotContain(await projectorContext.CookiesAsync(), c => c.Name == "portal.auth");

        var gridworker = await PersonOfAsync("gridworker");
        var row = secretary.Locator($"[data-testid=attendance-row][data-person='{gridworker}']");
        await row.GetByTestId("attendance-mark").ClickAsync();

        await Expect(projector.GetByTestId("display-present")).ToHaveTextAsync("1", WithinTwoSeconds);
        var rate = Math.Round(100.0 / int.Parse(expected), 1, MidpointRounding.AwayFromZero);
        await Expect(projector.GetByTestId("display-rate")).ToHaveTextAsync($"{rate}%", WithinTwoSeconds);
        await Expect(row).ToHaveAttributeAsync("data-present", "true");
        await Expect(secretary.GetByTestId("attendance-present")).ToHaveTextAsync("1");
        await Expect(row.GetByTestId("attendance-mark")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_participant_opens_the_check_in_address_signs_in_checks_in_and_the_secretary_s_panel_updates_live()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "扫码签到联动");
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await SecretaryDisplayPageAsync(secretaryContext, meetingId);
        var checkInUrl = await secretary.GetByTestId("checkin-sheet-url").InnerTextAsync();
        Assert.EndsWith($"/councils/meetings/{meetingId}/check-in", checkInUrl);
        await Expect(secretary.GetByTestId("attendance-present")).ToHaveTextAsync("0");

        // The phone that scanned the code: not signed in, so the sign-in page first and then back to the check-in page.
        await using var phoneContext = await browser.NewContextAsync(server.BaseAddress);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(checkInUrl);
        await phone.WaitForURLAsync(new Regex("/account/login"));
        await phone.FillAsync("#username", "gridworker");
        await phone.FillAsync("#password", PortalHost.DemoPassword);
        await phone.ClickAsync("[data-testid=login-submit]");
        await phone.WaitForURLAsync(new Regex($"/councils/meetings/{meetingId}/check-in$"));
        await PortalPage.WaitForCircuitAsync(phone);
        await Expect(phone.GetByTestId("checkin-title")).ToHaveTextAsync("扫码签到联动");
        await phone.GetByTestId("checkin-button").ClickAsync();
        await Expect(phone.GetByTestId("checkin-done")).ToContainTextAsync("签到成功");

        var gridworker = await PersonOfAsync("gridworker");
        var row = secretary.Locator($"[data-testid=attendance-row][data-person='{gridworker}']");
        await Expect(secretary.GetByTestId("attendance-present")).ToHaveTextAsync("1", WithinTwoSeconds);
        await Expect(row).ToHaveAttributeAsync("data-present", "true", new() { Timeout = 2_000 });
        await Expect(row).ToContainTextAsync("扫码签到");

        // Opening the page again shows the check-in already made, with no second button.
        await phone.ReloadAsync();
        await PortalPage.WaitForCircuitAsync(phone);
        await Expect(phone.GetByTestId("checkin-done")).ToContainTextAsync("您已签到");
        await Expect(phone.GetByTestId("checkin-button")).ToHaveCountAsync(0);

        // A resident who takes no part in the council is refused with a clear message.
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident", $"/councils/meetings/{meetingId}/check-in");
        await Expect(resident.GetByTestId("checkin-not-participant")).ToContainTextAsync("不是这次会议的参会人员");
        await Expect(resident.GetByTestId("checkin-button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_390_px_phone_the_check_in_page_fits_the_screen_with_thumb_sized_targets_before_and_after_checking_in()
    {
        // A long title, as real meetings have: it wraps instead of widening the page.
        const string title = "青年湖社区第四季度党建引领共建单位联席会议暨停车秩序专项整治推进会";
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, title);
        var path = $"/councils/meetings/{meetingId}/check-in";

        await using var phoneContext = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var phone = await PortalPage.SignedInPageAsync(phoneContext, "gridworker", path);
        await Expect(phone.GetByTestId("checkin-title")).ToHaveTextAsync(title);
        await AssertNoSidewaysScrollAsync(phone);
        await Expect(phone.GetByTestId("checkin-button")).ToBeInViewportAsync(new() { Ratio = 1 });
        var button = await AssertTouchableAsync(phone.GetByTestId("checkin-button"), "checkin-button");
        // The one action on the page spans the column: a thumb finds it without aiming.
        Assert.True(button.Width >= BrowserFixture.Phone.Width * 0.8, $"the check-in button is only {button.Width} px wide");
        var heading = await phone.GetByTestId("checkin-title").BoundingBoxAsync();
        Assert.True(heading!.Width >= 250, $"the title is squeezed to {heading.Width} px");

        await phone.GetByTestId("checkin-button").ClickAsync();
        await Expect(phone.GetByTestId("checkin-done")).ToContainTextAsync("签到成功");
        await Expect(phone.GetByTestId("checkin-done")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(phone.GetByTestId("checkin-meeting-link")).ToBeInViewportAsync(new() { Ratio = 1 });
        await AssertTouchableAsync(phone.GetByTestId("checkin-meeting-link"), "checkin-meeting-link");
        await AssertNoSidewaysScrollAsync(phone);

        // Someone who takes no part gets the refusal readable on the phone, with no button.
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident", path);
        await Expect(resident.GetByTestId("checkin-not-participant")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(resident.GetByTestId("checkin-button")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(resident);
    }

    [Fact]
    public async Task The_printable_check_in_sheet_has_an_SVG_QR_code_and_a_new_link_stops_the_old_projector()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "签到表打印");
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await SecretaryDisplayPageAsync(secretaryContext, meetingId);

        var sheet = secretary.GetByTestId("checkin-sheet");
        await Expect(sheet.GetByTestId("checkin-sheet-title")).ToHaveTextAsync("签到表打印");
        await Expect(sheet.Locator("[data-testid=checkin-sheet-qr] svg")).ToHaveCountAsync(1);
        Assert.True(await sheet.Locator("[data-testid=checkin-sheet-qr] svg path, [data-testid=checkin-sheet-qr] svg rect").CountAsync() > 0);
        // Printed, the sheet stands alone: no navigation, no link panel, no attendance list.
        await secretary.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(sheet).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("display-link-panel")).ToBeHiddenAsync();
        await Expect(secretary.GetByTestId("attendance-panel")).ToBeHiddenAsync();
        await Expect(secretary.GetByTestId("nav-drawer")).ToBeHiddenAsync();
        await Expect(secretary.GetByTestId("user-menu")).ToBeHiddenAsync();
        await secretary.EmulateMediaAsync(new() { Media = Media.Screen });

        var first = await GenerateLinkAsync(secretary);
        await using var projectorContext = await browser.NewContextAsync(server.BaseAddress);
        var projector = await ProjectorAsync(projectorContext, first);

        // Creating another link asks first, then says the old one stopped; the old projector reports it on its next reload.
        await secretary.GetByTestId("display-link-generate").ClickAsync();
        await secretary.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "重新生成", Exact = true }).ClickAsync();
        await Expect(secretary.GetByTestId("display-link-replaced")).ToBeVisibleAsync();
        var second = await secretary.GetByTestId("display-link-url").InputValueAsync();
        Assert.NotEqual(first, second);
        await projector.ReloadAsync();
        await Expect(projector.GetByTestId("display-error")).ToContainTextAsync("投影链接无效、已被重新生成或已过期");
        var fresh = await ProjectorAsync(projectorContext, second);
        await Expect(fresh.GetByTestId("display-title")).ToHaveTextAsync("签到表打印");
    }

    [Fact]
    public async Task The_projector_shows_the_current_item_from_the_snapshot_and_follows_live_agenda_changes()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "投影议程", null,
            ("第一项：停车整治", 20), ("第二项：助餐点", 15), ("第三项：场地开放", 10));
        int[] numbers;
        await using (var db = await server.Portal.NewDbContextAsync(Ct))
            numbers = await db.AgendaItems.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).Select(i => i.Number).ToArrayAsync(Ct);
        var started = await server.Portal.AsAsync<MeetingLiveService, Result<AgendaApplied>>("secretary", s => s.StartMeetingAsync(meetingId, Ct));
        Assert.True(started.Succeeded, server.Portal.TextOf(started));
        var current = await server.Portal.AsAsync<MeetingLiveService, Result<AgendaApplied>>("secretary", s => s.SetCurrentAsync(meetingId, started.Value!.Revision, numbers[0], Ct));
        Assert.True(current.Succeeded, server.Portal.TextOf(current));

        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var link = await GenerateLinkAsync(await SecretaryDisplayPageAsync(secretaryContext, meetingId));
        await using var projectorContext = await browser.NewContextAsync(server.BaseAddress);
        var projector = await ProjectorAsync(projectorContext, link);

        // From the snapshot: the current item, its countdown ticking down from the box, the next items in order.
        await Expect(projector.GetByTestId("display-current")).ToHaveTextAsync("第一项：停车整治");
        await Expect(projector.GetByTestId("display-countdown")).ToHaveTextAsync(new Regex("^(19|20):\\d\\d$"));
        await Expect(projector.GetByTestId("display-next").Locator("li")).ToHaveCountAsync(2);
        await Expect(projector.GetByTestId("display-next").Locator("li").First).ToContainTextAsync("第二项：助餐点");
        var before = await projector.GetByTestId("display-countdown").InnerTextAsync();
        await Expect(projector.GetByTestId("display-countdown")).Not.ToHaveTextAsync(before, new() { Timeout = 3_000 });

        // Live: the third item moves before the second, then the second becomes current.
        var moved = await server.Portal.AsAsync<MeetingLiveService, Result<AgendaApplied>>("secretary", s => s.MoveAsync(meetingId, current.Value!.Revision, numbers[2], numbers[1], Ct));
        Assert.True(moved.Succeeded, server.Portal.TextOf(moved));
        await Expect(projector.GetByTestId("display-next").Locator("li").First).ToContainTextAsync("第三项：场地开放", new() { Timeout = 2_000 });
        var second = await server.Portal.AsAsync<MeetingLiveService, Result<AgendaApplied>>("secretary", s => s.SetCurrentAsync(meetingId, moved.Value!.Revision, numbers[1], Ct));
        Assert.True(second.Succeeded, server.Portal.TextOf(second));
        await Expect(projector.GetByTestId("display-current")).ToHaveTextAsync("第二项：助餐点", WithinTwoSeconds);
        await Expect(projector.GetByTestId("display-next").Locator("li")).ToHaveCountAsync(0, new() { Timeout = 2_000 });
    }

    [Fact]
    public async Task Marks_clicked_one_after_another_on_a_slow_connection_all_count()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "慢网连续标记");
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await DelayServerMessagesAsync(secretaryContext);
        var secretary = await SecretaryDisplayPageAsync(secretaryContext, meetingId);
        await Expect(secretary.GetByTestId("attendance-present")).ToHaveTextAsync("0");
        var unmarked = await secretary.GetByTestId("attendance-mark").CountAsync();

        // The second click comes before the page heard that the first one is under way (as on a phone in a basement):
        // it used to land on a panel busy with the first mark and was dropped without a word. (The delay stays on: its
        // messages must reach the page in order.)
        await SetServerLatencyAsync(secretary, 400);
        foreach (var user in new[] { "gridworker", "secretary" })
        {
            var person = await PersonOfAsync(user);
            await secretary.Locator($"[data-testid=attendance-row][data-person='{person}']").GetByTestId("attendance-mark").ClickAsync();
        }

        await Expect(secretary.GetByTestId("attendance-present")).ToHaveTextAsync("2");
        await Expect(secretary.GetByTestId("attendance-mark")).ToHaveCountAsync(unmarked - 2);
    }

    [Fact]
    public async Task The_projector_recovers_after_a_dropped_connection_with_every_change_made_meanwhile()
    {
        var meetingId = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "投影断线重连");
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await SecretaryDisplayPageAsync(secretaryContext, meetingId);
        var link = await GenerateLinkAsync(secretary);

        // The projector's hub traffic goes through a switch: the test cuts the WebSocket and refuses reconnects until it
        // lets them through again, like a meeting-room network that drops for a while.
        var blocked = false;
        var sockets = new List<IWebSocketRoute>();
        await using var projectorContext = await browser.NewContextAsync(server.BaseAddress);
        var projector = await projectorContext.NewPageAsync();
        await projector.RouteWebSocketAsync(new Regex("/hubs/live"), ws =>
        {
            if (Volatile.Read(ref blocked))
            {
                _ = ws.CloseAsync(new() { Code = 4001, Reason = "network down" });
                return;
            }
            ws.ConnectToServer();
            lock (sockets) sockets.Add(ws);
        });
        await projector.RouteAsync(new Regex("/hubs/live/negotiate"), route => Volatile.Read(ref blocked) ? route.AbortAsync() : route.ContinueAsync());
        await projector.GotoAsync(link);
        await Expect(projector.GetByTestId("display-connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(projector.GetByTestId("display-present")).ToHaveTextAsync("0");

        Volatile.Write(ref blocked, true);
        IWebSocketRoute[] open;
        lock (sockets) open = [.. sockets];
        foreach (var ws in open) await ws.CloseAsync(new() { Code = 4000, Reason = "network down" });
        await Expect(projector.GetByTestId("display-connection")).Not.ToHaveAttributeAsync("data-state", "connected");

        // Two people are marked present while the projector is cut off.
        foreach (var user in new[] { "gridworker", "secretary" })
        {
            var person = await PersonOfAsync(user);
            await secretary.Locator($"[data-testid=attendance-row][data-person='{person}']").GetByTestId("attendance-mark").ClickAsync();
        }
        await Expect(secretary.GetByTestId("attendance-present")).ToHaveTextAsync("2");
        await Expect(projector.GetByTestId("display-present")).ToHaveTextAsync("0");

        // Back online: it joins again from the last sequence it saw and applies what it missed.
        Volatile.Write(ref blocked, false);
        await Expect(projector.GetByTestId("display-connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await Expect(projector.GetByTestId("display-present")).ToHaveTextAsync("2", WithinTwoSeconds);
    }
}

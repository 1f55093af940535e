using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using Portal.Web.Features.Councils.Meetings;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.CouncilMeetings;

/// <summary>
/// The live meeting page in real browsers, one context per person: what the secretary does reaches a participant's page
/// within two seconds without a reload, a participant cut off meanwhile sees every change once back, and two people
/// editing the same item at once lose nothing.
/// </summary>
public sealed class MeetingLiveBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    /// <summary>The issue's bound for a change to reach the other pages.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 2_000 };

    private static ILocator Row(IPage page, string title) =>
        page.GetByTestId("agenda-item").Filter(new() { Has = page.GetByTestId("agenda-item-title").GetByText(title, new() { Exact = true }) });

    private static Task ExpectOrderAsync(IPage page, params string[] titles) =>
        Expect(page.GetByTestId("agenda-item-title")).ToHaveTextAsync(titles, new() { Timeout = 2_000 });

    private Task StartAsync(int meetingId) => server.Portal.AsAsync<MeetingLiveService, bool>("secretary", async s =>
    {
        var result = await s.StartMeetingAsync(meetingId);
        Assert.True(result.Succeeded, server.Portal.TextOf(result));
        return true;
    });

    [Fact]
    public async Task The_secretary_s_start_current_item_drag_and_drop_reorder_and_urgent_item_reach_a_participant_within_two_seconds()
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "浏览器实时议程会议");
        var path = $"/councils/meetings/{id}";
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await using var liaisonContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary", path);
        var liaison = await PortalPage.SignedInPageAsync(liaisonContext, "liaison", path);
        await ExpectOrderAsync(liaison, "社区停车秩序整治", "老年助餐点选址", "共建单位场地开放");
        // A participant follows; only those who steer get the controls.
        await Expect(liaison.GetByTestId("meeting-start")).ToHaveCountAsync(0);
        await Expect(liaison.GetByTestId("item-set-current")).ToHaveCountAsync(0);

        await secretary.GetByTestId("meeting-start").ClickAsync();
        await Expect(liaison.GetByTestId("meeting-status")).ToHaveAttributeAsync("data-status", "InProgress", new() { Timeout = 2_000 });
        await Expect(liaison.GetByTestId("meeting-started")).ToBeVisibleAsync();
        await Expect(liaison.GetByTestId("add-urgent")).ToHaveCountAsync(0);

        // Current item: highlighted with a countdown that ticks in the browser.
        await Row(secretary, "社区停车秩序整治").GetByTestId("item-set-current").ClickAsync();
        var current = Row(liaison, "社区停车秩序整治");
        await Expect(current).ToHaveAttributeAsync("data-current", "true", new() { Timeout = 2_000 });
        var countdown = current.GetByTestId("agenda-countdown").Locator("[data-countdown-text]");
        await Expect(countdown).ToHaveTextAsync(new Regex(@"^(19|20):\d\d$"));
        var shown = await countdown.InnerTextAsync();
        await Expect(countdown).Not.ToHaveTextAsync(shown, new() { Timeout = 3_000 });

        // Drag the third item onto the upper half of the first: it goes before it.
        await Row(secretary, "共建单位场地开放").GetByTestId("item-drag")
            .DragToAsync(Row(secretary, "社区停车秩序整治"), new() { TargetPosition = new() { X = 40, Y = 4 } });
        await ExpectOrderAsync(liaison, "共建单位场地开放", "社区停车秩序整治", "老年助餐点选址");

        // The keyboard way: one place down.
        await Row(secretary, "共建单位场地开放").GetByTestId("item-move-down").ClickAsync();
        await ExpectOrderAsync(liaison, "社区停车秩序整治", "共建单位场地开放", "老年助餐点选址");

        // An urgent item before the last one.
        await secretary.GetByTestId("add-urgent-title").FillAsync("燃气安全紧急通报");
        await secretary.GetByTestId("add-urgent-minutes").FillAsync("5");
        await Expect(Row(secretary, "老年助餐点选址").GetByTestId("agenda-item-place")).ToHaveTextAsync("3");
        await PortalPage.PickAsync(secretary, "add-urgent-position", "第 3 项“老年助餐点选址”之前");
        await secretary.GetByTestId("add-urgent-submit").ClickAsync();
        await ExpectOrderAsync(liaison, "社区停车秩序整治", "共建单位场地开放", "燃气安全紧急通报", "老年助餐点选址");
        await Expect(Row(liaison, "燃气安全紧急通报").GetByTestId("agenda-item-urgent")).ToBeVisibleAsync();
        await Expect(Row(liaison, "燃气安全紧急通报").GetByTestId("agenda-item-timebox")).ToContainTextAsync("5");
        await Expect(secretary.GetByTestId("add-urgent-title")).ToHaveValueAsync("");

        // A refused operation changes nothing and says why, next to the form: an urgent item without a title.
        await secretary.GetByTestId("add-urgent-minutes").FillAsync("5");
        await secretary.GetByTestId("add-urgent-submit").ClickAsync();
        await Expect(secretary.GetByTestId("add-urgent-error")).ToContainTextAsync("请填写议题名称");
        await Expect(liaison.GetByTestId("agenda-item")).ToHaveCountAsync(4);

        // The next item: the first one ends, the new one is current.
        await Row(secretary, "共建单位场地开放").GetByTestId("item-set-current").ClickAsync();
        await Expect(Row(liaison, "共建单位场地开放")).ToHaveAttributeAsync("data-current", "true", new() { Timeout = 2_000 });
        await Expect(Row(liaison, "社区停车秩序整治").GetByTestId("agenda-item-end")).ToBeVisibleAsync(new() { Timeout = 2_000 });

        // A resident of the community may see the council, but not the agenda.
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident", path);
        await Expect(resident.GetByTestId("meeting-not-participant")).ToBeVisibleAsync();
        await Expect(resident.GetByTestId("agenda-item")).ToHaveCountAsync(0);
        // In English too.
        await resident.GetByTestId("culture-switch").ClickAsync();
        await Expect(resident.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await resident.GotoAsync(path);
        await PortalPage.WaitForCircuitAsync(resident);
        await Expect(resident.GetByTestId("meeting-not-participant")).ToHaveTextAsync("You are not a participant of this meeting, so its agenda is not shown to you.");
        await Expect(resident.GetByTestId("meeting-status")).ToHaveTextAsync("In progress");
    }

    [Fact]
    public async Task A_participant_whose_connection_was_cut_sees_every_change_made_meanwhile_once_back()
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "断线重连会议");
        await StartAsync(id);
        var path = $"/councils/meetings/{id}";
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await using var workerContext = await browser.NewContextAsync(server.BaseAddress);
        await PortalPage.TrackSocketsAsync(workerContext);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary", path);
        var worker = await PortalPage.SignedInPageAsync(workerContext, "gridworker", path);
        await ExpectOrderAsync(worker, "社区停车秩序整治", "老年助餐点选址", "共建单位场地开放");

        // The live socket drops and no reconnection gets through (the socket is closed before going offline: closing it
        // while offline may never complete).
        await PortalPage.DropConnectionAsync(worker);
        await Expect(worker.GetByTestId("reconnect-indicator")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await workerContext.SetOfflineAsync(true);

        // Meanwhile the secretary steers: current item, a reorder, an urgent item, a new title, notes.
        await Row(secretary, "社区停车秩序整治").GetByTestId("item-set-current").ClickAsync();
        await Expect(Row(secretary, "社区停车秩序整治")).ToHaveAttributeAsync("data-current", "true");
        await Row(secretary, "共建单位场地开放").GetByTestId("item-move-up").ClickAsync();
        await ExpectOrderAsync(secretary, "社区停车秩序整治", "共建单位场地开放", "老年助餐点选址");
        await secretary.GetByTestId("add-urgent-title").FillAsync("断线期间的临时议题");
        await secretary.GetByTestId("add-urgent-submit").ClickAsync();
        await ExpectOrderAsync(secretary, "社区停车秩序整治", "共建单位场地开放", "老年助餐点选址", "断线期间的临时议题");
        var item = Row(secretary, "老年助餐点选址");
        await item.GetByTestId("item-edit").ClickAsync();
        await item.GetByTestId("item-edit-title").FillAsync("老年助餐点选址（二期）");
        await item.GetByTestId("item-edit-save").ClickAsync();
        await Expect(secretary.GetByTestId("item-edit-form")).ToHaveCountAsync(0);
        var first = Row(secretary, "社区停车秩序整治");
        await first.GetByTestId("item-record").ClickAsync();
        await first.GetByTestId("record-notes").FillAsync("断线期间的会议记录");
        await first.GetByTestId("record-save").ClickAsync();
        await Expect(first.GetByTestId("agenda-item-notes")).ToHaveTextAsync("断线期间的会议记录");

        // Back online: the same page, without a reload, shows all of it.
        await PortalPage.RestoreConnectionAsync(worker);
        await workerContext.SetOfflineAsync(false);
        await Expect(worker.GetByTestId("reconnect-indicator")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await ExpectOrderAsync(worker, "社区停车秩序整治", "共建单位场地开放", "老年助餐点选址（二期）", "断线期间的临时议题");
        await Expect(Row(worker, "社区停车秩序整治")).ToHaveAttributeAsync("data-current", "true");
        await Expect(Row(worker, "社区停车秩序整治").GetByTestId("agenda-item-notes")).ToHaveTextAsync("断线期间的会议记录");
        await Expect(Row(worker, "断线期间的临时议题").GetByTestId("agenda-item-urgent")).ToBeVisibleAsync();
        // And it keeps following: a change after the reconnect arrives live again.
        await Row(secretary, "共建单位场地开放").GetByTestId("item-set-current").ClickAsync();
        await Expect(Row(worker, "共建单位场地开放")).ToHaveAttributeAsync("data-current", "true", new() { Timeout = 2_000 });
    }

    [Fact]
    public async Task Two_people_editing_one_item_at_once_keep_different_fields_and_the_second_same_field_edit_is_refused_with_the_text_kept()
    {
        var id = await CouncilTestData.MeetingAboutToStartAsync(server.Portal, "同时编辑会议");
        await StartAsync(id);
        var path = $"/councils/meetings/{id}";
        await using var firstContext = await browser.NewContextAsync(server.BaseAddress);
        await using var secondContext = await browser.NewContextAsync(server.BaseAddress);
        var one = await PortalPage.SignedInPageAsync(firstContext, "secretary", path);
        var two = await PortalPage.SignedInPageAsync(secondContext, "admin", path);

        // Different fields of one item: one fixes the title while the other writes the notes.
        var rowOne = Row(one, "社区停车秩序整治");
        var rowTwo = Row(two, "社区停车秩序整治");
        await rowOne.GetByTestId("item-edit").ClickAsync();
        await rowTwo.GetByTestId("item-record").ClickAsync();
        await rowOne.GetByTestId("item-edit-title").FillAsync("社区停车秩序专项整治");
        await rowTwo.GetByTestId("record-notes").FillAsync("物业、交警、社区三方联合巡查");
        await rowOne.GetByTestId("item-edit-save").ClickAsync();
        await Expect(one.GetByTestId("item-edit-form")).ToHaveCountAsync(0);
        await Expect(two.GetByTestId("agenda-item-title").First).ToHaveTextAsync("社区停车秩序专项整治", Live);
        rowTwo = Row(two, "社区停车秩序专项整治");
        await rowTwo.GetByTestId("record-save").ClickAsync();
        await Expect(two.GetByTestId("record-form")).ToHaveCountAsync(0);
        foreach (var page in new[] { one, two })
        {
            var row = Row(page, "社区停车秩序专项整治");
            await Expect(row.GetByTestId("agenda-item-notes")).ToHaveTextAsync("物业、交警、社区三方联合巡查", Live);
        }

        // The same field at once: the first save wins; the second is refused, says so, keeps what was typed and shows
        // the first person's notes.
        var secondOne = Row(one, "老年助餐点选址");
        var secondTwo = Row(two, "老年助餐点选址");
        await secondOne.GetByTestId("item-record").ClickAsync();
        await secondTwo.GetByTestId("item-record").ClickAsync();
        await secondOne.GetByTestId("record-notes").FillAsync("书记：选址在社区服务中心一层");
        await secondTwo.GetByTestId("record-notes").FillAsync("管理员：建议选址在老年活动站");
        await secondOne.GetByTestId("record-save").ClickAsync();
        await Expect(secondOne.GetByTestId("record-form")).ToHaveCountAsync(0);
        await Expect(secondTwo.GetByTestId("agenda-item-notes")).ToHaveTextAsync("书记：选址在社区服务中心一层", Live);
        await secondTwo.GetByTestId("record-save").ClickAsync();
        await Expect(secondTwo.GetByTestId("record-error")).ToContainTextAsync("其他人刚刚修改了该议题的同一内容");
        await Expect(secondTwo.GetByTestId("record-notes")).ToHaveValueAsync("管理员：建议选址在老年活动站");
        await Expect(secondTwo.GetByTestId("agenda-item-notes")).ToHaveTextAsync("书记：选址在社区服务中心一层");
        await Expect(secondOne.GetByTestId("agenda-item-notes")).ToHaveTextAsync("书记：选址在社区服务中心一层");

        // Having seen the other notes, the second person decides to save theirs: now it goes through, for both pages.
        await secondTwo.GetByTestId("record-save").ClickAsync();
        await Expect(secondTwo.GetByTestId("record-form")).ToHaveCountAsync(0);
        await Expect(secondOne.GetByTestId("agenda-item-notes")).ToHaveTextAsync("管理员：建议选址在老年活动站", Live);
    }
}

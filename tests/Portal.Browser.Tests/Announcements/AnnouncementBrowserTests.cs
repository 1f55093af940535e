using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.Announcements;

/// <summary>Announcements in real browsers: one person publishes, others see it live, without reloading.</summary>
public sealed class AnnouncementBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    /// <summary>The issue's bound for a published announcement to reach another browser.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions WithinTwoSeconds = new() { Timeout = 2_000 };

    /// <summary>The bell's count once it has loaded from the database (it renders 0 before the circuit starts).</summary>
    private static async Task<int> UnreadCountAsync(IPage page)
    {
        await Expect(page.GetByTestId("announcement-bell")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 15_000 });
        return int.Parse(await page.GetByTestId("unread-count").InnerTextAsync());
    }

    private static async Task PublishAsync(IPage secretary, string title, string body)
    {
        await secretary.GotoAsync("/announcements/new");
        await PortalPage.WaitForCircuitAsync(secretary);
        await secretary.GetByTestId("editor-title").FillAsync(title);
        await secretary.GetByTestId("editor-body").FillAsync(body);
        await secretary.GetByTestId("editor-publish").ClickAsync();
        await Expect(secretary.GetByTestId("announcement-heading")).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task A_published_announcement_reaches_members_live_and_opening_it_lowers_their_count()
    {
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        await using var otherCommunityContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident");
        var resident2 = await PortalPage.SignedInPageAsync(otherCommunityContext, "resident2");
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("您好");
        var before = await UnreadCountAsync(resident);
        var otherBefore = await UnreadCountAsync(resident2);
        var residentNavigations = 0;
        resident.FrameNavigated += (_, _) => residentNavigations++;

        const string title = "周六上午社区义诊活动";
        await secretary.GotoAsync("/announcements/new");
        await PortalPage.WaitForCircuitAsync(secretary);
        await secretary.GetByTestId("editor-title").FillAsync(title);
        await secretary.GetByTestId("editor-body").FillAsync("本周六 **8:30–11:30** 在党群服务中心举办义诊。\n\n- 血压血糖检测\n- 中医咨询");
        await secretary.GetByTestId("editor-publish").ClickAsync();

        // Within two seconds of the click, without a reload: the count rises and the bell lists it, unread.
        await Expect(resident.GetByTestId("unread-count")).ToHaveTextAsync((before + 1).ToString(), WithinTwoSeconds);
        await resident.GetByTestId("bell-button").ClickAsync();
        var item = resident.GetByTestId("bell-item").First;
        await Expect(item).ToContainTextAsync(title);
        await Expect(item).ToHaveAttributeAsync("data-unread", "true");
        Assert.Equal(0, residentNavigations);

        // Opening it shows the rendered Markdown and lowers the count.
        await item.ClickAsync();
        await Expect(resident.GetByTestId("announcement-heading")).ToHaveTextAsync(title);
        await Expect(resident.GetByTestId("announcement-body").Locator("strong")).ToHaveTextAsync("8:30–11:30");
        await Expect(resident.GetByTestId("announcement-body").Locator("li")).ToHaveCountAsync(2);
        await Expect(resident.GetByTestId("unread-count")).ToHaveTextAsync(before.ToString());
        await Expect(resident.GetByTestId("announcement-actions")).ToHaveCountAsync(0);

        // The secretary's own bell does not count what she wrote; the other community never hears of it.
        await Expect(secretary.GetByTestId("announcement-heading")).ToHaveTextAsync(title);
        await Expect(resident2.GetByTestId("unread-count")).ToHaveTextAsync(otherBefore.ToString());
        await resident2.GetByTestId("bell-button").ClickAsync();
        await Expect(resident2.GetByTestId("bell-menu")).ToBeVisibleAsync();
        await Expect(resident2.GetByTestId("bell-menu")).Not.ToContainTextAsync(title);
        await resident2.GotoAsync("/announcements");
        await Expect(resident2.GetByTestId("announcement-list")).ToBeVisibleAsync();
        await Expect(resident2.GetByTestId("announcement-list")).Not.ToContainTextAsync(title);
    }

    [Fact]
    public async Task The_list_page_shows_a_new_announcement_live_at_the_top_marked_unread()
    {
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        await using var memberContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");
        var member = await PortalPage.SignedInPageAsync(memberContext, "member");
        await member.GotoAsync("/announcements");
        await PortalPage.WaitForCircuitAsync(member);
        await Expect(member.GetByTestId("announcement-list")).ToBeVisibleAsync();
        var navigations = 0;
        member.FrameNavigated += (_, _) => navigations++;

        const string title = "垃圾分类宣传周安排";
        await PublishAsync(secretary, title, "请各楼栋按时参加。");

        var first = member.GetByTestId("announcement-item").Filter(new() { HasText = title });
        await Expect(first).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        await Expect(first).ToHaveAttributeAsync("data-unread", "true");
        await Expect(first.GetByTestId("unread-marker")).ToBeVisibleAsync();
        Assert.Equal(0, navigations);

        // Search narrows the list; a search without hits says so.
        await member.GetByTestId("announcement-search").FillAsync("垃圾分类");
        await member.GetByTestId("announcement-search-submit").ClickAsync();
        await Expect(member.GetByTestId("announcement-item")).ToHaveCountAsync(1);
        await member.GetByTestId("announcement-search").FillAsync("不存在的关键词");
        await member.GetByTestId("announcement-search-submit").ClickAsync();
        await Expect(member.GetByTestId("announcements-empty")).ToContainTextAsync("不存在的关键词");
    }

    [Fact]
    public async Task The_editor_refuses_empty_input_previews_markdown_safely_and_confirms_before_withdraw_and_delete()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary");
        await page.GotoAsync("/announcements/new");
        await PortalPage.WaitForCircuitAsync(page);

        // Nothing typed: localized messages next to the fields; nothing saved.
        await page.GetByTestId("editor-publish").ClickAsync();
        await Expect(page.GetByTestId("error-title")).ToHaveTextAsync("请填写标题。");
        await Expect(page.GetByTestId("error-body")).ToHaveTextAsync("请填写正文。");
        await Expect(page).ToHaveURLAsync(new Regex("/announcements/new$"));

        const string title = "安全预览测试";
        await page.GetByTestId("editor-title").FillAsync(title);
        await page.GetByTestId("editor-body").FillAsync("<script>window.pwned = 1</script>\n\n[领取补贴](javascript:window.pwned=2) 与 [政府网](https://www.gov.cn/)\n\n**加粗**");
        await page.GetByTestId("editor-preview").ClickAsync();
        var preview = page.GetByTestId("editor-preview-body");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("加粗");
        await Expect(preview).ToContainTextAsync("<script>");
        await Expect(preview.Locator("a")).ToHaveCountAsync(1);
        await Expect(preview.Locator("a")).ToHaveAttributeAsync("href", "https://www.gov.cn/");
        await page.GetByTestId("editor-write").ClickAsync();
        await Expect(page.GetByTestId("editor-body")).ToHaveValueAsync(new Regex("领取补贴"));

        await page.GetByTestId("editor-publish").ClickAsync();
        await Expect(page.GetByTestId("announcement-heading")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("announcement-body").Locator("script")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));

        // Withdraw asks first; cancelling changes nothing.
        await page.GetByTestId("withdraw-announcement").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(page.GetByTestId("withdraw-announcement")).ToBeVisibleAsync();
        await page.GetByTestId("withdraw-announcement").ClickAsync();
        await page.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        await Expect(page.GetByTestId("status-badge")).ToHaveTextAsync("已撤回");
        await Expect(page.GetByTestId("publish-announcement")).ToBeVisibleAsync();

        // Delete asks first too, then returns to the list without it.
        await page.GetByTestId("delete-announcement").ClickAsync();
        await page.Locator(PortalPage.DialogSelector).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/announcements$"));
        await Expect(page.GetByTestId("announcement-list")).Not.ToContainTextAsync(title);
    }

    /// <summary>
    /// Issue 10, item 1: 33 or more "[" in a row made the Markdown renderer throw, ending the author's circuit in the
    /// preview and every reader's on the published page. The text is shown as typed, and the page keeps working.
    /// </summary>
    [Fact]
    public async Task Deeply_nested_text_previews_publishes_and_reads_as_typed()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", "/announcements/new");
        var brackets = new string('[', 40);
        const string title = "括号很多的通知";

        await page.GetByTestId("editor-title").FillAsync(title);
        await page.GetByTestId("editor-body").FillAsync(brackets + "请各单位注意" + brackets);
        await page.GetByTestId("editor-preview").ClickAsync();
        await Expect(page.GetByTestId("editor-preview-body")).ToContainTextAsync(brackets + "请各单位注意");

        await page.GetByTestId("editor-write").ClickAsync();
        await page.GetByTestId("editor-publish").ClickAsync();
        await Expect(page.GetByTestId("announcement-heading")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("announcement-body")).ToContainTextAsync(brackets + "请各单位注意");

        await using var residentContext = await browser.NewContextAsync(server.BaseAddress);
        var resident = await PortalPage.SignedInPageAsync(residentContext, "resident", page.Url.Replace(server.BaseAddress.ToString().TrimEnd('/'), ""));
        await Expect(resident.GetByTestId("announcement-body")).ToContainTextAsync(brackets + "请各单位注意");
    }

    [Fact]
    public async Task A_resident_is_refused_the_editor_and_sees_no_writing_controls()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "resident");

        await page.GotoAsync("/announcements/new");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("announcement-editor")).ToHaveCountAsync(0);

        await page.GotoAsync("/announcements");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("announcement-list")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("new-announcement")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Issue 11, item 7: residents read announcements on phones. At 390×844 the list is a column of cards — each title
    /// in full on the card's whole width, the unread chip, the community and the date on screen — and the announcement
    /// itself reads without sideways scrolling, even with a long address in its text.
    /// </summary>
    [Fact]
    public async Task On_a_phone_the_list_shows_whole_cards_and_an_announcement_reads_without_sideways_scrolling()
    {
        await using var secretaryContext = await browser.NewContextAsync(server.BaseAddress);
        var secretary = await PortalPage.SignedInPageAsync(secretaryContext, "secretary");
        var title = "关于青年湖社区三号楼至七号楼冬季供暖管道检修期间临时停水安排的通知" + Guid.NewGuid().ToString("N")[..4];
        const string link = "https://www.example.gov.cn/qingnianhu/tongzhi/2026/gongnuan-guandao-jianxiu-linshi-tingshui-anpai.html";
        await PublishAsync(secretary, title, $"三号楼至七号楼将于周三 **9:00–17:00** 停水，请提前储水。\n\n详见 {link}");

        await using var phone = await browser.NewContextAsync(server.BaseAddress, BrowserFixture.Phone);
        var resident = await PortalPage.SignedInPageAsync(phone, "resident", "/announcements");
        var card = resident.GetByTestId("announcement-item").Filter(new() { HasText = title });
        await Expect(card).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync(resident);

        // The card spans the screen less the page's margins; nothing of it is cut off.
        var box = await card.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= BrowserFixture.Phone.Width, $"the card spans {box.X}–{box.X + box.Width} px");
        Assert.True(box.Width >= 300, $"the card is {box.Width} px wide");
        Assert.True(box.Height >= 40, $"the card is {box.Height} px high, under the 40 px touch target");

        // The title in full, wrapped over lines of many characters, not cut and not squeezed to a character or two a line.
        var heading = card.GetByTestId("announcement-title");
        await Expect(heading).ToHaveTextAsync(title);
        var titleBox = await heading.BoundingBoxAsync();
        Assert.True(titleBox!.Width >= 280, $"the title has {titleBox.Width} px");
        Assert.True(await heading.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "the title is cut off");
        await Expect(card.GetByTestId("unread-marker")).ToBeInViewportAsync(new() { Ratio = 1 });
        var meta = card.GetByTestId("announcement-meta");
        await Expect(meta).ToContainTextAsync("青年湖社区");
        await Expect(meta).ToContainTextAsync(new Regex(@"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2} 发布"));
        var metaBox = await meta.BoundingBoxAsync();
        Assert.True(metaBox!.X + metaBox.Width <= BrowserFixture.Phone.Width, $"the date line ends at {metaBox.X + metaBox.Width} px");

        // Opening it: the announcement and its long address fit the screen; the way back is a full touch target.
        await card.ClickAsync();
        await Expect(resident.GetByTestId("announcement-heading")).ToHaveTextAsync(title);
        await Expect(resident.GetByTestId("announcement-body").Locator("strong")).ToHaveTextAsync("9:00–17:00");
        await Expect(resident.GetByTestId("announcement-body")).ToContainTextAsync(link);
        await AssertNoSidewaysScrollAsync(resident);
        var article = await resident.GetByTestId("announcement").BoundingBoxAsync();
        Assert.True(article!.X >= 0 && article.X + article.Width <= BrowserFixture.Phone.Width, $"the announcement spans {article.X}–{article.X + article.Width} px");
        await AssertTouchableAsync(resident.GetByTestId("back-to-list"), "the way back");
        await resident.GetByTestId("back-to-list").ClickAsync();
        await Expect(resident.GetByTestId("announcement-list")).ToBeVisibleAsync();
        await Expect(card).ToHaveAttributeAsync("data-unread", "false");
    }
}

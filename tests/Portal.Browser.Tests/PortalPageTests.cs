using Microsoft.Playwright;
using Xunit.Sdk;

namespace Portal.Browser.Tests;

/// <summary>
/// The phone checks of <see cref="PortalPage"/> can fail: pointed at a deliberately wide element, a button too small for a
/// thumb and one pushed off the side of a 390 px phone, each says what is wrong; on a page that fits they pass. No portal
/// runs here: the page is written in place.
/// </summary>
public sealed class PortalPageTests(BrowserFixture browser)
{
    private const string Fitting = """
        <!DOCTYPE html>
        <html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body style="margin:0">
          <h1 id="title" style="width:300px;font-size:16px;line-height:20px;margin:0">青年湖社区三号楼停水通知</h1>
          <p id="date" style="width:240px;line-height:20px;margin:0">2026/12/06 09:00</p>
          <button id="big" style="width:120px;height:48px">提交</button>
          <button id="small" style="width:86px;height:36px">搜索</button>
          <button id="off" style="position:absolute;left:360px;width:60px;height:48px">更多</button>
          <div id="wide" style="width:100px">宽</div>
        </body></html>
        """;

    private async Task<IPage> PhonePageAsync()
    {
        var context = await browser.NewContextAsync(new Uri("http://localhost/"), BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Fitting);
        return page;
    }

    [Fact]
    public async Task A_page_wider_than_the_phone_fails_the_sideways_scroll_check()
    {
        var page = await PhonePageAsync();
        await page.Locator("#off").EvaluateAsync("e => e.remove()");
        await PortalPage.AssertNoSidewaysScrollAsync(page);

        await page.Locator("#wide").EvaluateAsync("e => e.style.width = '800px'");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => PortalPage.AssertNoSidewaysScrollAsync(page));
        Assert.Contains("the page scrolls sideways: 800 px wide in a 390 px window", failure.Message);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_button_under_40_px_or_off_the_side_fails_the_touch_target_check()
    {
        var page = await PhonePageAsync();

        var box = await PortalPage.AssertTouchableAsync(page.Locator("#big"), "提交");
        Assert.Equal(48, box.Height);
        var small = await Assert.ThrowsAnyAsync<XunitException>(() => PortalPage.AssertTouchableAsync(page.Locator("#small"), "搜索"));
        Assert.Contains("搜索 is 86×36 px, under the 40 px touch target", small.Message);
        var off = await Assert.ThrowsAnyAsync<XunitException>(() => PortalPage.AssertTouchableAsync(page.Locator("#off"), "更多"));
        Assert.Contains("更多 spans 360–420 px of a 390 px window", off.Message);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_crushed_title_and_a_wrapped_date_fail_the_reading_checks()
    {
        var page = await PhonePageAsync();
        await PortalPage.AssertReadableAsync(page.Locator("#title"), "the title");
        await PortalPage.AssertOneLineAsync(page.Locator("#date"), "the date");

        await page.Locator("#title").EvaluateAsync("e => e.style.width = '30px'");
        await page.Locator("#date").EvaluateAsync("e => e.style.width = '60px'");

        var crushed = await Assert.ThrowsAnyAsync<XunitException>(() => PortalPage.AssertReadableAsync(page.Locator("#title"), "the title"));
        Assert.Contains("the title is crushed to 30 px", crushed.Message);
        var wrapped = await Assert.ThrowsAnyAsync<XunitException>(() => PortalPage.AssertOneLineAsync(page.Locator("#date"), "the date"));
        Assert.Contains("the date wraps", wrapped.Message);
        await page.Context.CloseAsync();
    }
}

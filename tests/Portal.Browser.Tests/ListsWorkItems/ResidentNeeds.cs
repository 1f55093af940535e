using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>
/// A resident's need brought to a given step through the services (as the people concerned would on their pages), and
/// what a resident's page must hold on a phone (issue 11, item 7): no sideways scrolling, titles not crushed, touch
/// targets of 40 px.
/// </summary>
public static class ResidentNeeds
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A need the resident raised in 青年湖社区; with <paramref name="reported"/>, handled by the hospital and reported back (ready to rate).</summary>
    public static async Task<int> RaiseAsync(PortalHost portal, string title, bool reported = false)
    {
        int community, hospital;
        await using (var db = await portal.NewDbContextAsync(Ct))
        {
            community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
            hospital = await db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct);
        }
        async Task<Guid> Version(int id)
        {
            await using var db = await portal.NewDbContextAsync(Ct);
            return await db.WorkItems.Where(w => w.Id == id).Select(w => w.Version).SingleAsync(Ct);
        }
        static void Ok(WorkItemResult result) => Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message}");

        var raised = await portal.AsAsync<WorkItemService, WorkItemResult>("resident", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = title, Category = WorkItemCategories.Safety, CommunityId = community, Urgency = Urgency.General,
        }, Ct));
        Ok(raised);
        var id = raised.Id;
        if (!reported) return id;
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("secretary", async s => await s.TriageAsync(id, await Version(id), true, true, ct: Ct)));
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("secretary", async s => await s.DispatchAsync(id, await Version(id), hospital, Urgency.Complex, ct: Ct)));
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("liaison", async s => await s.AcceptAsync(id, await Version(id), ct: Ct)));
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("liaison", async s => await s.ReportBackAsync(id, await Version(id), "已处理完毕。", ct: Ct)));
        return id;
    }

    /// <summary>The page is no wider than the phone's screen: nothing scrolls sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {widths[0]} px wide in a {widths[1]} px window");
    }

    /// <summary>The element lies wholly on the screen's width and is at least 40 px high (and wide): a thumb can hit it.</summary>
    public static async Task AssertTouchableAsync(ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width >= 40 && box.Height >= 40, $"{what} is {box.Width}×{box.Height} px, under the 40 px touch target");
        Assert.True(box.X >= 0 && box.X + box.Width <= BrowserFixture.Phone.Width, $"{what} spans {box.X}–{box.X + box.Width} px");
    }

    /// <summary>The element is shown and lies wholly within the screen's width (not cut off at the side).</summary>
    public static async Task AssertOnScreenAsync(ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 0 && box.X >= 0 && box.X + box.Width <= BrowserFixture.Phone.Width, $"{what} spans {box.X}–{box.X + box.Width} px");
    }

    /// <summary>A date reads on one line (not broken into pieces) within the screen's width.</summary>
    public static async Task AssertOneLineAsync(ILocator element, string what)
    {
        await AssertOnScreenAsync(element, what);
        var box = await element.BoundingBoxAsync();
        Assert.True(box!.Height <= 32, $"{what} wraps: {box.Width}×{box.Height} px");
    }

    /// <summary>A title reads as a line of text, not one or two characters per line, and lies within the screen's width.</summary>
    public static async Task AssertReadableAsync(ILocator element, string what, float minWidth = 200)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width >= minWidth, $"{what} is crushed to {box.Width} px");
        Assert.True(box.X >= 0 && box.X + box.Width <= BrowserFixture.Phone.Width, $"{what} spans {box.X}–{box.X + box.Width} px, off the screen");
    }
}

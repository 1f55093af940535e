using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

namespace Portal.Browser.Tests.ListsResources;

/// <summary>The resources list, matching and "转为项目" in Chromium, as a unit liaison and a community secretary use them.</summary>
public sealed class ResourcesBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private const string Hospital = "东城区第二人民医院";

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await server.Portal.NewDbContextAsync();
        return await query(db);
    }


    [Fact]
    public async Task A_liaison_publishes_a_resource_for_their_unit()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "liaison", "/lists/resources");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("资源清单");

        await page.ClickAsync("[data-testid=add]");
        var editor = page.Locator("[data-testid=editor]");
        await Expect(editor).ToContainTextAsync(Hospital);
        await InputOf(editor, "edit-title").FillAsync("浏览器助老志愿队");
        await page.ClickAsync("[data-testid=edit-categories]");
        await page.GetByRole(AriaRole.Option, new() { Name = "养老助老", Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await InputOf(editor, "edit-capacity").FillAsync("-3");
        await InputOf(editor, "edit-capacity").PressAsync("Tab");
        await InputOf(editor, "edit-capacity-unit").FillAsync("人");
        await page.ClickAsync("[data-testid=save]");
        // A negative capacity is refused under its field and nothing is saved.
        await Expect(editor.Locator("[data-testid=field-error]").Filter(new() { HasText = "容量不能为负数。" })).ToHaveCountAsync(1);
        Assert.Equal(0, await QueryAsync(db => db.Resources.CountAsync(r => r.Title == "浏览器助老志愿队")));

        await InputOf(editor, "edit-capacity").FillAsync("8");
        await InputOf(editor, "edit-capacity").PressAsync("Tab");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=editor]")).ToHaveCountAsync(0);

        await page.FillAsync("[data-testid=search]", "浏览器助老");
        await page.ClickAsync("[data-testid=search-button]");
        var row = page.Locator("[data-testid=resources-grid] tr").Filter(new() { HasText = "浏览器助老志愿队" });
        await Expect(row).ToContainTextAsync(Hospital);
        await Expect(row.Locator("[data-testid=resource-remaining]")).ToHaveTextAsync("剩余 8 / 共 8 人");
        var saved = await QueryAsync(db => db.Resources.SingleAsync(r => r.Title == "浏览器助老志愿队"));
        Assert.Equal(8, saved.Capacity);
        Assert.Equal(WorkItemCategories.ElderlyCare, saved.Categories);
    }

    [Fact]
    public async Task A_secretary_matches_a_need_sees_why_and_turns_it_into_a_project_that_takes_capacity()
    {
        var (needId, resourceId) = await QueryAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Name == "青年湖社区");
            var unit = await db.Units.SingleAsync(u => u.Name == Hospital);
            var need = new WorkItem
            {
                Kind = WorkItemKind.Need, Title = "独居老人助餐（浏览器）", Category = WorkItemCategories.Difficulty, CommunityId = community.Id,
                RaisedByName = "测试", RaisedAtUtc = DateTime.UtcNow, IsShared = true,
            };
            need.Apply(WorkItemAction.Triage, DateTime.UtcNow);
            var resource = new Resource
            {
                UnitId = unit.Id, Kind = ResourceKind.Volunteers, Title = "医院助餐志愿者（浏览器）", Categories = WorkItemCategories.Difficulty,
                Capacity = 10, CapacityUnit = "人",
            };
            db.AddRange(need, resource);
            await db.SaveChangesAsync();
            return (need.Id, resource.Id);
        });

        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", $"/lists/needs/{needId}/match");
        var suggestion = page.Locator($"[data-testid=suggestion][data-resource-id='{resourceId}']");
        await Expect(suggestion).ToContainTextAsync("医院助餐志愿者（浏览器）");
        await Expect(suggestion.Locator("[data-testid=reason]")).ToHaveTextAsync(["同类资源", "同一社区", "容量充足"]);

        await page.ClickAsync("[data-testid=to-project]");
        var dialog = page.Locator(DialogSelector);
        await Expect(dialog).ToContainTextAsync("投入资源");
        var pick = dialog.Locator($"[data-testid=pick][data-resource-id='{resourceId}']");
        await InputOf(pick, "pick-quantity").FillAsync("11");
        await InputOf(pick, "pick-quantity").PressAsync("Tab");
        var due = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await InputOf(dialog, "due-date").FillAsync(due);
        await InputOf(dialog, "due-date").PressAsync("Tab");
        await InputOf(dialog, "budget").FillAsync("3000");
        await InputOf(dialog, "budget").PressAsync("Tab");
        await dialog.Locator("[data-testid=create]").ClickAsync();
        // More than is left is refused with the reason, and nothing is saved.
        await Expect(dialog).ToContainTextAsync("剩余容量只有 10 人，不能超额承诺");
        Assert.Equal(0, await QueryAsync(db => db.Resources.Where(r => r.Id == resourceId).Select(r => r.CommittedCapacity).SingleAsync()));

        await InputOf(pick, "pick-quantity").FillAsync("4");
        await InputOf(pick, "pick-quantity").PressAsync("Tab");
        await dialog.Locator("[data-testid=create]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/lists/projects/\\d+$"));
        await Expect(page.Locator("[data-testid=project-title]")).ToHaveTextAsync("独居老人助餐（浏览器）");
        await Expect(page.Locator("[data-testid=committed-resource]")).ToContainTextAsync("承诺 4 人");
        await Expect(page.Locator("[data-testid=linked-needs]")).ToContainTextAsync("独居老人助餐（浏览器）");

        // The project's milestones roll its progress up as they are saved.
        await page.ClickAsync("[data-testid=milestone-add]");
        var milestone = page.Locator("[data-testid=milestone]").Last;
        await InputOf(milestone, "milestone-title").FillAsync("走访摸底");
        await InputOf(milestone, "milestone-percent").FillAsync("40");
        await InputOf(milestone, "milestone-percent").PressAsync("Tab");
        await milestone.Locator("[data-testid=milestone-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=progress-value]")).ToHaveTextAsync("40%");

        await page.GotoAsync("/lists/resources");
        await PortalPage.WaitForCircuitAsync(page);
        await page.FillAsync("[data-testid=search]", "医院助餐志愿者");
        await page.ClickAsync("[data-testid=search-button]");
        var row = page.Locator("[data-testid=resources-grid] tr").Filter(new() { HasText = "医院助餐志愿者（浏览器）" });
        await Expect(row.Locator("[data-testid=resource-remaining]")).ToHaveTextAsync("剩余 6 / 共 10 人");
        Assert.Equal(4, await QueryAsync(db => db.Resources.Where(r => r.Id == resourceId).Select(r => r.CommittedCapacity).SingleAsync()));
        Assert.Equal(needId, await QueryAsync(db => db.WorkItems.Where(w => w.Kind == WorkItemKind.Project && w.Title == "独居老人助餐（浏览器）")
            .Select(p => db.WorkItems.Where(n => n.ProjectId == p.Id).Select(n => n.Id).Single()).SingleAsync()));
    }
}

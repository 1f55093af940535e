using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Web.Data;
using static Microsoft.Playwright.Assertions;
using static Portal.Browser.Tests.PortalPage;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Browser.Tests.DirectoryFeature;

/// <summary>The directory administration pages in Chromium, as a community secretary uses them.</summary>
public sealed class DirectoryBrowserTests(BrowserFixture browser, PortalServerFixture server) : IClassFixture<PortalServerFixture>
{
    private const string HouseholdHeader = "社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话\r\n";

    static DirectoryBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await server.Portal.NewDbContextAsync();
        return await query(db);
    }

    private Task<int> HouseholdCountAsync() => QueryAsync(db => db.Households.CountAsync());


    [Fact]
    public async Task A_csv_with_bad_rows_shows_its_errors_and_imports_nothing_then_a_good_file_imports_after_preview()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", "/directory/import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("批量导入");
        var before = await HouseholdCountAsync();

        var bad = HouseholdHeader +
                  "青年湖社区,第一网格,浏览器楼,1单元,101,80,,赵敏,13800138100\r\n" +
                  "青年湖社区,第一网格,浏览器楼,1单元,102,八十,,,\r\n" +
                  "安德里社区,第一网格,浏览器楼,1单元,103,80,,,\r\n" +
                  "青年湖社区,第一网格,浏览器楼,1单元,101,80,,赵敏,13800138100\r\n";
        await InputOf(page, "import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "坏文件.csv", MimeType = "text/csv", Buffer = Encoding.GetEncoding("GB18030").GetBytes(bad),
        });

        await Expect(page.Locator("[data-testid=import-errors-summary]")).ToContainTextAsync("发现 3 个问题，文件未导入");
        var errors = page.Locator("[data-testid=import-error]");
        await Expect(errors).ToHaveCountAsync(3);
        await Expect(errors.Nth(0).Locator("td")).ToHaveTextAsync(["3", "专有面积", "“八十”不是有效的数字。"]);
        await Expect(errors.Nth(1).Locator("td")).ToHaveTextAsync(["4", "社区", "社区“安德里社区”不存在或不在您的管理范围内。"]);
        await Expect(errors.Nth(2).Locator("td")).ToHaveTextAsync(["5", "门牌号", "与第 2 行重复。"]);
        await Expect(page.Locator("[data-testid=import-file-info]")).ToContainTextAsync("GB18030");
        await Expect(page.Locator("[data-testid=import-line]")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=import-line].import-line-bad")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=import-submit]")).ToBeDisabledAsync();
        Assert.Equal(before, await HouseholdCountAsync());

        var good = HouseholdHeader +
                   "青年湖社区,第一网格,浏览器楼,1单元,101,80,,赵敏,13800138100\r\n" +
                   "青年湖社区,第一网格,浏览器楼,1单元,102,80.5,测绘报告,,\r\n";
        await InputOf(page, "import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "好文件.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(good)],
        });
        await Expect(page.Locator("[data-testid=import-ready]")).ToContainTextAsync("全部 2 行检查通过");
        await Expect(page.Locator("[data-testid=import-errors]")).ToHaveCountAsync(0);
        Assert.Equal(before, await HouseholdCountAsync()); // the preview writes nothing

        await page.ClickAsync("[data-testid=import-submit]");
        await Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("导入成功：共导入 2 条记录。");
        Assert.Equal(before + 2, await HouseholdCountAsync());
        Assert.Equal(2, await QueryAsync(db => db.Households.CountAsync(h => h.Building!.Name == "浏览器楼")));
    }

    [Fact]
    public async Task Two_secretaries_edit_the_same_household_and_the_second_sees_the_conflict_with_their_input_kept()
    {
        var owner = await UniqueOwnerAsync(skip: 3);
        await using var firstContext = await browser.NewContextAsync(server.BaseAddress);
        await using var secondContext = await browser.NewContextAsync(server.BaseAddress);
        var first = await OpenEditorAsync(firstContext, "secretary", owner);
        var second = await OpenEditorAsync(secondContext, "admin", owner);

        await InputOf(first, "edit-area").FillAsync("88.88");
        await InputOf(first, "edit-area").PressAsync("Tab");
        await first.ClickAsync("[data-testid=save]");
        await Expect(first.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
        await Expect(first.Locator("[data-testid=households-grid]")).ToContainTextAsync("88.88");

        await InputOf(second, "edit-area").FillAsync("77.77");
        await InputOf(second, "edit-area").PressAsync("Tab");
        await second.ClickAsync("[data-testid=save]");

        var conflict = second.Locator("[data-testid=conflict]");
        await Expect(conflict).ToContainTextAsync("此记录已被其他人修改");
        await Expect(conflict.Locator("[data-testid=current-values]")).ToContainTextAsync("88.88");
        await Expect(InputOf(second, "edit-area")).ToHaveValueAsync("77.77");
        Assert.Equal(88.88m, await AreaOfOwnerAsync(owner));

        // Having seen the other values, saving again deliberately replaces them.
        await second.ClickAsync("[data-testid=save]");
        await Expect(second.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
        await Expect(second.Locator("[data-testid=households-grid]")).ToContainTextAsync("77.77");
        Assert.Equal(77.77m, await AreaOfOwnerAsync(owner));
    }

    [Fact]
    public async Task A_validation_error_is_shown_under_the_field_and_keeps_the_input()
    {
        var owner = await UniqueOwnerAsync(skip: 7);
        var areaBefore = await AreaOfOwnerAsync(owner);
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await OpenEditorAsync(context, "secretary", owner);

        await InputOf(page, "edit-entrance").FillAsync("9单元");
        await InputOf(page, "edit-door").FillAsync("");
        await InputOf(page, "edit-area").FillAsync("12345");
        await InputOf(page, "edit-area").PressAsync("Tab");
        await page.ClickAsync("[data-testid=save]");

        var errors = page.Locator("[data-testid=editor] [data-testid=field-error]");
        await Expect(errors.Filter(new() { HasText = "“门牌号”为必填项。" })).ToHaveCountAsync(1);
        await Expect(errors.Filter(new() { HasText = "不超过 10000 平方米" })).ToHaveCountAsync(1);
        await Expect(InputOf(page, "edit-entrance")).ToHaveValueAsync("9单元");
        await Expect(InputOf(page, "edit-area")).ToHaveValueAsync(new Regex("^12,?345"));
        Assert.Equal(areaBefore, await AreaOfOwnerAsync(owner));
    }

    [Fact]
    public async Task A_resident_opening_a_directory_page_is_refused()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "resident", "/directory/import");
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-file]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Every_directory_page_opens_for_a_secretary_with_their_community_only()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", "/directory/communities");
        await Expect(page.Locator("[data-testid=communities-grid]")).ToContainTextAsync("青年湖社区");
        await Expect(page.Locator("[data-testid=communities-grid]")).Not.ToContainTextAsync("安德里社区");

        foreach (var (path, grid, text) in new[]
                 {
                     ("/directory/units", "units-grid", "和平里第四小学"),
                     ("/directory/party-organizations", "organizations-grid", "青年湖社区党委"),
                 })
        {
            await page.GotoAsync(path);
            await PortalPage.WaitForCircuitAsync(page);
            await Expect(page.Locator($"[data-testid={grid}]")).ToContainTextAsync(text);
            await Expect(page.Locator($"[data-testid={grid}]")).Not.ToContainTextAsync("安德里社区");
        }

        // People include staff of the community's units, who may live elsewhere: filter by residence.
        await page.GotoAsync("/directory/people");
        await PortalPage.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=people-grid]")).ToContainTextAsync("青年湖社区");

        // A search that matches nothing shows the empty state instead of an empty table.
        await page.FillAsync("[data-testid=search]", "不存在的人名");
        await page.PressAsync("[data-testid=search]", "Enter");
        await Expect(page.Locator("[data-testid=empty-state]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_secretary_adds_a_grid_is_told_about_a_duplicate_and_deletes_it_after_confirming()
    {
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", "/directory/communities");
        await page.GetByRole(AriaRole.Tab, new() { Name = "网格", Exact = true }).ClickAsync();
        var grid = page.Locator("[data-testid=grids-grid]");
        await Expect(grid).ToContainTextAsync("第一网格");

        await page.ClickAsync("[data-testid=add]");
        await Expect(InputOf(page, "edit-community")).ToHaveValueAsync("青年湖社区"); // the secretary's only community
        await InputOf(page, "edit-name").FillAsync("浏览器测试网格");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
        await Expect(grid).ToContainTextAsync("浏览器测试网格");

        await page.ClickAsync("[data-testid=add]");
        await InputOf(page, "edit-name").FillAsync("浏览器测试网格");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator("[data-testid=editor] [data-testid=field-error]")).ToHaveTextAsync("名称“浏览器测试网格”已存在。");
        await page.ClickAsync("[data-testid=cancel]");

        // A grid that still has buildings is refused; the new, empty one goes after a confirmation.
        var inUse = grid.Locator("tbody tr").Filter(new() { HasText = "第一网格" });
        await inUse.Locator("[data-testid=delete]").ClickAsync();
        await page.Locator(DialogSelector).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(page.Locator(ToastSelector).Filter(new() { HasText = "不能删除" })).ToBeVisibleAsync();
        Assert.True(await QueryAsync(db => db.Grids.AnyAsync(g => g.Name == "第一网格" && g.Community!.Name == "青年湖社区")));

        var added = grid.Locator("tbody tr").Filter(new() { HasText = "浏览器测试网格" });
        await added.Locator("[data-testid=delete]").ClickAsync();
        var dialog = page.Locator(DialogSelector);
        await Expect(dialog).ToContainTextAsync("确定要删除“青年湖社区 浏览器测试网格”吗？");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(added).ToHaveCountAsync(1);
        await added.Locator("[data-testid=delete]").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(added).ToHaveCountAsync(0);
        Assert.False(await QueryAsync(db => db.Grids.AnyAsync(g => g.Name == "浏览器测试网格")));
    }

    [Fact]
    public async Task A_unit_leader_is_found_by_typing_part_of_a_name_and_saved()
    {
        const string unitName = "和平里第四小学";
        // Someone of the community who is not on the unit's staff: only the server search can offer them.
        var (personId, personName) = await QueryAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Name == unitName);
            var person = await db.People.Where(p => p.ResidenceCommunity!.Name == "青年湖社区" && p.HomeUnitId != unit.Id
                                                    && p.Id != unit.LeaderPersonId && p.Id != unit.LiaisonPersonId)
                .OrderBy(p => p.Id).FirstAsync();
            return (person.Id, person.Name);
        });
        await using var context = await browser.NewContextAsync(server.BaseAddress);
        var page = await PortalPage.SignedInPageAsync(context, "secretary", "/directory/units");
        await page.FillAsync("[data-testid=search]", unitName);
        await page.PressAsync("[data-testid=search]", "Enter");
        var rows = page.Locator("[data-testid=units-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await rows.First.Locator("[data-testid=edit]").ClickAsync();

        var leader = InputOf(page, "edit-leader");
        await leader.ClearAsync();
        await leader.PressSequentiallyAsync(personName[..Math.Min(2, personName.Length)]);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = personName }).First.ClickAsync();
        await Expect(leader).ToHaveValueAsync(new Regex("^" + Regex.Escape(personName)));
        await page.ClickAsync("[data-testid=save]");

        await Expect(page.Locator("[data-testid=editor]")).ToHaveCountAsync(0);
        await Expect(rows.First).ToContainTextAsync(personName);
        Assert.Equal(personId, await QueryAsync(db => db.Units.Where(u => u.Name == unitName).Select(u => u.LeaderPersonId).SingleAsync()));
    }

    /// <summary>An owner of exactly one household in the secretary's community whose name no other owner shares, so a search finds one row.</summary>
    private Task<string> UniqueOwnerAsync(int skip) => QueryAsync(async db =>
    {
        var names = await db.HouseholdOwnerships.Where(o => o.Owner!.Community!.Name == "青年湖社区" && o.Owner.Kind == Domain.Directory.OwnerKind.Individual)
            .GroupBy(o => o.Owner!.Name).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(n => n).ToListAsync();
        var allNames = await db.Owners.Select(o => o.Name).ToListAsync();
        return names.Where(n => allNames.Count(m => m.Contains(n)) == 1).Skip(skip).First();
    });

    private Task<decimal> AreaOfOwnerAsync(string owner) =>
        QueryAsync(async db => (await db.HouseholdOwnerships.Where(o => o.Owner!.Name == owner).Select(o => o.Household!.ExclusiveArea).ToListAsync()).Single());

    private async Task<IPage> OpenEditorAsync(IBrowserContext context, string user, string owner)
    {
        var page = await PortalPage.SignedInPageAsync(context, user, "/directory/households");
        await page.FillAsync("[data-testid=search]", owner);
        await page.PressAsync("[data-testid=search]", "Enter");
        var rows = page.Locator("[data-testid=households-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(owner);
        await rows.First.Locator("[data-testid=edit]").ClickAsync();
        await Expect(page.Locator("[data-testid=editor]")).ToBeVisibleAsync();
        return page;
    }
}

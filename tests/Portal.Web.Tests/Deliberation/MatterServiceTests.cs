using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation;

/// <summary>
/// Matters through the real <see cref="MatterService"/> as each kind of account: raising (who, which scope), screening
/// (who, with which reason, who is told), who sees what, and a need promoted with its link.
/// </summary>
public sealed class MatterServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<MatterService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<int> CountAsync() => TestAccounts.DbAsync(Host, db => db.Matters.CountAsync(Ct));

    [Fact]
    public async Task A_resident_raises_a_matter_for_a_building_of_their_community()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var building = await DeliberationTestData.BuildingOfAsync(Host, home);

        var result = await As("resident", s => s.RaiseAsync(new MatterForm
        {
            CommunityId = home, ScopeKind = MatterScopeKind.Building, ScopeId = building, Title = " 3号楼加装电梯 ", Description = "老人上下楼难。",
        }, Ct));

        Assert.True(result.Succeeded, Host.TextOf(result));
        var matter = await DeliberationTestData.MatterAsync(Host, result.Id);
        Assert.Equal((home, new MatterScope(MatterScopeKind.Building, building), "3号楼加装电梯", MatterOrigin.Resident, MatterStatus.Raised),
            (matter.CommunityId, matter.Scope, matter.Title, matter.Origin, matter.Status));
        Assert.Equal((await TestAccounts.FindAsync(Host, "resident")).Id, matter.RaisedByUserId);
        var mine = await As("resident", s => s.MineAsync(new MyMattersQuery(), Ct));
        Assert.Contains(mine.Rows, r => r.Id == result.Id);
    }

    [Fact]
    public async Task A_scope_outside_the_community_and_a_property_area_are_refused_and_nothing_is_stored()
    {
        var (home, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var foreignBuilding = await DeliberationTestData.BuildingOfAsync(Host, other);
        var before = await CountAsync();

        foreach (var (kind, id) in new[] { (MatterScopeKind.Building, foreignBuilding), (MatterScopeKind.Grid, 999_999), (MatterScopeKind.PropertyArea, 1) })
        {
            var result = await As("resident", s => s.RaiseAsync(new MatterForm { CommunityId = home, ScopeKind = kind, ScopeId = id, Title = "越界" }, Ct));
            Assert.Equal(Outcome.Invalid, result.Outcome);
            Assert.Equal("所选范围不属于该社区。", Host.TextOf(result, nameof(MatterForm.ScopeId)));
        }
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("secretary")]
    [InlineData("gridworker")]
    [InlineData("admin")]
    public async Task Only_a_resident_of_the_community_raises(string user)
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var before = await CountAsync();

        var result = await As(user, s => s.RaiseAsync(new MatterForm { CommunityId = home, Title = "代提" }, Ct));

        Assert.Equal(Outcome.NotAllowed, result.Outcome);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_resident_of_another_community_cannot_raise_here_and_sees_nothing_of_it()
    {
        var (home, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var outsider = await DeliberationTestData.ResidentOfAsync(Host, other);
        var accepted = await DeliberationTestData.RaisedAsync(Host, "resident", "公共区域照明", accepted: true);

        var result = await As(outsider, s => s.RaiseAsync(new MatterForm { CommunityId = home, Title = "外社区" }, Ct));

        Assert.Equal(Outcome.NotAllowed, result.Outcome);
        Assert.Null(await As(outsider, s => s.GetAsync(accepted, Ct)));
        Assert.Empty((await As(outsider, s => s.ListAsync(new MatterQuery(home), Ct))).Rows);
    }

    [Fact]
    public async Task A_declined_matter_tells_the_raiser_the_reason_which_only_they_and_the_managers_see()
    {
        var neighbour = await DeliberationTestData.ResidentOfAsync(Host, (await DeliberationTestData.CommunitiesAsync(Host)).Home);
        var id = await DeliberationTestData.RaisedAsync(Host, "resident", "拆除围墙");
        var version = (await DeliberationTestData.MatterAsync(Host, id)).Version;

        var declined = await As("secretary", s => s.DeclineAsync(id, version, "围墙属于学校，不在社区议事范围。", Ct));

        Assert.True(declined.Succeeded, Host.TextOf(declined));
        var notices = await TestAccounts.DbAsync(Host, db => db.Notifications.AsNoTracking()
            .Where(n => n.MessageKey == MatterNotificationKeys.Declined && n.MessageArgument!.Contains("拆除围墙"))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.LinkPath }).ToListAsync(Ct));
        Assert.Equal(("resident", $"/deliberation/matters/{id}"), (Assert.Single(notices).UserName, notices[0].LinkPath));
        Assert.Equal("围墙属于学校，不在社区议事范围。", (await As("resident", s => s.GetAsync(id, Ct)))!.Row.ScreeningReason);
        Assert.Equal("围墙属于学校，不在社区议事范围。", (await As("secretary", s => s.GetAsync(id, Ct)))!.Row.ScreeningReason);
        Assert.Null(await As(neighbour, s => s.GetAsync(id, Ct)));
    }

    [Fact]
    public async Task Declining_without_a_reason_and_screening_twice_are_refused_and_change_nothing()
    {
        var id = await DeliberationTestData.RaisedAsync(Host, "resident", "无理由");
        var version = (await DeliberationTestData.MatterAsync(Host, id)).Version;

        var blank = await As("secretary", s => s.DeclineAsync(id, version, "  ", Ct));
        Assert.Equal(Outcome.Invalid, blank.Outcome);
        Assert.Equal("请填写理由（不超过500字），提出人将看到该理由。", Host.TextOf(blank));
        Assert.Equal((MatterStatus.Raised, version), ((await DeliberationTestData.MatterAsync(Host, id)).Status, (await DeliberationTestData.MatterAsync(Host, id)).Version));

        Assert.True((await As("secretary", s => s.AcceptAsync(id, version, Ct))).Succeeded);
        var stale = await As("secretary", s => s.DeclineAsync(id, version, "再次", Ct));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        var now = (await DeliberationTestData.MatterAsync(Host, id)).Version;
        var twice = await As("secretary", s => s.DeclineAsync(id, now, "再次", Ct));
        Assert.Equal("该议题已处理（受理、合并或不予受理），不能再次处理。", Host.TextOf(twice));
        Assert.Equal(MatterStatus.Accepted, (await DeliberationTestData.MatterAsync(Host, id)).Status);
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("gridworker")]
    public async Task Only_managers_screen_others_are_told_it_is_not_found(string user)
    {
        var id = await DeliberationTestData.RaisedAsync(Host, "resident", "筛选权限");
        var version = (await DeliberationTestData.MatterAsync(Host, id)).Version;

        var result = await As(user, s => s.AcceptAsync(id, version, Ct));

        Assert.Equal(Outcome.NotFound, result.Outcome);
        Assert.Equal(MatterStatus.Raised, (await DeliberationTestData.MatterAsync(Host, id)).Status);
    }

    [Fact]
    public async Task The_street_administrator_merges_into_a_live_matter_and_the_list_filters_by_status_and_term()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var target = await DeliberationTestData.RaisedAsync(Host, "resident", "北门停车秩序", accepted: true);
        var id = await DeliberationTestData.RaisedAsync(Host, "resident", "北门乱停车");
        var version = (await DeliberationTestData.MatterAsync(Host, id)).Version;

        var merged = await As("admin", s => s.MergeAsync(id, version, target, "与“北门停车秩序”一并议事。", Ct));

        Assert.True(merged.Succeeded, Host.TextOf(merged));
        Assert.Equal((MatterStatus.Merged, target), ((await DeliberationTestData.MatterAsync(Host, id)).Status, (await DeliberationTestData.MatterAsync(Host, id)).MergedIntoMatterId));
        var list = await As("secretary", s => s.ListAsync(new MatterQuery(home, "北门", MatterStatus.Merged), Ct));
        Assert.Equal(id, Assert.Single(list.Rows).Id);
        Assert.Equal(1, list.Total);
        Assert.Empty((await As("resident", s => s.ListAsync(new MatterQuery(home), Ct))).Rows);
    }

    [Fact]
    public async Task A_need_promoted_keeps_its_link_shows_it_and_is_promoted_only_once()
    {
        var need = await ResidentNeeds.RaiseAsync(Host, "小区道路坑洼需议定修缮方案", ct: Ct);

        var promoted = await As("secretary", s => s.PromoteNeedAsync(need, new MatterForm(), Ct));

        Assert.True(promoted.Succeeded, Host.TextOf(promoted));
        var matter = await DeliberationTestData.MatterAsync(Host, promoted.Id);
        Assert.Equal((MatterOrigin.Need, (int?)need, "小区道路坑洼需议定修缮方案", MatterScopeKind.Community),
            (matter.Origin, matter.WorkItemId, matter.Title, matter.Scope.Kind));
        Assert.Equal(promoted.Id, Assert.Single(await As("secretary", s => s.ForNeedAsync(need, Ct))).Id);
        var again = await As("secretary", s => s.PromoteNeedAsync(need, new MatterForm(), Ct));
        Assert.Equal("该需求已转为议题，不能重复转入。", Host.TextOf(again));
        var byResident = await As("resident", s => s.PromoteNeedAsync(need, new MatterForm(), Ct));
        Assert.Equal(Outcome.NotFound, byResident.Outcome);
    }
}

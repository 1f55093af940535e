using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Directory;
using Portal.Web.Features.Directory;
using Portal.Web.Tests.Data;
using Portal.Web.Components.Shared;
using Portal.Web.Kit.Results;
using Portal.Testing;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Web.Tests.DirectoryFeature;

/// <summary>The administration services behind the pages: scope, validation and optimistic concurrency.</summary>
public sealed class DirectoryServiceTests(DirectoryTestHost host) : IClassFixture<DirectoryTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> HouseholdIdAsync(string community, string building, string entrance, string door) =>
        host.QueryAsync(db => db.Households.Where(h => h.Building!.Grid!.Community!.Name == community && h.Building.Name == building && h.Entrance == entrance && h.DoorNumber == door)
            .Select(h => h.Id).FirstAsync(Ct));

    [Fact]
    public async Task A_secretary_sees_and_changes_only_their_own_community()
    {
        var other = await HouseholdIdAsync("安德里社区", "1号楼", "1单元", "101");
        var own = await HouseholdIdAsync("青年湖社区", "1号楼", "1单元", "101");
        await using var scope = host.ActAs("secretary");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();

        Assert.NotNull(await households.GetHouseholdAsync(own, Ct));
        Assert.Null(await households.GetHouseholdAsync(other, Ct));
        var page = await households.HouseholdsAsync(new DirectoryQuery(Take: 200), Ct);
        Assert.All(page.Items, h => Assert.Equal("青年湖社区", h.Community));

        var foreignBuilding = await host.QueryAsync(db => db.Households.Where(h => h.Id == other).Select(h => h.BuildingId).SingleAsync(Ct));
        var version = await host.QueryAsync(db => db.Households.Where(h => h.Id == other).Select(h => h.Version).SingleAsync(Ct));
        var edit = await households.SaveHouseholdAsync(new HouseholdForm { Id = other, Version = version, BuildingId = foreignBuilding, DoorNumber = "101", ExclusiveArea = 1 }, Ct);
        Assert.Equal(Outcome.NotFound, edit.Outcome);
        Assert.Equal(Outcome.NotFound, (await households.DeleteHouseholdAsync(other, version, Ct)).Outcome);
        Assert.Equal(version, await host.QueryAsync(db => db.Households.Where(h => h.Id == other).Select(h => h.Version).SingleAsync(Ct)));

        var units = scope.ServiceProvider.GetRequiredService<UnitService>();
        Assert.All((await units.UnitsAsync(new DirectoryQuery(Take: 200), ct: Ct)).Items, u => Assert.Equal("青年湖社区", u.Community));
        var geography = scope.ServiceProvider.GetRequiredService<GeographyService>();
        Assert.Equal(["青年湖社区"], (await geography.CommunityOptionsAsync(Ct)).Select(c => c.Name).ToArray());
        Assert.Empty(await geography.StreetOptionsAsync(Ct));
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_with_localized_messages_and_changes_nothing()
    {
        var id = await HouseholdIdAsync("青年湖社区", "2号楼", "1单元", "201");
        await using var scope = host.ActAs("secretary");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var form = (await households.GetHouseholdAsync(id, Ct))!;
        var before = form.ExclusiveArea;
        form.DoorNumber = "  ";
        form.ExclusiveArea = -3;
        form.Owners = [new OwnerForm { Name = "张伟", Phone = "不是电话" }];

        var result = await households.SaveHouseholdAsync(form, Ct);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("“门牌号”为必填项。", host.Portal.TextOf(result, "DoorNumber"));
        Assert.Equal("专有面积须大于 0、不超过 10000 平方米，最多保留两位小数。", host.Portal.TextOf(result, "ExclusiveArea"));
        Assert.Equal("“业主电话”格式不正确，请填写手机号或带区号的固定电话。", host.Portal.TextOf(result, "Owners[0].Phone"));
        Assert.Equal(before, (await households.GetHouseholdAsync(id, Ct))!.ExclusiveArea);
    }

    [Fact]
    public async Task A_duplicate_door_is_refused_on_the_door_field()
    {
        var id = await HouseholdIdAsync("青年湖社区", "2号楼", "1单元", "301");
        await using var scope = host.ActAs("secretary");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var form = (await households.GetHouseholdAsync(id, Ct))!;
        form.DoorNumber = "302";

        var result = await households.SaveHouseholdAsync(form, Ct);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Equal("门牌号“1单元 302”已存在。", host.Portal.TextOf(result, "DoorNumber"));
    }

    [Fact]
    public async Task A_concurrent_edit_is_a_conflict_that_returns_the_saved_values_and_a_second_save_overwrites_knowingly()
    {
        var id = await HouseholdIdAsync("青年湖社区", "3号楼", "2单元", "401");
        await using var first = host.ActAs("secretary");
        var firstService = first.ServiceProvider.GetRequiredService<HouseholdService>();
        var mine = (await firstService.GetHouseholdAsync(id, Ct))!;
        HouseholdForm theirs;
        await using (var second = host.ActAs("admin"))
        {
            var secondService = second.ServiceProvider.GetRequiredService<HouseholdService>();
            theirs = (await secondService.GetHouseholdAsync(id, Ct))!;
            theirs.ExclusiveArea = 101.01m;
            theirs.Owners.Add(new OwnerForm { Name = "新业主", Phone = "13700137000" });
            Assert.True((await secondService.SaveHouseholdAsync(theirs, Ct)).Succeeded);
        }
        await using var again = host.ActAs("secretary");
        var service = again.ServiceProvider.GetRequiredService<HouseholdService>();
        mine.ExclusiveArea = 99.99m;

        var conflict = await service.SaveHouseholdAsync(mine, Ct);

        Assert.Equal(Outcome.Conflict, conflict.Outcome);
        Assert.Equal(101.01m, conflict.Current!.ExclusiveArea);
        Assert.Contains(conflict.Current.Owners, o => o.Name == "新业主");
        Assert.Equal(101.01m, (await service.GetHouseholdAsync(id, Ct))!.ExclusiveArea);

        // The page keeps the user's input and adopts the saved version; saving again then replaces it deliberately.
        mine.Version = conflict.Current.Version;
        Assert.True((await service.SaveHouseholdAsync(mine, Ct)).Succeeded);
        Assert.Equal(99.99m, (await service.GetHouseholdAsync(id, Ct))!.ExclusiveArea);
    }

    [Fact]
    public async Task A_change_of_owners_alone_renews_the_version()
    {
        var id = await HouseholdIdAsync("青年湖社区", "3号楼", "2单元", "501");
        await using var scope = host.ActAs("secretary");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var stale = (await households.GetHouseholdAsync(id, Ct))!;
        var form = (await households.GetHouseholdAsync(id, Ct))!;
        form.Owners.Add(new OwnerForm { Name = "共有人", Phone = "13600136000" });
        Assert.True((await households.SaveHouseholdAsync(form, Ct)).Succeeded);

        stale.ExclusiveArea = 77m;
        Assert.Equal(Outcome.Conflict, (await households.SaveHouseholdAsync(stale, Ct)).Outcome);
    }

    [Fact]
    public async Task Grids_with_buildings_cannot_be_deleted_and_a_stale_delete_is_a_conflict()
    {
        await using var scope = host.ActAs("secretary");
        var geography = scope.ServiceProvider.GetRequiredService<GeographyService>();
        var communityId = (await geography.CommunityOptionsAsync(Ct)).Single().Id;

        var gridId = await host.QueryAsync(db => db.Grids.Where(g => g.CommunityId == communityId && g.Name == "第一网格").Select(g => g.Id).SingleAsync(Ct));
        var grid = (await geography.GetGridAsync(gridId, Ct))!;
        var inUse = await geography.DeleteGridAsync(gridId, grid.Version, Ct);
        Assert.Equal(Outcome.Invalid, inUse.Outcome);
        Assert.Contains("不能删除", host.Portal.TextOf(inUse, ""));

        var created = await geography.SaveGridAsync(new GridForm { CommunityId = communityId, Name = "临时网格" }, Ct);
        Assert.True(created.Succeeded);
        var loaded = (await geography.GetGridAsync(created.Id, Ct))!;
        loaded.Name = "临时网格（改名）";
        Assert.True((await geography.SaveGridAsync(loaded, Ct)).Succeeded);
        Assert.Equal(Outcome.Conflict, (await geography.DeleteGridAsync(created.Id, loaded.Version, Ct)).Outcome);
        var current = (await geography.GetGridAsync(created.Id, Ct))!;
        Assert.True((await geography.DeleteGridAsync(created.Id, current.Version, Ct)).Succeeded);
    }

    [Fact]
    public async Task Rows_still_in_use_are_refused_and_a_row_out_of_scope_is_not_found_even_when_in_use()
    {
        var community = await host.QueryAsync(db => db.Communities.Where(c => c.Name == "青年湖社区").Select(c => new { c.Id, c.Version }).SingleAsync(Ct));
        var committee = await host.QueryAsync(db => db.PartyOrganizations.Where(o => o.Name == "青年湖社区党委").Select(o => new { o.Id, o.Version }).SingleAsync(Ct));
        var building = await host.QueryAsync(db => db.Buildings.Where(b => b.Grid!.Community!.Name == "青年湖社区" && b.Name == "1号楼")
            .Select(b => new { b.Id, b.Version }).SingleAsync(Ct));
        var foreignGrid = await host.QueryAsync(db => db.Grids.Where(g => g.Community!.Name == "安德里社区" && g.Name == "第一网格")
            .Select(g => new { g.Id, g.Version }).SingleAsync(Ct));

        await using (var admin = host.ActAs("admin"))
        {
            var geography = admin.ServiceProvider.GetRequiredService<GeographyService>();
            var units = admin.ServiceProvider.GetRequiredService<UnitService>();
            Assert.Equal(Outcome.Invalid, (await geography.DeleteCommunityAsync(community.Id, community.Version, Ct)).Outcome);
            Assert.Equal(Outcome.Invalid, (await units.DeletePartyOrganizationAsync(committee.Id, committee.Version, Ct)).Outcome);
            Assert.Equal(Outcome.Invalid, (await geography.DeleteBuildingAsync(building.Id, building.Version, Ct)).Outcome);
        }
        await using (var secretary = host.ActAs("secretary"))
        {
            var geography = secretary.ServiceProvider.GetRequiredService<GeographyService>();
            Assert.Equal(Outcome.NotFound, (await geography.DeleteGridAsync(foreignGrid.Id, foreignGrid.Version, Ct)).Outcome);
            Assert.Equal(Outcome.NotFound, (await geography.SaveGridAsync(
                new GridForm { Id = foreignGrid.Id, Version = foreignGrid.Version, CommunityId = community.Id, Name = "越权改名" }, Ct)).Outcome);
        }
        Assert.True(await host.QueryAsync(db => db.Communities.AnyAsync(c => c.Id == community.Id, Ct)));
        Assert.Equal(foreignGrid.Version, await host.QueryAsync(db => db.Grids.Where(g => g.Id == foreignGrid.Id).Select(g => g.Version).SingleAsync(Ct)));
    }

    [Fact]
    public async Task An_owner_typed_on_a_second_flat_of_the_community_stays_one_owner()
    {
        var first = await HouseholdIdAsync("青年湖社区", "3号楼", "1单元", "601");
        var second = await HouseholdIdAsync("青年湖社区", "3号楼", "1单元", "602");
        await using var scope = host.ActAs("secretary");
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        foreach (var id in new[] { first, second })
        {
            var form = (await households.GetHouseholdAsync(id, Ct))!;
            form.Owners.Add(new OwnerForm { Name = "两套房业主", Phone = "13500135000" });
            Assert.True((await households.SaveHouseholdAsync(form, Ct)).Succeeded);
        }

        var owned = await host.QueryAsync(db => db.HouseholdOwnerships.Where(o => o.Owner!.Name == "两套房业主")
            .Select(o => new { o.HouseholdId, o.OwnerId }).ToListAsync(Ct));
        Assert.Equal(new[] { first, second }.Order(), owned.Select(o => o.HouseholdId).Order());
        Assert.Single(owned.Select(o => o.OwnerId).Distinct());

        // Dropping the owner from one flat leaves them on the other.
        var again = (await households.GetHouseholdAsync(first, Ct))!;
        again.Owners.RemoveAll(o => o.Name == "两套房业主");
        Assert.True((await households.SaveHouseholdAsync(again, Ct)).Succeeded);
        Assert.Equal(new[] { second }, await host.QueryAsync(db => db.HouseholdOwnerships.Where(o => o.Owner!.Name == "两套房业主").Select(o => o.HouseholdId).ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_secretary_cannot_create_a_community_or_a_unit_in_another_community()
    {
        var otherCommunity = await host.QueryAsync(db => db.Communities.Where(c => c.Name == "安德里社区").Select(c => new { c.Id, c.StreetId }).SingleAsync(Ct));
        await using var scope = host.ActAs("secretary");
        var geography = scope.ServiceProvider.GetRequiredService<GeographyService>();
        var units = scope.ServiceProvider.GetRequiredService<UnitService>();

        Assert.Equal(Outcome.NotFound, (await geography.SaveCommunityAsync(new CommunityForm { StreetId = otherCommunity.StreetId, Name = "新社区" }, Ct)).Outcome);
        Assert.Equal(Outcome.NotFound, (await units.SaveUnitAsync(new UnitForm { CommunityId = otherCommunity.Id, Name = "越权单位", Type = UnitType.School }, Ct)).Outcome);
        Assert.Equal(Outcome.NotFound, (await units.SaveUnitAsync(new UnitForm { StreetId = otherCommunity.StreetId, Name = "越权街道单位", Type = UnitType.School }, Ct)).Outcome);
        Assert.False(await host.QueryAsync(db => db.Units.AnyAsync(u => u.Name.StartsWith("越权"), Ct)));
    }

    [Fact]
    public async Task Names_of_only_invisible_characters_are_refused_as_missing_in_every_directory_form()
    {
        var community = await host.QueryAsync(db => db.Communities.Where(c => c.Name == "青年湖社区").Select(c => new { c.Id, c.StreetId }).SingleAsync(Ct));
        await using var scope = host.ActAs("secretary");
        var units = scope.ServiceProvider.GetRequiredService<UnitService>();
        var people = scope.ServiceProvider.GetRequiredService<PersonService>();
        var before = await host.QueryAsync(async db => (await db.Units.CountAsync(Ct), await db.People.CountAsync(Ct), await db.PartyOrganizations.CountAsync(Ct)));

        var unit = await units.SaveUnitAsync(new UnitForm { StreetId = community.StreetId, CommunityId = community.Id, Name = UnsafeCharacters.Only, Type = UnitType.School }, Ct);
        var organization = await units.SavePartyOrganizationAsync(new PartyOrganizationForm { CommunityId = community.Id, Name = UnsafeCharacters.Only }, Ct);
        var person = await people.SavePersonAsync(new PersonForm { Name = UnsafeCharacters.Only, ResidenceCommunityId = community.Id }, Ct);

        Assert.Equal("“名称”为必填项。", host.Portal.TextOf(unit, "Name"));
        Assert.Equal("“名称”为必填项。", host.Portal.TextOf(organization, "Name"));
        Assert.Equal("“名称”为必填项。", host.Portal.TextOf(person, "Name"));
        Assert.Equal(before, await host.QueryAsync(async db => (await db.Units.CountAsync(Ct), await db.People.CountAsync(Ct), await db.PartyOrganizations.CountAsync(Ct))));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Directory;
using Portal.Web.Features.Directory;
using Portal.Web.Kit.Results;
using Portal.Testing;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Web.Tests.DirectoryFeature;

/// <summary>The directory data electorates count (decision 0032): birth dates, representatives, property areas.</summary>
public sealed class ElectorateDirectoryTests(DirectoryTestHost host) : IClassFixture<DirectoryTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<int> CommunityIdAsync(string name) => host.QueryAsync(db => db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct));

    [Fact]
    public async Task A_birth_date_outside_1900_to_today_is_refused_with_a_localized_message_and_a_valid_one_is_kept()
    {
        var community = await CommunityIdAsync("青年湖社区");
        await using var scope = host.ActAs("secretary");
        var people = scope.ServiceProvider.GetRequiredService<PersonService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var future = await people.SavePersonAsync(new PersonForm { Name = "未来人", ResidenceCommunityId = community, BirthDate = today.AddDays(2) }, Ct);
        var ancient = await people.SavePersonAsync(new PersonForm { Name = "古人", ResidenceCommunityId = community, BirthDate = new DateOnly(1899, 12, 31) }, Ct);

        Assert.Equal(Outcome.Invalid, future.Outcome);
        Assert.Equal("出生日期须在 1900-01-01 至今天之间。", host.Portal.TextOf(future, "BirthDate"));
        Assert.Equal(Outcome.Invalid, ancient.Outcome);
        Assert.False(await host.QueryAsync(db => db.People.AnyAsync(p => p.Name == "未来人" || p.Name == "古人", Ct)));

        var saved = await people.SavePersonAsync(new PersonForm { Name = "生日居民", ResidenceCommunityId = community, BirthDate = new DateOnly(2008, 2, 29) }, Ct);
        Assert.True(saved.Succeeded);
        Assert.Equal(new DateOnly(2008, 2, 29), (await people.GetPersonAsync(saved.Id, Ct))!.BirthDate);
        var row = Assert.Single((await people.PeopleAsync(new DirectoryQuery("生日居民"), ct: Ct)).Items);
        Assert.Equal(new DateOnly(2008, 2, 29), row.BirthDate);
    }

    [Fact]
    public async Task The_secretary_appoints_a_representative_of_a_community_listed_and_audited_and_nobody_can_without_a_community()
    {
        var community = await CommunityIdAsync("青年湖社区");
        await using var scope = host.ActAs("secretary");
        var people = scope.ServiceProvider.GetRequiredService<PersonService>();

        var homeless = await people.SavePersonAsync(new PersonForm { Name = "无社区代表", IsRepresentative = true, HomeUnitId = null }, Ct);
        Assert.Equal(Outcome.Invalid, homeless.Outcome);
        Assert.Equal("居民代表须填写居住社区：代表的是其居住的社区。", host.Portal.TextOf(homeless, "IsRepresentative"));

        var created = await people.SavePersonAsync(new PersonForm { Name = "代表甲", ResidenceCommunityId = community }, Ct);
        var form = (await people.GetPersonAsync(created.Id, Ct))!;
        Assert.False(form.IsRepresentative);
        form.IsRepresentative = true;
        Assert.True((await people.SavePersonAsync(form, Ct)).Succeeded);

        var roster = await people.PeopleAsync(new DirectoryQuery(Take: 200), ct: Ct, representatives: true);
        Assert.Contains(roster.Items, p => p.Name == "代表甲" && p.IsRepresentative);
        Assert.All(roster.Items, p => Assert.True(p.IsRepresentative));
        var id = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await host.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Person) && a.EntityId == id && a.Action == AuditAction.Update).ToListAsync(Ct));
        Assert.Contains(audit, a => a.UserName == "secretary" && a.Changes.Contains("IsRepresentative"));
    }

    [Fact]
    public async Task Property_areas_have_unique_names_hold_only_their_communitys_buildings_and_are_refused_on_delete_while_used()
    {
        var own = await CommunityIdAsync("青年湖社区");
        var other = await CommunityIdAsync("安德里社区");
        var building = await host.QueryAsync(db => db.Buildings.Where(b => b.Grid!.CommunityId == own && b.Name == "3号楼").Select(b => b.Id).SingleAsync(Ct));
        await using var scope = host.ActAs("secretary");
        var geography = scope.ServiceProvider.GetRequiredService<GeographyService>();

        Assert.Equal(Outcome.NotFound, (await geography.SavePropertyAreaAsync(new PropertyAreaForm { CommunityId = other, Name = "越权区域" }, Ct)).Outcome);
        var area = await geography.SavePropertyAreaAsync(new PropertyAreaForm { CommunityId = own, Name = "青年湖北里一期" }, Ct);
        Assert.True(area.Succeeded);
        var duplicate = await geography.SavePropertyAreaAsync(new PropertyAreaForm { CommunityId = own, Name = "青年湖北里一期" }, Ct);
        Assert.Equal("名称“青年湖北里一期”已存在。", host.Portal.TextOf(duplicate, "Name"));
        // Other tests of the class add areas of their own: this one looks for its area only.
        Assert.Contains("青年湖北里一期", (await geography.PropertyAreaOptionsAsync(own, ct: Ct)).Select(o => o.Name));
        var gridOfBuilding = await host.QueryAsync(db => db.Buildings.Where(b => b.Id == building).Select(b => b.GridId).SingleAsync(Ct));
        Assert.Contains("青年湖北里一期", (await geography.PropertyAreaOptionsAsync(null, gridOfBuilding, Ct)).Select(o => o.Name));

        var form = (await geography.GetBuildingAsync(building, Ct))!;
        form.PropertyAreaId = area.Id;
        Assert.True((await geography.SaveBuildingAsync(form, Ct)).Succeeded);
        Assert.Contains((await geography.BuildingsAsync(new DirectoryQuery("3号楼") { CommunityId = own }, Ct)).Items, b => b.PropertyArea == "青年湖北里一期");
        var areaRow = Assert.Single((await geography.PropertyAreasAsync(new DirectoryQuery("青年湖北里一期"), Ct)).Items);
        Assert.Equal(1, areaRow.Buildings);

        var loaded = (await geography.GetPropertyAreaAsync(area.Id, Ct))!;
        Assert.Equal(Outcome.Invalid, (await geography.DeletePropertyAreaAsync(area.Id, loaded.Version, Ct)).Outcome);
        Assert.True(await host.QueryAsync(db => db.PropertyAreas.AnyAsync(a => a.Id == area.Id, Ct)));

        form = (await geography.GetBuildingAsync(building, Ct))!;
        form.PropertyAreaId = null;
        Assert.True((await geography.SaveBuildingAsync(form, Ct)).Succeeded);
        Assert.True((await geography.DeletePropertyAreaAsync(area.Id, loaded.Version, Ct)).Succeeded);
    }

    [Fact]
    public async Task A_grid_or_an_area_cannot_move_to_another_community_while_a_building_lies_in_the_area()
    {
        var own = await CommunityIdAsync("青年湖社区");
        var other = await CommunityIdAsync("安德里社区");
        var building = await host.QueryAsync(db => db.Buildings.Where(b => b.Grid!.CommunityId == own && b.Name == "5号楼")
            .Select(b => new { b.Id, b.GridId }).SingleAsync(Ct));
        await using var scope = host.ActAs("admin");
        var geography = scope.ServiceProvider.GetRequiredService<GeographyService>();
        var area = await geography.SavePropertyAreaAsync(new PropertyAreaForm { CommunityId = own, Name = "五号楼区域" }, Ct);
        var form = (await geography.GetBuildingAsync(building.Id, Ct))!;
        form.PropertyAreaId = area.Id;
        Assert.True((await geography.SaveBuildingAsync(form, Ct)).Succeeded);

        var grid = (await geography.GetGridAsync(building.GridId, Ct))!;
        grid.CommunityId = other;
        Assert.Equal(Outcome.Invalid, (await geography.SaveGridAsync(grid, Ct)).Outcome);
        var movedArea = (await geography.GetPropertyAreaAsync(area.Id, Ct))!;
        movedArea.CommunityId = other;
        Assert.Equal(Outcome.Invalid, (await geography.SavePropertyAreaAsync(movedArea, Ct)).Outcome);

        Assert.Equal(own, await host.QueryAsync(db => db.Grids.Where(g => g.Id == building.GridId).Select(g => g.CommunityId).SingleAsync(Ct)));
        Assert.Equal(own, await host.QueryAsync(db => db.PropertyAreas.Where(a => a.Id == area.Id).Select(a => a.CommunityId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_building_cannot_lie_in_another_communitys_property_area()
    {
        var own = await CommunityIdAsync("青年湖社区");
        var other = await CommunityIdAsync("安德里社区");
        var building = await host.QueryAsync(db => db.Buildings.Where(b => b.Grid!.CommunityId == own && b.Name == "4号楼").Select(b => b.Id).SingleAsync(Ct));
        int foreignArea;
        await using (var admin = host.ActAs("admin"))
        {
            var result = await admin.ServiceProvider.GetRequiredService<GeographyService>()
                .SavePropertyAreaAsync(new PropertyAreaForm { CommunityId = other, Name = "安德里一期" }, Ct);
            foreignArea = result.Id;
        }
        await using var scope = host.ActAs("secretary");
        var geography = scope.ServiceProvider.GetRequiredService<GeographyService>();
        Assert.Null(await geography.GetPropertyAreaAsync(foreignArea, Ct));
        Assert.Empty(await geography.PropertyAreaOptionsAsync(other, ct: Ct));

        var form = (await geography.GetBuildingAsync(building, Ct))!;
        form.PropertyAreaId = foreignArea;
        var refused = await geography.SaveBuildingAsync(form, Ct);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Equal("“物业管理区域”为必填项。", host.Portal.TextOf(refused, "PropertyArea"));
        Assert.Null(await host.QueryAsync(db => db.Buildings.Where(b => b.Id == building).Select(b => b.PropertyAreaId).SingleAsync(Ct)));
    }
}

/// <summary>The owner type in the household file (decision 0032): a developer's unsold flats are owned by one owner.</summary>
public sealed class OwnerKindImportTests(DirectoryTestHost host) : IClassFixture<DirectoryTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话,业主类型\r\n";

    [Fact]
    public async Task A_developers_unsold_flats_become_one_developer_owner_exported_with_its_type()
    {
        var csv = Header +
                  "青年湖社区,第一网格,未售楼,1单元,101,90.00,,示例置业有限公司,010-66668888,建设单位\r\n" +
                  "青年湖社区,第一网格,未售楼,1单元,102,80.50,,示例置业有限公司,010-66668888,建设单位\r\n" +
                  "青年湖社区,第一网格,未售楼,1单元,201,70.25,,示例置业有限公司,010-66668888,开发商\r\n" +
                  "青年湖社区,第一网格,未售楼,1单元,202,60.00,,赵敏,13900001111,\r\n";
        await using var scope = host.ActAs("secretary");
        var outcome = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>()
            .ImportAsync(ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: true), Ct);

        Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => $"{e.Line} {e.Column} {e.Message}")));
        var developer = Assert.Single(await host.QueryAsync(db => db.Owners.Where(o => o.Name == "示例置业有限公司")
            .Select(o => new { o.Kind, Flats = db.HouseholdOwnerships.Count(h => h.OwnerId == o.Id) }).ToListAsync(Ct)));
        Assert.Equal((OwnerKind.Developer, 3), (developer.Kind, developer.Flats));
        Assert.Equal(OwnerKind.Individual, await host.QueryAsync(db => db.HouseholdOwnerships
            .Where(h => h.Household!.Building!.Name == "未售楼" && h.Owner!.Name == "赵敏").Select(h => h.Owner!.Kind).SingleAsync(Ct)));

        var exported = await scope.ServiceProvider.GetRequiredService<DirectoryExportService>().HouseholdsCsvAsync(Ct);
        Assert.Contains("业主类型", exported);
        Assert.Contains("未售楼,1单元,201,70.25,不动产登记,示例置业有限公司,010-66668888,建设单位", exported);
    }

    [Fact]
    public async Task An_owner_with_a_residents_name_and_phone_is_that_resident_and_another_phone_is_nobody_known()
    {
        var resident = await host.QueryAsync(db => db.People.Where(p => p.ResidenceCommunity!.Name == "青年湖社区" && p.Phone != null && p.HouseholdId != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Phone }).FirstAsync(Ct));
        var csv = Header +
                  $"青年湖社区,第一网格,认领楼,1单元,101,90.00,,{resident.Name},{resident.Phone},个人\r\n" +
                  $"青年湖社区,第一网格,认领楼,1单元,102,80.00,,{resident.Name},13900009999,个人\r\n";
        await using var scope = host.ActAs("secretary");
        var outcome = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>()
            .ImportAsync(ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: true), Ct);

        Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => $"{e.Line} {e.Column} {e.Message}")));
        var owners = await host.QueryAsync(db => db.HouseholdOwnerships.Where(h => h.Household!.Building!.Name == "认领楼")
            .OrderBy(h => h.Household!.DoorNumber).Select(h => h.Owner!.PersonId).ToListAsync(Ct));
        Assert.Equal([resident.Id, null], owners);
    }

    [Fact]
    public async Task An_unknown_owner_type_is_reported_on_its_row_and_nothing_is_imported()
    {
        var csv = Header + "青年湖社区,第一网格,类型楼,1单元,101,90.00,,钱程,,房东\r\n";
        await using var scope = host.ActAs("secretary");
        var outcome = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>()
            .ImportAsync(ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: true), Ct);

        Assert.False(outcome.Imported);
        var error = Assert.Single(outcome.Preview.Errors);
        Assert.Equal((2, "业主类型“房东”无法识别，应为：个人、建设单位或单位。"), (error.Line, error.Message));
        Assert.False(await host.QueryAsync(db => db.Buildings.AnyAsync(b => b.Name == "类型楼", Ct)));
    }
}

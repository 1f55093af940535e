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
        Assert.Equal(["青年湖北里一期"], (await geography.PropertyAreaOptionsAsync(own, Ct)).Select(o => o.Name).ToArray());

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
        Assert.Empty(await geography.PropertyAreaOptionsAsync(other, Ct));

        var form = (await geography.GetBuildingAsync(building, Ct))!;
        form.PropertyAreaId = foreignArea;
        var refused = await geography.SaveBuildingAsync(form, Ct);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Equal("“物业管理区域”为必填项。", host.Portal.TextOf(refused, "PropertyArea"));
        Assert.Null(await host.QueryAsync(db => db.Buildings.Where(b => b.Id == building).Select(b => b.PropertyAreaId).SingleAsync(Ct)));
    }
}

using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Text;
using Portal.Web.Features.Directory;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Web.Tests.DirectoryFeature;

/// <summary>The /api/directory endpoints over HTTP: who may call them, what each caller gets, and what the CSV holds.</summary>
public sealed class DirectoryApiTests(DirectoryTestHost host) : IClassFixture<DirectoryTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Endpoints => new()
    {
        "/api/directory/households.csv",
        "/api/directory/units.csv",
        "/api/directory/templates/households.csv",
        "/api/directory/templates/units.csv",
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401(string path)
    {
        using var client = await host.ClientAsync(null);
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Signed_in_users_who_manage_no_community_get_403(string path)
    {
        foreach (var user in (string[])["resident", "member", "liaison", "gridworker"])
        {
            using var client = await host.ClientAsync(user);
            var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_secretary_exports_only_their_community_and_the_administrator_the_whole_street()
    {
        var secretary = await CsvLinesAsync("secretary", "/api/directory/households.csv");
        var admin = await CsvLinesAsync("admin", "/api/directory/households.csv");
        var (ownCount, otherCount) = await host.QueryAsync(async db => (
            await db.Households.CountAsync(h => h.Building!.Grid!.Community!.Name == "青年湖社区", Ct),
            await db.Households.CountAsync(h => h.Building!.Grid!.Community!.Name == "安德里社区", Ct)));

        Assert.Equal("社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话,业主类型", secretary[0]);
        Assert.All(secretary.Skip(1), line => Assert.StartsWith("青年湖社区,", line));
        Assert.True(secretary.Count - 1 >= ownCount);
        Assert.Contains(admin, line => line.StartsWith("安德里社区,", StringComparison.Ordinal));
        Assert.True(admin.Count - 1 >= ownCount + otherCount);

        var secretaryUnits = await CsvLinesAsync("secretary", "/api/directory/units.csv");
        var adminUnits = await CsvLinesAsync("admin", "/api/directory/units.csv");
        Assert.Contains(secretaryUnits, l => l.StartsWith("和平里第四小学,学校,青年湖社区,", StringComparison.Ordinal));
        Assert.DoesNotContain(secretaryUnits, l => l.Contains("安德里社区", StringComparison.Ordinal) || l.StartsWith("和平里街道办事处", StringComparison.Ordinal));
        Assert.Contains(adminUnits, l => l.StartsWith("和平里街道办事处,机关,,", StringComparison.Ordinal));
        Assert.Contains(adminUnits, l => l.Contains(",安德里社区,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_template_kind_is_404()
    {
        using var client = await host.ClientAsync("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/directory/templates/people.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task Exports_are_utf8_with_bom_and_formula_cells_stay_text_through_an_export_and_reimport()
    {
        // A household whose owner name and phone a spreadsheet would evaluate.
        const string formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        await using (var scope = host.ActAs("secretary"))
        {
            var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
            var buildingId = await host.QueryAsync(db => db.Buildings.Where(b => b.Name == "1号楼" && b.Grid!.Name == "第一网格" && b.Grid.Community!.Name == "青年湖社区").Select(b => b.Id).SingleAsync(Ct));
            var saved = await households.SaveHouseholdAsync(new HouseholdForm
            {
                BuildingId = buildingId, Entrance = "9单元", DoorNumber = "901", ExclusiveArea = 66.6m,
                Owners = [new OwnerForm { Name = formula, Phone = "+86 138 0013 8000" }],
            }, Ct);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        }

        using var client = await host.ClientAsync("secretary");
        var response = await client.GetAsync("/api/directory/households.csv", Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var line = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n").Single(l => l.Contains(",9单元,901,"));
        Assert.Equal("青年湖社区,第一网格,1号楼,9单元,901,66.60,不动产登记,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",'+86 138 0013 8000,个人", line);
        Assert.All(CsvReader.Parse(line)[0].Fields, cell => Assert.False(CsvWriter.IsFormulaLike(cell), cell));

        // Re-imported as another flat, the cell is the original text again, and exports with the guard again.
        var reimport = HouseholdCsvHeader + line.Replace(",901,", ",902,") + "\r\n";
        await using (var scope = host.ActAs("secretary"))
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(ImportKind.Households, DirectoryTestHost.Utf8(reimport, bom: true), Ct);
            Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => e.Message)));
        }
        var owner = await host.QueryAsync(db => db.HouseholdOwnerships.Where(o => o.Household!.DoorNumber == "902" && o.Household.Entrance == "9单元")
            .Select(o => new { o.Owner!.Name, o.Owner.Phone }).SingleAsync(Ct));
        Assert.Equal((formula, "+86 138 0013 8000"), (owner.Name, owner.Phone));
        var again = (await CsvLinesAsync("secretary", "/api/directory/households.csv")).Single(l => l.Contains(",9单元,902,"));
        Assert.Equal(line.Replace(",901,", ",902,"), again);
    }

    [Fact]
    public async Task The_household_export_holds_no_control_characters_even_from_a_door_number_stored_raw_before()
    {
        int householdId;
        await using (var scope = host.ActAs("secretary"))
        {
            var buildingId = await host.QueryAsync(db => db.Buildings.Where(b => b.Name == "1号楼" && b.Grid!.Name == "第一网格" && b.Grid.Community!.Name == "青年湖社区").Select(b => b.Id).SingleAsync(Ct));
            var saved = await scope.ServiceProvider.GetRequiredService<HouseholdService>().SaveHouseholdAsync(new HouseholdForm
            {
                BuildingId = buildingId, Entrance = "8单元", DoorNumber = "808", ExclusiveArea = 70m,
                Owners = [new OwnerForm { Name = "赵清洁", Phone = "13800138088" }],
            }, Ct);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
            householdId = await host.QueryAsync(db => db.Households.Where(h => h.DoorNumber == "808" && h.Entrance == "8单元").Select(h => h.Id).SingleAsync(Ct));
        }
        // As a database from before the text rule may hold them: control characters and a bidi override, written raw.
        const string rawDoor = "8\u00000\u001B8\u202E";
        const string rawOwner = "\u2066赵\u0007清洁\u200B";
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Households\" SET \"DoorNumber\" = {rawDoor} WHERE \"Id\" = {householdId}", Ct));
        await host.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"Owners\" SET \"Name\" = {rawOwner} WHERE \"Id\" IN (SELECT \"OwnerId\" FROM \"HouseholdOwnerships\" WHERE \"HouseholdId\" = {householdId})", Ct));

        var lines = await CsvLinesAsync("secretary", "/api/directory/households.csv");

        lines.ForEach(Portal.Web.Tests.Data.UnsafeCharacters.AssertNone);
        Assert.Contains("青年湖社区,第一网格,1号楼,8单元,808,70.00,不动产登记,赵清洁,13800138088,个人", lines);
    }

    private const string HouseholdCsvHeader = "社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话\r\n";

    private async Task<List<string>> CsvLinesAsync(string user, string path)
    {
        using var client = await host.ClientAsync(user);
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TextFileDecoder.Decode(await response.Content.ReadAsByteArrayAsync(Ct)).Text;
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Domain.Directory;
using Portal.Web.Features.Directory;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Web.Tests.DirectoryFeature;

/// <summary>CSV import through the real service and database, as the import page uses it.</summary>
public sealed class DirectoryImportTests(DirectoryTestHost host) : IClassFixture<DirectoryTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string HouseholdHeader = "社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话\r\n";
    private const string UnitHeader = "单位名称,单位类型,所在社区,地址,党组织名称,党组织负责人,联络员,联络员电话\r\n";

    private Task<int> HouseholdCountAsync() => host.QueryAsync(db => db.Households.CountAsync(Ct));
    private Task<int> AuditCountAsync() => host.QueryAsync(db => db.AuditEntries.CountAsync(Ct));

    private async Task<ImportOutcome> ImportAsync(string userName, ImportKind kind, byte[] content)
    {
        await using var scope = host.ActAs(userName);
        return await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(kind, content, Ct);
    }

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf8-bom", "UTF-8" },
        { "utf8", "UTF-8" },
        { "gb18030", "GB18030" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_good_household_file_creates_its_rows_with_audit_entries(string encoding, string detected)
    {
        var building = $"导入{encoding}号楼";
        // Owners are matched by name and phone across imports, so each case has its own phones to create new owners.
        var phone = encoding switch { "utf8-bom" => "1380013801", "utf8" => "1380013802", _ => "1380013803" };
        var csv = HouseholdHeader +
                  $"青年湖社区,第一网格,{building},1单元,101,89.50,不动产登记,欧阳晓燕,{phone}1\r\n" +
                  $"青年湖社区,第一网格,{building},1单元,101,89.50,不动产登记,欧阳振华,{phone}2\r\n" +
                  $"青年湖社区,第二网格,{building},,202,\"1,120.25㎡\",测绘报告,,\r\n";
        var content = encoding switch
        {
            "utf8-bom" => DirectoryTestHost.Utf8(csv, bom: true),
            "utf8" => DirectoryTestHost.Utf8(csv, bom: false),
            _ => DirectoryTestHost.Gb18030(csv),
        };
        var before = await HouseholdCountAsync();
        var auditBefore = await AuditCountAsync();

        var outcome = await ImportAsync("secretary", ImportKind.Households, content);

        Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => $"{e.Line} {e.Column} {e.Message}")));
        Assert.Equal(2, outcome.Count);
        Assert.Equal(detected, outcome.Preview.EncodingName);
        Assert.Equal(before + 2, await HouseholdCountAsync());

        var flats = await host.QueryAsync(db => db.Households.Where(h => h.Building!.Name == building)
            .Select(h => new { Grid = h.Building!.Grid!.Name, h.DoorNumber, h.ExclusiveArea, h.AreaSource, Owners = h.Ownerships.Select(o => o.Owner!.Name).OrderBy(n => n).ToList() })
            .OrderBy(h => h.DoorNumber).ToListAsync(Ct));
        Assert.Equal(2, flats.Count);
        Assert.Equal(("第一网格", "101", 89.50m, AreaSource.Register), (flats[0].Grid, flats[0].DoorNumber, flats[0].ExclusiveArea, flats[0].AreaSource));
        Assert.Equal(["欧阳振华", "欧阳晓燕"], flats[0].Owners.Order().ToArray());
        Assert.Equal(("第二网格", 1120.25m, AreaSource.Survey), (flats[1].Grid, flats[1].ExclusiveArea, flats[1].AreaSource));
        Assert.Empty(flats[1].Owners);

        var audit = await host.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(auditBefore).ToListAsync(Ct));
        Assert.All(audit, a => Assert.Equal("secretary", a.UserName));
        Assert.Equal(2, audit.Count(a => a is { EntityType: nameof(Household), Action: AuditAction.Create }));
        Assert.Equal(2, audit.Count(a => a is { EntityType: nameof(Building), Action: AuditAction.Create }));
        Assert.Equal(2, audit.Count(a => a is { EntityType: nameof(Owner), Action: AuditAction.Create }));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_reports_the_row()
    {
        var csv = HouseholdHeader +
                  "青年湖社区,第一网格,坏行测试楼,1单元,101,80,,王芳,13800138003\r\n" +
                  "青年湖社区,第一网格,坏行测试楼,1单元,102,80,,,\r\n" +
                  "青年湖社区,第一网格,坏行测试楼,1单元,103,八十,,,\r\n" +
                  "青年湖社区,第一网格,坏行测试楼,1单元,104,80,,,\r\n";
        var before = await HouseholdCountAsync();
        var auditBefore = await AuditCountAsync();

        var outcome = await ImportAsync("secretary", ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: true));

        Assert.False(outcome.Imported);
        Assert.Equal(0, outcome.Count);
        var error = Assert.Single(outcome.Preview.Errors);
        Assert.Equal((4, "专有面积"), (error.Line, error.Column));
        Assert.Equal("“八十”不是有效的数字。", error.Message);
        Assert.Equal([true, true, false, true], outcome.Preview.Lines.Select(l => l.IsValid).ToArray());
        Assert.Equal(before, await HouseholdCountAsync());
        Assert.Equal(auditBefore, await AuditCountAsync());
        Assert.False(await host.QueryAsync(db => db.Buildings.AnyAsync(b => b.Name == "坏行测试楼", Ct)));
    }

    [Fact]
    public async Task The_preview_reports_database_problems_and_changes_nothing()
    {
        var csv = HouseholdHeader +
                  "青年湖社区,第一网格,1号楼,1单元,101,80,,,\r\n" +   // exists in the demo data
                  "安德里社区,第一网格,预览楼,1单元,101,80,,,\r\n" +   // another community: not the secretary's
                  "青年湖社区,第九网格,预览楼,1单元,101,80,,,\r\n" +   // no such grid
                  "青年湖社区,第一网格,预览楼,1单元,101,80,,,\r\n";    // fine
        var before = await HouseholdCountAsync();

        await using var scope = host.ActAs("secretary");
        var preview = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().PreviewAsync(ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: false), Ct);

        Assert.False(preview.CanImport);
        Assert.Equal(
            [(2, "门牌号", "“1号楼 1单元 101”已存在，导入不会覆盖已有数据。"), (3, "社区", "社区“安德里社区”不存在或不在您的管理范围内。"), (4, "网格", "网格“第九网格”在该社区中不存在，请先在“社区与网格”中新增。")],
            preview.Errors.Select(e => (e.Line, e.Column, e.Message)).ToArray());
        Assert.Equal(before, await HouseholdCountAsync());
    }

    [Fact]
    public async Task The_street_administrator_imports_into_every_community_of_the_street()
    {
        var csv = HouseholdHeader +
                  "青年湖社区,第三网格,管理员导入楼,1单元,101,70,,,\r\n" +
                  "安德里社区,第三网格,管理员导入楼,1单元,101,70,,,\r\n";

        var outcome = await ImportAsync("admin", ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: true));

        Assert.True(outcome.Imported);
        Assert.Equal(2, await host.QueryAsync(db => db.Households.CountAsync(h => h.Building!.Name == "管理员导入楼", Ct)));
    }

    [Fact]
    public async Task A_good_unit_file_creates_units_organisations_and_people_with_audit_entries()
    {
        var csv = UnitHeader +
                  "青年湖社区老年大学,社会组织,青年湖社区,青年湖北里 3 号,青年湖社区老年大学党支部,陈立群,周小红,13900139011\r\n" +
                  "北京华信科技有限公司青年湖分部,非公企业,青年湖社区,,,,,\r\n";
        var auditBefore = await AuditCountAsync();

        var outcome = await ImportAsync("secretary", ImportKind.Units, DirectoryTestHost.Gb18030(csv));

        Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => e.Message)));
        Assert.Equal(2, outcome.Count);
        var unit = await host.QueryAsync(db => db.Units.Include(u => u.Community).Include(u => u.PartyOrganization).Include(u => u.Leader).Include(u => u.Liaison)
            .SingleAsync(u => u.Name == "青年湖社区老年大学", Ct));
        Assert.Equal(UnitType.SocialOrganisation, unit.Type);
        Assert.Equal("青年湖社区", unit.Community!.Name);
        Assert.Equal("青年湖社区老年大学党支部", unit.PartyOrganization!.Name);
        Assert.Equal(("陈立群", true, unit.Id), (unit.Leader!.Name, unit.Leader.IsPartyMember, unit.Leader.HomeUnitId!.Value));
        Assert.Equal(("周小红", "13900139011"), (unit.Liaison!.Name, unit.Liaison.Phone));

        var audit = await host.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(auditBefore).ToListAsync(Ct));
        Assert.Equal(2, audit.Count(a => a is { EntityType: nameof(CoBuildingUnit), Action: AuditAction.Create }));
        Assert.Equal(2, audit.Count(a => a is { EntityType: nameof(Person), Action: AuditAction.Create }));
    }

    [Fact]
    public async Task A_secretary_cannot_import_street_level_units_or_existing_names()
    {
        var csv = UnitHeader +
                  "街道直属新单位,机关,,,,,,\r\n" +
                  "和平里第四小学,学校,青年湖社区,,,,,\r\n";
        var unitsBefore = await host.QueryAsync(db => db.Units.CountAsync(Ct));

        var outcome = await ImportAsync("secretary", ImportKind.Units, DirectoryTestHost.Utf8(csv, bom: true));

        Assert.False(outcome.Imported);
        Assert.Equal([(2, ImportProblemText.StreetNotManaged), (3, "“和平里第四小学”已存在，导入不会覆盖已有数据。")],
            outcome.Preview.Errors.Select(e => (e.Line, e.Message)).ToArray());
        Assert.Equal(unitsBefore, await host.QueryAsync(db => db.Units.CountAsync(Ct)));
    }

    [Fact]
    public async Task Files_that_are_not_rosters_are_refused_with_a_file_level_message()
    {
        var missingColumn = await ImportAsync("secretary", ImportKind.Households, DirectoryTestHost.Utf8("姓名,电话\r\n张三,13800138000\r\n", bom: false));
        Assert.False(missingColumn.Imported);
        Assert.Contains(missingColumn.Preview.Errors, e => e.Message == "缺少必需的列“社区”。请使用模板的表头。");

        var tooLarge = await ImportAsync("secretary", ImportKind.Households, new byte[DirectoryImportService.MaxFileBytes + 1]);
        Assert.False(tooLarge.Imported);
        Assert.Equal("文件超过 2 MB。", Assert.Single(tooLarge.Preview.Errors).Message);
    }

    [Fact]
    public async Task The_template_of_each_kind_imports_after_its_example_line_is_adapted()
    {
        var template = System.Text.Encoding.UTF8.GetString(DirectoryImportService.Template(ImportKind.Households)[3..]);
        Assert.StartsWith("社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话,业主类型\r\n", template);
        var csv = template.Replace("1号楼", "模板楼");

        var outcome = await ImportAsync("secretary", ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: false));

        Assert.True(outcome.Imported);
    }

    [Fact]
    public async Task A_door_number_and_names_with_control_and_invisible_characters_import_clean()
    {
        // A NUL and an ESC in the door number, a right-to-left override in the building, a zero-width space in the owner.
        var csv = HouseholdHeader +
                  "青年湖社区,第一网格,\u202E清洁测试楼,1单元,6\u00000\u001B1,80,,王\u200B小明,13800138071\r\n";

        var outcome = await ImportAsync("secretary", ImportKind.Households, DirectoryTestHost.Utf8(csv, bom: true));

        Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => $"{e.Line} {e.Column} {e.Message}")));
        var flat = await host.QueryAsync(db => db.Households.Where(h => h.Building!.Name == "清洁测试楼")
            .Select(h => new { h.DoorNumber, Owner = h.Ownerships.Select(o => o.Owner!.Name).Single() }).SingleAsync(Ct));
        Assert.Equal(("601", "王小明"), (flat.DoorNumber, flat.Owner));
    }

    [Fact]
    public async Task An_unclosed_quote_refuses_the_whole_file_naming_the_line_where_it_opened()
    {
        // The quote before the address never closes: read naively, the rest of the line (and of the file) would become
        // the address of line 3, and the file would import "successfully" with the wrong address and no liaison.
        var csv = UnitHeader +
                  "引号测试单位甲,非公企业,青年湖社区,,,,,\r\n" +
                  "引号测试单位乙,非公企业,青年湖社区,\"和平里东街 1 号,,王强,李娜,13900139000\r\n" +
                  "引号测试单位丙,非公企业,青年湖社区,,,,,\r\n";
        var unitsBefore = await host.QueryAsync(db => db.Units.CountAsync(Ct));

        var outcome = await ImportAsync("secretary", ImportKind.Units, DirectoryTestHost.Utf8(csv, bom: true));

        Assert.False(outcome.Imported);
        var error = Assert.Single(outcome.Preview.Errors);
        Assert.Equal((3, "第 3 行的引号没有闭合：以 \" 开头的单元格缺少结尾的 \"，其后的内容会并入这一格。请在表格软件中检查该行后重新另存为 CSV。"), (error.Line, error.Message));
        Assert.Equal(unitsBefore, await host.QueryAsync(db => db.Units.CountAsync(Ct)));
    }

    public static TheoryData<string> Utf16 => new() { "utf-16LE", "utf-16BE" };

    [Theory]
    [MemberData(nameof(Utf16))]
    public async Task A_UTF16_file_with_a_byte_order_mark_imports(string encoding)
    {
        // What Excel and WPS write for "Unicode text": UTF-16 with a byte order mark (and tabs between the cells).
        var name = $"统一码测试单位{encoding[^2..]}";
        var csv = (UnitHeader + $"{name},非公企业,青年湖社区,和平里东街 2 号,,,周红,13900139012\r\n").Replace(',', '\t');
        var utf16 = System.Text.Encoding.GetEncoding(encoding);
        byte[] content = [.. utf16.GetPreamble(), .. utf16.GetBytes(csv)];

        var outcome = await ImportAsync("secretary", ImportKind.Units, content);

        Assert.True(outcome.Imported, string.Join("; ", outcome.Preview.Errors.Select(e => $"{e.Line} {e.Column} {e.Message}")));
        Assert.Equal(encoding.ToUpperInvariant(), outcome.Preview.EncodingName);
        var unit = await host.QueryAsync(db => db.Units.Include(u => u.Liaison).SingleAsync(u => u.Name == name, Ct));
        Assert.Equal(("和平里东街 2 号", "周红"), (unit.Address, unit.Liaison!.Name));
    }

    [Fact]
    public async Task A_file_in_no_encoding_the_portal_reads_is_refused_naming_the_encoding_not_missing_columns()
    {
        // Neither UTF-8 nor GB18030 (0xFF never occurs in either), and no byte order mark.
        byte[] garbled = [.. System.Text.Encoding.ASCII.GetBytes("a,b\r\n"), 0xFF, 0xFE, 0x80, 0xFF];
        var unreadable = await ImportAsync("secretary", ImportKind.Households, garbled);
        Assert.False(unreadable.Imported);
        Assert.Equal("无法识别文件的编码：它不是 UTF-8、GB18030（GBK）或带字节顺序标记的 UTF-16 文本。请在 Excel/WPS 中“另存为”CSV UTF-8（逗号分隔）后重新上传。",
            Assert.Single(unreadable.Preview.Errors).Message);

        // UTF-16 without a byte order mark: every comma and line end carries a zero byte.
        var noBom = await ImportAsync("secretary", ImportKind.Households, System.Text.Encoding.Unicode.GetBytes(HouseholdHeader));
        Assert.Equal(unreadable.Preview.Errors.Single().Message, Assert.Single(noBom.Preview.Errors).Message);

        // An Excel workbook instead of a CSV file (a ZIP package).
        byte[] workbook = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];
        var xlsx = await ImportAsync("secretary", ImportKind.Households, workbook);
        Assert.Equal("这是 Excel 工作簿文件，不是 CSV 文件。请在 Excel/WPS 中“另存为”CSV UTF-8（逗号分隔）后重新上传。", Assert.Single(xlsx.Preview.Errors).Message);
    }

    private static class ImportProblemText
    {
        public const string StreetNotManaged = "未填写社区：只有街道管理员可以导入街道直属单位。";
    }
}

using Portal.Domain.Directory;
using Portal.Domain.Directory.Import;

namespace Portal.Domain.Tests.Directory;

public sealed class HouseholdCsvFormatTests
{
    private const string Header = "社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话\n";

    private static ImportFile<HouseholdImportRow> Read(string body) => HouseholdCsvFormat.Instance.Read(Header + body);

    private static ImportIssue SingleIssue(ImportFile<HouseholdImportRow> file)
    {
        Assert.False(file.IsValid);
        return Assert.Single(file.AllIssues);
    }

    [Fact]
    public void Good_rows_are_parsed_with_their_file_line_numbers()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,89.50,不动产登记,张伟,13800138000\n" +
                        "青年湖社区,第一网格,1号楼,1单元,102,\"1,089.5㎡\",测绘,李娜,010-64211234\n" +
                        "青年湖社区,第一网格,2号楼,,301,76,,,\n");

        Assert.True(file.IsValid);
        var rows = file.ValidRows.ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(new HouseholdImportRow(2, "青年湖社区", "第一网格", "1号楼", "1单元", "101", 89.50m, AreaSource.Register, "张伟", "13800138000"), rows[0]);
        Assert.Equal(1089.5m, rows[1].ExclusiveArea);
        Assert.Equal(AreaSource.Survey, rows[1].AreaSource);
        Assert.Equal(3, rows[1].Line);
        // Empty optional cells: no entrance, the register as area source, no owner.
        Assert.Equal(("", AreaSource.Register, (string?)null), (rows[2].Entrance, rows[2].AreaSource, rows[2].OwnerName));
    }

    [Fact]
    public void English_headers_in_any_order_with_extra_columns_are_accepted()
    {
        var file = HouseholdCsvFormat.Instance.Read(
            "Door number,Remark,Community,Grid,Building,Exclusive area\r\n101,备注,青年湖社区,第一网格,1号楼,60\r\n");

        var row = Assert.Single(file.ValidRows);
        Assert.Equal(("101", "青年湖社区", 60m), (row.DoorNumber, row.Community, row.ExclusiveArea));
    }

    [Fact]
    public void A_missing_required_column_is_a_file_problem_naming_the_column()
    {
        var file = HouseholdCsvFormat.Instance.Read("社区,网格,楼栋,门牌号\n青年湖社区,第一网格,1号楼,101\n");

        var issue = SingleIssue(file);
        Assert.Equal(ImportProblem.MissingColumn, issue.Problem);
        Assert.Equal("专有面积", issue.Detail);
        Assert.Empty(file.Lines);
    }

    [Fact]
    public void An_empty_file_or_a_header_only_file_is_refused()
    {
        Assert.Equal(ImportProblem.EmptyFile, SingleIssue(HouseholdCsvFormat.Instance.Read("")).Problem);
        Assert.Equal(ImportProblem.EmptyFile, SingleIssue(Read(",,,,,,,,\n")).Problem);
    }

    [Theory]
    [InlineData(",第一网格,1号楼,1单元,101,80,,,", HouseholdCsvFormat.Community, ImportProblem.Required)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,,80,,,", HouseholdCsvFormat.DoorNumber, ImportProblem.Required)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,,,,", HouseholdCsvFormat.ExclusiveArea, ImportProblem.Required)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,八十,,,", HouseholdCsvFormat.ExclusiveArea, ImportProblem.InvalidNumber)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,0,,,", HouseholdCsvFormat.ExclusiveArea, ImportProblem.AreaOutOfRange)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,-5,,,", HouseholdCsvFormat.ExclusiveArea, ImportProblem.InvalidNumber)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,80.123,,,", HouseholdCsvFormat.ExclusiveArea, ImportProblem.AreaOutOfRange)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,20000,,,", HouseholdCsvFormat.ExclusiveArea, ImportProblem.AreaOutOfRange)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,80,估算,,", HouseholdCsvFormat.AreaSourceColumn, ImportProblem.InvalidAreaSource)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,80,,张伟,电话号码", HouseholdCsvFormat.OwnerPhone, ImportProblem.InvalidPhone)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,101,80,,,13800138000", HouseholdCsvFormat.OwnerName, ImportProblem.PhoneWithoutName)]
    [InlineData("青年湖社区,第一网格,1号楼,1单元,123456789012345678901,80,,,", HouseholdCsvFormat.DoorNumber, ImportProblem.TooLong)]
    public void Each_kind_of_bad_row_is_reported_on_its_line_and_column(string line, string column, ImportProblem problem)
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,100,80,,,\n" + line + "\n");

        var issue = SingleIssue(file);
        Assert.Equal((3, column, problem), (issue.Line, issue.Column, issue.Problem));
        Assert.True(file.Lines[0].IsValid);
        Assert.False(file.Lines[1].IsValid);
        Assert.Null(file.Lines[1].Row);
    }

    [Fact]
    public void Several_problems_on_one_line_are_all_reported()
    {
        var file = Read(",第一网格,1号楼,1单元,,abc,,,\n");

        Assert.Equal(
            [(HouseholdCsvFormat.Community, ImportProblem.Required), (HouseholdCsvFormat.DoorNumber, ImportProblem.Required), (HouseholdCsvFormat.ExclusiveArea, ImportProblem.InvalidNumber)],
            file.AllIssues.Select(i => (i.Column, i.Problem)).ToArray());
    }

    [Fact]
    public void A_repeated_line_is_a_duplicate_of_the_first()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,80,,张伟,13800138000\n" +
                        "青年湖社区,第一网格,1号楼,1单元,102,80,,,\n" +
                        "青年湖社区,第一网格,1号楼,1单元,101,80,,张伟,13800138000\n");

        var issue = SingleIssue(file);
        Assert.Equal((4, ImportProblem.DuplicateInFile, "2"), (issue.Line, issue.Problem, issue.Detail));
    }

    [Fact]
    public void Co_owners_take_one_line_each_and_must_agree_on_the_area()
    {
        var coOwners = Read("青年湖社区,第一网格,1号楼,1单元,101,80,,张伟,13800138000\n" +
                            "青年湖社区,第一网格,1号楼,1单元,101,80,,李娜,13900139000\n");
        Assert.True(coOwners.IsValid);
        Assert.Single(coOwners.ValidRows.GroupBy(r => r.HouseholdKey));

        var conflicting = Read("青年湖社区,第一网格,1号楼,1单元,101,80,,张伟,13800138000\n" +
                               "青年湖社区,第一网格,1号楼,1单元,101,81,,李娜,13900139000\n");
        var issue = SingleIssue(conflicting);
        Assert.Equal((3, ImportProblem.ConflictingHousehold, "2"), (issue.Line, issue.Problem, issue.Detail));
    }

    [Fact]
    public void The_same_door_in_another_entrance_or_building_is_another_flat()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,80,,,\n" +
                        "青年湖社区,第一网格,1号楼,2单元,101,80,,,\n" +
                        "青年湖社区,第一网格,2号楼,1单元,101,80,,,\n");

        Assert.True(file.IsValid);
    }

    [Fact]
    public void Too_many_rows_are_refused_as_a_whole()
    {
        var body = string.Concat(Enumerable.Range(1, CsvImportFormat<HouseholdImportRow>.MaxRows + 1).Select(i => $"青年湖社区,第一网格,1号楼,1单元,{i},80,,,\n"));

        var issue = SingleIssue(Read(body));
        Assert.Equal(ImportProblem.TooManyRows, issue.Problem);
    }

    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks_and_lines_are_counted_as_in_the_file()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,80,,\"王\"\"大\"\",伟\",\n" +
                        "\"青年湖\n社区\",第一网格,1号楼,1单元,102,80,,,\n" +
                        "青年湖社区,第一网格,1号楼,1单元,103,abc,,,\n");

        Assert.Equal("王\"大\",伟", file.Lines[0].Row!.OwnerName);
        // The third record starts on the file's fifth line, because the second spans two lines.
        Assert.Equal(5, Assert.Single(file.AllIssues).Line);
    }

    [Fact]
    public void The_apostrophe_an_export_puts_before_formula_like_cells_is_removed_and_the_text_kept()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,80,,\"'=HYPERLINK(\"\"http://x\"\")\",'+86 138 0013 8000\n");

        var row = Assert.Single(file.ValidRows);
        Assert.Equal("=HYPERLINK(\"http://x\")", row.OwnerName);
        Assert.Equal("+86 138 0013 8000", row.OwnerPhone);
        // An apostrophe that guards nothing is part of the text.
        Assert.Equal("'t Hart", Assert.Single(Read("青年湖社区,第一网格,1号楼,1单元,101,80,,'t Hart,\n").ValidRows).OwnerName);
    }
}

/// <summary>The optional owner-type column (业主类型): a developer's unsold units are owned by one developer owner.</summary>
public sealed class HouseholdOwnerKindCsvTests
{
    private const string Header = "社区,网格,楼栋,单元,门牌号,专有面积,面积来源,业主姓名,业主电话,业主类型\n";

    private static ImportFile<HouseholdImportRow> Read(string body) => HouseholdCsvFormat.Instance.Read(Header + body);

    [Fact]
    public void Owner_types_are_read_in_Chinese_or_English_and_default_to_an_individual()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,89.5,,示例置业有限公司,,建设单位\n" +
                        "青年湖社区,第一网格,1号楼,1单元,102,89.5,,和平里小学,,单位\n" +
                        "青年湖社区,第一网格,1号楼,1单元,201,89.5,,张伟,,\n" +
                        "青年湖社区,第一网格,1号楼,1单元,202,89.5,,李娜,,individual\n");

        Assert.True(file.IsValid);
        Assert.Equal([OwnerKind.Developer, OwnerKind.Organisation, OwnerKind.Individual, OwnerKind.Individual],
            file.ValidRows.Select(r => r.OwnerKind).ToArray());
        Assert.Equal("建设单位", HouseholdCsvFormat.OwnerKindText(OwnerKind.Developer));
    }

    [Fact]
    public void An_unknown_type_or_a_type_without_an_owner_is_a_row_error()
    {
        var unknown = Assert.Single(Read("青年湖社区,第一网格,1号楼,1单元,101,89.5,,张伟,,房东\n").AllIssues);
        Assert.Equal((ImportProblem.InvalidOwnerKind, HouseholdCsvFormat.OwnerKindColumn, "房东"), (unknown.Problem, unknown.Column, unknown.Detail));

        var nameless = Assert.Single(Read("青年湖社区,第一网格,1号楼,1单元,101,89.5,,,,建设单位\n").AllIssues);
        Assert.Equal((ImportProblem.OwnerKindWithoutName, HouseholdCsvFormat.OwnerName), (nameless.Problem, nameless.Column));
    }

    [Fact]
    public void One_owner_listed_on_several_flats_is_of_one_type_throughout_the_file()
    {
        var file = Read("青年湖社区,第一网格,1号楼,1单元,101,89.5,,示例置业有限公司,,建设单位\n" +
                        "青年湖社区,第一网格,1号楼,1单元,102,89.5,,示例置业有限公司,,建设单位\n" +
                        "青年湖社区,第一网格,1号楼,1单元,201,89.5,,示例置业有限公司,,单位\n" +
                        "安德里社区,第一网格,1号楼,1单元,201,89.5,,示例置业有限公司,,单位\n");

        var issue = Assert.Single(file.AllIssues);
        Assert.Equal((4, ImportProblem.ConflictingOwnerKind, "2"), (issue.Line, issue.Problem, issue.Detail));
    }
}

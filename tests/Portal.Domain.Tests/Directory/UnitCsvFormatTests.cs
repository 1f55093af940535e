using Portal.Domain.Directory;
using Portal.Domain.Directory.Import;

namespace Portal.Domain.Tests.Directory;

public sealed class UnitCsvFormatTests
{
    private const string Header = "单位名称,单位类型,所在社区,地址,党组织名称,党组织负责人,联络员,联络员电话\n";

    private static ImportFile<UnitImportRow> Read(string body) => UnitCsvFormat.Instance.Read(Header + body);

    [Fact]
    public void Good_rows_are_parsed_and_an_empty_community_means_a_street_level_unit()
    {
        var file = Read("示例科技有限公司,非公企业,青年湖社区,和平里东街 1 号,示例科技有限公司党支部,王强,李娜,13900139000\n" +
                        "和平里派出所,机关,,,,,,\n" +
                        "阳光物业,物业公司,安德里社区,,,,,\n");

        Assert.True(file.IsValid);
        var rows = file.ValidRows.ToList();
        Assert.Equal(new UnitImportRow(2, "示例科技有限公司", UnitType.PrivateEnterprise, "青年湖社区", "和平里东街 1 号", "示例科技有限公司党支部", "王强", "李娜", "13900139000"), rows[0]);
        Assert.Equal((UnitType.GovernmentAgency, (string?)null), (rows[1].Type, rows[1].Community));
        Assert.Equal(UnitType.PropertyManagement, rows[2].Type);
    }

    [Theory]
    [InlineData("机关", UnitType.GovernmentAgency)]
    [InlineData("国企", UnitType.StateEnterprise)]
    [InlineData("School", UnitType.School)]
    [InlineData("hospital", UnitType.Hospital)]
    [InlineData("驻区部队", UnitType.Military)]
    [InlineData("业主委员会", UnitType.OwnersCommittee)]
    [InlineData("社会组织", UnitType.SocialOrganisation)]
    [InlineData(" 其他 ", UnitType.Other)]
    public void Unit_types_are_recognised_as_people_write_them(string text, UnitType expected)
    {
        Assert.True(UnitCsvFormat.TryParseType(text, out var type));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Every_unit_type_round_trips_through_its_export_text()
    {
        foreach (var type in Enum.GetValues<UnitType>())
        {
            Assert.True(UnitCsvFormat.TryParseType(UnitCsvFormat.TypeText(type), out var parsed));
            Assert.Equal(type, parsed);
        }
    }

    [Theory]
    [InlineData(",学校,,,,,,", UnitCsvFormat.Name, ImportProblem.Required)]
    [InlineData("某单位,,,,,,,", UnitCsvFormat.Type, ImportProblem.Required)]
    [InlineData("某单位,外星机构,,,,,,", UnitCsvFormat.Type, ImportProblem.InvalidUnitType)]
    [InlineData("某单位,学校,,,,,李娜,12", UnitCsvFormat.LiaisonPhone, ImportProblem.InvalidPhone)]
    [InlineData("某单位,学校,,,,,,13900139000", UnitCsvFormat.Liaison, ImportProblem.PhoneWithoutName)]
    public void Each_kind_of_bad_row_is_reported_on_its_line_and_column(string line, string column, ImportProblem problem)
    {
        var file = Read("好单位,学校,,,,,,\n" + line + "\n");

        Assert.False(file.IsValid);
        var issue = Assert.Single(file.AllIssues);
        Assert.Equal((3, column, problem), (issue.Line, issue.Column, issue.Problem));
    }

    [Fact]
    public void A_name_too_long_is_reported_with_the_limit()
    {
        var issue = Assert.Single(Read(new string('单', DirectoryLimits.Name + 1) + ",学校,,,,,,\n").AllIssues);
        Assert.Equal((ImportProblem.TooLong, DirectoryLimits.Name.ToString()), (issue.Problem, issue.Detail));
    }

    [Fact]
    public void A_unit_name_may_appear_once_per_file_whatever_the_case()
    {
        var file = Read("Acme 科技,非公企业,,,,,,\n和平里第四小学,学校,,,,,,\nACME 科技,非公企业,青年湖社区,,,,,\n");

        var issue = Assert.Single(file.AllIssues);
        Assert.Equal((4, UnitCsvFormat.Name, ImportProblem.DuplicateInFile, "2"), (issue.Line, issue.Column, issue.Problem, issue.Detail));
        Assert.False(file.IsValid);
        Assert.Equal(2, file.ValidRows.Count());
    }
}

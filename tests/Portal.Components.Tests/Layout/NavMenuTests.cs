using System.Text.RegularExpressions;
using Portal.Web.Components.Layout;

namespace Portal.Components.Tests.Layout;

/// <summary>The navigation shows each person the areas their policies admit them to, no more, in their language.</summary>
public sealed partial class NavMenuTests : PortalComponentTest
{
    private static readonly string[] Areas =
        ["/", "/announcements", "/councils", "/lists", "/lists/resources", "/lists/projects", "/lists/commitments", "/lists/board", "/reporting", "/deliberation", "/deliberation/notices"];

    private static readonly string[] Supervision = ["/lists/dashboard", "/lists/rules"];

    /// <summary>The staff vote pages, for those who manage a community.</summary>
    private static readonly string[] Votes = ["/votes"];

    /// <summary>A resident's own votes.</summary>
    private static readonly string[] MyVotes = ["/votes/mine"];

    private static readonly string[] Directory =
        ["/directory/communities", "/directory/households", "/directory/units", "/directory/party-organizations", "/directory/people", "/directory/import"];

    private static readonly string[] Administration = ["/admin/accounts", "/admin/audit"];

    public static TheoryData<string, string[]> LinksByPerson => new()
    {
        { "anonymous", ["/"] },
        { "resident", [.. Areas, .. MyVotes] },
        { "secretary", [.. Areas, .. Supervision, .. Votes, .. Directory] },
        { "admin", [.. Areas, .. Supervision, .. Votes, .. Directory, .. Administration] },
    };

    [Theory]
    [MemberData(nameof(LinksByPerson))]
    public void Each_person_sees_exactly_the_links_their_roles_admit(string person, string[] expected)
    {
        SignInAs(People.Named(person));

        var nav = Render<NavMenu>();

        var links = nav.FindAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(expected.Order(), links.Order());
    }

    [Theory]
    [InlineData("admin", new[] { "首页", "通知公告", "党建联席会议", "三张清单", "需求清单", "公示栏", "督办看板", "双报到", "居民议事", "表决管理", "组织与人员", "住户", "系统管理", "操作日志" })]
    [InlineData("resident", new[] { "首页", "通知公告", "三张清单", "需求清单", "资源清单", "项目清单", "承诺践诺", "公示栏", "议事公示", "我的表决" })]
    public void The_labels_are_the_chinese_terms_of_the_field(string person, string[] labels)
    {
        SignInAs(People.Named(person));

        var text = Render<NavMenu>().Find(".portal-nav").TextContent;

        foreach (var label in labels) Assert.Contains(label, text);
    }

    [Fact]
    public void A_resident_sees_neither_supervision_nor_directory_nor_administration_by_name()
    {
        SignInAs(People.Resident);

        var text = Render<NavMenu>().Find(".portal-nav").TextContent;

        foreach (var label in new[] { "督办看板", "时限规则", "表决管理", "组织与人员", "系统管理", "账号与角色" })
            Assert.DoesNotContain(label, text);
    }

    [Fact]
    public void In_chinese_no_label_or_accessible_name_is_english()
    {
        SignInAs(People.Admin);

        var nav = Render<NavMenu>();

        Assert.DoesNotMatch(Latin(), nav.Find(".portal-nav").TextContent);
        var names = nav.FindAll("[aria-label]").Select(e => e.GetAttribute("aria-label")!).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names) Assert.DoesNotMatch(Latin(), name);
    }

    [Fact]
    public void In_english_the_labels_are_english()
    {
        UseCulture("en");
        SignInAs(People.Secretary);

        var text = Render<NavMenu>().Find(".portal-nav").TextContent;

        foreach (var label in new[] { "Home", "Announcements", "Needs", "Directory" }) Assert.Contains(label, text);
        Assert.DoesNotContain("通知公告", text);
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}

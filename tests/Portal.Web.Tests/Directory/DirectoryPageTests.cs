using System.Net;
using System.Text.RegularExpressions;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from the other test folders.
namespace Portal.Web.Tests.DirectoryFeature;

/// <summary>Every directory page renders on the server for those who manage a community, and only for them.</summary>
public sealed class DirectoryPageTests(DirectoryTestHost host) : IClassFixture<DirectoryTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Path, string Title)[] All =
    [
        ("/directory/communities", "社区与网格"),
        ("/directory/households", "住户管理"),
        ("/directory/units", "共建单位"),
        ("/directory/party-organizations", "党组织"),
        ("/directory/people", "人员"),
        ("/directory/import", "批量导入"),
    ];

    public static TheoryData<string, string> Pages => new(All);

    public static TheoryData<string> Paths => new(All.Select(p => p.Path));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Secretaries_and_administrators_open_the_page(string path, string title)
    {
        foreach (var user in (string[])["secretary", "admin"])
        {
            using var client = await host.ClientAsync(user);
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            Assert.Matches($"<h1[^>]*>{title}</h1>", html);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Residents_are_refused_and_anonymous_visitors_sent_to_sign_in(string path)
    {
        using var resident = await host.ClientAsync("resident");
        var refused = await resident.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/denied", refused.Headers.Location!.AbsolutePath);

        using var anonymous = await host.ClientAsync(null);
        var response = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }
}

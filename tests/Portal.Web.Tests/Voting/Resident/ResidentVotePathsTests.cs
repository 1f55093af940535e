using System.Reflection;
using Microsoft.AspNetCore.Components;
using Portal.Web.Features.Voting.Votes.Components.Resident;
using Portal.Web.Features.Voting.Votes.Pages.Resident;

namespace Portal.Web.Tests.Voting.Resident;

/// <summary>The residents' vote addresses lead to the pages that answer them (a link is only as good as its route).</summary>
public sealed class ResidentVotePathsTests
{
    public static TheoryData<string, Type> Paths => new()
    {
        { ResidentVotePaths.Mine, typeof(MyVotesPage) },
        { ResidentVotePaths.Ballot(7), typeof(BallotPage) },
        { ResidentVotePaths.OnSite(7), typeof(OnSitePage) },
        { ResidentVotePaths.Result(7), typeof(ResultPage) },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Each_address_is_the_route_of_its_page(string path, Type page)
    {
        var routes = page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template.Replace("{Id:int}", "7"));
        Assert.Contains(path, routes);
    }
}

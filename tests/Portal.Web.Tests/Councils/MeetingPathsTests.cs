using System.Reflection;
using Microsoft.AspNetCore.Components;
using Portal.Web.Features.Councils;
using Portal.Web.Features.Councils.Display;
using Portal.Web.Features.Councils.Meetings;
using Portal.Web.Features.Councils.Minutes;
using Portal.Web.Features.Councils.Topics;

namespace Portal.Web.Tests.Councils;

/// <summary>The area kit's meeting addresses lead to the pages that answer them (a link is only as good as its route).</summary>
public sealed class MeetingPathsTests
{
    public static TheoryData<string, Type> Paths => new()
    {
        { MeetingPaths.Meeting(7), typeof(MeetingPage) },
        { MeetingPaths.Topics(7), typeof(MeetingTopicsPage) },
        { MeetingPaths.Minutes(7), typeof(MinutesPage) },
        { MeetingPaths.Display(7), typeof(DisplayPage) },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Each_address_is_the_route_of_its_page(string path, Type page)
    {
        var routes = page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template.Replace("{Id:int}", "7"));
        Assert.Contains(path, routes);
    }
}

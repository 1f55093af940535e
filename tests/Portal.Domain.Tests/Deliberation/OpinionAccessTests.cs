using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using static Portal.Domain.Access.PortalRole;

namespace Portal.Domain.Tests.Deliberation;

/// <summary>
/// <see cref="DeliberationAccess"/> for opinions and the plan over community 3 (street 1): residents post, the community's
/// managers moderate and write the plan, a hidden opinion's text is read by its author and the moderators only, and
/// another community has no part in it.
/// </summary>
public sealed class OpinionAccessTests
{
    // Street 1 has communities 3 and 4; street 2 has 5; grid 30 is in community 3 (as in DeliberationAccessTests).
    private static readonly DirectoryScope Directory = DeliberationAccessTests.Directory;

    private static readonly Dictionary<string, ScopedRole?> Roles = new()
    {
        ["author"] = new(Resident, ScopeKind.Community, 3),
        ["resident3"] = new(Resident, ScopeKind.Community, 3),
        ["resident4"] = new(Resident, ScopeKind.Community, 4),
        ["secretary3"] = new(CommunitySecretary, ScopeKind.Community, 3),
        ["secretary4"] = new(CommunitySecretary, ScopeKind.Community, 4),
        ["admin1"] = new(StreetAdministrator, ScopeKind.Street, 1),
        ["admin2"] = new(StreetAdministrator, ScopeKind.Street, 2),
        ["grid30"] = new(GridWorker, ScopeKind.Grid, 30),
        ["anonymous"] = null,
    };

    private static Caller CallerOf(string who) => Roles[who] is { } role
        ? new Caller(who, who, who, null, new AccessPolicy([role], Directory))
        : Caller.Anonymous;

    //                       who          post   moderate/plan readVisible readHidden
    [Theory]
    [InlineData("author",     true,  false, true,  true)]
    [InlineData("resident3",  true,  false, true,  false)]
    [InlineData("resident4",  false, false, false, false)]
    [InlineData("secretary3", false, true,  true,  true)]
    [InlineData("secretary4", false, false, false, false)]
    [InlineData("admin1",     false, true,  true,  true)]
    [InlineData("admin2",     false, false, false, false)]
    [InlineData("grid30",     false, false, true,  false)]
    [InlineData("anonymous",  false, false, false, false)]
    public void Each_role_may_do_exactly_its_part_with_opinions_and_the_plan(string who, bool post, bool moderate, bool readVisible, bool readHidden)
    {
        var caller = CallerOf(who);
        var session = OpinionTests.InCommentWindow();
        var visible = Opinion.Post(session, null, "author", "居民甲", "意见", DateTime.UtcNow).Opinion!;
        var hidden = Opinion.Post(session, null, "author", "居民甲", "意见", DateTime.UtcNow).Opinion!;
        hidden.Hide("人身攻击", "secretary3", DateTime.UtcNow);

        Assert.Equal(post, DeliberationAccess.CanPostOpinion(caller.Policy, 3));
        Assert.Equal(moderate, DeliberationAccess.CanModerateOpinions(caller.Policy, 3));
        Assert.Equal(moderate, DeliberationAccess.CanWritePlan(caller.Policy, 3));
        Assert.Equal(readVisible, DeliberationAccess.CanReadOpinionText(caller, visible, 3));
        Assert.Equal(readHidden, DeliberationAccess.CanReadOpinionText(caller, hidden, 3));
    }
}

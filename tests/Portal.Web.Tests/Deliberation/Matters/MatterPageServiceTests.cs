using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Domain.Directory;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation.Matters;

/// <summary>
/// What the matter pages ask of <see cref="MatterService"/>: the landing page's part, the phone form's choices, the
/// matter page's detail, and a property area as a scope (its own community's only).
/// </summary>
public sealed class MatterPageServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<MatterService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<int> PropertyAreaAsync(int communityId) => TestAccounts.DbAsync(Host, async db =>
    {
        var area = new PropertyArea { CommunityId = communityId, Name = "小区" + Guid.NewGuid().ToString("N")[..8] };
        db.PropertyAreas.Add(area);
        await db.SaveChangesAsync(Ct);
        return area.Id;
    });

    [Fact]
    public async Task A_property_area_of_the_community_is_a_scope_and_one_of_another_community_is_refused()
    {
        var (home, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var own = await PropertyAreaAsync(home);
        var foreign = await PropertyAreaAsync(other);

        var accepted = await As("resident", s => s.RaiseAsync(new MatterForm
            { CommunityId = home, ScopeKind = MatterScopeKind.PropertyArea, ScopeId = own, Title = "小区大修基金续筹" }, Ct));
        var refused = await As("resident", s => s.RaiseAsync(new MatterForm
            { CommunityId = home, ScopeKind = MatterScopeKind.PropertyArea, ScopeId = foreign, Title = "别处的小区" }, Ct));

        Assert.True(accepted.Succeeded, Host.TextOf(accepted));
        Assert.Equal(new MatterScope(MatterScopeKind.PropertyArea, own), (await DeliberationTestData.MatterAsync(Host, accepted.Id)).Scope);
        Assert.Equal("所选范围不属于该社区。", Host.TextOf(refused, nameof(MatterForm.ScopeId)));
    }

    [Fact]
    public async Task A_missing_title_is_refused_next_to_the_title_field()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);

        var result = await As("resident", s => s.RaiseAsync(new MatterForm { CommunityId = home, Title = "  " }, Ct));

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.NotNull(Host.TextOf(result, nameof(MatterForm.Title)));
        Assert.Null(result.MessageOf(Problem.Form));
    }

    [Fact]
    public async Task The_form_offers_the_residents_community_with_its_grids_buildings_and_property_areas_and_nothing_to_staff()
    {
        var (home, other) = await DeliberationTestData.CommunitiesAsync(Host);
        var area = await PropertyAreaAsync(home);
        await PropertyAreaAsync(other);
        var building = await DeliberationTestData.BuildingOfAsync(Host, home);

        var resident = await As("resident", s => s.FormOptionsAsync(Ct));
        var secretary = await As("secretary", s => s.FormOptionsAsync(Ct));

        Assert.Equal([home], resident.Communities.Select(c => c.Id));
        Assert.All(resident.Places, p => Assert.Equal(home, p.CommunityId));
        Assert.Contains(resident.Places, p => p is { Kind: MatterScopeKind.Building } && p.Id == building);
        Assert.Contains(resident.Places, p => p is { Kind: MatterScopeKind.PropertyArea } && p.Id == area);
        Assert.Contains(resident.Places, p => p.Kind == MatterScopeKind.Grid);
        // The secretary screens matters; raising one is a resident's (DeliberationAccess.CanRaise).
        Assert.Empty(secretary.Communities);
    }

    [Fact]
    public async Task The_landing_page_gives_a_resident_their_matters_and_the_secretary_the_screening_queue()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var before = await As("secretary", s => s.HomeAsync(ct: Ct));
        var waitingBefore = before.Screening.Single(q => q.CommunityId == home).Waiting;
        var id = await DeliberationTestData.RaisedAsync(Host, "resident", "楼道灯不亮");

        var resident = await As("resident", s => s.HomeAsync(ct: Ct));
        var secretary = await As("secretary", s => s.HomeAsync(ct: Ct));

        Assert.Equal([home], resident.RaiseIn);
        Assert.Equal(id, resident.Mine.Rows[0].Id);
        Assert.Empty(resident.Screening);
        Assert.Empty(secretary.RaiseIn);
        var queue = Assert.Single(secretary.Screening, q => q.CommunityId == home);
        Assert.Equal(waitingBefore + 1, queue.Waiting);
        Assert.False(string.IsNullOrEmpty(queue.CommunityName));
    }

    [Fact]
    public async Task The_matter_page_names_the_scope_and_says_who_screens()
    {
        var id = await DeliberationTestData.RaisedAsync(Host, "resident", "社区广场健身器材");

        var resident = await As("resident", s => s.GetAsync(id, Ct));
        var secretary = await As("secretary", s => s.GetAsync(id, Ct));

        Assert.False(resident!.CanManage);
        Assert.True(secretary!.CanManage);
        Assert.Equal(await TestAccounts.DbAsync(Host, db => db.Communities.Where(c => c.Id == resident.Row.CommunityId).Select(c => c.Name).SingleAsync(Ct)),
            resident.ScopeName);
    }
}

using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Kit.Contracts;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation.Matters;

/// <summary>
/// The needs list promotes a need through <see cref="INeedDeliberation"/> (the Deliberation area's contract): the matter
/// keeps the need's link, the need's page finds it, the button goes away once promoted, and only managers promote.
/// </summary>
public sealed class NeedDeliberationTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<INeedDeliberation, Task<T>> action) => Host.AsAsync(user, action);

    [Fact]
    public async Task A_need_promoted_from_its_page_becomes_a_matter_that_keeps_its_link()
    {
        var need = await ResidentNeeds.RaiseAsync(Host, "楼道照明需议定改造方案", ct: Ct);
        Assert.Equal((0, true), ((await As("secretary", d => d.StateAsync(need, Ct))).Matters.Count, (await As("secretary", d => d.StateAsync(need, Ct))).CanPromote));
        Assert.False((await As("resident", d => d.StateAsync(need, Ct))).CanPromote);
        Assert.Equal(Outcome.NotFound, (await As("resident", d => d.PromoteAsync(need, Ct))).Outcome);

        var promoted = await As("secretary", d => d.PromoteAsync(need, Ct));

        Assert.True(promoted.Succeeded, Host.TextOf(promoted));
        var matter = await DeliberationTestData.MatterAsync(Host, promoted.Id);
        Assert.Equal((MatterOrigin.Need, (int?)need, "楼道照明需议定改造方案"), (matter.Origin, matter.WorkItemId, matter.Title));
        var state = await As("secretary", d => d.StateAsync(need, Ct));
        Assert.Equal((false, $"/deliberation/matters/{promoted.Id}"), (state.CanPromote, Assert.Single(state.Matters).Path));
        Assert.Equal("该需求已转为议题，不能重复转入。", Host.TextOf(await As("secretary", d => d.PromoteAsync(need, Ct))));
    }
}

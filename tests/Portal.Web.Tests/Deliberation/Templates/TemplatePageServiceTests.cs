using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation.Templates;

/// <summary>What the template page asks of <see cref="TemplateService"/>: its communities (and who edits them), adopting a shipped procedure.</summary>
public sealed class TemplatePageServiceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    private Task<T> As<T>(string user, Func<TemplateService, Task<T>> action) => Host.AsAsync(user, action);

    private Task<int> ShippedAsync(int index) => TestAccounts.DbAsync(Host, db =>
        db.ProcedureTemplates.Where(t => t.Key == ShippedProcedures.Global()[index].Key && t.Version == 1).Select(t => t.Id).SingleAsync(Ct));

    [Fact]
    public async Task The_secretary_edits_the_home_communitys_templates_and_a_resident_only_reads_them()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);

        var secretary = await As("secretary", s => s.CommunitiesAsync(Ct));
        var resident = await As("resident", s => s.CommunitiesAsync(Ct));

        Assert.True(secretary.Single(c => c.Id == home).CanEdit);
        Assert.False(Assert.Single(resident).CanEdit);
        Assert.Equal(home, resident[0].Id);
    }

    [Fact]
    public async Task Adopting_a_shipped_procedure_makes_the_communitys_own_version_one_with_the_same_steps_and_a_resident_may_not()
    {
        var (home, _) = await DeliberationTestData.CommunitiesAsync(Host);
        var shipped = await ShippedAsync(3);

        var refused = await As("resident", s => s.AdoptAsync(shipped, home, Ct));
        var adopted = await As("secretary", s => s.AdoptAsync(shipped, home, Ct));

        Assert.Equal(Outcome.NotAllowed, refused.Outcome);
        Assert.True(adopted.Succeeded, Host.TextOf(adopted));
        // The residents now see it among the procedures their community may use.
        var row = Assert.Single(await As("resident", s => s.ForCommunityAsync(home, Ct)), t => t.Id == adopted.Id);
        Assert.Equal((ScopeKind.Community, (int?)home, 1, ShippedProcedures.Global()[3].Name), (row.OwnerScope!.Value, row.OwnerId, row.Version, row.Name));
        Assert.Equal(ShippedProcedures.Global()[3].Steps, row.Steps);
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Testing;
using Portal.Web.Features.Deliberation.Matters;
using Portal.Web.Features.Deliberation.Sessions;
using Portal.Web.Features.Deliberation.Templates;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;
using Portal.Web.Tests.Accounts;

namespace Portal.Web.Tests.Deliberation;

/// <summary>The demo places and accounts the deliberation tests use, and matters brought to a status through the services.</summary>
internal static class DeliberationTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>青年湖社区 (where "secretary", "resident" and "gridworker" work) and another community of the street.</summary>
    public static Task<(int Home, int Other)> CommunitiesAsync(PortalHost host) => TestAccounts.DbAsync(host, async db =>
    {
        var home = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
        var other = await db.Communities.Where(c => c.Id != home).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        return (home, other);
    });

    public static Task<int> BuildingOfAsync(PortalHost host, int communityId) => TestAccounts.DbAsync(host, db =>
        db.Buildings.Where(b => db.Grids.Any(g => g.Id == b.GridId && g.CommunityId == communityId)).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(Ct));

    /// <summary>A new account that is a resident of <paramref name="communityId"/>; its user name.</summary>
    public static async Task<string> ResidentOfAsync(PortalHost host, int communityId) =>
        (await TestAccounts.CreateAsync(host, "dres", new ScopedRole(PortalRole.Resident, ScopeKind.Community, communityId))).UserName!;

    public static Task<Matter> MatterAsync(PortalHost host, int id) => TestAccounts.DbAsync(host, db => db.Matters.AsNoTracking().SingleAsync(m => m.Id == id, Ct));

    /// <summary>A matter raised by <paramref name="raiser"/> in 青年湖社区 (community scope); accepted by the secretary when asked.</summary>
    public static async Task<int> RaisedAsync(PortalHost host, string raiser, string title, bool accepted = false)
    {
        var (home, _) = await CommunitiesAsync(host);
        var raised = await host.AsAsync<MatterService, Result<MatterRow>>(raiser, s => s.RaiseAsync(new MatterForm { CommunityId = home, Title = title }, Ct));
        Assert.True(raised.Succeeded, host.TextOf(raised));
        if (!accepted) return raised.Id;
        var version = (await MatterAsync(host, raised.Id)).Version;
        var accept = await host.AsAsync<MatterService, Result<MatterRow>>("secretary", s => s.AcceptAsync(raised.Id, version, Ct));
        Assert.True(accept.Succeeded, host.TextOf(accept));
        return raised.Id;
    }

    /// <summary>A session of 青年湖社区 (community scope) started by the secretary on a new template of <paramref name="steps"/>; its id.</summary>
    public static async Task<int> SessionAsync(PortalHost host, string title, params ProcedureStep[] steps)
    {
        var (home, _) = await CommunitiesAsync(host);
        var template = await host.AsAsync<TemplateService, Result<TemplateRow>>("secretary", s => s.CreateAsync(new TemplateForm
        {
            OwnerScope = ScopeKind.Community, OwnerId = home, Name = "测试规程", Steps = [.. steps],
        }, Ct));
        Assert.True(template.Succeeded, host.TextOf(template));
        var matter = await RaisedAsync(host, "resident", title, accepted: true);
        var started = await host.AsAsync<SessionService, Result<SessionTimeline>>("secretary", s => s.StartAsync(matter, template.Id, Ct));
        Assert.True(started.Succeeded, host.TextOf(started));
        return started.Id;
    }
}

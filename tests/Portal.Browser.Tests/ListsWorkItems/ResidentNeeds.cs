using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;

namespace Portal.Browser.Tests.ListsWorkItems;

/// <summary>
/// A resident's need brought to a given step through the services (as the people concerned would on their pages). What
/// a resident's page must hold on a phone is checked by <see cref="PortalPage"/>.
/// </summary>
public static class ResidentNeeds
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A need the resident raised in 青年湖社区; with <paramref name="reported"/>, handled by the hospital and reported back (ready to rate).</summary>
    public static async Task<int> RaiseAsync(PortalHost portal, string title, bool reported = false)
    {
        int community, hospital;
        await using (var db = await portal.NewDbContextAsync(Ct))
        {
            community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(Ct);
            hospital = await db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(Ct);
        }
        async Task<Guid> Version(int id)
        {
            await using var db = await portal.NewDbContextAsync(Ct);
            return await db.WorkItems.Where(w => w.Id == id).Select(w => w.Version).SingleAsync(Ct);
        }
        static void Ok(WorkItemResult result) => Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message}");

        var raised = await portal.AsAsync<WorkItemService, WorkItemResult>("resident", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = title, Category = WorkItemCategories.Safety, CommunityId = community, Urgency = Urgency.General,
        }, Ct));
        Ok(raised);
        var id = raised.Id;
        if (!reported) return id;
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("secretary", async s => await s.TriageAsync(id, await Version(id), true, true, ct: Ct)));
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("secretary", async s => await s.DispatchAsync(id, await Version(id), hospital, Urgency.Complex, ct: Ct)));
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("liaison", async s => await s.AcceptAsync(id, await Version(id), ct: Ct)));
        Ok(await portal.AsAsync<WorkItemService, WorkItemResult>("liaison", async s => await s.ReportBackAsync(id, await Version(id), "已处理完毕。", ct: Ct)));
        return id;
    }
}

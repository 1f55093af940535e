using Microsoft.EntityFrameworkCore;
using Portal.Domain.WorkItems;
using Portal.Web.Features.Lists.WorkItems;
using Portal.Web.Features.Platform;
using Portal.Web.Kit.Results;

namespace Portal.Testing;

/// <summary>
/// A resident's need brought to a given step through the services (as the people concerned would on their pages): for
/// the browser tests and for the user guide's screenshots of the rating page.
/// </summary>
public static class ResidentNeeds
{
    /// <summary>A need the resident raised in 青年湖社区; with <paramref name="reported"/>, handled by the hospital and reported back (ready to rate).</summary>
    public static async Task<int> RaiseAsync(PortalHost portal, string title, bool reported = false, CancellationToken ct = default)
    {
        int community, hospital;
        await using (var db = await portal.NewDbContextAsync(ct))
        {
            community = await db.Communities.Where(c => c.Name == DemoDataSeeder.CommunityNames[0]).Select(c => c.Id).SingleAsync(ct);
            hospital = await db.Units.Where(u => u.Name == "东城区第二人民医院").Select(u => u.Id).SingleAsync(ct);
        }
        async Task<Guid> Version(int id)
        {
            await using var db = await portal.NewDbContextAsync(ct);
            return await db.WorkItems.Where(w => w.Id == id).Select(w => w.Version).SingleAsync(ct);
        }
        void Ok(Result result)
        {
            if (!result.Succeeded) throw new InvalidOperationException($"{result.Outcome}: {portal.TextOf(result)}");
        }

        var raised = await portal.AsAsync<WorkItemService, Result>("resident", s => s.RaiseAsync(new RaiseNeedForm
        {
            Title = title, Category = WorkItemCategories.Safety, CommunityId = community, Urgency = Urgency.General,
        }, ct));
        Ok(raised);
        var id = raised.Id;
        if (!reported) return id;
        Ok(await portal.AsAsync<WorkItemService, Result>("secretary", async s => await s.TriageAsync(id, await Version(id), true, true, ct: ct)));
        Ok(await portal.AsAsync<WorkItemService, Result>("secretary", async s => await s.DispatchAsync(id, await Version(id), hospital, Urgency.Complex, ct: ct)));
        Ok(await portal.AsAsync<WorkItemService, Result>("liaison", async s => await s.AcceptAsync(id, await Version(id), ct: ct)));
        Ok(await portal.AsAsync<WorkItemService, Result>("liaison", async s => await s.ReportBackAsync(id, await Version(id), "已处理完毕。", ct: ct)));
        return id;
    }
}

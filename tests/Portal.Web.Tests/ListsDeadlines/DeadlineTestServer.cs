using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Platform;

namespace Portal.Web.Tests.ListsDeadlines;

/// <summary>A clock the test sets; the monitor reads it instead of the system clock.</summary>
public sealed class SettableTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The real portal on its own database, with the hosted monitor's own rounds pushed far apart so that only the rounds a
/// test runs (with its own clock) act on the test's items.
/// </summary>
public sealed class DeadlineTestServer : IDisposable
{
    public PortalHost Portal { get; } = new(settings: new Dictionary<string, string?> { ["Lists:MonitorIntervalSeconds"] = "86400" });

    public IServiceProvider Services => Portal.Services;

    public void Dispose() => Portal.Dispose();

    public Task<PortalDbContext> DbAsync(CancellationToken ct) => Portal.NewDbContextAsync(ct);

    /// <summary>Runs <paramref name="action"/> as the user, in a scope of its own, like one request.</summary>
    public Task<T> AsAsync<TService, T>(string userName, Func<TService, Task<T>> action, string culture = "zh-CN") where TService : notnull =>
        Portal.AsAsync(userName, action, culture);

    public Task<ClaimsPrincipal> PrincipalAsync(string userName) => Portal.PrincipalAsync(userName);

    public async Task<int> CommunityIdAsync(int index, CancellationToken ct)
    {
        await using var db = await DbAsync(ct);
        var name = DemoDataSeeder.CommunityNames[index];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(ct);
    }

    public async Task<string> UserIdAsync(string userName, CancellationToken ct)
    {
        await using var db = await DbAsync(ct);
        return await db.Set<PortalUser>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
    }

    /// <summary>The unit the demo "liaison" account acts for.</summary>
    public async Task<int> LiaisonUnitIdAsync(CancellationToken ct)
    {
        var userId = await UserIdAsync("liaison", ct);
        await using var db = await DbAsync(ct);
        return await db.RoleAssignments.Where(r => r.UserId == userId && r.Role == PortalRole.UnitLiaison).Select(r => r.ScopeId).FirstAsync(ct);
    }

    /// <summary>Seeds an item dispatched to the unit at <paramref name="dispatchedUtc"/> with the default rules' deadline.</summary>
    public async Task<int> SeedDispatchedAsync(string title, int communityId, int unitId, DateTime dispatchedUtc, Urgency urgency, CancellationToken ct,
        params WorkItemAction[] then)
    {
        await using var db = await DbAsync(ct);
        var item = new WorkItem
        {
            Kind = WorkItemKind.Need,
            Title = title,
            Category = "Other",
            Urgency = urgency,
            CommunityId = communityId,
            RaisedByName = "测试",
            RaisedAtUtc = dispatchedUtc.AddHours(-1),
            OwnerUnitId = unitId,
            DueAtUtc = DeadlineRules.Default.DueAt(new DateTimeOffset(dispatchedUtc, TimeSpan.Zero), urgency).UtcDateTime,
        };
        Require(item.Apply(WorkItemAction.Triage, dispatchedUtc.AddMinutes(-30)));
        Require(item.Apply(WorkItemAction.Dispatch, dispatchedUtc));
        foreach (var action in then) Require(item.Apply(action, dispatchedUtc.AddMinutes(1)));
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    private static void Require(TransitionResult result)
    {
        if (!result.Allowed) throw new InvalidOperationException(result.ErrorCode);
    }
}

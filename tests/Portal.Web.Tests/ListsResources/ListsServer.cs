using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.WorkItems;
using Portal.Testing;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Platform;

namespace Portal.Web.Tests.ListsResources;

/// <summary>The real portal on fresh demo data, with helpers to call its services as a demo user and to look at the database.</summary>
public sealed class ListsServer : IDisposable
{
    public PortalHost Portal { get; } = new();

    public IServiceProvider Services => Portal.Services;

    public void Dispose() => Portal.Dispose();

    /// <summary>Runs <paramref name="action"/> as the user in a scope of its own, like one request or circuit.</summary>
    public Task<T> AsAsync<TService, T>(string userName, Func<TService, Task<T>> action) where TService : notnull =>
        Portal.AsAsync(userName, action);

    public Task<PortalDbContext> DbAsync() => Portal.NewDbContextAsync();

    public async Task<int> CommunityIdAsync(int index)
    {
        await using var db = await DbAsync();
        var name = DemoDataSeeder.CommunityNames[index];
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    public async Task<int> UnitIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A triaged need of a community, as the needs list would hold it after triage.</summary>
    public async Task<int> AddNeedAsync(string title, string category, int communityIndex = 0)
    {
        await using var db = await DbAsync();
        var need = new WorkItem
        {
            Kind = WorkItemKind.Need, Title = title, Category = category, CommunityId = await CommunityIdAsync(communityIndex),
            RaisedByName = "测试", RaisedAtUtc = DateTime.UtcNow, IsShared = true, IsPublic = true,
        };
        need.Apply(WorkItemAction.Triage, DateTime.UtcNow);
        db.WorkItems.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data;

namespace Portal.Web.Kit.Callers;

/// <summary>
/// Caches the directory hierarchy (<see cref="DirectoryScope"/>) that access decisions need. Directory writes
/// call <see cref="Invalidate"/>; entries also expire after a minute so other nodes catch up. Singleton.
/// </summary>
public sealed class DirectoryScopeCache(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DirectoryScope Scope, DateTimeOffset LoadedAt)? _cached;

    public async Task<DirectoryScope> GetAsync(CancellationToken ct = default)
    {
        if (_cached is { } c && clock.GetUtcNow() - c.LoadedAt < Lifetime) return c.Scope;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.LoadedAt < Lifetime) return again.Scope;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var communities = await db.Communities.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.StreetId, ct);
            var grids = await db.Grids.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.CommunityId, ct);
            var units = await db.Units.AsNoTracking()
                .Select(u => new { u.Id, u.StreetId, u.CommunityId })
                .ToDictionaryAsync(x => x.Id, x => (x.StreetId, x.CommunityId), ct);
            var scope = new DirectoryScope(communities, grids, units);
            _cached = (scope, clock.GetUtcNow());
            return scope;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;
}

/// <summary>Builds the <see cref="AccessPolicy"/> of a principal. Singleton.</summary>
public sealed class AccessPolicyProvider(DirectoryScopeCache directory)
{
    public async Task<AccessPolicy> ForAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct = default) =>
        new(user.ScopedRoles(), await directory.GetAsync(ct));
}

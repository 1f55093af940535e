using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Deliberation;
using Portal.Web.Data;

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>The reads the opinion and plan services share.</summary>
internal static class OpinionReads
{
    /// <summary>The session when the caller may see it (whoever belongs to its community); null otherwise, so ids cannot be probed.</summary>
    public static async Task<DeliberationSession?> VisibleSessionAsync(PortalDbContext db, int sessionId, Caller caller, CancellationToken ct)
    {
        var session = await db.DeliberationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        return session is not null && caller.IsSignedIn && DeliberationAccess.CanSeeCommunity(caller.Policy, session.CommunityId) ? session : null;
    }

    /// <summary>The plan's latest version (what a new opinion comments on, and the next version follows); null before v1.</summary>
    public static Task<PlanVersion?> LatestPlanAsync(PortalDbContext db, int sessionId, CancellationToken ct) =>
        db.PlanVersions.AsNoTracking().Where(p => p.SessionId == sessionId).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Deliberation.Opinions;

/// <summary>
/// The per-session channel of opinions and the plan ("opinions/{sessionId}"): an opinion posted, supported, unsupported
/// or hidden, and a new plan version. Only that something changed travels (no text, no names): each page reloads what
/// its reader may see through the services.
/// </summary>
public static class OpinionChannels
{
    public const string Prefix = "opinions/";

    /// <summary>The opinions of the session changed; payload <see cref="SessionChanged"/>.</summary>
    public const string OpinionsChanged = "opinions.changed";

    /// <summary>A plan version was added; payload <see cref="SessionChanged"/>.</summary>
    public const string PlanChanged = "plan.changed";

    public static string For(int sessionId) => LiveChannelIds.For(Prefix, sessionId);

    public static bool TryParse(string channel, out int sessionId) => LiveChannelIds.TryParse(channel, Prefix, out sessionId);
}

public sealed record SessionChanged(int SessionId);

/// <summary>Maps the opinions' and plan versions' events to the session's channel, stored with the change (decision 0023).</summary>
public sealed class OpinionLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) => domainEvent switch
    {
        Portal.Domain.Deliberation.OpinionsChanged changed =>
            LiveEventDraft.Of(OpinionChannels.For(changed.SessionId), OpinionChannels.OpinionsChanged, new SessionChanged(changed.SessionId)),
        PlanVersionAdded added => LiveEventDraft.Of(OpinionChannels.For(added.SessionId), OpinionChannels.PlanChanged, new SessionChanged(added.SessionId)),
        _ => null,
    };
}

/// <summary>Whoever sees the session (<see cref="DeliberationAccess.CanSeeCommunity"/>) reads its channel.</summary>
public sealed class OpinionChannelRule(IDbContextFactory<PortalDbContext> dbFactory) : ILiveChannelRule
{
    public string Prefix => OpinionChannels.Prefix;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct)
    {
        if (!caller.IsSignedIn || !OpinionChannels.TryParse(channel, out var sessionId)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => (int?)s.CommunityId).SingleOrDefaultAsync(ct);
        return community is { } c && DeliberationAccess.CanSeeCommunity(caller.Policy, c);
    }
}

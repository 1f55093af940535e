using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Deliberation;

/// <summary>
/// The per-session live channel ("deliberation/sessions/{id}"): a step completed, the session's notice changed (an
/// objection filed or answered, the period changed, the notice closed), its ratings changed. The payload says only which
/// part changed; pages read it again through their service, which applies the reader's rights.
/// </summary>
public static class DeliberationChannels
{
    public const string Prefix = "deliberation/sessions/";

    /// <summary>Something of the session changed; payload <see cref="SessionChanged"/>.</summary>
    public const string Changed = "session.changed";

    public static string For(int sessionId) => LiveChannelIds.For(Prefix, sessionId);

    public static bool TryParse(string channel, out int sessionId) => LiveChannelIds.TryParse(channel, Prefix, out sessionId);
}

/// <summary>Which part of a session changed.</summary>
public enum SessionPart
{
    Timeline,
    Notice,
    Ratings,
}

public sealed record SessionChanged(int SessionId, SessionPart Part);

/// <summary>Maps the deliberation entities' events to their session's channel, stored with the change (decision 0023).</summary>
public sealed class DeliberationLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) => domainEvent switch
    {
        DeliberationStepCompleted step => Draft(step.SessionId, SessionPart.Timeline),
        NoticeObjectionFiled or NoticeObjectionAnswered or NoticePeriodChanged or PublicNoticeClosed when source is PublicNotice notice =>
            Draft(notice.SessionId, SessionPart.Notice),
        SessionRated rated => Draft(rated.SessionId, SessionPart.Ratings),
        RatingRoundClosed closed => Draft(closed.SessionId, SessionPart.Ratings),
        _ => null,
    };

    private static LiveEventDraft Draft(int sessionId, SessionPart part) =>
        LiveEventDraft.Of(DeliberationChannels.For(sessionId), DeliberationChannels.Changed, new SessionChanged(sessionId, part));
}

/// <summary>Whoever may see the session (<see cref="DeliberationAccess.CanSeeCommunity"/>) reads its channel.</summary>
public sealed class DeliberationChannelRule(IDbContextFactory<PortalDbContext> dbFactory) : ILiveChannelRule
{
    public string Prefix => DeliberationChannels.Prefix;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct)
    {
        if (!caller.IsSignedIn || !DeliberationChannels.TryParse(channel, out var sessionId)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.DeliberationSessions.Where(s => s.Id == sessionId).Select(s => (int?)s.CommunityId).SingleOrDefaultAsync(ct);
        return community is { } c && DeliberationAccess.CanSeeCommunity(caller.Policy, c);
    }
}

public static class DeliberationExtensions
{
    /// <summary>
    /// The Deliberation area's own services (its kit: the session channel's events and its read rule). Each slice
    /// registers its own (<c>AddPortalDeliberationSessions</c>…), called from Program: the area kit names no slice.
    /// </summary>
    public static IServiceCollection AddPortalDeliberation(this IServiceCollection services) =>
        services.AddSingleton<ILiveEventMapper, DeliberationLiveEvents>().AddSingleton<ILiveChannelRule, DeliberationChannelRule>();
}

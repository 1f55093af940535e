using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Domain.Deliberation;
using Portal.Web.Data;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Deliberation.Meetings;

/// <summary>
/// A deliberation meeting's live channel ("deliberation-meetings/{id}"): one event type, "something changed", on every
/// change of the meeting (state, motion, queue, speech) and every sign-in. The screens reload the meeting through
/// <see cref="MeetingService"/> on it, so each reads only what its caller may see (the sign-in names are the chair's);
/// the event itself carries nothing.
/// </summary>
public static class DeliberationMeetingChannels
{
    public const string Prefix = "deliberation-meetings/";
    public const string Changed = "meeting.changed";

    public static string For(int meetingId) => LiveChannelIds.For(Prefix, meetingId);

    public static bool TryParse(string channel, out int meetingId) => LiveChannelIds.TryParse(channel, Prefix, out meetingId);
}

/// <summary>The event the channel carries: the meeting's id, nothing more.</summary>
public sealed record DeliberationMeetingPing(int MeetingId);

/// <summary>Maps the meeting's and the sign-in sheet's events to the meeting's channel, stored with the change (decision 0023).</summary>
public sealed class DeliberationMeetingLiveEvents : ILiveEventMapper
{
    public LiveEventDraft? Map(Entity source, IDomainEvent domainEvent) => domainEvent switch
    {
        DeliberationMeetingChanged changed => Ping(changed.MeetingId == 0 ? source.Id : changed.MeetingId),
        DeliberationMeetingSignedIn signedIn => Ping(signedIn.MeetingId),
        _ => null,
    };

    private static LiveEventDraft Ping(int meetingId) =>
        LiveEventDraft.Of(DeliberationMeetingChannels.For(meetingId), DeliberationMeetingChannels.Changed, new DeliberationMeetingPing(meetingId));
}

/// <summary>Whoever may see the meeting's session (<see cref="DeliberationAccess.CanSeeCommunity"/>) reads its channel.</summary>
public sealed class DeliberationMeetingChannelRule(IDbContextFactory<PortalDbContext> dbFactory) : ILiveChannelRule
{
    public string Prefix => DeliberationMeetingChannels.Prefix;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct)
    {
        if (!caller.IsSignedIn || !DeliberationMeetingChannels.TryParse(channel, out var meetingId)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.DeliberationMeetings.Where(m => m.Id == meetingId).Select(m => (int?)m.CommunityId).SingleOrDefaultAsync(ct);
        return community is { } c && DeliberationAccess.CanSeeCommunity(caller.Policy, c);
    }
}

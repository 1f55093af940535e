using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Web.Data;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Councils.Display;

/// <summary>
/// Who may receive a meeting's live channel ("meeting/{id}"): its participants (<see cref="MeetingRights.CanParticipate"/>:
/// the agenda and the attendance names are the council's business, not every resident's), and the projector holding
/// that meeting's display link, for that meeting only. Singleton.
/// </summary>
public sealed class MeetingChannelRule(IDbContextFactory<PortalDbContext> dbFactory) : ILiveChannelRule
{
    public string Prefix => MeetingChannels.Prefix;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct)
    {
        if (!MeetingChannels.TryParse(channel, out var meetingId)) return false;
        if (DisplayLink.MeetingOf(user) == meetingId) return true;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false);
        return access?.Rights.CanParticipate == true;
    }
}

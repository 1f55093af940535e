using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Features.Councils.Display;

/// <summary>
/// The manager's side of the projector: reads the meeting for the display page and generates its display link. Only those
/// who steer the meeting (<see cref="MeetingRights.CanSteer"/>) may; the link opens the meeting's live view to anyone
/// holding it. Scoped.
/// </summary>
public sealed class DisplayLinkService(IDbContextFactory<PortalDbContext> dbFactory, CallerScope callers, ILogger<DisplayLinkService> logger)
{
    /// <summary>The meeting, or null when it does not exist or cannot be seen; <paramref name="allowed"/> says whether the caller steers it.</summary>
    public async Task<(DisplayPageInfo? Info, bool Allowed)> LoadAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var caller = await callers.GetAsync(ct);
        if (await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false) is not { } access) return (null, false);
        var m = access.Meeting;
        var info = new DisplayPageInfo(m.Id, access.Council.Name, m.Title, m.StartsAtUtc, m.EndsAtUtc, m.Location ?? access.Council.DefaultLocation,
            m.DisplayTokenHash is not null);
        return (info, access.Rights.CanSteer);
    }

    /// <summary>
    /// Generates a new display link and returns its token (the only time it exists in clear); the previous link stops
    /// working. Null when the caller may not steer the meeting.
    /// </summary>
    public async Task<string?> CreateLinkAsync(int meetingId, CancellationToken ct = default)
    {
        // The meeting's version guards its row; a concurrent agenda save makes this save fail once, so read again and retry.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var caller = await callers.GetAsync(ct);
            if (await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false, tracked: true) is not { Rights.CanSteer: true } access)
                return null;
            var meeting = access.Meeting;
            var token = DisplayLink.NewToken();
            meeting.DisplayTokenHash = DisplayLink.HashOf(token);
            try
            {
                await db.SaveChangesAsync(ct);
                return token;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < 3)
            {
                logger.LogInformation(ex, "Display link of meeting {MeetingId} collided with another save; retrying", meetingId);
            }
        }
    }
}

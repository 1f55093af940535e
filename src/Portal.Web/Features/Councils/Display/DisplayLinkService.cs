using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Kit.Callers;
using Portal.Web.Kit.Results;

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
    /// Generates a new display link and answers its token (the only time it exists in clear); the previous link stops
    /// working. Not found when the meeting does not exist or cannot be seen; not allowed when the caller may not steer it.
    /// Not through the unit of work: the page holds no version of the meeting, whose version every agenda step moves, so a
    /// concurrent save is retried here rather than reported as a conflict about something the manager never saw.
    /// </summary>
    public async Task<Result<string>> CreateLinkAsync(int meetingId, CancellationToken ct = default)
    {
        // The meeting's version guards its row; a concurrent agenda save makes this save fail once, so read again and retry.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var caller = await callers.GetAsync(ct);
            if (await CouncilAccess.LoadMeetingAsync(db, caller, meetingId, ct, withAgenda: false, tracked: true) is not { } access)
                return Result<string>.NotFound(Message.Of<DisplayText>("Display.NotFound"));
            if (!access.Rights.CanSteer) return Result<string>.NotAllowed(Message.Of<DisplayText>("Display.Refused"));
            var meeting = access.Meeting;
            var token = DisplayLink.NewToken();
            meeting.DisplayTokenHash = DisplayLink.HashOf(token);
            try
            {
                await db.SaveChangesAsync(ct);
                return Result<string>.Ok(token, meeting.Id);
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < 3)
            {
                logger.LogInformation(ex, "Display link of meeting {MeetingId} collided with another save; retrying", meetingId);
            }
        }
    }
}

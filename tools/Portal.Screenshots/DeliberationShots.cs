using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deliberation;
using Portal.Testing;

namespace Portal.Screenshots;

/// <summary>
/// The deliberation pages the user guide shows, from the demo data as seeded (no scene is made): the first session (the
/// Hangzhou-variant lift vote, at its vote step), a published notice, and the last deliberation meeting held with its
/// sign-in sheet.
/// </summary>
public sealed record DeliberationShots(int Session, int Notice, int Meeting)
{
    public string Resolve(string path) => path
        .Replace("{session}", Session.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{notice}", Notice.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{meeting}", Meeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static async Task<DeliberationShots> FindAsync(PortalHost host)
    {
        await using var db = await host.NewDbContextAsync();
        var session = await db.DeliberationSessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var notice = await db.PublicNotices.OrderBy(n => n.Id).Select(n => n.Id).FirstAsync();
        var meeting = await db.DeliberationMeetings.Where(m => m.Status == DeliberationMeetingStatus.Closed)
            .OrderByDescending(m => m.StartsAtUtc).Select(m => m.Id).FirstAsync();
        return new DeliberationShots(session, notice, meeting);
    }
}

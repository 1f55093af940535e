using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Councils;
using Portal.Testing;
using Portal.Web.Features.Councils.Display;
using Portal.Web.Kit.Results;

namespace Portal.Screenshots;

/// <summary>The demo meetings the user guide shows, by id, and a projector link made the way the secretary makes it.</summary>
public sealed record CouncilShots(int Live, int Next, int Held, string ProjectorPath)
{
    public string Resolve(string path) => path
        .Replace("{live}", Live.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{next}", Next.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{held}", Held.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{projector}", ProjectorPath, StringComparison.Ordinal);

    /// <summary>"live,next,held" ids given on the command line for a portal running elsewhere; no projector link (it needs the database).</summary>
    public static CouncilShots Parse(string ids)
    {
        var parts = ids.Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new CouncilShots(parts[0], parts[1], parts[2], "{projector}");
    }

    public static async Task<CouncilShots> MeetingsAsync(PortalHost host)
    {
        var council = await CouncilTestData.FirstCouncilAsync(host);
        int live, next, held;
        await using (var db = await host.NewDbContextAsync())
        {
            var meetings = db.Meetings.AsNoTracking().Where(m => m.CouncilId == council.Id);
            live = await meetings.Where(m => m.Status == MeetingStatus.InProgress).Select(m => m.Id).FirstAsync();
            next = await meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > DateTime.UtcNow)
                .OrderBy(m => m.StartsAtUtc).Select(m => m.Id).FirstAsync();
            held = await meetings.Where(m => m.Status == MeetingStatus.Ended).OrderByDescending(m => m.StartsAtUtc).Select(m => m.Id).FirstAsync();
        }
        var token = (await host.AsAsync<DisplayLinkService, Result<string>>("secretary", s => s.CreateLinkAsync(live))).Value
            ?? throw new InvalidOperationException("The secretary could not create a display link.");
        return new CouncilShots(live, next, held, $"{DisplayLink.PagePath}#{token}");
    }
}

using Portal.Web.Components.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Councils.Display;

public static class DisplayEndpoints
{
    public const string SnapshotPath = "/api/councils/display/snapshot";

    /// <summary>The display-link scheme, the hub's and the projector's policies, the meeting channel's rule and the display page's service.</summary>
    public static IServiceCollection AddPortalCouncilDisplay(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DisplayLinkHandler>(DisplayLink.Scheme, null);
        services.AddAuthorization(o =>
        {
            o.AddPolicy(DisplayLink.HubPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, DisplayLink.Scheme).RequireAuthenticatedUser());
            o.AddPolicy(DisplayLink.DisplayPolicy, p => p.AddAuthenticationSchemes(DisplayLink.Scheme).RequireAuthenticatedUser()
                .RequireAssertion(c => DisplayLink.MeetingOf(c.User) is not null));
        });
        // Singleton like the other topic rules: one rule set per app node.
        services.AddSingleton<ILiveChannelRule, MeetingChannelRule>();
        services.AddScoped<DisplayLinkService>();
        return services;
    }

    public static WebApplication MapPortalCouncilDisplay(this WebApplication app)
    {
        app.MapGet(SnapshotPath, SnapshotAsync).RequireAuthorization(DisplayLink.DisplayPolicy);
        return app;
    }

    /// <summary>The projector's starting point: its meeting's snapshot, check-in address and QR code.</summary>
    private static async Task<IResult> SnapshotAsync(HttpContext context, IDbContextFactory<PortalDbContext> dbFactory, LiveEventBus bus,
        TimeProvider clock, CancellationToken ct)
    {
        if (DisplayLink.MeetingOf(context.User) is not { } meetingId) return Results.Unauthorized();
        // The sequence first: an event published while the meeting loads is then applied on top (harmless), never missed.
        var lastSequence = await bus.LastSequenceAsync(MeetingChannels.For(meetingId), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Include(m => m.Attendances).Include(m => m.AgendaItems).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return Results.Unauthorized();
        var council = await db.Councils.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Id == meeting.CouncilId, ct);
        // The projector may be the first to open the meeting: the expected list must exist for 应到 to mean anything.
        await AttendanceService.EnsureExpectedSavedAsync(db, council, meeting, ct);
        var snapshot = MeetingSnapshot.From(meeting, council.Name, council.DefaultLocation, lastSequence, clock.GetUtcNow().UtcDateTime);
        var request = context.Request;
        var checkInUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{CheckInQr.PathOf(meetingId)}";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new DisplaySnapshot(snapshot, checkInUrl, QrCode.Svg(checkInUrl)));
    }
}

using Portal.Web.Kit.Live;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Web.Data;

namespace Portal.Web.Features.Councils.Display;

/// <summary>
/// The projector's display link: a per-meeting secret (32 random bytes, base64url) that the manager hands to the
/// meeting-room screen. Only its SHA-256 is stored (<see cref="Domain.Councils.Meeting.DisplayTokenHash"/>), so a copy of
/// the database does not open any projector; generating a new link replaces the hash and the old link stops working.
/// </summary>
public static class DisplayLink
{
    public const string Scheme = "DisplayLink";

    /// <summary>The one claim a display principal carries: the meeting it may show. No user id, no roles.</summary>
    public const string MeetingClaim = "portal:display-meeting";

    /// <summary>Authorization policy of the live hub: a signed-in user (cookie) or a display link.</summary>
    public const string HubPolicy = "LiveHubOrDisplay";

    /// <summary>Authorization policy of the projector's own endpoints: a display link only.</summary>
    public const string DisplayPolicy = "DisplayLinkOnly";

    /// <summary>The static projector page; the token follows in the fragment, which browsers never send to a server.</summary>
    public const string PagePath = "/assets/display/meeting.html";

    private const int TokenBytes = 32;

    /// <summary>
    /// How long after the meeting's planned end a link still works: long enough for an overrunning meeting and the
    /// screen left on afterwards, short enough that a link photographed in the meeting room does not open the meeting's
    /// record for good.
    /// </summary>
    public static readonly TimeSpan ValidAfterEnd = TimeSpan.FromHours(12);

    public static bool IsExpired(DateTime meetingEndsAtUtc, DateTime nowUtc) => nowUtc > meetingEndsAtUtc + ValidAfterEnd;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>A well-formed token: 43 base64url characters. Anything else is refused without a database lookup.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The meeting a principal may show as a projector, or null for anyone else (users included).</summary>
    public static int? MeetingOf(ClaimsPrincipal principal)
    {
        foreach (var identity in principal.Identities)
        {
            if (identity.AuthenticationType != Scheme || !identity.IsAuthenticated) continue;
            if (int.TryParse(identity.FindFirst(MeetingClaim)?.Value, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var id)) return id;
        }
        return null;
    }

    public static ClaimsPrincipal PrincipalFor(int meetingId) =>
        new(new ClaimsIdentity([new Claim(MeetingClaim, meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture))], Scheme));
}

/// <summary>
/// Authenticates the projector by its display link: the token from the <c>access_token</c> query string (SignalR's
/// WebSocket transport cannot send headers from a browser) or an <c>Authorization: Bearer</c> header. Registered as a
/// scheme of its own that is never the default, so cookie pages ignore it; only the live hub and the projector's
/// endpoints name it in their policies.
/// </summary>
public sealed class DisplayLinkHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (!DisplayLink.IsWellFormed(token)) return AuthenticateResult.Fail("malformed display link");
        var hash = DisplayLink.HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.DisplayTokenHash == hash).Select(m => new { m.Id, m.EndsAtUtc })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (meeting is null) return AuthenticateResult.Fail("unknown display link");
        if (DisplayLink.IsExpired(meeting.EndsAtUtc, clock.GetUtcNow().UtcDateTime)) return AuthenticateResult.Fail("expired display link");
        return AuthenticateResult.Success(new AuthenticationTicket(DisplayLink.PrincipalFor(meeting.Id), Scheme.Name));
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // The query string only on the hub: elsewhere a token in a URL would end up in logs and histories for nothing.
        if (request.Path.StartsWithSegments(LiveHub.Path) && request.Query.TryGetValue("access_token", out var value))
            return value.ToString();
        return null;
    }
}

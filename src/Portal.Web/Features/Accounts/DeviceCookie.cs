using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Portal.Domain.Access;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// The device cookie (decision 0013): which accounts signed in on this browser, each with a random device id
/// (<see cref="KnownDevices"/>), encrypted and signed with ASP.NET Core Data Protection so that nobody can make one up or
/// read the account ids in it. Sent only to the account pages, never readable by script; Secure whenever the portal is
/// reached over HTTPS (behind a proxy, through the forwarded headers). Singleton.
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Name = "portal.device";
    public const string Path = "/account";

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Accounts.DeviceCookie.v1");

    /// <summary>The devices this browser's cookie names; none when it has no cookie, or one that was not ours or was changed.</summary>
    public KnownDevices Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return KnownDevices.None;
        try
        {
            return KnownDevices.Read(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return KnownDevices.None;
        }
    }

    /// <summary>
    /// After a successful sign-in: the account gets a new device id on this browser, and the cookie lives another
    /// <see cref="KnownDevices.Lifetime"/>.
    /// </summary>
    public void Remember(HttpContext http, KnownDevices known, string userId)
    {
        var now = clock.GetUtcNow();
        var updated = known.SignedIn(userId, KnownDevices.NewDeviceId(), now.UtcDateTime);
        http.Response.Cookies.Append(Name, _protector.Protect(updated.Write()), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = Path,
            Expires = now + KnownDevices.Lifetime,
            // Security, not tracking: it lets the owner in while strangers' guesses lock the account.
            IsEssential = true,
        });
    }
}

using Microsoft.AspNetCore.Identity;
using Portal.Domain.Access;
using Portal.Web.Data.Identity;

namespace Portal.Web.Features.Accounts;

public enum SignInOutcomeKind
{
    SignedIn,
    /// <summary>Wrong user name or password (the two are never told apart).</summary>
    Invalid,
    /// <summary>The account is disabled (decision 0008); told whatever the password.</summary>
    Disabled,
    /// <summary>Refused before the password was checked: <see cref="SignInOutcome.Refusal"/> says why.</summary>
    Refused,
}

public sealed record SignInOutcome(SignInOutcomeKind Kind, SignInRefusal? Refusal = null);

/// <summary>
/// Signs in with a user name and password, within the limits on failed sign-ins (decision 0013): the browser's device
/// cookie says whether it is a known device of the account, <see cref="SignInGuard"/> records the attempt and may refuse
/// it, Identity checks the password, and a successful sign-in renews the device cookie. A user name that is no account
/// goes the same way, a dummy password hash included, so neither the answers nor their time tell which names exist.
/// Scoped (per request).
/// </summary>
public sealed class PasswordSignIn(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IPasswordHasher<PortalUser> hasher,
    SignInGuard guard,
    DeviceCookie deviceCookie,
    TimeProvider clock)
{
    /// <summary>A hash of a password nobody knows, made once by the portal's own hasher, so checking against it costs what a real check costs.</summary>
    private static string? _dummyHash;

    /// <param name="userName">Already cleaned by the text rule (the page does that before anything else).</param>
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password, bool rememberMe, CancellationToken ct = default)
    {
        var client = SignInLimits.ClientKey(http.Connection.RemoteIpAddress);
        var known = deviceCookie.Read(http.Request);
        var user = await users.FindByNameAsync(userName);
        var device = user is null ? null : known.DeviceOf(user.Id, clock.GetUtcNow().UtcDateTime);

        var admission = await guard.BeginAsync(userName, client, device, ct);
        if (admission.Attempt is not { } attempt) return new SignInOutcome(SignInOutcomeKind.Refused, admission.Refusal);

        if (user is null)
        {
            CheckDummyPassword(password);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await guard.SucceededAsync(attempt, ct);
                deviceCookie.Remember(http, known, user.Id);
                return new SignInOutcome(SignInOutcomeKind.SignedIn);
            }
            if (result.IsLockedOut)
            {
                // Identity refuses before it checks the password: a disabled account, or a lockout set by hand.
                await guard.ForgetAsync(attempt, ct);
                var end = await users.GetLockoutEndDateAsync(user);
                return AccountAdministration.IsDisabledLockout(end)
                    ? new SignInOutcome(SignInOutcomeKind.Disabled)
                    : new SignInOutcome(SignInOutcomeKind.Refused, new SignInRefusal(SignInRefusalKind.AccountLocked, end?.UtcDateTime));
            }
        }

        return await guard.FailedAsync(attempt, user, ct) is { } started
            ? new SignInOutcome(SignInOutcomeKind.Refused, started)
            : new SignInOutcome(SignInOutcomeKind.Invalid);
    }

    /// <summary>
    /// Spends on a user name that is no account the time a wrong password costs (the hash is slow on purpose), so the time
    /// of the answer does not tell which names exist. The result means nothing.
    /// </summary>
    private void CheckDummyPassword(string password)
    {
        var dummy = new PortalUser { DisplayName = "" };
        _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(dummy, _dummyHash, password);
    }
}

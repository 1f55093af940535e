using System.Net;
using System.Net.Sockets;
using Portal.Domain.Auditing;
using Portal.Domain.Common;
using Portal.Domain.Text;

namespace Portal.Domain.Access;

/// <summary>
/// The limits on failed sign-ins (decision 0013). A device that signed in to the account before (it carries the account's
/// device cookie, <see cref="KnownDevices"/>) is counted on its own: after <see cref="PerDevice"/> failures it is no longer
/// trusted. Every other attempt is from a new device: its failures are counted per user name and client address, and
/// reaching <see cref="PerAddress"/> pauses that address for that user name for <see cref="Lockout"/>; all of them
/// together, from anywhere, lock the user name for new devices on reaching <see cref="PerAccount"/> within
/// <see cref="Window"/>, for the window. Failures from before the latest pause or lock that covers them no longer count.
/// </summary>
public sealed record SignInLimits
{
    public SignInLimits(int perAddress, int perAccount, TimeSpan window, TimeSpan lockout)
    {
        if (perAddress < 1) throw new ArgumentOutOfRangeException(nameof(perAddress), perAddress, "At least one failed sign-in must be allowed.");
        if (perAccount < perAddress)
            throw new ArgumentOutOfRangeException(nameof(perAccount), perAccount, "The account-wide limit must be at least the per-address limit.");
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        if (lockout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lockout), lockout, "The lockout must be positive.");
        PerAddress = perAddress;
        PerAccount = perAccount;
        Window = window;
        Lockout = lockout;
    }

    public static SignInLimits Default { get; } = new(5, 20, TimeSpan.FromHours(24), TimeSpan.FromMinutes(15));

    /// <summary>Failed sign-ins of new devices for one user name from one client address before that address is paused.</summary>
    public int PerAddress { get; }

    /// <summary>Failed sign-ins on a known device before it is trusted no more (the same number as <see cref="PerAddress"/>).</summary>
    public int PerDevice => PerAddress;

    /// <summary>Failed sign-ins of new devices for one user name, from anywhere, within the window before it is locked for them.</summary>
    public int PerAccount { get; }

    /// <summary>How long a failure counts; also how long an account lock lasts.</summary>
    public TimeSpan Window { get; }

    /// <summary>How long an address pause lasts.</summary>
    public TimeSpan Lockout { get; }

    /// <summary>
    /// How long a pause or lock lasts. An account lock lasts the whole window: every failure it counted has then left the
    /// window, so new devices get at most <see cref="PerAccount"/> guesses a window, however patiently they wait.
    /// </summary>
    public TimeSpan Duration(SignInLockKind kind) => kind == SignInLockKind.Account ? Window : Lockout;

    /// <summary>
    /// Whether an attempt of a new device may have its password checked, from the counts that already include it (it is
    /// recorded as a failure first, so that attempts at the same moment cannot all pass the check before any is counted).
    /// </summary>
    public bool Admits(int addressFailures, int accountFailures) => addressFailures <= PerAddress && accountFailures <= PerAccount;

    /// <summary>Whether a known device is still trusted, from its count of failures that already includes this attempt.</summary>
    public bool TrustsDevice(int deviceFailures) => deviceFailures <= PerDevice;

    /// <summary>What the counts of a new device's failure call for: an account lock, an address pause, or nothing yet.</summary>
    public SignInLockKind? LockFor(int addressFailures, int accountFailures) =>
        accountFailures >= PerAccount ? SignInLockKind.Account
        : addressFailures >= PerAddress ? SignInLockKind.Address
        : null;

    /// <summary>
    /// The text a user name is counted under: the normalized name, cut to the longest user name there can be (never inside
    /// a surrogate pair, which would leave text no database can store).
    /// </summary>
    public static string UserNameKey(string normalizedUserName)
    {
        if (normalizedUserName.Length <= SignInLock.UserNameMaxLength) return normalizedUserName;
        var length = SignInLock.UserNameMaxLength;
        if (char.IsHighSurrogate(normalizedUserName[length - 1])) length--;
        return normalizedUserName[..length];
    }

    /// <summary>
    /// The client an attempt is counted under: an IPv4 address as is (also when written as IPv6), an IPv6 address by its
    /// /64 network, the smallest block one subscriber is given, so one line cannot step through its own addresses.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

public enum SignInLockKind
{
    /// <summary>New devices at one client address may not sign in to the user name for a while; the owner still can elsewhere.</summary>
    Address = 0,
    /// <summary>
    /// No new device may sign in to the user name for a while, until it ends or an administrator unlocks it; devices that
    /// signed in to it before still can.
    /// </summary>
    Account = 1,
}

/// <summary>
/// A pause of one address, or a lock of a user name for new devices, after too many failed sign-ins. Kept for user names
/// that are no account as well, so that a stranger cannot tell accounts from other names by the answers; audited only for
/// accounts. Verbatim: the portal computes every value itself (the user name is cleaned and normalized before it is
/// counted, so reads and writes agree).
/// </summary>
[VerbatimText]
public sealed class SignInLock : Entity, IConditionallyAudited
{
    public const int UserNameMaxLength = 256;
    public const int ClientAddressMaxLength = 64;
    public const int UserIdMaxLength = 450;

    public required string NormalizedUserName { get; init; }
    public SignInLockKind Kind { get; init; }

    /// <summary>The address paused; for an account lock, the address whose failure reached the account's limit.</summary>
    public required string ClientAddress { get; init; }

    /// <summary>The account the user name belonged to when this started; null for a user name that is no account.</summary>
    public string? UserId { get; init; }

    /// <summary>The count that reached the limit (of the address, or of the account).</summary>
    public int Failures { get; init; }

    public DateTime StartsAtUtc { get; init; }
    public DateTime EndsAtUtc { get; init; }

    /// <summary>When an administrator ended it early, and who.</summary>
    public DateTime? LiftedAtUtc { get; private set; }
    public string? LiftedBy { get; private set; }

    /// <summary>Only an account's pauses and locks are audited: anyone can make the portal pause names that are no account.</summary>
    public bool IsAudited => UserId is not null;

    public bool IsActive(DateTime nowUtc) => LiftedAtUtc is null && EndsAtUtc > nowUtc;

    public static SignInLock Start(SignInLimits limits, SignInLockKind kind, string normalizedUserName, string clientAddress, string? userId, int failures, DateTime nowUtc) =>
        new()
        {
            NormalizedUserName = SignInLimits.UserNameKey(normalizedUserName),
            Kind = kind,
            ClientAddress = clientAddress,
            UserId = userId,
            Failures = failures,
            StartsAtUtc = nowUtc,
            EndsAtUtc = nowUtc + limits.Duration(kind),
        };

    /// <summary>Ends an active pause or lock now; one that has ended already is left as it was.</summary>
    public bool Lift(DateTime nowUtc, string by)
    {
        if (!IsActive(nowUtc)) return false;
        LiftedAtUtc = nowUtc;
        LiftedBy = by;
        return true;
    }
}

/// <summary>
/// One sign-in attempt whose password was wrong, or is being checked: an attempt is recorded before its password is
/// checked and deleted if it was right, so that attempts at the same moment count each other. Bookkeeping for the
/// counts; not audited. Verbatim, like <see cref="SignInLock"/>.
/// </summary>
[VerbatimText]
public sealed class SignInFailure
{
    public const int DeviceIdMaxLength = 32;

    public long Id { get; set; }
    public required string NormalizedUserName { get; init; }
    public required string ClientAddress { get; init; }

    /// <summary>The known device the attempt came from (counted on its own), or null for a new device.</summary>
    public string? DeviceId { get; init; }

    public DateTime AtUtc { get; init; }
}

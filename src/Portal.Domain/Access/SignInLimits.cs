using System.Net;
using System.Net.Sockets;
using Portal.Domain.Common;

namespace Portal.Domain.Access;

/// <summary>
/// The limits on failed sign-ins (decision 0013). Failures are counted per user name and client address: reaching
/// <see cref="PerAddress"/> pauses that address for that user name; the user name's failures across addresses, each
/// address counting at most <see cref="PerAddress"/>, lock it everywhere on reaching <see cref="PerAccount"/>. Both last
/// <see cref="Lockout"/>. Failures older than <see cref="Window"/>, or from before the latest pause or lock of the same
/// kind, no longer count.
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

    /// <summary>Failed sign-ins for one user name from one client address before that address is paused.</summary>
    public int PerAddress { get; }

    /// <summary>Failed sign-ins for one user name across addresses before it is locked everywhere.</summary>
    public int PerAccount { get; }

    /// <summary>How long a failure counts.</summary>
    public TimeSpan Window { get; }

    /// <summary>How long a pause or lock lasts.</summary>
    public TimeSpan Lockout { get; }

    /// <summary>
    /// Failures after this instant count: within the window, and after the start of the latest pause or lock of the same
    /// kind (a pause or lock starts the count again, as Identity's lockout does).
    /// </summary>
    public DateTime CountFrom(DateTime nowUtc, DateTime? latestLockStartUtc)
    {
        var windowStart = nowUtc - Window;
        return latestLockStartUtc is { } start && start > windowStart ? start : windowStart;
    }

    /// <summary>
    /// The account-wide count from the counted failures of each address: one address counts at most
    /// <see cref="PerAddress"/>, so a stranger at one address, waiting out pause after pause, never locks the account.
    /// </summary>
    public int AccountCount(IEnumerable<int> failuresPerAddress) => failuresPerAddress.Sum(n => Math.Min(n, PerAddress));

    /// <summary>What the counts after a failure call for: an account lock, an address pause, or nothing yet.</summary>
    public SignInLockKind? LockFor(int addressFailures, int accountCount) =>
        accountCount >= PerAccount ? SignInLockKind.Account
        : addressFailures >= PerAddress ? SignInLockKind.Address
        : null;

    /// <summary>The text a user name is counted under: the normalized name, cut to the longest user name there can be.</summary>
    public static string UserNameKey(string normalizedUserName) =>
        normalizedUserName.Length <= SignInLock.UserNameMaxLength ? normalizedUserName : normalizedUserName[..SignInLock.UserNameMaxLength];

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
    /// <summary>One client address may not sign in to the user name for a while; the owner still can elsewhere.</summary>
    Address = 0,
    /// <summary>Nobody may sign in to the user name for a while, until it ends or an administrator unlocks it.</summary>
    Account = 1,
}

/// <summary>
/// A pause of one address, or a lock of a user name everywhere, after too many failed sign-ins. Kept for user names
/// that are no account as well, so that a stranger cannot tell accounts from other names by the answers. Audited.
/// </summary>
public sealed class SignInLock : Entity
{
    public const int UserNameMaxLength = 256;
    public const int ClientAddressMaxLength = 64;

    public required string NormalizedUserName { get; init; }
    public SignInLockKind Kind { get; init; }

    /// <summary>The address paused; for an account lock, the address whose failure reached the account's limit.</summary>
    public required string ClientAddress { get; init; }

    /// <summary>The count that reached the limit (of the address, or of the account).</summary>
    public int Failures { get; init; }

    public DateTime StartsAtUtc { get; init; }
    public DateTime EndsAtUtc { get; init; }

    /// <summary>When an administrator ended it early, and who.</summary>
    public DateTime? LiftedAtUtc { get; private set; }
    public string? LiftedBy { get; private set; }

    public bool IsActive(DateTime nowUtc) => LiftedAtUtc is null && EndsAtUtc > nowUtc;

    public static SignInLock Start(SignInLimits limits, SignInLockKind kind, string normalizedUserName, string clientAddress, int failures, DateTime nowUtc) =>
        new()
        {
            NormalizedUserName = SignInLimits.UserNameKey(normalizedUserName),
            Kind = kind,
            ClientAddress = clientAddress,
            Failures = failures,
            StartsAtUtc = nowUtc,
            EndsAtUtc = nowUtc + limits.Lockout,
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

/// <summary>One failed sign-in: a wrong password, or a user name that is no account. Bookkeeping for the counts; not audited.</summary>
public sealed class SignInFailure
{
    public long Id { get; set; }
    public required string NormalizedUserName { get; init; }
    public required string ClientAddress { get; init; }
    public DateTime AtUtc { get; init; }
}

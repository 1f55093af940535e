using System.Globalization;
using System.Security.Cryptography;

namespace Portal.Domain.Access;

/// <summary>One account that signed in on a browser: the random id its device cookie gave that browser, and when.</summary>
public sealed record KnownDevice(string UserId, string DeviceId, DateTime IssuedAtUtc);

/// <summary>
/// The accounts that signed in on one browser, as its device cookie lists them (decision 0013; OWASP's "device cookies"
/// against slow guessing). A sign-in attempt for an account from a browser whose cookie names that account, issued less
/// than <see cref="Lifetime"/> ago, comes from a known device: it is counted on its own and never refused by a stranger's
/// failures. Every successful sign-in issues a fresh device id for the account, so a copy of an older cookie keeps only
/// the failures already counted against its id. The web layer encrypts and signs the cookie; this is only its content.
/// </summary>
public sealed class KnownDevices
{
    /// <summary>Accounts one browser remembers (a family computer, an office's shared PC); the longest unused one goes first.</summary>
    public const int MaxAccounts = 5;

    /// <summary>How long a device stays known after its last successful sign-in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private KnownDevices(IReadOnlyList<KnownDevice> devices) => Devices = devices;

    public static KnownDevices None { get; } = new([]);

    /// <summary>The most recent sign-in first.</summary>
    public IReadOnlyList<KnownDevice> Devices { get; }

    /// <summary>This browser's device id for the account, if the account signed in on it within the lifetime.</summary>
    public string? DeviceOf(string userId, DateTime nowUtc) =>
        Devices.FirstOrDefault(d => d.UserId == userId && IsCurrent(d, nowUtc))?.DeviceId;

    /// <summary>The list after the account signed in with a new device id: first, its older entry and expired ones gone.</summary>
    public KnownDevices SignedIn(string userId, string deviceId, DateTime nowUtc) =>
        new([new KnownDevice(userId, deviceId, nowUtc), .. Devices.Where(d => d.UserId != userId && IsCurrent(d, nowUtc)).Take(MaxAccounts - 1)]);

    /// <summary>A random device id: 128 bits as 32 hexadecimal digits.</summary>
    public static string NewDeviceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The cookie's content: <c>userId,deviceId,issued (Unix seconds)</c>, separated by <c>;</c>.</summary>
    public string Write() =>
        string.Join(';', Devices.Select(d => string.Join(',', d.UserId, d.DeviceId, new DateTimeOffset(d.IssuedAtUtc, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))));

    /// <summary>Reads <see cref="Write"/>'s text; entries that do not read as one are left out.</summary>
    public static KnownDevices Read(string? text)
    {
        if (string.IsNullOrEmpty(text)) return None;
        var devices = new List<KnownDevice>();
        foreach (var entry in text.Split(';'))
        {
            var parts = entry.Split(',');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length is 0 or > SignInFailure.DeviceIdMaxLength) continue;
            if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) continue;
            devices.Add(new KnownDevice(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime));
            if (devices.Count == MaxAccounts) break;
        }
        return new KnownDevices(devices);
    }

    private static bool IsCurrent(KnownDevice device, DateTime nowUtc) => nowUtc - device.IssuedAtUtc < Lifetime && device.IssuedAtUtc <= nowUtc.AddMinutes(5);
}

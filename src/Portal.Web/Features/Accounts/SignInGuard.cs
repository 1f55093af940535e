using Portal.Web.Kit.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Text;
using Portal.Domain.WorkItems;
using Portal.Web.Components.Shared;
using Portal.Web.Data.Identity;
using Portal.Web.Data;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Accounts;

/// <summary>Why a sign-in is refused before its password is checked.</summary>
public enum SignInRefusalKind
{
    /// <summary>New devices at this address are paused for the user name (until <see cref="SignInRefusal.UntilUtc"/>).</summary>
    AddressPaused,
    /// <summary>The user name is locked for new devices (until <see cref="SignInRefusal.UntilUtc"/>).</summary>
    AccountLocked,
    /// <summary>
    /// Other attempts for the user name at this very moment have taken what its limits allow, and no pause or lock stands
    /// yet: one of them will start it, or an attempt a moment later gets through.
    /// </summary>
    TooManyAtOnce,
}

/// <summary>Why a sign-in is refused without checking its password, and until when (UTC; none for <see cref="SignInRefusalKind.TooManyAtOnce"/>).</summary>
public sealed record SignInRefusal(SignInRefusalKind Kind, DateTime? UntilUtc)
{
    public static SignInRefusal For(SignInLock started) =>
        new(started.Kind == SignInLockKind.Account ? SignInRefusalKind.AccountLocked : SignInRefusalKind.AddressPaused, started.EndsAtUtc);
}

/// <summary>
/// A sign-in attempt recorded as a failure before its password is checked (<see cref="SignInGuard.BeginAsync"/>); the page
/// then reports how the check went, which keeps or deletes the record.
/// </summary>
/// <param name="DeviceId">The known device it came from, trusted for this attempt; null for a new device.</param>
public sealed record SignInAttempt(long FailureId, string UserNameKey, string Client, string? DeviceId);

/// <summary>Either the attempt may go on to its password check, or it is refused.</summary>
public sealed record SignInAdmission(SignInAttempt? Attempt, SignInRefusal? Refusal);

/// <summary>Message keys (in NotificationsText) of the warnings an account's owner gets; arguments: the client address, the end (local time).</summary>
public static class SignInNotificationKeys
{
    public const string AddressPaused = "Message.SignIn.AddressPaused";
    public const string AccountLocked = "Message.SignIn.AccountLocked";
}

/// <summary>
/// Counts failed sign-ins and pauses or locks by the rules of <see cref="SignInLimits"/> (decision 0013): a known device
/// (one carrying the account's device cookie) on its own; new devices per user name and client address, and all together
/// per user name. Each attempt is recorded before its password is checked, so that attempts at the same moment cannot all
/// get past the limit (on any number of nodes: the counts are in the database). User names that are no account are
/// counted, paused and locked alike, so the answers do not tell a stranger which names exist, but only an account's
/// pauses and locks are audited and logged as warnings. The owner is told in the portal. Scoped (it normalizes names with
/// Identity's <see cref="UserManager{TUser}"/>).
/// </summary>
public sealed class SignInGuard(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    SignInLimits limits,
    TimeProvider clock,
    ILogger<SignInGuard> logger)
{
    /// <summary>Pauses and locks of names that are no account: anyone can cause them, so the log gets at most one a minute.</summary>
    private static readonly LogInterval NonAccountLockLog = new(TimeSpan.FromMinutes(1));

    /// <summary>
    /// Records the attempt as a failure and decides whether its password may be checked. A known device is counted on its
    /// own and never refused by pauses or locks, until it has failed <see cref="SignInLimits.PerDevice"/> times; then, and
    /// for every new device, an active pause of this address or lock of the user name refuses the attempt, and so do
    /// counts beyond the limits (attempts running at the same moment count each other).
    /// </summary>
    /// <param name="deviceId">This browser's device id for the account, if its device cookie names the account.</param>
    public async Task<SignInAdmission> BeginAsync(string userName, string client, string? deviceId, CancellationToken ct = default)
    {
        var name = Key(userName);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        if (deviceId is not null)
        {
            var known = await RecordAsync(db, name, client, deviceId, now, ct);
            if (limits.TrustsDevice(await DeviceFailuresAsync(db, known, now, ct))) return new SignInAdmission(known, null);
            // Failed too often: from now on it is a new device, until the right password is entered on it.
            await ForgetAsync(db, known, ct);
        }

        if (await ActiveRefusalAsync(db, name, client, now, ct) is { } refusal) return new SignInAdmission(null, refusal);
        var attempt = await RecordAsync(db, name, client, null, now, ct);
        var (address, account) = await NewDeviceFailuresAsync(db, name, client, now, ct);
        // Asked again: a pause or lock that started while this attempt was recorded restarts the count, so the count alone
        // would let it through.
        var standing = await ActiveRefusalAsync(db, name, client, now, ct);
        if (standing is null && limits.Admits(address, account)) return new SignInAdmission(attempt, null);
        await ForgetAsync(db, attempt, ct);
        return new SignInAdmission(null, standing ?? new SignInRefusal(SignInRefusalKind.TooManyAtOnce, null));
    }

    /// <summary>
    /// The password was wrong: the attempt stays counted. For a new device, when the counts reach a limit, starts the
    /// pause or lock (unless a concurrent failure just did) and returns it; <paramref name="account"/> is null for a user
    /// name that is no account.
    /// </summary>
    public async Task<SignInRefusal?> FailedAsync(SignInAttempt attempt, PortalUser? account, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Rows older than the window count for nothing; clearing them where failures are added keeps the tables small.
        await PruneAsync(db, now, ct);
        if (attempt.DeviceId is not null)
        {
            if (await DeviceFailuresAsync(db, attempt, now, ct) == limits.PerDevice)
                logger.LogWarning("{Failures} failed sign-ins on a known device of {UserName} (now at {Client}): it counts as a new device until the right password is entered on it",
                    limits.PerDevice, attempt.UserNameKey, attempt.Client);
            return null;
        }

        var (address, accountFailures) = await NewDeviceFailuresAsync(db, attempt.UserNameKey, attempt.Client, now, ct);
        if (limits.LockFor(address, accountFailures) is not { } kind) return null;
        if (await ActiveRefusalAsync(db, attempt.UserNameKey, attempt.Client, now, ct) is { } standing
            && (standing.Kind == SignInRefusalKind.AccountLocked || kind == SignInLockKind.Address))
            return standing;

        var started = SignInLock.Start(limits, kind, attempt.UserNameKey, attempt.Client, account?.Id,
            kind == SignInLockKind.Account ? accountFailures : address, now);
        db.SignInLocks.Add(started);
        await db.SaveChangesAsync(ct);
        if (account is not null)
        {
            logger.LogWarning("Too many failed sign-ins for {UserName} from {Client}: {Kind} until {Until:o}", started.NormalizedUserName, started.ClientAddress, kind, started.EndsAtUtc);
            await TellOwnerAsync(db, account.Id, started, ct);
        }
        else if (NonAccountLockLog.TryTake(clock.GetUtcNow(), out var leftOut))
        {
            logger.LogInformation("Too many failed sign-ins for {UserName}, which is no account, from {Client}: {Kind} until {Until:o} ({LeftOut} more such pauses and locks not logged)",
                started.NormalizedUserName, started.ClientAddress, kind, started.EndsAtUtc, leftOut);
        }
        return SignInRefusal.For(started);
    }

    /// <summary>
    /// The password was right: the attempt is no failure. A new device's success also forgets this address's failures for
    /// the user name (other addresses' still count); a known device's older failures stay with its old id, which the new
    /// device cookie replaces.
    /// </summary>
    public async Task SucceededAsync(SignInAttempt attempt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A new device's attempt is one of this address's failures, so the one delete removes it too.
        if (attempt.DeviceId is null)
            await db.SignInFailures.Where(f => f.NormalizedUserName == attempt.UserNameKey && f.ClientAddress == attempt.Client && f.DeviceId == null).ExecuteDeleteAsync(ct);
        else
            await ForgetAsync(db, attempt, ct);
    }

    /// <summary>The password was not what stopped it (a disabled account): the attempt is no failure.</summary>
    public async Task ForgetAsync(SignInAttempt attempt, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ForgetAsync(db, attempt, ct);
    }

    /// <summary>
    /// An administrator's unlock: ends the account's active pauses and lock (audited under the administrator's name) and
    /// forgets all its failures, known devices' included, so the owner starts afresh everywhere. Identity's lockout is the
    /// caller's to clear.
    /// </summary>
    public async Task<int> LiftAsync(PortalUser account, string by, CancellationToken ct = default)
    {
        var name = Key(account.UserName ?? "");
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await Active(db.SignInLocks, now).Where(l => l.NormalizedUserName == name).ToListAsync(ct);
        var lifted = active.Count(l => l.Lift(now, by));
        await db.SaveChangesAsync(ct);
        await db.SignInFailures.Where(f => f.NormalizedUserName == name).ExecuteDeleteAsync(ct);
        return lifted;
    }

    /// <summary>
    /// For each of the given accounts that has any: how many addresses are paused now, and until when it is locked for new
    /// devices.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SignInLockState>> StatesAsync(IEnumerable<string?> normalizedUserNames, CancellationToken ct = default)
    {
        var names = normalizedUserNames.OfType<string>().Select(SignInLimits.UserNameKey).Distinct().ToList();
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await Active(db.SignInLocks.AsNoTracking(), now).Where(l => names.Contains(l.NormalizedUserName))
            .Select(l => new { l.NormalizedUserName, l.Kind, l.ClientAddress, l.EndsAtUtc }).ToListAsync(ct);
        return active.GroupBy(l => l.NormalizedUserName).ToDictionary(g => g.Key, g => new SignInLockState(
            g.Where(l => l.Kind == SignInLockKind.Address).Select(l => l.ClientAddress).Distinct().Count(),
            g.Where(l => l.Kind == SignInLockKind.Account).Max(l => (DateTime?)l.EndsAtUtc)));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The one text a user name is counted under: cleaned by the text rule (as the page does before anything else) and
    /// normalized like Identity's, so that "admin\u200B" counts for ADMIN and reads find what writes stored.
    /// </summary>
    private string Key(string userName) => SignInLimits.UserNameKey(users.NormalizeName(UserText.SingleLine(userName)) ?? "");

    private static IQueryable<SignInLock> Active(IQueryable<SignInLock> locks, DateTime now) =>
        locks.Where(l => l.LiftedAtUtc == null && l.EndsAtUtc > now);

    private static async Task<SignInAttempt> RecordAsync(PortalDbContext db, string name, string client, string? deviceId, DateTime now, CancellationToken ct)
    {
        var failure = new SignInFailure { NormalizedUserName = name, ClientAddress = client, DeviceId = deviceId, AtUtc = now };
        db.SignInFailures.Add(failure);
        await db.SaveChangesAsync(ct);
        db.Entry(failure).State = EntityState.Detached;
        return new SignInAttempt(failure.Id, name, client, deviceId);
    }

    private static Task ForgetAsync(PortalDbContext db, SignInAttempt attempt, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.Id == attempt.FailureId).ExecuteDeleteAsync(ct);

    /// <summary>The pause of this address or the lock of the user name that refuses a new device now, if any; the lock first.</summary>
    private static async Task<SignInRefusal?> ActiveRefusalAsync(PortalDbContext db, string name, string client, DateTime now, CancellationToken ct)
    {
        var locks = await Active(db.SignInLocks.AsNoTracking(), now)
            .Where(l => l.NormalizedUserName == name && (l.Kind == SignInLockKind.Account || l.ClientAddress == client))
            .ToListAsync(ct);
        return locks.OrderByDescending(l => l.Kind).ThenByDescending(l => l.EndsAtUtc).Select(SignInRefusal.For).FirstOrDefault();
    }

    /// <summary>A known device's failures within the window (this attempt's included).</summary>
    private Task<int> DeviceFailuresAsync(PortalDbContext db, SignInAttempt attempt, DateTime now, CancellationToken ct)
    {
        var from = now - limits.Window;
        return db.SignInFailures.CountAsync(f => f.NormalizedUserName == attempt.UserNameKey && f.DeviceId == attempt.DeviceId && f.AtUtc >= from, ct);
    }

    /// <summary>
    /// New devices' failures for the user name from this address since its latest pause, and from anywhere since the latest
    /// lock, each within the window (a pause or lock starts the count again, as Identity's lockout does); attempts still
    /// being checked included. One query for both counts: a failure counts when no pause or lock that restarts its count
    /// began after it (one at the same instant still counts it).
    /// </summary>
    private async Task<(int Address, int Account)> NewDeviceFailuresAsync(PortalDbContext db, string name, string client, DateTime now, CancellationToken ct)
    {
        var windowStart = now - limits.Window;
        var locks = db.SignInLocks.Where(l => l.NormalizedUserName == name);
        var counts = await db.SignInFailures.AsNoTracking()
            .Where(f => f.NormalizedUserName == name && f.DeviceId == null && f.AtUtc >= windowStart)
            .GroupBy(f => 1)
            .Select(g => new
            {
                Address = g.Count(f => f.ClientAddress == client
                    && !locks.Any(l => (l.Kind == SignInLockKind.Account || l.ClientAddress == client) && l.StartsAtUtc > f.AtUtc)),
                Account = g.Count(f => !locks.Any(l => l.Kind == SignInLockKind.Account && l.StartsAtUtc > f.AtUtc)),
            })
            .FirstOrDefaultAsync(ct);
        return counts is null ? (0, 0) : (counts.Address, counts.Account);
    }

    /// <summary>
    /// Failures and locks older than the window count for nothing any more. Deleted in bulk, not audited: a lock's start
    /// and lift are on record already.
    /// </summary>
    private async Task PruneAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var before = now - limits.Window;
        await db.SignInFailures.Where(f => f.AtUtc < before).ExecuteDeleteAsync(ct);
        await db.SignInLocks.Where(l => l.EndsAtUtc < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Tells the owner in the portal. One unread warning of each kind is enough: a stranger failing again and again must not
    /// fill the owner's bell. A failure to notify is logged, never thrown: the sign-in's answer matters more.
    /// </summary>
    private async Task TellOwnerAsync(PortalDbContext db, string userId, SignInLock started, CancellationToken ct)
    {
        try
        {
            var key = started.Kind == SignInLockKind.Account ? SignInNotificationKeys.AccountLocked : SignInNotificationKeys.AddressPaused;
            if (await db.Notifications.AnyAsync(n => n.UserId == userId && n.MessageKey == key && n.ReadAtUtc == null, ct)) return;
            var argument = NotificationArguments.Join([started.ClientAddress, NotificationArguments.LocalTime(started.EndsAtUtc)]);
            await NotificationDelivery.SendAsync(db, [userId], actorUserId: null, id => new Notification
            {
                UserId = id, MessageKey = key, MessageArgument = argument, CreatedAtUtc = started.StartsAtUtc,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Telling user {UserId} about a sign-in {Kind} failed", userId, started.Kind);
        }
    }
}

/// <summary>An account's standing pauses and lock, for the accounts page.</summary>
/// <param name="PausedAddresses">Client addresses whose new devices may not sign in to it for now.</param>
/// <param name="LockedUntilUtc">Until when new devices may not sign in to it at all, if locked.</param>
public sealed record SignInLockState(int PausedAddresses, DateTime? LockedUntilUtc);

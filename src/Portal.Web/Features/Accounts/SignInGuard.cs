using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.WorkItems;
using Portal.Web.Data;
using Portal.Web.Features.Live;
using Portal.Web.Features.Notifications;

namespace Portal.Web.Features.Accounts;

/// <summary>Why a sign-in is refused before its password is checked, and until when (UTC).</summary>
public sealed record SignInRefusal(SignInLockKind Kind, DateTime UntilUtc);

/// <summary>Message keys (in NotificationsText) of the warnings an account's owner gets; arguments: the client address, the end (local time).</summary>
public static class SignInNotificationKeys
{
    public const string AddressPaused = "Message.SignIn.AddressPaused";
    public const string AccountLocked = "Message.SignIn.AccountLocked";
}

/// <summary>
/// Counts failed sign-ins per user name and client address, and pauses an address or locks a user name by the rules of
/// <see cref="SignInLimits"/> (decision 0013). Everything is in the database, so the counts survive a restart and hold
/// across nodes. User names that are no account are counted and refused alike, so the answers do not tell a stranger
/// which names exist. An account lock is also set as Identity's lockout (the accounts page shows it, Identity refuses
/// the account); the owner is told in the portal. Pauses, locks and unlocks are audited through their rows. Scoped
/// (it normalizes names with Identity's <see cref="UserManager{TUser}"/>).
/// </summary>
public sealed class SignInGuard(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    SignInLimits limits,
    TimeProvider clock,
    LiveEventBus bus,
    ILogger<SignInGuard> logger)
{
    /// <summary>The pause or lock that refuses this user name from this client now, if any; the account lock first.</summary>
    public async Task<SignInRefusal?> RefusalAsync(string userName, string client, CancellationToken ct = default)
    {
        var name = Key(userName);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var locks = await Active(db.SignInLocks.AsNoTracking(), now)
            .Where(l => l.NormalizedUserName == name && (l.Kind == SignInLockKind.Account || l.ClientAddress == client))
            .ToListAsync(ct);
        return locks.OrderByDescending(l => l.Kind).ThenByDescending(l => l.EndsAtUtc)
            .Select(l => new SignInRefusal(l.Kind, l.EndsAtUtc)).FirstOrDefault();
    }

    /// <summary>
    /// Records a failed sign-in (wrong password or no such account); when it reaches a limit, starts the pause or lock
    /// and returns it.
    /// </summary>
    public async Task<SignInRefusal?> FailedAsync(string userName, string client, CancellationToken ct = default)
    {
        var name = Key(userName);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SignInFailures.Add(new SignInFailure { NormalizedUserName = name, ClientAddress = client, AtUtc = now });
        await db.SaveChangesAsync(ct);
        await PruneAsync(db, now, ct);

        // A pause of this address or a lock of the account starts the address's count again; only a lock, the account's.
        var locks = db.SignInLocks.AsNoTracking().Where(l => l.NormalizedUserName == name);
        var addressFrom = limits.CountFrom(now, await LatestStartAsync(locks.Where(l => l.Kind == SignInLockKind.Account || l.ClientAddress == client), ct));
        var accountFrom = limits.CountFrom(now, await LatestStartAsync(locks.Where(l => l.Kind == SignInLockKind.Account), ct));
        var failures = db.SignInFailures.AsNoTracking().Where(f => f.NormalizedUserName == name);
        var addressFailures = await failures.CountAsync(f => f.ClientAddress == client && f.AtUtc > addressFrom, ct);
        var perAddress = await failures.Where(f => f.AtUtc > accountFrom).GroupBy(f => f.ClientAddress).Select(g => g.Count()).ToListAsync(ct);
        var accountCount = limits.AccountCount(perAddress);

        if (limits.LockFor(addressFailures, accountCount) is not { } kind) return null;
        var started = SignInLock.Start(limits, kind, name, client, kind == SignInLockKind.Account ? accountCount : addressFailures, now);
        db.SignInLocks.Add(started);
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Too many failed sign-ins for {UserName} from {Client}: {Kind} until {Until:o}", name, client, kind, started.EndsAtUtc);

        if (await users.FindByNameAsync(userName) is { } user)
        {
            // The lock row refuses the account anyway; Identity's lockout is for the accounts page and Identity's own checks.
            if (kind == SignInLockKind.Account && !(await LockUntilAsync(users, user, new DateTimeOffset(started.EndsAtUtc, TimeSpan.Zero))).Succeeded)
                logger.LogWarning("Setting the lockout of {UserName} failed", name);
            await TellOwnerAsync(db, user.Id, started, ct);
        }
        return new SignInRefusal(kind, started.EndsAtUtc);
    }

    /// <summary>A successful sign-in forgets this client's failures for the user name (other addresses' still count).</summary>
    public async Task SucceededAsync(string userName, string client, CancellationToken ct = default)
    {
        var name = Key(userName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SignInFailures.Where(f => f.NormalizedUserName == name && f.ClientAddress == client).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// An administrator's unlock: ends the account's active pauses and lock (audited under the administrator's name)
    /// and forgets its failures, so the owner starts afresh everywhere. Identity's lockout is the caller's to clear.
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

    /// <summary>How many addresses are paused now for each of the given accounts (those with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, int>> PausedAddressesAsync(IEnumerable<string?> normalizedUserNames, CancellationToken ct = default)
    {
        var names = normalizedUserNames.OfType<string>().Select(SignInLimits.UserNameKey).Distinct().ToList();
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Active(db.SignInLocks.AsNoTracking(), now)
            .Where(l => l.Kind == SignInLockKind.Address && names.Contains(l.NormalizedUserName))
            .GroupBy(l => l.NormalizedUserName)
            .Select(g => new { Name = g.Key, Count = g.Select(l => l.ClientAddress).Distinct().Count() })
            .ToDictionaryAsync(x => x.Name, x => x.Count, ct);
    }

    /// <summary>
    /// Sets Identity's lockout end, turning lockout on for accounts that have it off; a later end already set (a disabled
    /// account) is kept.
    /// </summary>
    public static async Task<IdentityResult> LockUntilAsync(UserManager<PortalUser> users, PortalUser user, DateTimeOffset end)
    {
        if (await users.GetLockoutEndDateAsync(user) is { } current && current >= end) return IdentityResult.Success;
        if (!await users.GetLockoutEnabledAsync(user))
        {
            var enabled = await users.SetLockoutEnabledAsync(user, true);
            if (!enabled.Succeeded) return enabled;
        }
        return await users.SetLockoutEndDateAsync(user, end);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string Key(string userName) => SignInLimits.UserNameKey(users.NormalizeName(userName.Trim()) ?? "");

    private static IQueryable<SignInLock> Active(IQueryable<SignInLock> locks, DateTime now) =>
        locks.Where(l => l.LiftedAtUtc == null && l.EndsAtUtc > now);

    private static Task<DateTime?> LatestStartAsync(IQueryable<SignInLock> locks, CancellationToken ct) =>
        locks.OrderByDescending(l => l.StartsAtUtc).Select(l => (DateTime?)l.StartsAtUtc).FirstOrDefaultAsync(ct);

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
            await NotificationDelivery.SendAsync(db, bus, [userId], actorUserId: null, id => new Notification
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

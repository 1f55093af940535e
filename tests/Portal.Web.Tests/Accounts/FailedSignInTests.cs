using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Access;
using Portal.Domain.Auditing;
using Portal.Testing;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Failed sign-ins (issue 10, item 4; decision 0013): a device the account signed in on before keeps its own count and is
/// never refused by a stranger's failures; other devices are paused per account and client address, and all their
/// failures together lock the account for them until the window has passed or an administrator unlocks it. The portal
/// runs as behind a reverse proxy (forwarded headers on), so each client names its address.
/// </summary>
public sealed partial class FailedSignInTests(FailedSignInTests.ProxiedPortal portal) : IClassFixture<FailedSignInTests.ProxiedPortal>
{
    private const string Invalid = "用户名或密码错误。";
    private const string PausedPrefix = "密码错误次数过多，此设备暂停登录该账号至 ";
    private const string LockedPrefix = "密码错误次数过多，该账号暂停在新设备上登录至 ";
    private const string TooMany = "登录尝试过于频繁，请稍后再试。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => portal.Host;

    /// <summary>One attempt from a device that never signed in (no cookies).</summary>
    private Task<HttpResponseMessage> SignInFromAsync(string address, string userName, string password = PortalHost.DemoPassword) =>
        PortalClient.SignInAsync(PortalClient.Create(Host.BaseAddress, address).Client, userName, password);

    private async Task<string> FailFromAsync(string address, string userName, int attempt) =>
        await TestAccounts.LoginErrorAsync(await SignInFromAsync(address, userName, "Wrong-password" + attempt));

    /// <summary>A browser at an address that keeps its cookies between attempts.</summary>
    private Device DeviceAt(string address) => new(PortalClient.Create(Host.BaseAddress, address));

    private sealed record Device((HttpClient Client, CookieContainer Cookies) Browser)
    {
        public Task<HttpResponseMessage> SignInAsync(string userName, string password = PortalHost.DemoPassword) =>
            PortalClient.SignInAsync(Browser.Client, userName, password);

        public async Task<string> FailAsync(string userName, int attempt) =>
            await TestAccounts.LoginErrorAsync(await SignInAsync(userName, "Wrong-password" + attempt));
    }

    /// <summary>
    /// Strangers at four addresses of <paramref name="network"/> (its first three octets), five wrong passwords each: the
    /// twentieth locks the account for new devices.
    /// </summary>
    private async Task<string> LockFromStrangersAsync(string userName, string network)
    {
        var last = "";
        for (var address = 1; address <= 4; address++)
            for (var i = 1; i <= 5; i++) last = await FailFromAsync($"{network}.{address}", userName, i);
        return last;
    }

    /// <summary>Ends the account's pauses and locks as time would (moved into the past rather than waited for).</summary>
    private Task ExpireAsync(string normalizedUserName, SignInLockKind? kind = null) =>
        TestAccounts.DbAsync(Host, db => db.SignInLocks.Where(l => l.NormalizedUserName == normalizedUserName && (kind == null || l.Kind == kind))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.EndsAtUtc, DateTime.UtcNow.AddSeconds(-1)), Ct));

    private Task<int> FailuresRecordedAsync(string normalizedUserName) =>
        TestAccounts.DbAsync(Host, db => db.SignInFailures.CountAsync(f => f.NormalizedUserName == normalizedUserName, Ct));

    private Task<List<AuditEntry>> LocksAuditedAsync(string normalizedUserName, AuditAction action = AuditAction.Create) =>
        TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == "SignInLock" && e.Action == action && e.Changes.Contains("\"" + normalizedUserName + "\"")).ToListAsync(Ct));

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_pause_that_address_but_not_the_owner_elsewhere()
    {
        var user = await TestAccounts.CreateAsync(Host, "pause");
        const string stranger = "203.0.113.10";

        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(stranger, user.UserName!, i));
        var fifth = await FailFromAsync(stranger, user.UserName!, 5);

        // The owner at another address signs in, even on a device never used before.
        var owner = await SignInFromAsync("198.51.100.7", user.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/", TestAccounts.RedirectPath(owner));

        // The stranger's address is paused, refused even with the right password, and told until when.
        Assert.StartsWith(PausedPrefix, fifth);
        Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(stranger, user.UserName!)));

        // The pause is on record: which account, which address.
        Assert.Contains(stranger, Assert.Single(await LocksAuditedAsync(user.NormalizedUserName!)).Changes);
    }

    [Fact]
    public async Task The_pause_reads_the_same_for_an_unknown_user_name()
    {
        var user = await TestAccounts.CreateAsync(Host, "known");
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..8];
        const string address = "203.0.113.20";

        for (var i = 1; i <= 5; i++)
        {
            var known = await SignInFromAsync(address, user.UserName!, "Wrong-password" + i);
            var nobody = await SignInFromAsync(address, unknown, "Wrong-password" + i);
            Assert.Equal(known.StatusCode, nobody.StatusCode);
            Assert.Equal(WithoutDigits(await TestAccounts.LoginErrorAsync(known)), WithoutDigits(await TestAccounts.LoginErrorAsync(nobody)));
        }
        Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(address, unknown)));
    }

    [Fact]
    public async Task Right_password_clears_the_failures_of_that_address()
    {
        var user = await TestAccounts.CreateAsync(Host, "clear");
        const string address = "203.0.113.30";

        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(address, user.UserName!, i));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync(address, user.UserName!)).StatusCode);

        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(address, user.UserName!, i));
        Assert.StartsWith(PausedPrefix, await FailFromAsync(address, user.UserName!, 5));
    }

    [Fact]
    public async Task Twenty_wrong_passwords_lock_the_account_for_new_devices_until_an_administrator_unlocks_it()
    {
        var user = await TestAccounts.CreateAsync(Host, "locked");
        string[] strangers = ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"];

        foreach (var address in strangers[..3])
        {
            for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(address, user.UserName!, i));
            Assert.StartsWith(PausedPrefix, await FailFromAsync(address, user.UserName!, 5));
        }
        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(strangers[3], user.UserName!, i));
        var twentieth = await FailFromAsync(strangers[3], user.UserName!, 5);
        Assert.StartsWith(LockedPrefix, twentieth);
        Assert.EndsWith("在以前登录过该账号的设备上仍可登录；如需提前解锁，请联系管理员。", twentieth);

        // Locked for every device that never signed in to it: the owner's new phone too, whatever the password.
        const string owner = "198.51.100.20";
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(owner, user.UserName!)));
        var row = await TestAccounts.AsAsync(Host, "admin", services =>
            services.GetRequiredService<AccountAdministration>().ListAsync(new AccountQuery(user.UserName, 0, 20), Ct));
        Assert.True(Assert.Single(row.Rows).IsLockedOut);

        // The owner finds out in the portal once signed in again.
        var told = await TestAccounts.DbAsync(Host, db => db.Notifications.Where(n => n.UserId == user.Id).Select(n => n.MessageKey).ToListAsync(Ct));
        Assert.Contains("Message.SignIn.AccountLocked", told);

        // An administrator unlocks it; the owner signs in at once; the unlock is on record under the administrator's name.
        var unlocked = await TestAccounts.AsAsync(Host, "admin", services => services.GetRequiredService<AccountAdministration>().UnlockAsync(user.Id, Ct));
        Assert.True(unlocked.Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync(owner, user.UserName!)).StatusCode);

        // Three addresses paused, then the account locked at the fourth address's fifth failure (the twentieth); the
        // administrator lifted all four.
        var started = await LocksAuditedAsync(user.NormalizedUserName!);
        Assert.Equal(4, started.Count);
        Assert.Contains(started, e => e.Changes.Contains(strangers[3]) && e.Changes.Contains("\"Failures\":{\"new\":20}"));
        var ids = started.Select(e => e.EntityId).ToList();
        var lifted = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == "SignInLock" && e.Action == AuditAction.Update && ids.Contains(e.EntityId)).ToListAsync(Ct));
        Assert.Equal(4, lifted.Count);
        Assert.All(lifted, e => Assert.Equal("admin", e.UserName));
        Assert.All(lifted, e => Assert.Contains("LiftedAtUtc", e.Changes));
    }

    [Fact]
    public async Task The_owners_known_device_signs_in_while_strangers_have_locked_the_account()
    {
        var user = await TestAccounts.CreateAsync(Host, "owner");
        var phone = DeviceAt("198.51.100.70");
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SignInAsync(user.UserName!)).StatusCode);

        Assert.StartsWith(LockedPrefix, await LockFromStrangersAsync(user.UserName!, "192.0.7"));

        // The device that signed in before is not refused: a wrong password there is just wrong, the right one signs in.
        Assert.Equal(Invalid, await phone.FailAsync(user.UserName!, 1));
        var again = await phone.SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/", TestAccounts.RedirectPath(again));
        // A device that never did is refused.
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync("198.51.100.70", user.UserName!)));
    }

    [Fact]
    public async Task A_known_device_behind_a_paused_address_still_signs_in()
    {
        // The owner and a stranger behind one address: a household's router, one IPv6 /64.
        var user = await TestAccounts.CreateAsync(Host, "shared");
        const string shared = "203.0.113.80";
        var laptop = DeviceAt(shared);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignInAsync(user.UserName!)).StatusCode);

        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(shared, user.UserName!, i));
        Assert.StartsWith(PausedPrefix, await FailFromAsync(shared, user.UserName!, 5));
        Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(shared, user.UserName!)));

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignInAsync(user.UserName!)).StatusCode);
    }

    [Fact]
    public async Task Slow_guessing_from_one_address_locks_the_account_for_new_devices_at_twenty_failures_a_day()
    {
        var user = await TestAccounts.CreateAsync(Host, "slow");
        const string stranger = "203.0.113.50";

        // Five guesses, wait out the pause, five more: the account-wide count takes every failure of new devices.
        for (var round = 1; round <= 3; round++)
        {
            for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(stranger, user.UserName!, i));
            Assert.StartsWith(PausedPrefix, await FailFromAsync(stranger, user.UserName!, 5));
            await ExpireAsync(user.NormalizedUserName!, SignInLockKind.Address);
        }
        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(stranger, user.UserName!, i));
        Assert.StartsWith(LockedPrefix, await FailFromAsync(stranger, user.UserName!, 5));

        // The lock lasts the window, so waiting out a pause no longer buys more guesses the same day.
        var ends = await TestAccounts.DbAsync(Host, db => db.SignInLocks
            .Where(l => l.NormalizedUserName == user.NormalizedUserName && l.Kind == SignInLockKind.Account).Select(l => l.EndsAtUtc).SingleAsync(Ct));
        Assert.InRange(ends, DateTime.UtcNow.AddHours(23.9), DateTime.UtcNow.AddHours(24));
        await ExpireAsync(user.NormalizedUserName!, SignInLockKind.Address);
        Assert.StartsWith(LockedPrefix, await FailFromAsync(stranger, user.UserName!, 6));
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync("198.51.100.50", user.UserName!)));

        // The owner was told once of each kind: further pauses add nothing while the first warning is unread.
        var told = await TestAccounts.DbAsync(Host, db => db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.Id).ToListAsync(Ct));
        Assert.Equal(["Message.SignIn.AddressPaused", "Message.SignIn.AccountLocked"], told.Select(n => n.MessageKey));
        Assert.All(told, n => Assert.StartsWith(stranger, n.MessageArgument));
    }

    [Fact]
    public async Task A_known_device_with_five_wrong_passwords_counts_as_new_until_the_right_password_is_entered_on_it()
    {
        var user = await TestAccounts.CreateAsync(Host, "distrust");
        var tablet = DeviceAt("198.51.100.90");
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.SignInAsync(user.UserName!)).StatusCode);

        // Its failures are its own: they pause nothing and count nothing towards the account.
        for (var i = 1; i <= 5; i++) Assert.Equal(Invalid, await tablet.FailAsync(user.UserName!, i));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync("198.51.100.90", user.UserName!)).StatusCode);

        // After five it is no longer trusted: while strangers keep the account locked, it is refused like any new device.
        Assert.StartsWith(LockedPrefix, await LockFromStrangersAsync(user.UserName!, "192.0.9"));
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await tablet.SignInAsync(user.UserName!)));

        // Once the lock is over and the right password entered on it, it is trusted again, through the next lock too.
        await ExpireAsync(user.NormalizedUserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.SignInAsync(user.UserName!)).StatusCode);
        Assert.StartsWith(LockedPrefix, await LockFromStrangersAsync(user.UserName!, "192.0.10"));
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.SignInAsync(user.UserName!)).StatusCode);
    }

    [Fact]
    public async Task A_known_device_is_known_only_for_the_account_that_signed_in_on_it()
    {
        var mine = await TestAccounts.CreateAsync(Host, "mine");
        var theirs = await TestAccounts.CreateAsync(Host, "theirs");
        var computer = DeviceAt("198.51.100.95");
        Assert.Equal(HttpStatusCode.Redirect, (await computer.SignInAsync(mine.UserName!)).StatusCode);

        Assert.StartsWith(LockedPrefix, await LockFromStrangersAsync(theirs.UserName!, "192.0.11"));

        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await computer.SignInAsync(theirs.UserName!)));
        Assert.Equal(HttpStatusCode.Redirect, (await computer.SignInAsync(mine.UserName!)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_issues_a_protected_http_only_device_cookie_for_half_a_year_that_cannot_be_forged()
    {
        var user = await TestAccounts.CreateAsync(Host, "cookie");
        var (client, cookies) = PortalClient.Create(Host.BaseAddress, "198.51.100.100");

        var response = await PortalClient.SignInAsync(client, user.UserName!);

        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.device=", StringComparison.Ordinal));
        var attributes = header.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/account", attributes);
        // Secure over HTTPS; this test server speaks plain HTTP, where a Secure cookie would never come back.
        Assert.DoesNotContain("secure", attributes);
        var device = Assert.Single(cookies.GetCookies(new Uri(Host.BaseAddress, "/account/login")), c => c.Name == "portal.device");
        Assert.InRange(device.Expires.ToUniversalTime(), DateTime.UtcNow.AddDays(179), DateTime.UtcNow.AddDays(181));
        Assert.DoesNotContain(user.Id, Uri.UnescapeDataString(device.Value));

        Assert.StartsWith(LockedPrefix, await LockFromStrangersAsync(user.UserName!, "192.0.12"));

        // A changed cookie is no known device.
        var login = new Uri(Host.BaseAddress, "/account/login");
        var forged = PortalClient.Create(Host.BaseAddress, "198.51.100.100");
        var value = device.Value.ToCharArray();
        value[value.Length / 2] = value[value.Length / 2] == 'A' ? 'B' : 'A';
        forged.Cookies.Add(login, new Cookie("portal.device", new string(value), "/account"));
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(forged.Client, user.UserName!)));

        // The real one is, in another browser profile too.
        var copy = PortalClient.Create(Host.BaseAddress, "198.51.100.101");
        copy.Cookies.Add(login, new Cookie("portal.device", device.Value, "/account"));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(copy.Client, user.UserName!)).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_parallel_wrong_passwords_from_one_address_has_at_most_five_checked()
    {
        var user = await TestAccounts.CreateAsync(Host, "burst");
        const string address = "203.0.113.110";

        var answers = await BurstAsync(Enumerable.Range(1, 16).Select(i => (address, user.UserName!, "Wrong-password" + i)));

        // A password is checked only within the limit: each check that failed is one recorded failure.
        Assert.InRange(await FailuresRecordedAsync(user.NormalizedUserName!), 0, 5);
        Assert.InRange(answers.Count(a => a == Invalid), 0, 4);
        Assert.All(answers.Where(a => a != Invalid), a => Assert.True(a.StartsWith(PausedPrefix, StringComparison.Ordinal) || a == TooMany, a));
        // One after another, the pause comes after at most five failures in all.
        var invalid = answers.Count(a => a == Invalid);
        for (var i = 1; i <= 5; i++)
        {
            var answer = await FailFromAsync(address, user.UserName!, 100 + i);
            if (answer != Invalid) break;
            invalid++;
        }
        Assert.InRange(invalid, 0, 4);
        Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(address, user.UserName!)));
    }

    [Fact]
    public async Task A_burst_of_parallel_wrong_passwords_from_many_addresses_has_at_most_twenty_checked()
    {
        var user = await TestAccounts.CreateAsync(Host, "swarm");

        var answers = await BurstAsync(
            from address in Enumerable.Range(1, 7)
            from attempt in Enumerable.Range(1, 5)
            select ($"198.18.0.{address}", user.UserName!, $"Wrong-password{address}-{attempt}"));

        Assert.InRange(await FailuresRecordedAsync(user.NormalizedUserName!), 0, 20);
        var invalid = answers.Count(a => a == Invalid);
        for (var address = 20; address <= 40 && invalid < 25; address++)
        {
            var answer = await FailFromAsync($"198.18.0.{address}", user.UserName!, address);
            if (answer != Invalid) break;
            invalid++;
        }
        Assert.InRange(invalid, 0, 19);
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync("198.18.1.1", user.UserName!)));
    }

    /// <summary>Sends all the sign-ins at once, each from its own client, and returns their messages.</summary>
    private async Task<string[]> BurstAsync(IEnumerable<(string Address, string UserName, string Password)> attempts)
    {
        var prepared = await Task.WhenAll(attempts.Select(async a =>
        {
            var (client, _) = PortalClient.Create(Host.BaseAddress, a.Address);
            return (Client: client, Token: await PortalClient.AntiforgeryTokenAsync(client, "/account/login"), a.UserName, a.Password);
        }));
        var responses = await Task.WhenAll(prepared.Select(p => PortalClient.PostSignInAsync(p.Client, p.Token, p.UserName, p.Password)));
        return await Task.WhenAll(responses.Select(TestAccounts.LoginErrorAsync));
    }

    [Fact]
    public async Task Pauses_of_user_names_that_are_no_account_are_neither_audited_nor_warned_about()
    {
        var user = await TestAccounts.CreateAsync(Host, "audited");
        var nobodies = Enumerable.Range(1, 3).Select(_ => "flood" + Guid.NewGuid().ToString("N")[..8]).ToList();
        const string address = "203.0.113.120";

        foreach (var name in nobodies.Append(user.UserName!))
            for (var i = 1; i <= 5; i++) await FailFromAsync(address, name, i);

        var keys = nobodies.Select(n => n.ToUpperInvariant()).ToList();
        // Paused all the same, so the answers do not tell them from accounts ...
        Assert.Equal(3, await TestAccounts.DbAsync(Host, db => db.SignInLocks.CountAsync(l => keys.Contains(l.NormalizedUserName), Ct)));
        foreach (var name in nobodies)
            Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(address, name)));
        // ... but only the account's pause is on record and a warning in the log.
        Assert.Single(await LocksAuditedAsync(user.NormalizedUserName!));
        foreach (var key in keys) Assert.Empty(await LocksAuditedAsync(key));
        var guardLog = Host.Logs.Entries.Where(e => e.Category == typeof(SignInGuard).FullName).ToList();
        Assert.Single(guardLog, e => e.Level == LogLevel.Warning && e.Message.Contains(user.NormalizedUserName!));
        Assert.DoesNotContain(guardLog, e => e.Level >= LogLevel.Warning && keys.Any(e.Message.Contains));
        // Their pauses are counted in the log at most once a minute.
        Assert.InRange(guardLog.Count(e => keys.Any(e.Message.Contains)), 0, 1);
    }

    [Fact]
    public async Task Failures_under_the_user_name_with_invisible_characters_count_for_the_account()
    {
        var user = await TestAccounts.CreateAsync(Host, "hidden");
        const string address = "203.0.113.130";

        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(address, user.UserName! + "\u200B", i));
        Assert.StartsWith(PausedPrefix, await FailFromAsync(address, "\u202E" + user.UserName!, 5));

        Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(address, user.UserName!)));
        Assert.Equal(5, await FailuresRecordedAsync(user.NormalizedUserName!));
    }

    [Fact]
    public async Task A_user_name_that_is_no_account_takes_as_long_to_refuse_as_a_wrong_password()
    {
        var user = await TestAccounts.CreateAsync(Host, "timing");
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..8];

        async Task<double> TimeAsync(string address, string userName)
        {
            var (client, _) = PortalClient.Create(Host.BaseAddress, address);
            var token = await PortalClient.AntiforgeryTokenAsync(client, "/account/login");
            var watch = Stopwatch.StartNew();
            Assert.Equal(Invalid, await TestAccounts.LoginErrorAsync(await PortalClient.PostSignInAsync(client, token, userName, "Wrong-password")));
            return watch.Elapsed.TotalMilliseconds;
        }

        // Warm up both paths, then alternate, each attempt from its own address so nothing is paused.
        await TimeAsync("198.18.2.1", user.UserName!);
        await TimeAsync("198.18.2.2", unknown);
        var known = new List<double>();
        var nobody = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            known.Add(await TimeAsync($"198.18.3.{i}", user.UserName!));
            nobody.Add(await TimeAsync($"198.18.4.{i}", unknown));
        }

        var (knownMedian, nobodyMedian) = (known.Order().ElementAt(4), nobody.Order().ElementAt(4));
        Assert.True(nobodyMedian >= 0.6 * knownMedian,
            $"An unknown user name was answered in {nobodyMedian:F1} ms, a known one in {knownMedian:F1} ms (medians): the difference tells which names exist.");
    }

    [Fact]
    public async Task Administrator_sees_the_paused_address_and_unlocking_ends_the_pause()
    {
        var user = await TestAccounts.CreateAsync(Host, "unpause");
        const string address = "203.0.113.60";
        for (var i = 1; i <= 5; i++) await FailFromAsync(address, user.UserName!, i);

        var row = Assert.Single((await TestAccounts.AsAsync(Host, "admin", services =>
            services.GetRequiredService<AccountAdministration>().ListAsync(new AccountQuery(user.UserName, 0, 20), Ct))).Rows);
        Assert.Equal(1, row.PausedAddresses);
        Assert.False(row.IsLockedOut);
        Assert.True(row.CanUnlock);

        Assert.True((await TestAccounts.AsAsync(Host, "admin", services =>
            services.GetRequiredService<AccountAdministration>().UnlockAsync(user.Id, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync(address, user.UserName!)).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_name_is_locked_after_as_many_failures_as_an_account()
    {
        var unknown = "ghost" + Guid.NewGuid().ToString("N")[..8];

        Assert.StartsWith(LockedPrefix, await LockFromStrangersAsync(unknown, "192.0.13"));
        Assert.StartsWith(LockedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync("198.51.100.30", unknown)));
    }

    [Fact]
    public async Task Messages_are_in_english_for_a_user_who_chose_english()
    {
        var user = await TestAccounts.CreateAsync(Host, "english");
        var (client, cookies) = PortalClient.Create(Host.BaseAddress, "203.0.113.40");
        cookies.Add(Host.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));

        for (var i = 1; i <= 4; i++) await PortalClient.SignInAsync(client, user.UserName!, "Wrong-password" + i);
        var paused = await TestAccounts.LoginErrorAsync(await PortalClient.SignInAsync(client, user.UserName!, "Wrong-password5"));

        Assert.StartsWith("Too many wrong passwords: sign-in to this account from this device is paused until ", paused);
    }

    private static string WithoutDigits(string text) => Digits().Replace(text, "0");

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();

    /// <summary>The demo portal as behind a reverse proxy: it takes the client address from <c>X-Forwarded-For</c>.</summary>
    public sealed class ProxiedPortal : IDisposable
    {
        public PortalHost Host { get; } = new(useKestrel: true, settings: new Dictionary<string, string?> { ["ForwardedHeaders_Enabled"] = "true" });

        public void Dispose() => Host.Dispose();
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Auditing;
using Portal.Testing;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Tests.Accounts;

/// <summary>
/// Failed sign-ins are counted per account and client address (issue 10, item 4): a stranger's wrong passwords pause only
/// their own address, a higher account-wide count locks the account everywhere until it expires or an administrator
/// unlocks it. The portal runs as behind a reverse proxy (forwarded headers on), so each client names its address.
/// </summary>
public sealed partial class FailedSignInTests(FailedSignInTests.ProxiedPortal portal) : IClassFixture<FailedSignInTests.ProxiedPortal>
{
    private const string Invalid = "用户名或密码错误。";
    private const string PausedPrefix = "密码错误次数过多，此设备暂停登录该账号至 ";
    private const string LockedPrefix = "密码错误次数过多，该账号已被锁定至 ";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => portal.Host;

    private Task<HttpResponseMessage> SignInFromAsync(string address, string userName, string password = PortalHost.DemoPassword) =>
        PortalClient.SignInAsync(PortalClient.Create(Host.BaseAddress, address).Client, userName, password);

    private async Task<string> FailFromAsync(string address, string userName, int attempt) =>
        await TestAccounts.LoginErrorAsync(await SignInFromAsync(address, userName, "Wrong-password" + attempt));

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_pause_that_address_but_not_the_owner_elsewhere()
    {
        var user = await TestAccounts.CreateAsync(Host, "pause");
        const string stranger = "203.0.113.10";

        for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(stranger, user.UserName!, i));
        var fifth = await FailFromAsync(stranger, user.UserName!, 5);

        // The owner on their own device signs in.
        var owner = await SignInFromAsync("198.51.100.7", user.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.Equal("/", TestAccounts.RedirectPath(owner));

        // The stranger's address is paused, refused even with the right password, and told until when.
        Assert.StartsWith(PausedPrefix, fifth);
        Assert.StartsWith(PausedPrefix, await TestAccounts.LoginErrorAsync(await SignInFromAsync(stranger, user.UserName!)));

        // The pause is on record: which account, which address.
        var audit = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == "SignInLock" && e.Action == AuditAction.Create && e.Changes.Contains(user.NormalizedUserName!))
            .ToListAsync(Ct));
        Assert.Contains(stranger, Assert.Single(audit).Changes);
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
    public async Task Twenty_wrong_passwords_from_several_addresses_lock_the_account_everywhere_until_an_administrator_unlocks_it()
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
        Assert.EndsWith("如需提前解锁，请联系管理员。", twentieth);

        // Locked everywhere: the owner's own device too, whatever the password.
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
        var started = await TestAccounts.DbAsync(Host, db => db.AuditEntries
            .Where(e => e.EntityType == "SignInLock" && e.Action == AuditAction.Create && e.Changes.Contains(user.NormalizedUserName!)).ToListAsync(Ct));
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
    public async Task One_address_alone_never_locks_the_account_however_often_its_pause_ends()
    {
        var user = await TestAccounts.CreateAsync(Host, "alone");
        const string stranger = "203.0.113.50";

        for (var round = 1; round <= 5; round++)
        {
            for (var i = 1; i <= 4; i++) Assert.Equal(Invalid, await FailFromAsync(stranger, user.UserName!, i));
            Assert.StartsWith(PausedPrefix, await FailFromAsync(stranger, user.UserName!, 5));
            // The pause runs out: moved into the past rather than waited for.
            await TestAccounts.DbAsync(Host, db => db.SignInLocks.Where(l => l.NormalizedUserName == user.NormalizedUserName)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.EndsAtUtc, DateTime.UtcNow.AddSeconds(-1)), Ct));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInFromAsync("198.51.100.50", user.UserName!)).StatusCode);

        // The owner was told, once: the stranger's further pauses add nothing while the first warning is unread.
        var told = await TestAccounts.DbAsync(Host, db => db.Notifications.Where(n => n.UserId == user.Id).ToListAsync(Ct));
        var warning = Assert.Single(told);
        Assert.Equal("Message.SignIn.AddressPaused", warning.MessageKey);
        Assert.StartsWith(stranger, warning.MessageArgument);
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
        string[] strangers = ["192.0.2.11", "192.0.2.12", "192.0.2.13", "192.0.2.14"];

        var last = "";
        foreach (var address in strangers)
            for (var i = 1; i <= 5; i++) last = await FailFromAsync(address, unknown, i);

        Assert.StartsWith(LockedPrefix, last);
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

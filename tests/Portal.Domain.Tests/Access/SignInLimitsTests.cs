using System.Net;
using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

/// <summary>The rules of failed sign-ins (decision 0013): what counts, what pauses an address, what locks an account, when a device is trusted.</summary>
public sealed class SignInLimitsTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
    private static readonly SignInLimits Limits = SignInLimits.Default;

    [Fact]
    public void Defaults_are_five_per_address_or_device_and_twenty_per_account_a_day_with_pauses_of_fifteen_minutes()
    {
        Assert.Equal(5, Limits.PerAddress);
        Assert.Equal(5, Limits.PerDevice);
        Assert.Equal(20, Limits.PerAccount);
        Assert.Equal(TimeSpan.FromHours(24), Limits.Window);
        Assert.Equal(TimeSpan.FromMinutes(15), Limits.Lockout);
    }

    [Fact]
    public void An_address_pause_lasts_the_lockout_and_an_account_lock_the_whole_window()
    {
        // Waiting out a lock buys no guesses within the same day: its failures have all left the window when it ends.
        Assert.Equal(TimeSpan.FromMinutes(15), Limits.Duration(SignInLockKind.Address));
        Assert.Equal(TimeSpan.FromHours(24), Limits.Duration(SignInLockKind.Account));
        Assert.Equal(Now.AddHours(24), SignInLock.Start(Limits, SignInLockKind.Account, "MEMBER", "203.0.113.9", "user-1", 20, Now).EndsAtUtc);
    }

    [Fact]
    public void Limits_that_make_no_sense_are_refused_at_start_up()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignInLimits(0, 20, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignInLimits(5, 4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignInLimits(5, 20, TimeSpan.Zero, TimeSpan.FromMinutes(15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignInLimits(5, 20, TimeSpan.FromHours(1), TimeSpan.Zero));
    }

    [Fact]
    public void Fifth_failure_from_one_address_pauses_it_and_the_twentieth_of_new_devices_locks_the_account()
    {
        Assert.Null(Limits.LockFor(4, 4));
        Assert.Equal(SignInLockKind.Address, Limits.LockFor(5, 5));
        Assert.Equal(SignInLockKind.Address, Limits.LockFor(5, 19));
        Assert.Equal(SignInLockKind.Account, Limits.LockFor(5, 20));
        // Every failure of a new device counts towards the account, however many one address made: slow guessing from
        // one place, pause after pause, is locked too.
        Assert.Equal(SignInLockKind.Account, Limits.LockFor(1, 20));
        Assert.Null(Limits.LockFor(1, 19));
    }

    [Fact]
    public void An_attempt_counted_beyond_a_limit_is_not_checked_and_a_device_beyond_its_limit_is_no_longer_trusted()
    {
        // The counts include the attempt itself, recorded before its password is checked.
        Assert.True(Limits.Admits(5, 20));
        Assert.False(Limits.Admits(6, 6));
        Assert.False(Limits.Admits(1, 21));
        Assert.True(Limits.TrustsDevice(5));
        Assert.False(Limits.TrustsDevice(6));
    }

    [Fact]
    public void A_pause_lasts_the_lockout_and_an_administrator_may_lift_it_once()
    {
        var pause = SignInLock.Start(Limits, SignInLockKind.Address, "MEMBER", "203.0.113.9", "user-1", 5, Now);

        Assert.Equal(Now.AddMinutes(15), pause.EndsAtUtc);
        Assert.True(pause.IsActive(Now.AddMinutes(14)));
        Assert.False(pause.IsActive(Now.AddMinutes(15)));

        Assert.True(pause.Lift(Now.AddMinutes(1), "admin"));
        Assert.False(pause.IsActive(Now.AddMinutes(2)));
        Assert.False(pause.Lift(Now.AddMinutes(3), "someone"));
        Assert.Equal("admin", pause.LiftedBy);
        Assert.Equal(Now.AddMinutes(1), pause.LiftedAtUtc);
    }

    [Fact]
    public void An_ended_pause_is_not_lifted()
    {
        var pause = SignInLock.Start(Limits, SignInLockKind.Address, "MEMBER", "203.0.113.9", "user-1", 5, Now);

        Assert.False(pause.Lift(Now.AddMinutes(30), "admin"));
        Assert.Null(pause.LiftedAtUtc);
    }

    [Fact]
    public void Only_the_pauses_and_locks_of_accounts_are_audited()
    {
        Assert.True(SignInLock.Start(Limits, SignInLockKind.Address, "MEMBER", "203.0.113.9", "user-1", 5, Now).IsAudited);
        Assert.False(SignInLock.Start(Limits, SignInLockKind.Address, "NOBODY", "203.0.113.9", null, 5, Now).IsAudited);
    }

    [Fact]
    public void Overlong_user_names_are_counted_under_their_first_256_characters_never_half_a_character()
    {
        Assert.Equal("MEMBER", SignInLimits.UserNameKey("MEMBER"));
        Assert.Equal(new string('A', 256), SignInLimits.UserNameKey(new string('A', 300)));
        // "𠀀" is two UTF-16 units; cutting between them would leave a lone surrogate no database can store.
        Assert.Equal(new string('A', 255), SignInLimits.UserNameKey(new string('A', 255) + "𠀀𠀀"));
        Assert.Equal(new string('A', 254) + "𠀀", SignInLimits.UserNameKey(new string('A', 254) + "𠀀𠀀"));
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void Clients_are_counted_by_ipv4_address_or_ipv6_network(string address, string key) =>
        Assert.Equal(key, SignInLimits.ClientKey(IPAddress.Parse(address)));

    [Fact]
    public void A_client_without_an_address_is_counted_as_unknown() =>
        Assert.Equal("unknown", SignInLimits.ClientKey(null));
}

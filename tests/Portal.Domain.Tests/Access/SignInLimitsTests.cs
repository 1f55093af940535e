using System.Net;
using Portal.Domain.Access;

namespace Portal.Domain.Tests.Access;

/// <summary>The rules of failed sign-ins (decision 0013): what counts, what pauses an address, what locks an account.</summary>
public sealed class SignInLimitsTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
    private static readonly SignInLimits Limits = SignInLimits.Default;

    [Fact]
    public void Defaults_are_five_per_address_twenty_per_account_within_a_day_for_fifteen_minutes()
    {
        Assert.Equal(5, Limits.PerAddress);
        Assert.Equal(20, Limits.PerAccount);
        Assert.Equal(TimeSpan.FromHours(24), Limits.Window);
        Assert.Equal(TimeSpan.FromMinutes(15), Limits.Lockout);
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
    public void Failures_count_within_the_window_and_after_the_latest_pause_or_lock()
    {
        Assert.Equal(Now.AddHours(-24), Limits.CountFrom(Now, null));
        Assert.Equal(Now.AddHours(-24), Limits.CountFrom(Now, Now.AddDays(-3)));
        Assert.Equal(Now.AddMinutes(-20), Limits.CountFrom(Now, Now.AddMinutes(-20)));
    }

    [Fact]
    public void Fifth_failure_from_one_address_pauses_it_and_the_account_wide_limit_locks_the_account()
    {
        Assert.Null(Limits.LockFor(4, 4));
        Assert.Equal(SignInLockKind.Address, Limits.LockFor(5, 5));
        Assert.Equal(SignInLockKind.Address, Limits.LockFor(5, 19));
        Assert.Equal(SignInLockKind.Account, Limits.LockFor(5, 20));
        Assert.Equal(SignInLockKind.Account, Limits.LockFor(1, 20));
    }

    [Fact]
    public void One_address_counts_at_most_its_own_limit_towards_the_account()
    {
        // A stranger at one address, waiting out pause after pause, never reaches the account's limit alone.
        Assert.Equal(5, Limits.AccountCount([40]));
        Assert.Equal(SignInLockKind.Address, Limits.LockFor(5, Limits.AccountCount([40])));
        // Four addresses at their limit do.
        Assert.Equal(20, Limits.AccountCount([5, 5, 5, 9]));
        Assert.Equal(12, Limits.AccountCount([5, 3, 2, 2]));
    }

    [Fact]
    public void A_pause_lasts_the_lockout_and_an_administrator_may_lift_it_once()
    {
        var pause = SignInLock.Start(Limits, SignInLockKind.Address, "MEMBER", "203.0.113.9", 5, Now);

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
        var pause = SignInLock.Start(Limits, SignInLockKind.Address, "MEMBER", "203.0.113.9", 5, Now);

        Assert.False(pause.Lift(Now.AddMinutes(30), "admin"));
        Assert.Null(pause.LiftedAtUtc);
    }

    [Fact]
    public void Overlong_user_names_are_counted_under_their_first_256_characters()
    {
        Assert.Equal("MEMBER", SignInLimits.UserNameKey("MEMBER"));
        Assert.Equal(new string('A', 256), SignInLimits.UserNameKey(new string('A', 300)));
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

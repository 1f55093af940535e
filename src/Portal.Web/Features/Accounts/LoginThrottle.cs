using System.Threading.RateLimiting;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Limits sign-in attempts per client address (<see cref="Portal.Domain.Access.SignInLimits.ClientKey"/>), whatever the
/// account: the failed-sign-in limits (<see cref="SignInGuard"/>) stop guessing one account's password, this stops one
/// client from trying many accounts or flooding the database with attempts. A flood brake, so it stays in memory and
/// per node: losing its counts on a restart, or a client spreading over several nodes, only loosens the brake, while
/// the failed-sign-in limits, which must hold, are kept in the database (decision 0013). Singleton.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginThrottle(IConfiguration configuration)
    {
        var permits = configuration.GetValue("Accounts:LoginAttemptsPerMinute", 20);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for the client; false when the client has used up its attempts for now.</summary>
    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

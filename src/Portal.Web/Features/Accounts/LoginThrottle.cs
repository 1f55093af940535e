using System.Threading.RateLimiting;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Limits sign-in attempts per client address, on top of Identity's per-account lockout: lockout stops guessing
/// one account's password, this stops one client from trying many accounts. Singleton.
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

using System.Security.Claims;

namespace Portal.Web.Features.Live;

/// <summary>
/// Decides whether a user may receive a channel's events. Each feature registers a rule for the channels it
/// publishes (by prefix); a channel no rule claims is refused.
/// </summary>
public interface ILiveChannelRule
{
    /// <summary>The channel prefix this rule governs, e.g. "community/".</summary>
    string Prefix { get; }

    Task<bool> CanReadAsync(ClaimsPrincipal user, string channel, CancellationToken ct);
}

/// <summary>Looks up the rule for a channel; singleton.</summary>
public sealed class LiveChannelAccess(IEnumerable<ILiveChannelRule> rules)
{
    private readonly ILiveChannelRule[] _rules = rules.OrderByDescending(r => r.Prefix.Length).ToArray();

    public Task<bool> CanReadAsync(ClaimsPrincipal user, string channel, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(channel) || channel.Length > 200) return Task.FromResult(false);
        var rule = _rules.FirstOrDefault(r => channel.StartsWith(r.Prefix, StringComparison.Ordinal));
        return rule?.CanReadAsync(user, channel, ct) ?? Task.FromResult(false);
    }
}

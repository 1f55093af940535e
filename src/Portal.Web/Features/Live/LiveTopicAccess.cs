using System.Security.Claims;

namespace Portal.Web.Features.Live;

/// <summary>
/// Decides whether a user may receive a topic's events. Each feature registers a rule for the topics it
/// publishes (by prefix); a topic no rule claims is refused.
/// </summary>
public interface ILiveTopicRule
{
    /// <summary>The topic prefix this rule governs, e.g. "community/".</summary>
    string Prefix { get; }

    Task<bool> CanReadAsync(ClaimsPrincipal user, string topic, CancellationToken ct);
}

/// <summary>Looks up the rule for a topic; singleton.</summary>
public sealed class LiveTopicAccess(IEnumerable<ILiveTopicRule> rules)
{
    private readonly ILiveTopicRule[] _rules = rules.OrderByDescending(r => r.Prefix.Length).ToArray();

    public Task<bool> CanReadAsync(ClaimsPrincipal user, string topic, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > 200) return Task.FromResult(false);
        var rule = _rules.FirstOrDefault(r => topic.StartsWith(r.Prefix, StringComparison.Ordinal));
        return rule?.CanReadAsync(user, topic, ct) ?? Task.FromResult(false);
    }
}

using System.Security.Claims;
using Portal.Domain.Access;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Callers;

namespace Portal.Web.Kit.Live;

/// <summary>
/// Decides whether a user may receive a channel's events. Each feature registers a rule for the channels it
/// publishes (by prefix); a channel no rule claims is refused.
/// </summary>
public interface ILiveChannelRule
{
    /// <summary>The channel prefix this rule governs, e.g. "community/".</summary>
    string Prefix { get; }

    /// <param name="user">The connection's principal (a display link's claims are only there).</param>
    /// <param name="caller">The caller resolved from it by the one rule (<see cref="CallerScope"/>).</param>
    Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct);
}

/// <summary>Looks up the rule for a channel; singleton.</summary>
public sealed class LiveChannelAccess(IEnumerable<ILiveChannelRule> rules, IServiceScopeFactory scopes)
{
    private readonly ILiveChannelRule[] _rules = rules.OrderByDescending(r => r.Prefix.Length).ToArray();

    /// <summary>For the hub: the caller is the one its invocation's scope resolved (the hub filter set it).</summary>
    public Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(channel) || channel.Length > LiveChannel.NameMaxLength) return Task.FromResult(false);
        var rule = _rules.FirstOrDefault(r => channel.StartsWith(r.Prefix, StringComparison.Ordinal));
        return rule?.CanReadAsync(user, caller, channel, ct) ?? Task.FromResult(false);
    }

    /// <summary>For a principal outside any entry point: its caller is resolved in a scope of its own, by the same rule.</summary>
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, string channel, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var callers = scope.ServiceProvider.GetRequiredService<CallerScope>();
        callers.Set(user);
        return await CanReadAsync(user, await callers.GetAsync(ct), channel, ct);
    }
}

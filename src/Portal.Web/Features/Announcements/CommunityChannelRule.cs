using System.Security.Claims;
using Portal.Domain.Access;
using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Announcements;

/// <summary>Names of the per-community channels ("community/{id}") that every member of a community receives.</summary>
public static class CommunityChannels
{
    public const string Prefix = "community/";

    public static string For(int communityId) => LiveChannelIds.For(Prefix, communityId);

    /// <summary>Reads the community id of a channel; only the exact form "community/{positive id}" is accepted.</summary>
    public static bool TryParse(string channel, out int communityId) => LiveChannelIds.TryParse(channel, Prefix, out communityId);
}

/// <summary>
/// A user may receive a community's events when they belong to it: its residents, Party members, council members
/// and secretary, grid workers of its grids, liaisons of its units, and administrators of its street
/// (<see cref="AccessPolicy.CanViewCommunity"/>). Singleton.
/// </summary>
public sealed class CommunityChannelRule : ILiveChannelRule
{
    public string Prefix => CommunityChannels.Prefix;

    public Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct) =>
        Task.FromResult(caller.IsSignedIn && CommunityChannels.TryParse(channel, out var communityId)
            && caller.Policy.CanViewCommunity(communityId));
}

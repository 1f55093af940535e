using Portal.Domain.Access;
using System.Security.Claims;
using Portal.Web.Kit.Live;
using Portal.Domain.WorkItems;

namespace Portal.Web.Features.Lists;

/// <summary>Names of the per-community work-item channels ("lists/{id}"): status changes of the community's items.</summary>
public static class ListsChannels
{
    public const string Prefix = "lists/";

    public static string For(int communityId) => LiveChannelIds.For(Prefix, communityId);

    /// <summary>Reads the community id; only "lists/{positive id}" without sign, spaces or leading zeros is accepted.</summary>
    public static bool TryParse(string channel, out int communityId) => LiveChannelIds.TryParse(channel, Prefix, out communityId);
}

/// <summary>What a live event on "lists/{communityId}" carries: ids and status only, never personal details.</summary>
public sealed record WorkItemChanged(int Id, WorkItemStatus Status, WorkItemKind Kind);

/// <summary>
/// Anyone who belongs to the community may receive its work-item events: the payload is an id, a status and a kind, so
/// it tells nobody more than the public board does; the item itself is still loaded through the access check. Singleton.
/// </summary>
public sealed class ListsChannelRule : ILiveChannelRule
{
    public string Prefix => ListsChannels.Prefix;

    public Task<bool> CanReadAsync(ClaimsPrincipal user, Caller caller, string channel, CancellationToken ct) =>
        Task.FromResult(caller.IsSignedIn && ListsChannels.TryParse(channel, out var communityId)
            && caller.Policy.CanViewCommunity(communityId));
}

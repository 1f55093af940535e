using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Announcements;

/// <summary>A component's live feed of the "community/{id}" topics of its communities.</summary>
public static class CommunityFeed
{
    public static LiveFeed Subscribe(LiveEventBus bus, IEnumerable<int> communityIds, Func<LiveEvent, Task> handler) =>
        LiveFeed.Subscribe(bus, communityIds.Select(CommunityChannels.For), handler);
}

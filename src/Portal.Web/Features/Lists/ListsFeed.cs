using Portal.Web.Kit.Live;

namespace Portal.Web.Features.Lists;

/// <summary>A component's live feed of the "lists/{id}" topics of its communities, handing on the changed item.</summary>
public static class ListsFeed
{
    public static LiveFeed Subscribe(LiveEventBus bus, IEnumerable<int> communityIds, Func<WorkItemChanged, Task> handler) =>
        LiveFeed.Subscribe(bus, communityIds.Select(ListsChannels.For),
            liveEvent => liveEvent.PayloadAs<WorkItemChanged>() is { } changed ? handler(changed) : Task.CompletedTask);
}

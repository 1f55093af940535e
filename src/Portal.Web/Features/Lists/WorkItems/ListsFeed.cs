using System.Globalization;
using Portal.Web.Features.Live;

namespace Portal.Web.Features.Lists.WorkItems;

/// <summary>
/// A component's subscription to the "lists/{id}" topics of the caller's communities. The handler runs on a pool
/// thread with the circuit's culture restored; components still marshal with InvokeAsync.
/// </summary>
public sealed class ListsFeed : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    public static ListsFeed Subscribe(LiveEventBus bus, IEnumerable<int> communityIds, Func<WorkItemChanged, Task> handler)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var feed = new ListsFeed();
        foreach (var id in communityIds.Distinct())
        {
            feed._subscriptions.Add(bus.Subscribe(ListsTopics.For(id), liveEvent =>
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
                return liveEvent.PayloadAs<WorkItemChanged>() is { } changed ? handler(changed) : Task.CompletedTask;
            }));
        }
        return feed;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _subscriptions.Clear();
    }
}

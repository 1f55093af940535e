using System.Globalization;
using Portal.Web.Features.Live;

namespace Portal.Web.Features.Announcements;

/// <summary>
/// A component's subscription to the live topics of several communities, disposed with the component. The bus
/// calls handlers outside the component's circuit, so the culture the component was rendered in is captured here
/// and restored around each call (otherwise a live refresh would render in the server's default language).
/// </summary>
public sealed class CommunityFeed : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    private CommunityFeed()
    {
    }

    public static CommunityFeed Subscribe(LiveEventBus bus, IEnumerable<int> communityIds, Func<LiveEvent, Task> handler)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var feed = new CommunityFeed();
        foreach (var id in communityIds.Distinct())
        {
            feed._subscriptions.Add(bus.Subscribe(CommunityTopics.For(id), liveEvent =>
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
                return handler(liveEvent);
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

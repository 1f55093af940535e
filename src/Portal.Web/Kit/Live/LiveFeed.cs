using System.Globalization;

namespace Portal.Web.Kit.Live;

/// <summary>
/// A component's subscription to several live channels, disposed with the component. The bus calls handlers outside the
/// component's circuit, so the culture the component was rendered in is captured here and restored around each call
/// (otherwise a live refresh would render in the server's default language). Components still marshal with InvokeAsync.
/// </summary>
public sealed class LiveFeed : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    private LiveFeed()
    {
    }

    public static LiveFeed Subscribe(LiveEventBus bus, IEnumerable<string> channels, Func<LiveEvent, Task> handler)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var feed = new LiveFeed();
        foreach (var channel in channels.Distinct(StringComparer.Ordinal))
        {
            feed._subscriptions.Add(bus.Subscribe(channel, liveEvent =>
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

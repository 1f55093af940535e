namespace Portal.Web.Features.Live;

public static class LiveExtensions
{
    public static IServiceCollection AddPortalLive(this IServiceCollection services)
    {
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        // Singletons: one event bus, store, relay and topic rule set per app node.
        services.AddSingleton<ILiveEventStore, EfLiveEventStore>();
        services.AddSingleton<ILiveEventRelay, InProcessLiveEventRelay>();
        services.AddSingleton<LiveEventBus>();
        services.AddSingleton<LiveTopicAccess>();
        services.AddSingleton<ILiveTopicRule, CommunityTopicRule>();
        return services;
    }
}

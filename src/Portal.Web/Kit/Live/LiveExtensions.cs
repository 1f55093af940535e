using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Web.Data.Live;

namespace Portal.Web.Kit.Live;

public static class LiveExtensions
{
    /// <summary>SignalR's hub dispatcher, which logs a failed hub call at error level with its stack trace.</summary>
    public const string HubDispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>
    /// SignalR's connection handler, which logs a failed connect or disconnect of a hub at error level (its only error
    /// entry, "ErrorDispatchingHubEvent"), each time, with its stack trace.
    /// </summary>
    public const string HubConnectionHandlerLogCategory = "Microsoft.AspNetCore.SignalR.HubConnectionHandler";

    public static IServiceCollection AddPortalLive(this IServiceCollection services)
    {
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 64 * 1024;
            o.AddFilter<HubErrorLogging>();
        });
        // HubErrorLogging writes failed hub calls itself (refusals as rate-limited warnings); the dispatcher's own entry
        // for them is an error with a stack trace that any client could repeat at will. Its warnings still pass.
        // Likewise a failed connect or disconnect, which the connection handler would log a second time (its only
        // error entry: safe because HubErrorLogging is global, so every hub's failures, Blazor's included, are logged).
        services.AddLogging(logging => logging
            .AddFilter(HubDispatcherLogCategory, level => level is LogLevel.Warning or LogLevel.Critical)
            .AddFilter(HubConnectionHandlerLogCategory, level => level is LogLevel.Warning or LogLevel.Critical));
        // Singletons: one event bus, store, relay and channel rule set per app node.
        services.AddSingleton<ILiveEventStore, EfLiveEventStore>();
        // TryAdd: a deployment (or a test) may put its own relay in front of this node's delivery.
        services.TryAddSingleton<ILiveEventRelay, InProcessLiveEventRelay>();
        services.AddSingleton<LiveEventBus>();
        services.AddSingleton<LiveEventDispatcher>();
        services.AddSingleton<ICommittedLiveEvents>(sp => sp.GetRequiredService<LiveEventDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventDispatcher>());
        services.AddSingleton<LiveChannelAccess>();
        return services;
    }
}

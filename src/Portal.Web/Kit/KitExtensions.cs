using Portal.Web.Kit.Callers;
using Portal.Web.Data.Live;
using Portal.Web.Kit.Commands;
using Portal.Web.Kit.Files;
using Portal.Web.Kit.Live;
using Portal.Web.Kit.Notifications;

namespace Portal.Web.Kit;

/// <summary>
/// The shared non-UI kit every slice uses: the caller of a scope, the unit of work, the
/// store of uploaded files, the
/// delivery of notifications (stored with the change, announced on the reader's user channel). (The result's text helper,
/// <see cref="Results.ResultText"/>, comes with the localization.)
/// </summary>
public static class KitExtensions
{
    public static IServiceCollection AddPortalKit(this IServiceCollection services)
    {
        services.AddPortalCallers();
        // Scoped = per circuit in Blazor, per request or hub call otherwise: the unit of work runs for the scope's caller.
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<ILiveChannelRule, UserChannelRule>();
        services.AddSingleton<ILiveEventMapper, NotificationLiveEvents>();
        return services;
    }
}

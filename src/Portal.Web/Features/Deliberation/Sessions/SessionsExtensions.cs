using Portal.Web.Features.Deliberation.Sessions.Export;
using Portal.Web.Features.Deliberation.Sessions.Pages;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.Sessions;

public static class SessionsExtensions
{
    public static IServiceCollection AddPortalDeliberationSessions(this IServiceCollection services) =>
        services.AddScoped<SessionService>()
            .AddPageSection<HomeSessions>(DeliberationHomeSlot.Sections)
            .AddPageSection<StartSessionSection>(MatterPageSlot.Actions)
            .AddPageSection<HomeSessionsWaiting>(PortalHomeSlot.Cards)
            .AddPortalSessionArchive();
}

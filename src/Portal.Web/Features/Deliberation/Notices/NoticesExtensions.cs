using Portal.Web.Data;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.Notices;

public static class NoticesExtensions
{
    public static IServiceCollection AddPortalDeliberationNotices(this IServiceCollection services)
    {
        services.AddScoped<NoticeService>();
        services.AddSingleton<IDomainEventHandler, ObjectionNotifier>();
        services.AddPageSection<SessionNoticeSection>(SessionPageSlot.AfterTimeline);
        services.AddSessionArchiveSection<NoticeArchiveSection>();
        return services;
    }
}

using Portal.Web.Data;

namespace Portal.Web.Features.Deliberation.Notices;

public static class NoticesExtensions
{
    public static IServiceCollection AddPortalDeliberationNotices(this IServiceCollection services)
    {
        services.AddScoped<NoticeService>();
        services.AddSingleton<IDomainEventHandler, ObjectionNotifier>();
        return services;
    }
}

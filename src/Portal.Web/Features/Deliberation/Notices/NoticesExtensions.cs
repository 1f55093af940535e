namespace Portal.Web.Features.Deliberation.Notices;

public static class NoticesExtensions
{
    public static IServiceCollection AddPortalDeliberationNotices(this IServiceCollection services) => services.AddScoped<NoticeService>();
}

using Portal.Web.Kit.Contracts;
using Portal.Web.Data;
using Portal.Web.Features.Deliberation.Matters.Pages;
using Portal.Web.Kit.Sections;

namespace Portal.Web.Features.Deliberation.Matters;

public static class MattersExtensions
{
    public static IServiceCollection AddPortalDeliberationMatters(this IServiceCollection services)
    {
        services.AddScoped<MatterService>();
        services.AddScoped<INeedDeliberation, NeedDeliberation>();
        services.AddSingleton<IDomainEventHandler, MatterNotifier>();
        services.AddPageSection<HomeMatters>(DeliberationHomeSlot.Sections);
        return services;
    }
}

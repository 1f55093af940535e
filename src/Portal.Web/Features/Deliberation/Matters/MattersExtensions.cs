using Portal.Web.Data;

namespace Portal.Web.Features.Deliberation.Matters;

public static class MattersExtensions
{
    public static IServiceCollection AddPortalDeliberationMatters(this IServiceCollection services)
    {
        services.AddScoped<MatterService>();
        services.AddSingleton<IDomainEventHandler, MatterNotifier>();
        return services;
    }
}
